package dev.gatehouse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The load generator bench/run starts once the local run is up: measures idle memory, prepares accounts, runs each
 * scenario (warm-up, then the measured phase), measures memory again, and reports. It never starts or stops
 * anything itself; bench/run owns the local run.
 */
public final class Bench {

    private final BenchOptions options;

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
            if (!options.validateOnly()) {
                options.requireLocalRun();
            }
        } catch (IllegalArgumentException badOption) {
            System.err.println(badOption.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.validateOnly()) {
            return;
        }
        try {
            new Bench(options).run();
        } catch (Exception failure) {
            System.err.println("[bench] failed: " + failure.getMessage());
            // The expected failures (not ready, setup refused) say everything in their message; others need a trace.
            if (!(failure instanceof IllegalStateException)) {
                failure.printStackTrace();
            }
            // Vert.x threads would otherwise keep a failed run's JVM alive.
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        String startedAt = Instant.now().toString();
        progress("Waiting for the local run to be ready (log: bench/target/local-run.log)...");
        Readiness.Ready ready = Readiness.await(options);
        MemorySampler memory = MemorySampler.locate(options.launcherPid(), options.stateDirectory(),
                BenchOptions.SERVICES);
        Map<String, StartTimes.StartTime> startTimes = StartTimes.of(memory.servicePids(), ready.readyAt(),
                options.stateDirectory().resolve("logs"));
        List<MemorySampler.MemorySnapshot> snapshots = new ArrayList<>();
        snapshots.add(memory.sample("idle, after start"));
        String loadAverageBefore = ProcFs.loadAverage();

        // One event loop: the generator shares the machine with what it measures, and one core is plenty for it.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        List<ScenarioResult> results = new ArrayList<>();
        Bounds.Argon2 argon2;
        try (Http gateway = new Http(vertx, options.port("gateway"), options.concurrency());
                Http auth = new Http(vertx, options.port("auth-service"), options.concurrency());
                Http otp = new Http(vertx, options.port("otp-service"), options.concurrency())) {
            Scenarios.Targets targets = new Scenarios.Targets(gateway, auth, otp,
                    ServiceTokens.of(auth, options.stateDirectory()));
            Fixture fixture = null;
            if (Scenarios.needFixture(options.scenarios())) {
                progress("Registering " + options.users() + " accounts, logging in " + options.concurrency()
                        + " sessions, creating " + options.concurrency() + " companies"
                        + (Scenarios.needJoinFixture(options.scenarios()) ? " and activating them" : "") + "...");
                fixture = Fixture.prepare(gateway, options.users(), options.concurrency(),
                        Scenarios.needJoinFixture(options.scenarios()));
            }
            LoadRunner runner = new LoadRunner(vertx);
            Map<String, Scenario> scenarios = new LinkedHashMap<>();
            for (String name : options.scenarios()) {
                scenarios.put(name, Scenarios.create(name, targets, fixture, options.concurrency()));
            }
            if (!options.jitWarmup().isZero()) {
                // Every scenario's code paths, in all the services, before anything is measured: C2 compiles what
                // runs hot, and a scenario measured first would otherwise pay for the others' compilation too.
                long each = Math.max(1, options.jitWarmup().toSeconds() / scenarios.size());
                progress("JIT warm-up: " + each + " s of each scenario, closed loop, unmeasured");
                for (Scenario scenario : scenarios.values()) {
                    runner.run(scenario, options.concurrency(), Duration.ofSeconds(each), 0);
                }
            }
            // Timed between the JIT warm-up and the first measured scenario (login, when it runs): the machine is
            // then in the state login is measured in. Just after start the services are still compiling (C2 works
            // for tens of seconds); after the load PostgreSQL vacuums what it wrote, and a hash timed then made one
            // run's bound a third lower than what its logins reached.
            progress("Timing one Argon2id hash at auth-service's parameters (the login bound)...");
            argon2 = Bounds.argon2();
            progress(String.format(Locale.ROOT, "Argon2id: %.1f ms per hash, %d cores: at most %.1f logins/s",
                    argon2.hashMillis(), argon2.cores(), argon2.loginCeiling()));
            for (Scenario scenario : scenarios.values()) {
                String name = scenario.name();
                if (!options.warmup().isZero()) {
                    progress(name + ": warm-up " + options.warmup().toSeconds() + " s");
                    runner.run(scenario, options.concurrency(), options.warmup(), options.rate());
                }
                progress(name + ": measuring " + options.duration().toSeconds() + " s"
                        + (options.rate() > 0 ? " at " + options.rate() + " requests/s (open loop)" : ""));
                Map<String, Long> cpuBefore = memory.cpuMillis();
                LoadRunner.PhaseResult phase = runner.run(scenario, options.concurrency(), options.duration(),
                        options.rate());
                ScenarioResult result = ScenarioResult.of(scenario, phase, cpuBefore, memory.cpuMillis());
                results.add(result);
                progress(String.format(Locale.ROOT, "%s: %d requests, %d errors, %.1f req/s", name, result.requests(),
                        result.errorCount(), result.throughput()));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        snapshots.add(memory.sample("after load"));

        progress("pgbench on the same PostgreSQL (the database bound)...");
        Bounds.Pgbench pgbench = Bounds.pgbench(options.postgresPort(), options.concurrency(),
                options.pgbenchSeconds(), options.resultsDirectory());
        progress("pgbench: " + (pgbench.transactionsPerSecond() == null ? pgbench.note()
                : pgbench.transactionsPerSecond() + " transactions/s"));

        Results report = new Results(startedAt, Instant.now().toString(),
                Results.Settings.of(options, Math.round(ready.untilAllReady().toMillis() / 100.0) / 10.0),
                Environment.collect(options, memory, loadAverageBefore), results, snapshots, startTimes,
                new Results.BoundsResult(argon2, pgbench));
        Path file = options.resultsDirectory().resolve("results-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        Report.writeJson(report, file);
        System.out.println();
        System.out.print(Report.text(report));
        System.out.println("Results: " + display(file));
        if (results.stream().anyMatch(result -> result.errorCount() > 0)) {
            System.out.println("WARNING: some requests failed; their latencies are in the percentiles too.");
        }
    }

    /** Relative to where bench/run runs (the repository root), so the output names no machine paths. */
    private static String display(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }

    /** Progress goes to stderr, so stdout is the report alone. */
    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
