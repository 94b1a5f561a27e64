package dev.gatehouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;

/**
 * The two loop shapes against a fake system that always takes 50 ms and serves one request at a time. The assertions
 * hold however slow the machine is: a slower machine only makes the system look slower still.
 */
class LoadRunnerTest {

    private static final long SERVICE_MILLIS = 50;

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private Scenario slowSystem(AtomicInteger sent) {
        return new Scenario("slow", "answers after 50 ms", 200, vu -> {
            sent.incrementAndGet();
            Promise<Http.Reply> reply = Promise.promise();
            vertx.setTimer(SERVICE_MILLIS, id -> reply.complete(new Http.Reply(200, Buffer.buffer())));
            return reply.future();
        });
    }

    @Test
    void closedLoopWaitsForEachAnswerSoItsLatencyHidesTheQueue() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        LoadRunner.PhaseResult result = new LoadRunner(vertx).run(slowSystem(sent), 1, Duration.ofSeconds(1), 0);

        assertEquals(sent.get(), result.requests());
        assertEquals(0, result.errorCount());
        // Every request took about the service time: nothing shows that clients would have queued.
        assertTrue(result.latencyMicros().getValueAtPercentile(50) < 10 * SERVICE_MILLIS * 1_000,
                "p50 " + result.latencyMicros().getValueAtPercentile(50) + " µs");
    }

    @Test
    void openLoopCountsTheWaitFromEachRequestsDueTime() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        // 100 requests/s due, one virtual user that can finish at most 20/s.
        LoadRunner.PhaseResult result = new LoadRunner(vertx).run(slowSystem(sent), 1, Duration.ofSeconds(1), 100);

        long unsent = result.errors().getOrDefault("unsent", 0L);
        assertTrue(sent.get() <= 25, "one user at 50 ms each sends about 20 in a second, not " + sent.get());
        assertTrue(unsent >= 50, "the requests that never found a free user are counted: " + result.errors());
        assertEquals(sent.get() + unsent, result.requests(), "every due request is in the figures");
        assertEquals(100, result.requests(), "a second at 100 per second: 100 requests fall due, no more");
        // The queue grew all second long: the late requests waited for hundreds of milliseconds.
        assertTrue(result.latencyMicros().getMaxValue() >= 500_000,
                "max " + result.latencyMicros().getMaxValue() + " µs");
    }
}
