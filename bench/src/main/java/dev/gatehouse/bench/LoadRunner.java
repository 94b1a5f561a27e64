package dev.gatehouse.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Runs one phase of a scenario, in one of two shapes. All virtual users run on one Vert.x event loop, so the histogram
 * and the counters are touched by one thread only and the generator takes at most one core from the system under test.
 * <ul>
 * <li><b>Closed loop</b> (rate 0): every virtual user sends one request, waits for the whole answer, records it and
 * sends the next, until the phase's time is up. It measures what a client with this many parallel users sees; when the
 * system stalls, the users wait instead of queueing more work (coordinated omission), so the high percentiles are a
 * lower bound of what an open-loop client at the same rate would see.</li>
 * <li><b>Open loop</b> (a rate in requests per second): requests are due at fixed times, one every 1/rate seconds,
 * whatever the answers do. A due request goes to a free virtual user (each still has one request in flight at most,
 * so a refresh chain never forks) or waits for one; its latency runs from the time it was <em>due</em>, so time spent
 * waiting behind a slow system counts, as it does for real clients that keep arriving. Requests still waiting for a
 * virtual user when the phase ends were never sent: they are counted under "unsent" with the time they had waited,
 * which is a lower bound of their latency.</li>
 * </ul>
 */
final class LoadRunner {

    /** Requests still in flight at the deadline get this long to finish before the phase is abandoned. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(40);
    /** How often the open loop looks for due requests; finer than any latency worth reporting at these rates. */
    private static final long TICK_MILLIS = 1;

    private final Vertx vertx;

    LoadRunner(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * @param rate requests per second for an open loop; 0 for a closed loop
     */
    PhaseResult run(Scenario scenario, int concurrency, Duration duration, int rate) throws InterruptedException {
        Phase phase = rate > 0 ? new OpenPhase(scenario, concurrency, vertx, rate)
                : new ClosedPhase(scenario, concurrency, vertx.getOrCreateContext());
        phase.start(duration);
        if (!phase.finished.await(duration.plus(DRAIN_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(scenario.name() + ": requests still unanswered " + DRAIN_TIMEOUT.toSeconds()
                    + " s after the end of the phase");
        }
        return phase.result();
    }

    /**
     * What one phase counted: every completed request's latency, and the answers that were not the expected status
     * by status ("timeout" or "transport" when there was no answer, "unsent" for an open loop's requests that never
     * found a free virtual user).
     */
    record PhaseResult(Histogram latencyMicros, long requests, Map<String, Long> errors, Duration elapsed) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double throughput() {
            return requests / (elapsed.toNanos() / 1e9);
        }
    }

    /** State shared by both shapes; every method but result() runs on the phase's event loop only. */
    private abstract static class Phase {
        final Scenario scenario;
        final int concurrency;
        final Context context;
        final CountDownLatch finished = new CountDownLatch(1);
        // Three significant digits: 1 ms is told apart from 1.001 ms, and the histogram grows to any maximum.
        final Histogram histogram = new Histogram(3);
        final Map<String, Long> errors = new TreeMap<>();
        long requests;
        long started;
        long deadline;
        long ended;

        Phase(Scenario scenario, int concurrency, Context context) {
            this.scenario = scenario;
            this.concurrency = concurrency;
            this.context = context;
        }

        abstract void start(Duration duration);

        /** Sends one request for the virtual user; its latency counts from latencyFrom (System.nanoTime()). */
        void send(int vu, long latencyFrom, Runnable then) {
            Future<Http.Reply> reply;
            try {
                reply = scenario.call().apply(vu);
            } catch (RuntimeException e) {
                reply = Future.failedFuture(e);
            }
            reply.onComplete(outcome -> {
                record(System.nanoTime() - latencyFrom);
                if (outcome.failed()) {
                    errors.merge(failure(outcome.cause()), 1L, Long::sum);
                } else if (outcome.result().status() != scenario.expectedStatus()) {
                    errors.merge(String.valueOf(outcome.result().status()), 1L, Long::sum);
                }
                // Through the context, never directly: an answer that completes at once must not deepen the stack.
                context.runOnContext(ignored -> then.run());
            });
        }

        void record(long nanos) {
            histogram.recordValue(Math.max(1, nanos / 1_000));
            requests++;
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

    private static final class ClosedPhase extends Phase {
        private int running;

        ClosedPhase(Scenario scenario, int concurrency, Context context) {
            super(scenario, concurrency, context);
        }

        @Override
        void start(Duration duration) {
            context.runOnContext(ignored -> {
                started = System.nanoTime();
                deadline = started + duration.toNanos();
                running = concurrency;
                for (int vu = 0; vu < concurrency; vu++) {
                    next(vu);
                }
            });
        }

        private void next(int vu) {
            long now = System.nanoTime();
            if (now >= deadline) {
                ended = Math.max(ended, now);
                if (--running == 0) {
                    finished.countDown();
                }
                return;
            }
            send(vu, now, () -> next(vu));
        }
    }

    private static final class OpenPhase extends Phase {
        private final Vertx vertx;
        private final long intervalNanos;
        private final Deque<Integer> freeUsers = new ArrayDeque<>();
        /** Due times of the requests that wait for a free virtual user, oldest first. */
        private final Deque<Long> due = new ArrayDeque<>();
        private long scheduled;
        private int inFlight;
        private long timer = -1;
        private boolean generating;

        OpenPhase(Scenario scenario, int concurrency, Vertx vertx, int rate) {
            super(scenario, concurrency, vertx.getOrCreateContext());
            this.vertx = vertx;
            this.intervalNanos = Math.max(1, 1_000_000_000L / rate);
        }

        @Override
        void start(Duration duration) {
            context.runOnContext(ignored -> {
                started = System.nanoTime();
                deadline = started + duration.toNanos();
                generating = true;
                for (int vu = 0; vu < concurrency; vu++) {
                    freeUsers.add(vu);
                }
                timer = vertx.setPeriodic(TICK_MILLIS, id -> tick());
                tick();
            });
        }

        /** Queues every request that has fallen due since the last tick, then sends what free users allow. */
        private void tick() {
            long now = System.nanoTime();
            // Due strictly before the deadline: a phase of d seconds at r per second has d x r requests.
            while (generating && started + scheduled * intervalNanos <= now
                    && started + scheduled * intervalNanos < deadline) {
                due.add(started + scheduled * intervalNanos);
                scheduled++;
            }
            if (generating && now >= deadline) {
                generating = false;
                vertx.cancelTimer(timer);
                ended = now;
                // Never sent: they waited at least until now, which is what their latency records.
                while (!due.isEmpty()) {
                    record(now - due.poll());
                    errors.merge("unsent", 1L, Long::sum);
                }
            }
            dispatch();
        }

        private void dispatch() {
            while (!due.isEmpty() && !freeUsers.isEmpty()) {
                int vu = freeUsers.poll();
                long dueAt = due.poll();
                inFlight++;
                send(vu, dueAt, () -> {
                    inFlight--;
                    freeUsers.add(vu);
                    dispatch();
                    finishIfDone();
                });
            }
            finishIfDone();
        }

        private void finishIfDone() {
            if (!generating && inFlight == 0 && finished.getCount() > 0) {
                ended = Math.max(ended, System.nanoTime());
                finished.countDown();
            }
        }
    }
}
