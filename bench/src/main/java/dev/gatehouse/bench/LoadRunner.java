package dev.gatehouse.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A closed loop: every virtual user sends one request, waits for the whole answer, records it and sends the next,
 * until the phase's time is up. All virtual users run on one Vert.x event loop, so the histogram and the counters
 * are touched by one thread only and the generator takes at most one core from the system under test.
 * <p>
 * A closed loop measures what a client with this many parallel users sees; when the system stalls, the users wait
 * instead of queueing more work (coordinated omission), so the high percentiles are a lower bound of what an
 * open-loop client at the same rate would see.
 */
final class LoadRunner {

    /** Requests still in flight at the deadline get this long to finish before the phase is abandoned. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(40);

    private final Vertx vertx;

    LoadRunner(Vertx vertx) {
        this.vertx = vertx;
    }

    PhaseResult run(Scenario scenario, int concurrency, Duration duration) throws InterruptedException {
        Phase phase = new Phase(scenario, concurrency, vertx.getOrCreateContext());
        phase.start(duration);
        if (!phase.finished.await(duration.plus(DRAIN_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(scenario.name() + ": requests still unanswered " + DRAIN_TIMEOUT.toSeconds()
                    + " s after the end of the phase");
        }
        return phase.result();
    }

    /**
     * What one phase counted: every completed request's latency, and the answers that were not the expected status
     * by status ("timeout" or "transport" when there was no answer).
     */
    record PhaseResult(Histogram latencyMicros, long requests, Map<String, Long> errors, Duration elapsed) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double throughput() {
            return requests / (elapsed.toNanos() / 1e9);
        }
    }

    private static final class Phase {
        private final Scenario scenario;
        private final int concurrency;
        private final Context context;
        private final CountDownLatch finished;
        // Three significant digits: 1 ms is told apart from 1.001 ms, and the histogram grows to any maximum.
        private final Histogram histogram = new Histogram(3);
        private final Map<String, Long> errors = new TreeMap<>();
        private long requests;
        private long started;
        private long deadline;
        private long ended;

        Phase(Scenario scenario, int concurrency, Context context) {
            this.scenario = scenario;
            this.concurrency = concurrency;
            this.context = context;
            this.finished = new CountDownLatch(concurrency);
        }

        void start(Duration duration) {
            context.runOnContext(ignored -> {
                started = System.nanoTime();
                deadline = started + duration.toNanos();
                for (int vu = 0; vu < concurrency; vu++) {
                    next(vu);
                }
            });
        }

        /** Runs on the event loop only. */
        private void next(int vu) {
            long sent = System.nanoTime();
            if (sent >= deadline) {
                ended = sent;
                finished.countDown();
                return;
            }
            Future<Http.Reply> reply;
            try {
                reply = scenario.call().apply(vu);
            } catch (RuntimeException e) {
                reply = Future.failedFuture(e);
            }
            reply.onComplete(outcome -> {
                histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                requests++;
                if (outcome.failed()) {
                    errors.merge(failure(outcome.cause()), 1L, Long::sum);
                } else if (outcome.result().status() != scenario.expectedStatus()) {
                    errors.merge(String.valueOf(outcome.result().status()), 1L, Long::sum);
                }
                // Through the context, never directly: an answer that completes at once must not deepen the stack.
                context.runOnContext(ignored -> next(vu));
            });
        }

        /** No status to count it under: the request timed out, or the connection failed. */
        private static String failure(Throwable cause) {
            return cause.getClass().getSimpleName().contains("Timeout") ? "timeout" : "transport";
        }

        /** Called after the latch opened, which orders it after every write on the event loop. */
        PhaseResult result() {
            return new PhaseResult(histogram, requests, Map.copyOf(errors), Duration.ofNanos(ended - started));
        }
    }
}
