package dev.gatehouse.auth.security;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The one hash at a time that may allocate memory of its own: a scrypt of an imported hash, or an Argon2id hash of a
 * higher cost than the configured one. auth-service's heap holds the Argon2id memory each hashing thread keeps plus
 * {@link #MAX_BYTES} for one such hash, so two at once must not run (two did, and ran the heap out). The hashing pool
 * runs them on a lane of their own, one thread behind its own queue, so logins with current hashes never wait behind
 * them; the lock here also holds for callers outside the pool.
 */
final class LargeHashMemory {

    /** The most memory such a hash may take; a stored hash that needs more does not match. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Semaphore ONE_AT_A_TIME = new Semaphore(1, true);

    private LargeHashMemory() {
    }

    static <T> T oneAtATime(Supplier<T> hash) {
        ONE_AT_A_TIME.acquireUninterruptibly();
        try {
            return hash.get();
        } finally {
            ONE_AT_A_TIME.release();
        }
    }
}
