package dev.gatehouse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the load generator. bench/run passes the ports, pids and directories of the local run it
 * started; a person passes only the first block of options (bench/run forwards them).
 *
 * @param duration how long each scenario is measured
 * @param warmup how long each scenario runs, unmeasured, just before its measurement
 * @param jitWarmup how long all the chosen scenarios run, in turn and unmeasured, before the first measurement, so
 *        that the services' hot paths are compiled by C2 rather than measured while C1 code runs
 * @param rate requests per second of an open loop; 0 for a closed loop
 * @param concurrency virtual users, each with one request in flight at a time
 * @param users accounts registered before the scenarios; logins and sessions are spread over them
 * @param scenarios the scenarios to run, in this order
 * @param pgbenchSeconds how long pgbench runs for the database bound; 0 skips it
 * @param ports the local run's ports: "gateway" and each service name
 * @param postgresPort the embedded PostgreSQL's port; 0 when the local run uses an external server
 * @param launcherPid the pid of deploy/local/run's JVM, whose children are the services
 * @param stateDirectory the local run's state directory (PostgreSQL's data, hence its postmaster.pid)
 * @param resultsDirectory where results-<timestamp>.json goes
 * @param gitCommit the commit the services were built from, as bench/run saw it
 * @param gitDirty whether the working tree had changes then
 * @param validateOnly check the options and exit, before anything is started
 */
record BenchOptions(
        Duration duration,
        Duration warmup,
        Duration jitWarmup,
        int rate,
        int concurrency,
        int users,
        List<String> scenarios,
        int pgbenchSeconds,
        Map<String, Integer> ports,
        int postgresPort,
        long launcherPid,
        Path stateDirectory,
        Path resultsDirectory,
        String gitCommit,
        boolean gitDirty,
        boolean validateOnly) {

    /** Every JVM of Gatehouse the local run starts besides its launcher: the four services and the console. */
    static final List<String> SERVICES = List.of("auth-service", "otp-service", "company-service",
            "approval-service", "console-service");
    static final String USAGE = """
            Options (bench/run forwards them):
              --duration SECONDS      measured time per scenario (default 20)
              --warmup SECONDS        unmeasured time per scenario just before that (default 5)
              --jit-warmup SECONDS    unmeasured time of all the scenarios, in turn, before the first
                                      measurement, for the C2 compiler (default 60)
              --rate N                open loop: N requests per second per scenario, latency from the time
                                      each was due (default 0: closed loop)
              --concurrency N         virtual users, one request in flight each (default 16)
              --users N               accounts registered first (default 50)
              --scenarios a,b,...     any of %s (default: all, in that order)
              --pgbench-seconds S     how long pgbench measures PostgreSQL's write rate (default 10; 0 skips)
            """.formatted(String.join(",", Scenarios.NAMES));

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean validateOnly = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--validate-only")) {
                validateOnly = true;
            } else if (name.startsWith("--") && i + 1 < args.length) {
                values.put(name.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown or incomplete option: " + name);
            }
        }
        Options options = new Options(values);
        Duration duration = Duration.ofSeconds(options.positive("duration", 20));
        Duration warmup = Duration.ofSeconds(options.nonNegative("warmup", 5));
        Duration jitWarmup = Duration.ofSeconds(options.nonNegative("jit-warmup", 60));
        int rate = options.nonNegative("rate", 0);
        int concurrency = options.positive("concurrency", 16);
        int users = options.positive("users", 50);
        List<String> scenarios = scenarios(options.text("scenarios", String.join(",", Scenarios.NAMES)));
        int pgbenchSeconds = options.nonNegative("pgbench-seconds", 10);
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", options.positive("port-gateway", 0));
        for (String service : SERVICES) {
            ports.put(service, options.positive("port-" + service, 0));
        }
        BenchOptions parsed = new BenchOptions(duration, warmup, jitWarmup, rate, concurrency, users, scenarios,
                pgbenchSeconds, Map.copyOf(ports), options.nonNegative("port-postgres", 0),
                options.positive("launcher-pid", 0),
                Path.of(options.text("state-dir", ".")).toAbsolutePath().normalize(),
                Path.of(options.text("results-dir", ".")).toAbsolutePath().normalize(),
                options.text("git-commit", "unknown"),
                Boolean.parseBoolean(options.text("git-dirty", "false")),
                validateOnly);
        options.requireAllUsed();
        return parsed;
    }

    int port(String name) {
        return ports.get(name);
    }

    /** Everything bench/run sets; a missing one means the generator was started by hand without a local run. */
    void requireLocalRun() {
        if (launcherPid == 0 || ports.containsValue(0)) {
            throw new IllegalArgumentException("The ports and --launcher-pid of a local run are missing: "
                    + "start the benchmark with bench/run");
        }
    }

    private static List<String> scenarios(String list) {
        List<String> chosen = new ArrayList<>();
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (!Scenarios.NAMES.contains(trimmed)) {
                throw new IllegalArgumentException("Unknown scenario '" + trimmed + "'; choose from "
                        + String.join(",", Scenarios.NAMES));
            }
            if (!chosen.contains(trimmed)) {
                chosen.add(trimmed);
            }
        }
        return List.copyOf(chosen);
    }

    /** Typed reads of the raw options that remember which were read, so a misspelt option is an error. */
    private static final class Options {
        private final Map<String, String> values;

        Options(Map<String, String> values) {
            this.values = new LinkedHashMap<>(values);
        }

        String text(String name, String fallback) {
            String value = values.remove(name);
            return value == null ? fallback : value;
        }

        int positive(String name, int fallback) {
            return number(name, fallback, 1);
        }

        int nonNegative(String name, int fallback) {
            return number(name, fallback, 0);
        }

        /** The fallback applies only when the option is absent; a given value must be at least the minimum. */
        private int number(String name, int fallback, int minimum) {
            String value = values.remove(name);
            if (value == null) {
                return fallback;
            }
            int parsed;
            try {
                parsed = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
            }
            if (parsed < minimum) {
                throw new IllegalArgumentException("--" + name + " must be at least " + minimum);
            }
            return parsed;
        }

        void requireAllUsed() {
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("Unknown option: --" + values.keySet().iterator().next());
            }
        }
    }
}
