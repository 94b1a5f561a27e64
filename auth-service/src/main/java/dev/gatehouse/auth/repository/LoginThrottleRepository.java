package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The rows of {@code login_throttles}, in plain SQL: each change is one statement that decides under the row lock,
 * which HQL cannot express (an upsert with a condition).
 */
@ApplicationScoped
@WithSession
public class LoginThrottleRepository {

    /**
     * Takes one comparison if the scope is not locked and its window still has one; a window that has passed starts
     * again. A refused reservation matches no row and changes nothing.
     */
    private static final String RESERVE = "INSERT INTO login_throttles AS t (user_id, scope, window_start, attempts) "
            + "VALUES (:user, :scope, :now, 1) "
            + "ON CONFLICT (user_id, scope) DO UPDATE SET "
            + "attempts = CASE WHEN t.window_start <= :windowCutoff THEN 1 ELSE t.attempts + 1 END, "
            + "window_start = CASE WHEN t.window_start <= :windowCutoff THEN :now ELSE t.window_start END "
            + "WHERE (t.locked_until IS NULL OR t.locked_until <= :now) "
            + "AND (t.window_start <= :windowCutoff OR t.attempts < :max) "
            + "RETURNING t.attempts";

    /** The lock level after decay (one step per full decay period since the last lock ended), plus one, capped. */
    private static final String NEXT_LEVEL = "least(greatest(0, lock_level - floor(extract(epoch FROM "
            + "(CAST(:now AS timestamptz) - coalesce(locked_until, CAST(:now AS timestamptz)))) / :decaySeconds)::int) + 1, :stepCount)";

    /**
     * Locks the scope for its next step once its comparisons are used up, and starts a fresh count behind the lock.
     * Only one of several concurrent failures matches: the first resets {@code attempts}.
     */
    private static final String LOCK = "UPDATE login_throttles SET "
            + "lock_level = " + NEXT_LEVEL + ", "
            + "locked_until = CAST(:now AS timestamptz) + make_interval(secs => (string_to_array(:stepSeconds, ',')::int[])["
            + NEXT_LEVEL
            + "]), "
            + "attempts = 0, window_start = :now "
            + "WHERE user_id = :user AND scope = :scope AND attempts >= :max "
            + "AND (locked_until IS NULL OR locked_until <= :now) "
            + "RETURNING locked_until";

    /**
     * Reserves one password comparison for {@code scope} of the account; false when the scope is locked or has used
     * up its window.
     */
    public Uni<Boolean> reserve(UUID userId, String scope, int max, OffsetDateTime now, OffsetDateTime windowCutoff) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RESERVE, Integer.class)
                .setParameter("user", userId)
                .setParameter("scope", scope)
                .setParameter("now", now)
                .setParameter("windowCutoff", windowCutoff)
                .setParameter("max", max)
                .getResultList())
                .map(rows -> !rows.isEmpty());
    }

    /** Gives back a reservation whose comparison never ran (the hashing queue was full). */
    public Uni<Integer> release(UUID userId, String scope) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE login_throttles SET attempts = attempts - 1 WHERE user_id = :user AND scope = :scope "
                        + "AND attempts > 0")
                .setParameter("user", userId)
                .setParameter("scope", scope)
                .executeUpdate());
    }

    /**
     * After a wrong password: locks the scope when its comparisons are used up. Returns the end of the new lock, or
     * null when this failure did not lock (comparisons left, or another failure locked first).
     *
     * @param stepSeconds the lock steps in seconds, comma-separated
     */
    public Uni<OffsetDateTime> lockIfExhausted(UUID userId, String scope, int max, OffsetDateTime now,
            String stepSeconds, int stepCount, long decaySeconds) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(LOCK, OffsetDateTime.class)
                .setParameter("user", userId)
                .setParameter("scope", scope)
                .setParameter("max", max)
                .setParameter("now", now)
                .setParameter("stepSeconds", stepSeconds)
                .setParameter("stepCount", stepCount)
                .setParameter("decaySeconds", decaySeconds)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** A successful login from {@code scope}: its count and lock history are forgotten. */
    public Uni<Integer> clear(UUID userId, String scope) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "DELETE FROM login_throttles WHERE user_id = :user AND scope = :scope")
                .setParameter("user", userId)
                .setParameter("scope", scope)
                .executeUpdate());
    }

    /** A new password set by reset: every lock of the account is lifted. */
    public Uni<Integer> clearAll(UUID userId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "DELETE FROM login_throttles WHERE user_id = :user")
                .setParameter("user", userId)
                .executeUpdate());
    }
}
