package dev.gatehouse.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario's measured phase (the warm-up is not in it).
 *
 * @param requests every request that completed in the phase, errors included
 * @param errors the requests whose status was not the expected one, by status ("timeout", "transport": no answer)
 * @param throughput requests per second over the phase, errors included
 * @param latencyMs percentiles over every completed request, errors included
 * @param cpuMillisPerRequest per process, the CPU time it used during the phase divided by the requests: where a
 *        request's cost goes (the gateway, each service, PostgreSQL, the load generator itself)
 */
record ScenarioResult(String name, String description, int expectedStatus, long requests, long errorCount,
        Map<String, Long> errors, double elapsedSeconds, double throughput, LatencySummary latencyMs,
        Map<String, Double> cpuMillisPerRequest) {

    static ScenarioResult of(Scenario scenario, LoadRunner.PhaseResult phase) {
        return of(scenario, phase, Map.of(), Map.of());
    }

    /** With the processes' CPU milliseconds read just before and just after the phase. */
    static ScenarioResult of(Scenario scenario, LoadRunner.PhaseResult phase, Map<String, Long> cpuBefore,
            Map<String, Long> cpuAfter) {
        double seconds = phase.elapsed().toNanos() / 1e9;
        Map<String, Double> perRequest = new LinkedHashMap<>();
        if (phase.requests() > 0) {
            cpuAfter.forEach((process, after) -> perRequest.put(process,
                    Math.round(Math.max(0, after - cpuBefore.getOrDefault(process, after)) * 1000.0
                            / phase.requests()) / 1000.0));
        }
        return new ScenarioResult(scenario.name(), scenario.description(), scenario.expectedStatus(),
                phase.requests(), phase.errorCount(), phase.errors(), Math.round(seconds * 1000) / 1000.0,
                Math.round(phase.throughput() * 10) / 10.0, LatencySummary.ofMicros(phase.latencyMicros()),
                perRequest);
    }
}
