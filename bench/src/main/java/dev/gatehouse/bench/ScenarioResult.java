package dev.gatehouse.bench;

import java.util.Map;

/**
 * One scenario's measured phase (the warm-up is not in it).
 *
 * @param requests every request that completed in the phase, errors included
 * @param errors the requests whose status was not the expected one, by status ("timeout", "transport": no answer)
 * @param throughput requests per second over the phase, errors included
 * @param latencyMs percentiles over every completed request, errors included
 */
record ScenarioResult(String name, String description, int expectedStatus, long requests, long errorCount,
        Map<String, Long> errors, double elapsedSeconds, double throughput, LatencySummary latencyMs) {

    static ScenarioResult of(Scenario scenario, LoadRunner.PhaseResult phase) {
        double seconds = phase.elapsed().toNanos() / 1e9;
        return new ScenarioResult(scenario.name(), scenario.description(), scenario.expectedStatus(),
                phase.requests(), phase.errorCount(), phase.errors(), Math.round(seconds * 1000) / 1000.0,
                Math.round(phase.throughput() * 10) / 10.0, LatencySummary.ofMicros(phase.latencyMicros()));
    }
}
