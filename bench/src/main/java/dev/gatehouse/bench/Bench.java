package dev.gatehouse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        Duration untilReady = Readiness.await(options);
        MemorySampler memory = MemorySampler.locate(options.launcherPid(), options.stateDirectory(),
                BenchOptions.SERVICES);
        List<MemorySampler.MemorySnapshot> snapshots = new ArrayList<>();
        snapshots.add(memory.sample("idle, after start"));
        String loadAverageBefore = ProcFs.loadAverage();

        // One event loop: the generator shares the machine with what it measures, and one core is plenty for it.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        List<ScenarioResult> results = new ArrayList<>();
        try (Http http = new Http(vertx, options.port("gateway"), options.concurrency())) {
            Fixture fixture = null;
            if (Scenarios.needFixture(options.scenarios())) {
                progress("Registering " + options.users() + " accounts, logging in " + options.concurrency()
                        + " sessions, creating " + options.concurrency() + " companies...");
                fixture = Fixture.prepare(http, options.users(), options.concurrency());
            }
            LoadRunner runner = new LoadRunner(vertx);
            for (String name : options.scenarios()) {
                Scenario scenario = Scenarios.create(name, http, fixture, options.concurrency());
                if (!options.warmup().isZero()) {
                    progress(name + ": warm-up " + options.warmup().toSeconds() + " s");
                    runner.run(scenario, options.concurrency(), options.warmup());
                }
                progress(name + ": measuring " + options.duration().toSeconds() + " s");
                ScenarioResult result = ScenarioResult.of(scenario,
                        runner.run(scenario, options.concurrency(), options.duration()));
                results.add(result);
                progress(String.format(Locale.ROOT, "%s: %d requests, %d errors, %.1f req/s", name, result.requests(),
                        result.errorCount(), result.throughput()));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        snapshots.add(memory.sample("after load"));

        Results report = new Results(startedAt, Instant.now().toString(),
                Results.Settings.of(options, Math.round(untilReady.toMillis() / 100.0) / 10.0),
                Environment.collect(options, memory, loadAverageBefore), results, snapshots);
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
