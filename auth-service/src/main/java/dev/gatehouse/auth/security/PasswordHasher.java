package dev.gatehouse.auth.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Argon2id password hashing (OWASP parameters: 19 MiB, 2 passes, 1 lane) in PHC string format.
 * <p>
 * Hashing is deliberately slow and memory-hungry, so it runs on the {@link HashingPool}: a few threads behind a
 * bounded queue, which bounds memory under a login storm, keeps it off the event loop and refuses with 503 when full.
 * Results are delivered back on the caller's Vert.x context, where Hibernate Reactive requires to continue. Callers
 * must not hold a database connection or transaction while they wait.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final HashingPool pool;
    /** Password checks against real hashes (not the decoy): what an attacker gets to guess with. */
    private final Counter comparisons;
    /** Verified against when the account does not exist, so both answers take the same time. */
    private final String decoy;

    public PasswordHasher(HashingPool pool, MeterRegistry registry) {
        this.pool = pool;
        this.comparisons = Counter.builder("gatehouse.password.comparisons")
                .description("Password and reset-code checks against stored Argon2 hashes").register(registry);
        this.decoy = hashNow("decoy-password-for-timing");
    }

    public Uni<String> hash(String password) {
        return offload(() -> hashNow(password));
    }

    public Uni<Boolean> verify(String password, String phcHash) {
        return offload(() -> {
            comparisons.increment();
            return verifyNow(password, phcHash);
        });
    }

    /** Spends the same work as a real verification and answers false. */
    public Uni<Boolean> verifyAgainstDecoy(String password) {
        return offload(() -> {
            verifyNow(password, decoy);
            return false;
        });
    }

    String hashNow(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    boolean verifyNow(String password, String phcHash) {
        String[] parts = phcHash.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String param : parts[3].split(",")) {
            String[] kv = param.split("=");
            switch (kv[0]) {
                case "m" -> memory = Integer.parseInt(kv[1]);
                case "t" -> iterations = Integer.parseInt(kv[1]);
                case "p" -> parallelism = Integer.parseInt(kv[1]);
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] argon2(String password, byte[] salt, int memory, int iterations, int parallelism,
            int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memory).withIterations(iterations)
                .withParallelism(parallelism).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private <T> Uni<T> offload(Supplier<T> work) {
        Context context = Vertx.currentContext();
        // Submitted when subscribed; a full queue fails the Uni at once with 503 instead of waiting.
        Uni<T> uni = Uni.createFrom().emitter(emitter -> pool.execute(() -> {
            try {
                emitter.complete(work.get());
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
