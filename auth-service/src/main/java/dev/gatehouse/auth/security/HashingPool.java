package dev.gatehouse.auth.security;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /** The shortest time idle hashing threads keep their memory: less would collect after nearly every login. */
    static final Duration KEEP_MEMORY_AT_LEAST = Duration.ofSeconds(1);

    /** The lane for hashes that allocate memory of their own: one thread, its own queue. */
    private final ThreadPoolExecutor largeExecutor;
    private final int threads;
    private final int queueCapacity;
    private final Duration retryAfter;

    /**
     * The memory of hashing threads that ended while others still ran, for the next thread to start; without it,
     * a steady trickle of logins, each on a newly started thread, would allocate 19 MiB each time. Guarded by itself.
     */
    private final Deque<long[]> spareMemory = new ArrayDeque<>();
    /**
     * Hashing threads between the start and the end of their run, counted here rather than read from the executor:
     * the executor lets a thread go before its last step, so two threads that end together could each see none left
     * and each collect. Guarded by {@link #spareMemory}.
     */
    private int threadsRunning;
    /** Runs a full collection: {@link System#gc()}, or what a test counts. */
    private final Runnable collector;

    @Inject
    public HashingPool(AuthConfig config) {
        this(configuredThreads(config), config.hashing().queueCapacity(), config.hashing().retryAfter(),
                max(KEEP_MEMORY_AT_LEAST, config.hashing().keepMemoryFor()), System::gc);
    }

    HashingPool(int threads, int queueCapacity, Duration retryAfter, Duration keepMemoryFor, Runnable collector) {
        this.threads = threads;
        this.queueCapacity = Math.max(1, queueCapacity);
        this.retryAfter = retryAfter;
        this.collector = collector;
        AtomicInteger sequence = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, Math.max(1, keepMemoryFor.toMillis()),
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(this.queueCapacity), runnable -> {
                    Thread thread = new HashingThread(runnable, "password-hasher-" + sequence.incrementAndGet(),
                            this);
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        // An idle hashing thread ends; the last one to end lets go of the memory they kept (hashingThreadEnded).
        this.executor.allowCoreThreadTimeOut(true);
        this.largeExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(this.queueCapacity), runnable -> {
                    Thread thread = new HashingThread(runnable, "password-hasher-own-memory");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    private static int configuredThreads(AuthConfig config) {
        int wanted = Math.max(1, config.hashing().threads().orElse(Runtime.getRuntime().availableProcessors()));
        int memoryKib = config.passwordHashing().argon2MemoryKib();
        int threads = threadsFor(wanted, oldGenerationBytes(), memoryKib);
        if (threads < wanted) {
            LOG.warnf("Hashing on %d threads, not %d: each keeps %d KiB of Argon2id memory, and the heap (-Xmx) "
                    + "holds no more beside one hash of an imported account and the service; give it about %d MiB "
                    + "more per thread", threads, wanted, memoryKib, memoryKib / 1024 + 1);
        }
        return threads;
    }

    /**
     * As many of {@code wanted} threads as the heap holds: each keeps one hash's memory while it runs, and beside them the
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

    /** Hashing threads alive now, each with its kept Argon2id memory once it has hashed. */
    int threadsAlive() {
        return executor.getPoolSize();
    }

    /** Memory of a hashing thread that ended while others still ran, or null. */
    private long[] takeSpareMemory() {
        synchronized (spareMemory) {
            return spareMemory.pollFirst();
        }
    }

    private void hashingThreadStarted() {
        synchronized (spareMemory) {
            threadsRunning++;
        }
    }

    /**
     * Called by each hashing thread as it ends, after the pool has let it go. While other hashing threads still run,
     * its memory goes to the next thread to start. The last one to end drops all of it; the memory then stays in the
     * old generation, resident, until a full collection, and with no other work there none would come. One
     * collection now lets the JVM give that heap back to the system ({@code -XX:MaxHeapFreeRatio}, all at once with
     * {@code -XX:-ShrinkHeapInSteps}): a pause of tens of milliseconds once per burst of logins, at most once per
     * {@code keep-memory-for}; {@code -XX:+DisableExplicitGC} keeps the memory instead.
     */
    private void hashingThreadEnded(HashingThread thread) {
        // No local variable holds the thread's memory: it would keep it alive through the collection below.
        boolean collect;
        synchronized (spareMemory) {
            threadsRunning--;
            if (executor.isShutdown()) {
                thread.argon2Memory = null;
                spareMemory.clear();
                return;
            }
            if (threadsRunning > 0) {
                // Only as many spares as threads could still start: a thread that started just before this one
                // ended has already allocated its own, and a spare beyond that would hold 19 MiB for nobody.
                if (thread.argon2Memory != null && spareMemory.size() < threads - threadsRunning) {
                    spareMemory.addFirst(thread.argon2Memory);
                }
                thread.argon2Memory = null;
                return;
            }
            collect = thread.argon2Memory != null || !spareMemory.isEmpty();
            thread.argon2Memory = null;
            spareMemory.clear();
        }
        if (collect) {
            LOG.debug("The hashing threads were idle and have ended; collecting so their memory can be given back");
            collector.run();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A hashing thread, with the Argon2id memory it reuses from one hash to the next while it runs. */
    static final class HashingThread extends Thread {
        long[] argon2Memory;
        /** The pool it belongs to, or null for a thread of its own (tests). */
        private final HashingPool pool;

        HashingThread(Runnable work, String name) {
            this(work, name, null);
        }

        HashingThread(Runnable work, String name, HashingPool pool) {
            super(work, name);
            this.pool = pool;
        }

        /** Memory for a hash of at most {@code words} longs, kept for the next one: this thread's, a spare, or new. */
        long[] keptMemory(int words) {
            if (argon2Memory == null || argon2Memory.length < words) {
                long[] spare = pool == null ? null : pool.takeSpareMemory();
                argon2Memory = spare != null && spare.length >= words ? spare : new long[words];
            }
            return argon2Memory;
        }

        @Override
        public void run() {
            if (pool != null) {
                pool.hashingThreadStarted();
            }
            try {
                super.run();
            } finally {
                if (pool != null) {
                    pool.hashingThreadEnded(this);
                }
            }
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
        largeExecutor.shutdownNow();
    }
}
