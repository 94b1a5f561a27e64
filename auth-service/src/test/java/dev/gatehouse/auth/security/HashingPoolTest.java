package dev.gatehouse.auth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HashingPoolTest {

    private static final long MIB = 1024 * 1024;
    private static final int OWASP_KIB = 19456;
    private static final Duration IDLE = Duration.ofMillis(200);

    @Test
    void theHeapBoundsTheThreadsThatKeepHashMemory() {
        assertEquals(4, HashingPool.threadsFor(4, 1024 * MIB, OWASP_KIB));
        assertEquals(2, HashingPool.threadsFor(4, (104 + 2 * 19) * MIB, OWASP_KIB));
        assertEquals(1, HashingPool.threadsFor(4, 64 * MIB, OWASP_KIB), "never none");
        assertEquals(1, HashingPool.threadsFor(4, 200 * MIB, 64 * 1024), "a raised cost needs a larger heap");
    }

    @Test
    void theJvmImageHeapHoldsOneThreadPerCpuItIsSizedFor() throws Exception {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        Matcher options = Pattern.compile("-Xmx(\\d+)m -Xmn(\\d+)m").matcher(dockerfile);
        assertTrue(options.find(), "the image sets -Xmx and -Xmn");
        long oldGeneration = (Long.parseLong(options.group(1)) - Long.parseLong(options.group(2))) * MIB;

        assertEquals(1, HashingPool.threadsFor(1, oldGeneration, OWASP_KIB));
        // The documented rule for more CPUs: 20m more -Xmx per CPU beyond one.
        for (int cpus = 2; cpus <= 8; cpus++) {
            assertEquals(cpus, HashingPool.threadsFor(cpus, oldGeneration + (cpus - 1) * 20 * MIB, OWASP_KIB));
        }
    }

    @Test
    void theLocalRunHeapHoldsOneThreadPerCpu() {
        // deploy/local's ServiceSpec.AUTH: -Xmx 124m + 20m per CPU, -Xmn16m.
        for (int cpus = 1; cpus <= 16; cpus++) {
            long oldGeneration = (124 + 20L * cpus - 16) * MIB;
            assertEquals(cpus, HashingPool.threadsFor(cpus, oldGeneration, OWASP_KIB), cpus + " CPUs");
        }
    }

    @Test
    void theLastIdleHashingThreadToEndLetsGoOfTheMemoryAndCollectsOnce() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        HashingPool pool = new HashingPool(2, 4, Duration.ofSeconds(1), IDLE, () -> {
            collections.incrementAndGet();
            System.gc();
        });
        try {
            List<WeakReference<long[]>> kept = new CopyOnWriteArrayList<>();
            CountDownLatch bothHashing = new CountDownLatch(2);
            CountDownLatch finish = new CountDownLatch(1);
            for (int i = 0; i < 2; i++) {
                pool.execute(() -> {
                    kept.add(new WeakReference<>(keptMemory()));
                    bothHashing.countDown();
                    awaitQuietly(finish);
                });
            }
            assertTrue(bothHashing.await(5, TimeUnit.SECONDS));
            assertEquals(2, pool.threadsAlive());

            finish.countDown();
            assertTrue(eventually(() -> pool.threadsAlive() == 0), "idle hashing threads end");
            assertTrue(eventually(() -> collections.get() > 0), "the last one to end collects");
            // The two threads ended within microseconds of each other: only the last of them collects.
            Thread.sleep(100);
            int afterFirstBurst = collections.get();
            assertEquals(1, afterFirstBurst, "collections for one burst");
            assertTrue(eventually(() -> kept.stream().allMatch(memory -> memory.get() == null)),
                    "nothing holds the memory they kept any more");

            CompletableFuture<String> next = new CompletableFuture<>();
            pool.execute(() -> {
                keptMemory();
                next.complete(Thread.currentThread().getName());
            });
            assertEquals("password-hasher-3", next.get(5, TimeUnit.SECONDS), "the next hash starts a thread again");
            assertTrue(eventually(() -> collections.get() == afterFirstBurst + 1),
                    "its burst ends with a collection of its own");
        } finally {
            pool.shutdown();
        }
    }

    /**
     * With fewer threads alive than it may have, the pool starts a new one for each hash; one that starts while
     * another still runs takes the memory of one that ended rather than allocating its own.
     */
    @Test
    void aThreadThatStartsWhileAnotherRunsTakesTheMemoryOfOneThatEnded() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        HashingPool pool = new HashingPool(2, 4, Duration.ofSeconds(1), IDLE, collections::incrementAndGet);
        CountDownLatch finish = new CountDownLatch(1);
        try {
            CountDownLatch busy = new CountDownLatch(1);
            pool.execute(() -> {
                keptMemory();
                busy.countDown();
                awaitQuietly(finish);
            });
            assertTrue(busy.await(5, TimeUnit.SECONDS));
            CompletableFuture<long[]> first = new CompletableFuture<>();
            pool.execute(() -> first.complete(keptMemory()));
            long[] memory = first.get(5, TimeUnit.SECONDS);
            assertTrue(eventually(() -> pool.threadsAlive() == 1), "the idle thread ends, the busy one runs on");

            CompletableFuture<long[]> second = new CompletableFuture<>();
            pool.execute(() -> second.complete(keptMemory()));
            assertSame(memory, second.get(5, TimeUnit.SECONDS), "the new thread took the ended one's memory");
            assertEquals(0, collections.get(), "no collection while a hashing thread runs");
        } finally {
            finish.countDown();
        }
        assertTrue(eventually(() -> collections.get() == 1), "the last one to end collects");
        pool.shutdown();
    }

    @Test
    void manyThreadsEndingTogetherCollectOnceABurst() throws Exception {
        int threads = 8;
        AtomicInteger collections = new AtomicInteger();
        HashingPool pool = new HashingPool(threads, threads, Duration.ofSeconds(1), Duration.ofMillis(50),
                collections::incrementAndGet);
        try {
            for (int burst = 1; burst <= 10; burst++) {
                CountDownLatch allHashing = new CountDownLatch(threads);
                CountDownLatch finish = new CountDownLatch(1);
                for (int i = 0; i < threads; i++) {
                    pool.execute(() -> {
                        keptMemory();
                        allHashing.countDown();
                        awaitQuietly(finish);
                    });
                }
                assertTrue(allHashing.await(5, TimeUnit.SECONDS));
                finish.countDown();
                int collected = burst;
                assertTrue(eventually(() -> collections.get() >= collected), "the last one to end collects");
                Thread.sleep(50);
                assertEquals(burst, collections.get(), "one collection per burst");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void stoppingThePoolCollectsNothing() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        HashingPool pool = new HashingPool(1, 4, Duration.ofSeconds(1), Duration.ofMinutes(5),
                collections::incrementAndGet);
        CompletableFuture<long[]> hashed = new CompletableFuture<>();
        pool.execute(() -> hashed.complete(keptMemory()));
        hashed.get(5, TimeUnit.SECONDS);

        pool.shutdown();

        assertTrue(eventually(() -> pool.threadsAlive() == 0));
        assertEquals(0, collections.get());
    }

    /** What PasswordHasher does on a hashing thread before a hash: take the memory the thread keeps. */
    private static long[] keptMemory() {
        return ((HashingPool.HashingThread) Thread.currentThread()).keptMemory(1 << 16);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
