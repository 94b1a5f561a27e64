package dev.gatehouse.bench;

import java.util.List;

/** Everything one run produced: what results-<timestamp>.json holds. */
record Results(
        String startedAt,
        String finishedAt,
        Settings settings,
        Environment environment,
        List<ScenarioResult> scenarios,
        List<MemorySampler.MemorySnapshot> memory) {

    /** How the load was shaped. */
    record Settings(long durationSeconds, long warmupSeconds, int concurrency, int users, List<String> scenarios,
            String target, double secondsUntilReady) {

        static Settings of(BenchOptions options, double secondsUntilReady) {
            return new Settings(options.duration().toSeconds(), options.warmup().toSeconds(), options.concurrency(),
                    options.users(), options.scenarios(),
                    "the local run's gateway on 127.0.0.1, HTTP/1.1 keep-alive, one connection per virtual user",
                    secondsUntilReady);
        }
    }
}
