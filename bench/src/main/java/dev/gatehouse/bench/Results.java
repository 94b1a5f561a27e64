package dev.gatehouse.bench;

import java.util.List;
import java.util.Map;

/** Everything one run produced: what results-<timestamp>.json holds. */
record Results(
        String startedAt,
        String finishedAt,
        Settings settings,
        Environment environment,
        List<ScenarioResult> scenarios,
        List<MemorySampler.MemorySnapshot> memory,
        Map<String, StartTimes.StartTime> startTimes,
        BoundsResult bounds) {

    /** The login and database ceilings, measured in the same run. */
    record BoundsResult(Bounds.Argon2 argon2, Bounds.Pgbench pgbench) {
    }

    /** How the load was shaped. */
    record Settings(long durationSeconds, long warmupSeconds, long jitWarmupSeconds, int rate, int concurrency,
            int users, List<String> scenarios, String target, double secondsUntilReady) {

        static Settings of(BenchOptions options, double secondsUntilReady) {
            return new Settings(options.duration().toSeconds(), options.warmup().toSeconds(),
                    options.jitWarmup().toSeconds(), options.rate(), options.concurrency(), options.users(),
                    options.scenarios(), "the local run on 127.0.0.1 (the gateway, or a service's own port for the "
                            + "-direct and otp scenarios), HTTP/1.1 keep-alive, one connection per virtual user",
                    secondsUntilReady);
        }
    }
}
