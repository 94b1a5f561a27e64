package dev.gatehouse.auth.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.gatehouse.auth.config.AuthConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Argon2id password hashing in PHC string format, with configurable cost (by default OWASP's 19 MiB, 2 passes, 1
 * lane).
 * <p>
 * Verification also accepts the legacy formats of {@link LegacyPasswordHashes}, and says when a matching hash should
 * be replaced: always for a legacy format, and for Argon2id when it was made with other parameters than the
 * configured ones (the cost was raised since).
 * <p>
 * Hashing is deliberately slow and memory-hungry, so it runs on the {@link HashingPool}: a few threads behind a
 * bounded queue, which bounds memory under a login storm, keeps it off the event loop and refuses with 503 when full.
 * Results are delivered back on the caller's Vert.x context, so the request goes on where it runs. Callers must not
 * hold a database connection or transaction while they wait.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final byte[] NONE = new byte[0];

    /**
     * Bounds on the configured cost, and on a stored hash's: one of a higher cost than the configured one may take up
     * to {@link HashingPool#OWN_MEMORY_MAX_BYTES}, so a corrupt or hostile one cannot exhaust memory or the pool.
     */
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final HashingPool pool;
    /** Password checks against real hashes (not the decoy): what an attacker gets to guess with. */
    private final Counter comparisons;
    /** Verified against when the account does not exist, so both answers take the same time; see {@link #decoy}. */
    private volatile String decoy;

    @Inject
    public PasswordHasher(HashingPool pool, MeterRegistry registry, AuthConfig config) {
        this(pool, registry, config.passwordHashing().argon2MemoryKib(), config.passwordHashing().argon2Iterations(),
                config.passwordHashing().argon2Parallelism());
    }

    /** Without a pool: only the synchronous {@code ...Now} methods may be used. */
    PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this(null, new SimpleMeterRegistry(), memoryKib, iterations, parallelism);
    }

    private PasswordHasher(HashingPool pool, MeterRegistry registry, int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB || iterations < 1
                || iterations > MAX_ITERATIONS || parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKib + ", t=" + iterations
                    + ", p=" + parallelism);
        }
        this.pool = pool;
        this.comparisons = Counter.builder("gatehouse.password.comparisons")
                .description("Password and reset-code checks against stored password hashes").register(registry);
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public Uni<String> hash(String password) {
        return offload(false, () -> hashNow(password));
    }

    public Uni<Boolean> verify(String password, String storedHash) {
        return check(password, storedHash).map(PasswordCheck::matches);
    }

    /** Verifies and also says whether a matching hash should be replaced by {@link #hash(String)}. */
    public Uni<PasswordCheck> check(String password, String storedHash) {
        return offload(needsOwnMemory(storedHash), () -> {
            comparisons.increment();
            return checkNow(password, storedHash);
        });
    }

    /**
     * Whether checking {@code storedHash} allocates memory beyond what a hashing thread keeps: a scrypt, or an
     * Argon2id hash of a higher memory cost. Such checks run on the pool's lane for them, one at a time.
     */
    boolean needsOwnMemory(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        if (!storedHash.startsWith("$argon2id$")) {
            return LegacyPasswordHashes.needsOwnMemory(storedHash);
        }
        try {
            StoredArgon2id stored = parseArgon2id(storedHash);
            return stored != null && Argon2id.blocks(stored.memory(), stored.lanes()) * Argon2id.BLOCK_WORDS > keptWords();
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the same work as a real verification and answers false. */
    public Uni<Boolean> verifyAgainstDecoy(String password) {
        return offload(false, () -> {
            verifyNow(password, decoy());
            return false;
        });
    }

    /**
     * The decoy hash, made the first time it is needed, on a hashing thread. Not in the constructor: the bean is
     * made on whichever thread first asks for it, often an event loop, and the first hash of a new JVM runs its
     * Argon2id code uncompiled, most of a second that the event loop could not serve anything else. Two first uses at
     * once may each make one; either will do.
     */
    private String decoy() {
        String made = decoy;
        if (made == null) {
            made = hashNow("decoy-password-for-timing");
            decoy = made;
        }
        return made;
    }

    String hashNow(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    boolean verifyNow(String password, String storedHash) {
        return checkNow(password, storedHash).matches();
    }

    PasswordCheck checkNow(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return PasswordCheck.NO_MATCH;
        }
        if (!storedHash.startsWith("$argon2id$")) {
            return LegacyPasswordHashes.matches(password, storedHash) ? PasswordCheck.MATCH_NEEDS_REHASH
                    : PasswordCheck.NO_MATCH;
        }
        try {
            return checkArgon2id(password, storedHash);
        } catch (RuntimeException malformed) {
            return PasswordCheck.NO_MATCH;
        }
    }

    /** The cost of a stored Argon2id hash, with its salt and hash; null when malformed or out of bounds. */
    private record StoredArgon2id(int memory, int passes, int lanes, byte[] salt, byte[] hash) {
    }

    private StoredArgon2id parseArgon2id(String phcHash) {
        String[] parts = phcHash.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return null;
        }
        int memory = 0;
        int passes = 0;
        int lanes = 0;
        for (String param : parts[3].split(",")) {
            String[] kv = param.split("=");
            if (kv.length != 2) {
                return null;
            }
            switch (kv[0]) {
                case "m" -> memory = Integer.parseInt(kv[1]);
                case "t" -> passes = Integer.parseInt(kv[1]);
                case "p" -> lanes = Integer.parseInt(kv[1]);
                default -> {
                    return null;
                }
            }
        }
        if (memory < 8 * lanes || memory > Math.max(memoryKib, HashingPool.OWN_MEMORY_MAX_BYTES / 1024) || passes < 1
                || passes > MAX_ITERATIONS || lanes < 1 || lanes > MAX_PARALLELISM) {
            return null;
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] hash = B64D.decode(parts[5]);
        if (salt.length < 8 || hash.length < 4 || hash.length > 1024) {
            return null;
        }
        return new StoredArgon2id(memory, passes, lanes, salt, hash);
    }

    /**
     * Whether a stored hash (of an account being imported) is one this hasher can check: Argon2id or a legacy
     * format, well formed and within the work factors it verifies. Anything else could never match.
     */
    public boolean canVerify(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        if (!storedHash.startsWith("$argon2id$")) {
            return LegacyPasswordHashes.isVerifiable(storedHash);
        }
        try {
            return parseArgon2id(storedHash) != null;
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private PasswordCheck checkArgon2id(String password, String phcHash) {
        StoredArgon2id stored = parseArgon2id(phcHash);
        if (stored == null) {
            return PasswordCheck.NO_MATCH;
        }
        byte[] actual = argon2(password, stored.salt(), stored.memory(), stored.passes(), stored.lanes(),
                stored.hash().length);
        if (!MessageDigest.isEqual(stored.hash(), actual)) {
            return PasswordCheck.NO_MATCH;
        }
        boolean current = stored.memory() == memoryKib && stored.passes() == iterations
                && stored.lanes() == parallelism && stored.hash().length == HASH_BYTES;
        return current ? PasswordCheck.MATCH : PasswordCheck.MATCH_NEEDS_REHASH;
    }

    private byte[] argon2(String password, byte[] salt, int memory, int passes, int lanes, int length) {
        int words = Argon2id.blocks(memory, lanes) * Argon2id.BLOCK_WORDS;
        if (words > keptWords()) {
            // Only the pool's lane for such hashes gets here (see needsOwnMemory), so one runs at a time.
            return Argon2id.hash(password.getBytes(StandardCharsets.UTF_8), salt, NONE, NONE, memory, passes, lanes,
                    length, new long[words]);
        }
        return Argon2id.hash(password.getBytes(StandardCharsets.UTF_8), salt, NONE, NONE, memory, passes, lanes,
                length, workspace());
    }

    /**
     * What a hashing thread keeps: room for {@code m} KiB, which holds a hash of the configured memory cost whatever
     * its lanes (the blocks are {@code m} rounded down to four per lane), so raising the parallelism does not send
     * every earlier hash to the one-at-a-time path.
     */
    private int keptWords() {
        return Math.max(memoryKib, Argon2id.blocks(memoryKib, parallelism)) * Argon2id.BLOCK_WORDS;
    }

    /**
     * A hashing thread keeps the memory of a hash at the configured cost and reuses it for every hash after (one that
     * starts takes the memory of one that ended, if there is such), so that memory is allocated once per thread
     * instead of once per login. Other threads (start-up, tests) allocate each time.
     */
    private long[] workspace() {
        if (Thread.currentThread() instanceof HashingPool.HashingThread thread) {
            return thread.keptMemory(keptWords());
        }
        return new long[keptWords()];
    }

    private <T> Uni<T> offload(boolean ownMemory, Supplier<T> work) {
        Context context = Vertx.currentContext();
        // Submitted when subscribed; a full queue fails the Uni at once with 503 instead of waiting.
        Uni<T> uni = Uni.createFrom().emitter(emitter -> pool.execute(ownMemory, () -> {
            try {
                emitter.complete(work.get());
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
