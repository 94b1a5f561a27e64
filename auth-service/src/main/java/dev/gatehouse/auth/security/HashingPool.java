package dev.gatehouse.auth.security;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

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

    /** An allowance for what auth-service itself keeps in the old generation (caches, pools, requests in flight). */
    static final long SERVICE_HEAP_BYTES = 40L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(HashingPool.class);

    private final ThreadPoolExecutor executor;
    /**
     * The most memory a hash of its own may take (a scrypt of an imported account, or an Argon2id hash of a higher
     * cost than the configured one); a stored hash that needs more does not match. The heap holds one such hash
     * beside the memory the hashing threads keep, so they run one at a time, on {@link #largeExecutor}.
     */
    static final long OWN_MEMORY_MAX_BYTES = 64L * 1024 * 1024;

    /** The lane for hashes that allocate memory of their own: one thread, its own queue. */
    private final ThreadPoolExecutor largeExecutor;
    private final int threads;
    private final int queueCapacity;
    private final Duration retryAfter;

    public HashingPool(AuthConfig config) {
        AuthConfig.Hashing hashing = config.hashing();
        int wanted = Math.max(1, hashing.threads().orElse(Runtime.getRuntime().availableProcessors()));
        this.threads = threadsFor(wanted, oldGenerationBytes(), config.passwordHashing().argon2MemoryKib());
        if (threads < wanted) {
            LOG.warnf("Hashing on %d threads, not %d: each keeps %d KiB of Argon2id memory, and the heap (-Xmx) "
                    + "holds no more beside one hash of an imported account and the service; give it about %d MiB "
                    + "more per thread", threads, wanted, config.passwordHashing().argon2MemoryKib(),
                    config.passwordHashing().argon2MemoryKib() / 1024 + 1);
        }
        this.queueCapacity = Math.max(1, hashing.queueCapacity());
        this.retryAfter = hashing.retryAfter();
        AtomicInteger sequence = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new HashingThread(runnable, "password-hasher-" + sequence.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.largeExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new HashingThread(runnable, "password-hasher-own-memory");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * As many of {@code wanted} threads as the heap holds: each keeps one hash's memory for good, and beside them the
     * heap needs room for one hash with memory of its own ({@link #OWN_MEMORY_MAX_BYTES}) and for the service itself.
     */
    static int threadsFor(int wanted, long oldGenerationBytes, int argon2MemoryKib) {
        long perThread = argon2MemoryKib * 1024L;
        long room = oldGenerationBytes - OWN_MEMORY_MAX_BYTES - SERVICE_HEAP_BYTES;
        return (int) Math.max(1, Math.min(wanted, room / perThread));
    }

    /**
     * The most the old generation may hold, where long-lived arrays such as the kept memory end up: the heap less
     * the young generation (or the whole heap when no collector says).
     */
    private static long oldGenerationBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getUsage().getMax() > 0)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .mapToLong(pool -> pool.getUsage().getMax()).findFirst()
                .orElse(Runtime.getRuntime().maxMemory());
    }

    /** Runs {@code work} on a hashing thread, or fails with 503 {@code hashing_busy} when the queue is full. */
    public void execute(Runnable work) {
        execute(false, work);
    }

    /**
     * The same, on the lane for hashes with memory of their own when {@code ownMemory}: those wait for each other
     * there, never in front of the logins whose hashes use the memory the hashing threads keep.
     */
    public void execute(boolean ownMemory, Runnable work) {
        try {
            (ownMemory ? largeExecutor : executor).execute(work);
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

    /** How many hashes wait for a thread now. */
    public int waiting() {
        return executor.getQueue().size();
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
        largeExecutor.shutdownNow();
    }
}
