package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The results as a table for people and as JSON for tools. */
final class Report {

    static final String GATEHOUSE_TOTAL = "Gatehouse: services and console";

    private Report() {
    }

    static String text(Results results) {
        Environment env = results.environment();
        Results.Settings settings = results.settings();
        StringBuilder out = new StringBuilder();
        out.append("Gatehouse benchmark, ").append(results.startedAt()).append(" to ").append(results.finishedAt())
                .append(", commit ").append(env.gitCommit())
                .append(env.gitUncommittedChanges() ? " with uncommitted changes" : "").append('\n');
        out.append(String.format(Locale.ROOT, "Machine:  %d CPUs (%s), %.1f GiB memory, load average %s before, "
                + "%s after%n", env.cpus(), env.cpuModel(), env.memoryTotalMiB() / 1024.0, env.loadAverageBefore(),
                env.loadAverageAfter()));
        out.append("Services: ").append(env.servicesJava()).append(", JVM mode (not native), ")
                .append(serviceOptions(env.serviceJvmOptions())).append('\n');
        String shape = settings.rate() > 0
                ? "open loop at " + settings.rate() + " requests/s, latency from each request's due time, at most "
                        + settings.concurrency() + " in flight"
                : settings.concurrency() + " virtual users (closed loop)";
        out.append(String.format(Locale.ROOT, "Load:     %s, %d s JIT warm-up of all scenarios, then %d s warm-up + "
                + "%d s measured per scenario, %d accounts, on 127.0.0.1%n%n", shape, settings.jitWarmupSeconds(),
                settings.warmupSeconds(), settings.durationSeconds(), settings.users()));

        out.append(scenarioTable(results.scenarios()));
        String cpu = cpuTable(results.scenarios());
        if (!cpu.isEmpty()) {
            out.append('\n').append(cpu);
        }
        String errors = errors(results.scenarios());
        if (!errors.isEmpty()) {
            out.append("Errors:   ").append(errors).append('\n');
        }
        if (results.bounds() != null) {
            out.append('\n').append(bounds(results.bounds(), results.scenarios()));
        }
        out.append('\n').append(memoryTable(results.memory())).append('\n');
        if (results.startTimes() != null && !results.startTimes().isEmpty()) {
            out.append(startTable(results.startTimes())).append('\n');
        }
        out.append("What the scenarios exercise:\n");
        for (ScenarioResult scenario : results.scenarios()) {
            out.append("  ").append(scenario.name()).append(": ").append(scenario.description()).append('\n');
        }
        return out.toString();
    }

    static String scenarioTable(List<ScenarioResult> scenarios) {
        TextTable table = new TextTable("scenario", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms",
                "p99.9 ms", "max ms");
        for (ScenarioResult s : scenarios) {
            LatencySummary l = s.latencyMs();
            table.row(s.name(), s.requests(), s.errorCount(), decimal(s.throughput(), 1), decimal(l.p50(), 2),
                    decimal(l.p90(), 2), decimal(l.p99(), 2), decimal(l.p999(), 2), decimal(l.max(), 2));
        }
        return table.render();
    }

    /**
     * CPU milliseconds per request, per process, in the measured phase. Their sum is what one request costs the
     * machine; cores ÷ that sum is the most this machine could serve with every process on it.
     */
    static String cpuTable(List<ScenarioResult> scenarios) {
        List<String> processes = scenarios.stream().flatMap(s -> s.cpuMillisPerRequest().keySet().stream())
                .distinct().toList();
        if (processes.isEmpty()) {
            return "";
        }
        List<String> header = new ArrayList<>();
        header.add("CPU ms per request");
        processes.stream().map(Report::shortName).forEach(header::add);
        header.add("total");
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (ScenarioResult s : scenarios) {
            List<Object> row = new ArrayList<>();
            row.add(s.name());
            double total = 0;
            for (String process : processes) {
                Double value = s.cpuMillisPerRequest().get(process);
                total += value == null ? 0 : value;
                row.add(value == null ? "-" : decimal(value, 3));
            }
            row.add(decimal(total, 3));
            table.row(row.toArray());
        }
        return table.render();
    }

    private static String shortName(String process) {
        return switch (process) {
            case MemorySampler.LAUNCHER -> "gateway";
            case MemorySampler.POSTGRES -> "postgres";
            case MemorySampler.LOAD_GENERATOR -> "generator";
            default -> process.replace("-service", "");
        };
    }

