package dev.gatehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void percentilesOfOneToAThousandMilliseconds() {
        Histogram micros = new Histogram(3);
        for (int ms = 1; ms <= 1000; ms++) {
            micros.recordValue(ms * 1_000L);
        }

        LatencySummary summary = LatencySummary.ofMicros(micros);

        // HdrHistogram reports a bucket's highest value: within 0.1 % of the exact value at 3 digits.
        assertEquals(500, summary.p50(), 0.5);
        assertEquals(900, summary.p90(), 0.9);
        assertEquals(990, summary.p99(), 1.0);
        assertEquals(999, summary.p999(), 1.0);
        assertEquals(1000, summary.max(), 1.0);
        assertEquals(500.5, summary.mean(), 0.5);
    }

    @Test
    void noRequestsGiveZeros() {
        assertEquals(new LatencySummary(0, 0, 0, 0, 0, 0), LatencySummary.ofMicros(new Histogram(3)));
    }

    @Test
    void throughputCountsEveryRequestOverTheWholePhase() {
        Histogram micros = new Histogram(3);
        micros.recordValue(2_000);
        LoadRunner.PhaseResult phase = new LoadRunner.PhaseResult(micros, 50, Map.of("401", 3L, "transport", 1L),
                Duration.ofSeconds(2));
        Scenario scenario = new Scenario("me", "GET /users/me", 200, vu -> null);

        ScenarioResult result = ScenarioResult.of(scenario, phase);

        assertEquals(25.0, result.throughput());
        assertEquals(4, result.errorCount());
        assertEquals(2.0, result.latencyMs().p50(), 0.01);
    }

    @Test
    void cpuPerRequestIsEachProcesssTimeInThePhaseOverItsRequests() {
        Histogram micros = new Histogram(3);
        micros.recordValue(2_000);
        LoadRunner.PhaseResult phase = new LoadRunner.PhaseResult(micros, 400, Map.of(), Duration.ofSeconds(10));
        Scenario scenario = new Scenario("login", "POST /auth/login", 200, vu -> null);
        Map<String, Long> before = new LinkedHashMap<>();
        before.put(MemorySampler.LAUNCHER, 1_000L);
        before.put("auth-service", 50_000L);
        before.put(MemorySampler.POSTGRES, 7_000L);
        Map<String, Long> after = new LinkedHashMap<>();
        after.put(MemorySampler.LAUNCHER, 1_200L);
        after.put("auth-service", 62_000L);
        after.put(MemorySampler.POSTGRES, 7_400L);

        ScenarioResult result = ScenarioResult.of(scenario, phase, before, after);
        String[] lines = Report.cpuTable(List.of(result)).split("\n");

        assertEquals(Map.of(MemorySampler.LAUNCHER, 0.5, "auth-service", 30.0, MemorySampler.POSTGRES, 1.0),
                result.cpuMillisPerRequest());
        assertTrue(lines[0].matches("CPU ms per request +gateway +auth +postgres +total"), lines[0]);
        assertTrue(lines[1].matches("login +0\\.500 +30\\.000 +1\\.000 +31\\.500"), lines[1]);
    }

    @Test
    void tableAlignsNumbersRight() {
        ScenarioResult jwks = new ScenarioResult("jwks", "GET /.well-known/jwks.json", 200, 12345, 0, Map.of(),
                10.0, 1234.5, new LatencySummary(1.25, 2.5, 5, 10, 20.125, 1.5), Map.of());

        String[] lines = Report.scenarioTable(List.of(jwks)).split("\n");

        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("scenario  requests  errors"), lines[0]);
        assertTrue(lines[1].startsWith("jwks         12345       0  1234.5"), lines[1]);
        assertTrue(lines[1].endsWith("20.13"), lines[1]);
        assertEquals(lines[0].length(), lines[1].length());
    }

    @Test
    void theLoginBoundStandsBesideLoginsFigure() {
        ScenarioResult login = new ScenarioResult("login", "POST /auth/login", 200, 300, 0, Map.of(), 20.0, 15.0,
                new LatencySummary(1, 2, 3, 4, 5, 1), Map.of());
        Results.BoundsResult bounds = new Results.BoundsResult(
                new Bounds.Argon2("Argon2id m=19456 KiB, t=2, p=1", 100.0, 2, 20.0),
                new Bounds.Pgbench(null, "skipped: pgbench is not installed"));

        String[] lines = Report.bounds(bounds, List.of(login)).split("\n");

        assertTrue(lines[0].contains("2 cores / 100.0 ms = 20.0 logins/s at most; login measured 15.0 req/s, 75 %"),
                lines[0]);
        assertTrue(lines[1].endsWith("skipped: pgbench is not installed"), lines[1]);
    }

    @Test
    void gatehousesTotalAddsTheServicesAndTheConsoleButNotTheLauncherNorPostgres() {
        MemorySampler.MemorySnapshot idle = snapshot("idle", 100, 150, 140, 130, 130, 120, 110, 90);
        MemorySampler.MemorySnapshot after = snapshot("after", 120, 200, 170, 175, 172, 125, 1000, 95);

        String[] lines = Report.memoryTable(List.of(idle, after)).split("\n");

        String total = lines[lines.length - 1];
        assertTrue(total.startsWith(Report.GATEHOUSE_TOTAL + " (5 JVMs)"), total);
        // RSS idle 150+140+130+130+120, after 200+170+175+172+125; PSS is half the RSS here; no summed peak.
        assertTrue(total.matches(".*\\s670\\.0\\s+842\\.0\\s+-\\s+421\\.0$"), total);
        assertEquals(lines[0].length(), total.length());
    }

    /** The launcher, the services in order, PostgreSQL, the generator: RSS in MiB, peak equal, PSS half of it. */
    private static MemorySampler.MemorySnapshot snapshot(String label, long... rssMiB) {
        List<String> names = new ArrayList<>();
        names.add(MemorySampler.LAUNCHER);
        names.addAll(BenchOptions.SERVICES);
        names.add(MemorySampler.POSTGRES);
        names.add(MemorySampler.LOAD_GENERATOR);
        assertEquals(names.size(), rssMiB.length);
        List<MemorySampler.ProcessMemory> processes = new ArrayList<>();
        for (int i = 0; i < rssMiB.length; i++) {
            long kib = rssMiB[i] * 1024;
            processes.add(new MemorySampler.ProcessMemory(names.get(i), List.of((long) i + 1), kib, kib, kib / 2));
        }
        return new MemorySampler.MemorySnapshot(label, "2026-01-01T00:00:00Z", processes);
    }
}
