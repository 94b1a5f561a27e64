package dev.gatehouse.auth.security;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;

/**
 * The threads that run Argon2, behind a bounded queue. Each hash holds about 19 MiB and a CPU for tens of
 * milliseconds, so an unbounded queue turns a login flood into minutes of waiting and unbounded memory; a full queue
 * refuses at once with 503 {@code hashing_busy} and a {@code Retry-After}, and everything that does not hash (token
 * refresh, {@code /users/me}) keeps answering.
 */
@ApplicationScoped
public class HashingPool {

    private final ThreadPoolExecutor executor;
    private final int threads;
    private final int queueCapacity;
    private final Duration retryAfter;

    public HashingPool(AuthConfig config) {
        AuthConfig.Hashing hashing = config.hashing();
        this.threads = Math.max(1, hashing.threads().orElse(Runtime.getRuntime().availableProcessors()));
        this.queueCapacity = Math.max(1, hashing.queueCapacity());
        this.retryAfter = hashing.retryAfter();
        AtomicInteger sequence = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new HashingThread(runnable, "password-hasher-" + sequence.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs {@code work} on a hashing thread, or fails with 503 {@code hashing_busy} when the queue is full. */
    public void execute(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
    }

    public int threads() {
        return threads;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    ApiException busy() {
        return new ApiException(Problem.of(503, "hashing_busy", "Service Unavailable",
                "Too many password checks are waiting right now; try again in a moment."), retryAfter);
    }

    /** A hashing thread, with the Argon2id memory it reuses from one hash to the next. */
    static final class HashingThread extends Thread {
        long[] argon2Memory;

        HashingThread(Runnable work, String name) {
            super(work, name);
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