    /**
     * Idle is the first snapshot, after load the last; the peak (VmHWM) and PSS are read with the last one. A last
     * row adds up Gatehouse's own JVMs (the services and the console): what a deployment runs, where a gateway of
     * its own replaces the launcher. Their peaks are not added: they did not happen at the same time.
     */
    static String memoryTable(List<MemorySampler.MemorySnapshot> snapshots) {
        TextTable table = new TextTable("memory, MiB", "idle RSS", "after RSS", "peak RSS", "after PSS");
        MemorySampler.MemorySnapshot idle = snapshots.get(0);
        MemorySampler.MemorySnapshot after = snapshots.get(snapshots.size() - 1);
        long idleTotal = 0;
        long afterTotal = 0;
        Long pssTotal = 0L;
        int counted = 0;
        for (int i = 0; i < after.processes().size(); i++) {
            MemorySampler.ProcessMemory now = after.processes().get(i);
            MemorySampler.ProcessMemory before = idle.processes().get(i);
            String name = now.pids().size() > 1 ? now.name() + ", " + now.pids().size() + " now" : now.name();
            table.row(name, mebibytes(before.rssKiB()), mebibytes(now.rssKiB()), mebibytes(now.peakRssKiB()),
                    now.pssKiB() == null ? "-" : mebibytes(now.pssKiB()));
            if (BenchOptions.SERVICES.contains(now.name())) {
                counted++;
                idleTotal += before.rssKiB();
                afterTotal += now.rssKiB();
                pssTotal = pssTotal == null || now.pssKiB() == null ? null : pssTotal + now.pssKiB();
            }
        }
        if (counted > 0) {
            table.row(GATEHOUSE_TOTAL + " (" + counted + " JVMs)", mebibytes(idleTotal), mebibytes(afterTotal), "-",
                    pssTotal == null ? "-" : mebibytes(pssTotal));
        }
        return table.render();
    }

    /** The login bound next to login's figure, and PostgreSQL's write rate next to nothing: it is a ceiling. */
    static String bounds(Results.BoundsResult bounds, List<ScenarioResult> scenarios) {
        StringBuilder out = new StringBuilder();
        Bounds.Argon2 argon2 = bounds.argon2();
        String login = scenarios.stream().filter(s -> s.name().equals("login")).findFirst()
                .map(s -> String.format(Locale.ROOT, "; login measured %.1f req/s, %.0f %% of it",
                        s.throughput(), 100 * s.throughput() / argon2.loginCeiling()))
                .orElse("");
        out.append(String.format(Locale.ROOT, "Bound:    %s takes %.1f ms on one core: %d cores / %.1f ms = %.1f "
                + "logins/s at most%s%n", argon2.parameters(), argon2.hashMillis(), argon2.cores(),
                argon2.hashMillis(), argon2.loginCeiling(), login));
        Bounds.Pgbench pgbench = bounds.pgbench();
        out.append("Bound:    PostgreSQL ").append(pgbench.transactionsPerSecond() == null ? pgbench.note()
                : String.format(Locale.ROOT, "%.1f update+insert transactions/s (%s)",
                        pgbench.transactionsPerSecond(), pgbench.note()))
                .append('\n');
        return out.toString();
    }

    static String startTable(Map<String, StartTimes.StartTime> times) {
        TextTable table = new TextTable("start, s", "JVM start to ready", "Quarkus started in");
        times.forEach((service, time) -> table.row(service, seconds(time.jvmToReadySeconds()),
                seconds(time.quarkusStartedSeconds())));
        return table.render();
    }

    private static String seconds(Double value) {
        return value == null ? "-" : decimal(value, 2);
    }

    static void writeJson(Results results, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), results);
    }

    private static String serviceOptions(Map<String, List<String>> options) {
        if (new HashSet<>(options.values()).size() == 1) {
            return "options " + String.join(" ", options.values().iterator().next());
        }
        return options.entrySet().stream().map(e -> e.getKey() + " " + String.join(" ", e.getValue()))
                .collect(Collectors.joining("; ", "options: ", ""));
    }

    private static String errors(List<ScenarioResult> scenarios) {
        return scenarios.stream().filter(s -> s.errorCount() > 0)
                .map(s -> s.name() + " " + s.errors().entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static String mebibytes(long kib) {
        return decimal(kib / 1024.0, 1);
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
