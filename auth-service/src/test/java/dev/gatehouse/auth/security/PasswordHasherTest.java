package dev.gatehouse.auth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.gatehouse.auth.config.AuthConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PasswordHasherTest {

    private static final String PASSWORD = "correct horse";

    private final PasswordHasher hasher = new PasswordHasher(19456, 2, 1);

    @Test
    void anArgon2idHashAtTheConfiguredCostMatchesWithoutRehash() {
        String stored = hasher.hashNow(PASSWORD);
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertEquals(PasswordCheck.MATCH, hasher.checkNow(PASSWORD, stored));
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow("correct horsf", stored));
    }

    @Test
    void raisingTheCostAsksForARehashOfOlderHashes() {
        String old = new PasswordHasher(8192, 1, 1).hashNow(PASSWORD);
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH, hasher.checkNow(PASSWORD, old));
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow("wrong", old));

        PasswordHasher raised = new PasswordHasher(19456, 3, 1);
        String current = hasher.hashNow(PASSWORD);
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH, raised.checkNow(PASSWORD, current));
        assertEquals(PasswordCheck.MATCH, raised.checkNow(PASSWORD, raised.hashNow(PASSWORD)));
    }

    @Test
    void aLegacyHashMatchesAndAlwaysAsksForARehash() {
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH,
                hasher.checkNow(PASSWORD, "$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i"));
        assertEquals(PasswordCheck.NO_MATCH,
                hasher.checkNow("nope", "$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "$argon2id$", "$argon2id$v=19$m=19456,t=2,p=1$###$###",
            "$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=19$m=19456,t=2,p=0$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo",
            "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo" })
    void aMalformedStoredHashFailsLikeAWrongPassword(String stored) {
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow(PASSWORD, stored));
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow(PASSWORD, null));
    }

    @Test
    void aStoredHashCostlierThanTheLargeHashBudgetDoesNotMatchUnlessConfigured() {
        String huge = "$argon2id$v=19$m=65544,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow(PASSWORD, huge));

        PasswordHasher generous = new PasswordHasher(65544, 1, 1);
        String stored = generous.hashNow(PASSWORD);
        assertEquals(PasswordCheck.MATCH, generous.checkNow(PASSWORD, stored), "the configured cost is the operator's");
        assertEquals(PasswordCheck.NO_MATCH, hasher.checkNow(PASSWORD, stored));
    }

    @Test
    void onlyHashesItCanCheckAreVerifiable() {
        assertTrue(hasher.canVerify(hasher.hashNow(PASSWORD)));
        assertTrue(hasher.canVerify("$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i"));
        assertFalse(hasher.canVerify("$argon2id$v=19$m=262144,t=3,p=4$c2FsdHNhbHRzYWx0c2FsdA$"
                + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"), "libsodium's moderate cost, 256 MiB");
        assertFalse(hasher.canVerify("$argon2id$v=19$m=19456,t=2,p=1$###$###"));
        assertFalse(hasher.canVerify("scrypt:131072:8:1$salt$00ff"));
        assertFalse(hasher.canVerify(null));
    }

    @Test
    void onlyHashesNeedingMoreThanTheKeptMemoryGoToTheirOwnLane() {
        assertFalse(hasher.needsOwnMemory(hasher.hashNow(PASSWORD)));
        assertFalse(hasher.needsOwnMemory(new PasswordHasher(8192, 1, 1).hashNow(PASSWORD)));
        assertFalse(hasher.needsOwnMemory(new PasswordHasher(19456, 1, 4).hashNow(PASSWORD)), "other lanes, same m");
        assertTrue(hasher.needsOwnMemory(new PasswordHasher(20480, 1, 1).hashNow(PASSWORD)));
        assertTrue(hasher.needsOwnMemory("scrypt:32768:8:1$aB3dE5fG7hJ9kL1m$00ff"));
        assertFalse(hasher.needsOwnMemory("$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i"));
        assertFalse(hasher.needsOwnMemory(null));
    }

    @Test
    void costlierAndCurrentHashesCheckedTogetherOnThePoolAllAnswerRight() throws Exception {
        String current = new PasswordHasher(1024, 1, 1).hashNow(PASSWORD);
        String costlier = new PasswordHasher(4096, 1, 1).hashNow(PASSWORD);
        List<String> passwords = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            passwords.add(i % 4 == 3 ? "wrong" : PASSWORD);
            hashes.add(i % 2 == 0 ? current : costlier);
        }

        List<PasswordCheck> answers = checkAtOnceOnAPool(2, passwords, hashes);

        for (int i = 0; i < 16; i++) {
            PasswordCheck expected = i % 4 == 3 ? PasswordCheck.NO_MATCH
                    : i % 2 == 0 ? PasswordCheck.MATCH : PasswordCheck.MATCH_NEEDS_REHASH;
            assertEquals(expected, answers.get(i), "check " + i);
        }
    }

    @Test
    void parametersOutOfRangeAreRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(4, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(19456, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(19456, 2, 0));
    }

    @Test
    void aHashingThreadReusesOneArrayAndAnOlderCostlierHashStillVerifies() throws Exception {
        PasswordHasher small = new PasswordHasher(1024, 2, 1);
        String costlier = new PasswordHasher(4096, 1, 2).hashNow(PASSWORD);
        String cheaper = new PasswordHasher(512, 1, 1).hashNow(PASSWORD);
        List<Object> seen = new ArrayList<>();
        HashingPool.HashingThread thread = new HashingPool.HashingThread(() -> {
            HashingPool.HashingThread self = (HashingPool.HashingThread) Thread.currentThread();
            String first = small.hashNow(PASSWORD);
            long[] kept = self.argon2Memory;
            seen.add(small.checkNow(PASSWORD, first));
            seen.add(small.checkNow("wrong", small.hashNow(PASSWORD)));
            seen.add(small.checkNow(PASSWORD, costlier));
            seen.add(small.checkNow(PASSWORD, cheaper));
            seen.add(kept != null && kept == self.argon2Memory && kept.length == 1024 * 128);
        }, "password-hasher-test");
        thread.start();
        thread.join();

        assertEquals(List.of(PasswordCheck.MATCH, PasswordCheck.NO_MATCH, PasswordCheck.MATCH_NEEDS_REHASH,
                PasswordCheck.MATCH_NEEDS_REHASH, true), seen);
    }

    @Test
    void parallelChecksOnThePoolEachGetTheirOwnMemory() throws Exception {
        PasswordHasher hashing = new PasswordHasher(1024, 1, 1);
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stored.add(hashing.hashNow("password number " + i));
        }
        List<String> passwords = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            passwords.add("password number " + i % 8 + (i % 3 == 0 ? "" : "?"));
            hashes.add(stored.get(i % 8));
        }

        List<PasswordCheck> answers = checkAtOnceOnAPool(3, passwords, hashes);

        for (int i = 0; i < 48; i++) {
            assertEquals(i % 3 == 0 ? PasswordCheck.MATCH : PasswordCheck.NO_MATCH, answers.get(i), "check " + i);
        }
    }

    /**
     * Checks each password against the stored hash at the same place, all submitted at once to a real pool of
     * {@code threads} hashing threads configured for m = 1024 KiB, t = 1, p = 1; the answers in the same order.
     */
    private static List<PasswordCheck> checkAtOnceOnAPool(int threads, List<String> passwords, List<String> hashes)
            throws Exception {
        AuthConfig config = config(threads, 1024, 1, 1);
        HashingPool pool = new HashingPool(config);
        PasswordHasher pooled = new PasswordHasher(pool, new SimpleMeterRegistry(), config);
        try {
            List<CompletableFuture<PasswordCheck>> checks = new ArrayList<>();
            for (int i = 0; i < passwords.size(); i++) {
                checks.add(pooled.check(passwords.get(i), hashes.get(i)).subscribeAsCompletionStage());
            }
            List<PasswordCheck> answers = new ArrayList<>();
            for (CompletableFuture<PasswordCheck> check : checks) {
                answers.add(check.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    /** The configuration a PasswordHasher and its HashingPool read, with these values. */
    private static AuthConfig config(int threads, int memoryKib, int iterations, int parallelism) {
        Map<String, Object> values = Map.of("threads", Optional.of(threads), "queueCapacity", 64, "retryAfter",
                Duration.ofSeconds(1), "argon2MemoryKib", memoryKib, "argon2Iterations", iterations,
                "argon2Parallelism", parallelism, "keepMemoryFor", Duration.ofSeconds(30));
        InvocationHandler answers = (proxy, method, args) -> {
            if (method.getReturnType().isInterface() && method.getReturnType() != Optional.class) {
                return Proxy.newProxyInstance(PasswordHasherTest.class.getClassLoader(),
                        new Class<?>[] { method.getReturnType() }, (inner, innerMethod, innerArgs) -> {
                            Object value = values.get(innerMethod.getName());
                            if (value == null) {
                                throw new UnsupportedOperationException(innerMethod.getName());
                            }
                            return value;
                        });
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (AuthConfig) Proxy.newProxyInstance(PasswordHasherTest.class.getClassLoader(),
                new Class<?>[] { AuthConfig.class }, answers);
    }
}
