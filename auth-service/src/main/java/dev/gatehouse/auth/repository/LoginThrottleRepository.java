package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.db.SqlStates;
import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rows of {@code login_throttles}: each change is one statement that decides under the row lock (a reservation is
 * an upsert with a condition).
 */
@ApplicationScoped
public class LoginThrottleRepository {

    /**
     * Takes one comparison if the scope is not locked and its window still has one; a window that has passed starts
     * again. A refused reservation matches no row and changes nothing.
     */
    private static final String RESERVE = "INSERT INTO login_throttles AS t (user_id, scope, window_start, attempts) "
            + "VALUES ($1, $2, $3, 1) "
            + "ON CONFLICT (user_id, scope) DO UPDATE SET "
            + "attempts = CASE WHEN t.window_start <= $4 THEN 1 ELSE t.attempts + 1 END, "
            + "window_start = CASE WHEN t.window_start <= $4 THEN $3 ELSE t.window_start END "
            + "WHERE (t.locked_until IS NULL OR t.locked_until <= $3) "
            + "AND (t.window_start <= $4 OR t.attempts < $5) "
            + "RETURNING t.attempts";

    /** The lock level after decay (one step per full decay period since the last lock ended), plus one, capped. */
    private static final String NEXT_LEVEL = "least(greatest(0, lock_level - floor(extract(epoch FROM "
            + "(CAST($4 AS timestamptz) - coalesce(locked_until, CAST($4 AS timestamptz)))) / CAST($7 AS bigint))::int) + 1,"
            + " CAST($6 AS int))";

    /**
     * Locks the scope for its next step once its comparisons are used up, and starts a fresh count behind the lock.
     * Only one of several concurrent failures matches: the first resets {@code attempts}.
     */
    private static final String LOCK = "UPDATE login_throttles SET "
            + "lock_level = " + NEXT_LEVEL + ", "
            + "locked_until = CAST($4 AS timestamptz) + make_interval(secs => (string_to_array($5, ',')::int[])["
            + NEXT_LEVEL
            + "]), "
            + "attempts = 0, window_start = $4 "
            + "WHERE user_id = $1 AND scope = $2 AND attempts >= $3 "
            + "AND (locked_until IS NULL OR locked_until <= $4) "
            + "RETURNING locked_until";

    /**
     * Reserves one password comparison for {@code scope} of the account; false when the scope is locked, has used up
     * its window, or the account no longer exists.
     */
    public Uni<Boolean> reserve(Sql sql, UUID userId, String scope, int max, OffsetDateTime now,
            OffsetDateTime windowCutoff) {
        return sql.execute(RESERVE, Tuple.of(userId, scope, now, windowCutoff, max)).map(rows -> rows.size() > 0)
                // The account was deleted meanwhile (a parallel deletion): there is nothing to compare against.
                .onFailure(failure -> SqlStates.find(failure, SqlStates.FOREIGN_KEY_VIOLATION).isPresent())
                .recoverWithItem(false);
    }

    /** Gives back a reservation whose comparison never ran (the hashing queue was full). */
    public Uni<Integer> release(Sql sql, UUID userId, String scope) {
        return sql.execute("UPDATE login_throttles SET attempts = attempts - 1 WHERE user_id = $1 AND scope = $2"
                + " AND attempts > 0", Tuple.of(userId, scope)).map(RowSet::rowCount);
    }

    /**
     * After a wrong password: locks the scope when its comparisons are used up. Returns the end of the new lock, or
     * null when this failure did not lock (comparisons left, or another failure locked first).
     *
     * @param stepSeconds the lock steps in seconds, comma-separated
     */
    public Uni<OffsetDateTime> lockIfExhausted(Sql sql, UUID userId, String scope, int max, OffsetDateTime now,
            String stepSeconds, int stepCount, long decaySeconds) {
        return sql.first(LOCK, Tuple.tuple().addUUID(userId).addString(scope).addInteger(max).addOffsetDateTime(now)
                .addString(stepSeconds).addInteger(stepCount).addLong(decaySeconds),
                row -> row.getOffsetDateTime("locked_until"));
    }

    /** A successful login from {@code scope}: its count and lock history are forgotten. */
    public Uni<Integer> clear(Sql sql, UUID userId, String scope) {
        return sql.execute("DELETE FROM login_throttles WHERE user_id = $1 AND scope = $2", Tuple.of(userId, scope))
                .map(RowSet::rowCount);
    }

    /** A new password set by reset: every lock of the account is lifted. */
    public Uni<Integer> clearAll(Sql sql, UUID userId) {
        return sql.execute("DELETE FROM login_throttles WHERE user_id = $1", Tuple.of(userId)).map(RowSet::rowCount);
    }
}
