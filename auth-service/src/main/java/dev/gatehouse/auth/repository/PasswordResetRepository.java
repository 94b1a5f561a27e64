package dev.gatehouse.auth.repository;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.PasswordReset;
import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statements on {@code password_resets}, each one round trip. Its timestamps are {@code TIMESTAMP} without a
 * time zone holding UTC, so they are bound and read as {@link LocalDateTime} in UTC. {@code ip_address} is
 * {@code inet}: bound as text cast through varchar (which pins the parameter's type, so the driver sends the string
 * as it is) and read back as the bare address.
 */
@ApplicationScoped
public class PasswordResetRepository {

    private static final String COLUMNS = "id, customer_id, email, reset_type, status, token_hash, attempt_count,"
            + " max_attempts, expires_at, used_at, user_agent, host(ip_address) AS ip_address, created_at";

    /** Locked, so two redemptions of one link run one after the other and only the first one succeeds. */
    public Uni<PasswordReset> findByTokenHashForUpdate(Transaction transaction, String tokenHash) {
        return transaction.first("SELECT " + COLUMNS + " FROM password_resets WHERE token_hash = $1"
                + " FOR NO KEY UPDATE", Tuple.of(tokenHash), PasswordReset::from);
    }

    /** Locks the reset until the transaction ends. */
    public Uni<PasswordReset> findByIdForUpdate(Transaction transaction, UUID id) {
        return transaction.first("SELECT " + COLUMNS + " FROM password_resets WHERE id = $1 FOR NO KEY UPDATE",
                Tuple.of(id), PasswordReset::from);
    }

    public Uni<PasswordReset> findByTokenHash(Sql sql, String tokenHash) {
        return sql.first("SELECT " + COLUMNS + " FROM password_resets WHERE token_hash = $1", Tuple.of(tokenHash),
                PasswordReset::from);
    }

    /**
     * The code reset a person is answering (idx_password_resets_email_status). Locked, so concurrent guesses are
     * counted one after the other and cannot exceed the attempts allowed.
     */
    public Uni<PasswordReset> findLatestPendingCodeForUpdate(Transaction transaction, String email) {
        return transaction.first("SELECT " + COLUMNS + " FROM password_resets"
                + " WHERE email = $1 AND status = $2 AND reset_type = $3 ORDER BY created_at DESC LIMIT 1"
                + " FOR NO KEY UPDATE",
                Tuple.of(email, PasswordReset.PENDING, PasswordReset.EMAIL_OTP), PasswordReset::from);
    }

    /**
     * Locks the account's row until the transaction ends, so two forgot-password requests for one account run one
     * after the other: the hourly limit holds under a burst, and only one reset is left pending. {@code NO KEY}
     * leaves the row free for inserts that merely reference it (a login opening a session).
     */
    public Uni<Void> lockAccount(Transaction transaction, UUID userId) {
        return transaction.execute("SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE", Tuple.of(userId))
                .replaceWithVoid();
    }

    /** Resets requested for an address since a moment, whatever became of them. */
    public Uni<Long> countRequestedSince(Sql sql, String email, LocalDateTime since) {
        return sql.first("SELECT count(*) FROM password_resets WHERE email = $1 AND created_at >= $2",
                Tuple.of(email, since), row -> row.getLong(0));
    }

    /** Stores a new reset; fails with a unique violation on {@code idx_password_resets_token_hash}. */
    public Uni<Void> insert(Sql sql, PasswordReset reset) {
        return sql.execute("INSERT INTO password_resets (id, customer_id, email, reset_type, status, token_hash,"
                + " attempt_count, max_attempts, expires_at, used_at, user_agent, ip_address, created_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CAST(CAST($12 AS varchar) AS inet), $13)",
                Tuple.from(Arrays.asList(reset.id, reset.userId, reset.email, reset.resetType, reset.status,
                        reset.tokenHash, reset.attemptCount, reset.maxAttempts, reset.expiresAt, reset.usedAt,
                        reset.userAgent, reset.ipAddress, reset.createdAt)))
                .replaceWithVoid();
    }

    /**
     * Writes back what changes over a reset's life (its status, its count of guessed codes, when it was used) to a
     * reset read with one of the locking reads above.
     */
    public Uni<Integer> save(Sql sql, PasswordReset reset) {
        return sql.execute("UPDATE password_resets SET status = $2, attempt_count = $3, used_at = $4 WHERE id = $1",
                Tuple.from(Arrays.asList(reset.id, reset.status, reset.attemptCount, reset.usedAt)))
                .map(RowSet::rowCount);
    }

    /** Gives back an attempt reserved for a comparison that never ran (the hashing queue was full). */
    public Uni<Integer> releaseAttempt(Sql sql, UUID id) {
        return sql.execute("UPDATE password_resets SET attempt_count = attempt_count - 1"
                + " WHERE id = $1 AND status = $2 AND attempt_count > 0", Tuple.of(id, PasswordReset.PENDING))
                .map(RowSet::rowCount);
    }

    /** Ends every pending reset of the user but one ({@code keep} may be null). */
    public Uni<Integer> revokePending(Sql sql, UUID userId, UUID keep) {
        if (keep == null) {
            return sql.execute("UPDATE password_resets SET status = $2 WHERE customer_id = $1 AND status = $3",
                    Tuple.of(userId, PasswordReset.REVOKED, PasswordReset.PENDING))
                    .map(RowSet::rowCount);
        }
        return sql.execute("UPDATE password_resets SET status = $2 WHERE customer_id = $1 AND status = $3"
                + " AND id <> $4", Tuple.of(userId, PasswordReset.REVOKED, PasswordReset.PENDING, keep))
                .map(RowSet::rowCount);
    }

    public Uni<Integer> revokeIfPending(Sql sql, UUID id) {
        return sql.execute("UPDATE password_resets SET status = $2 WHERE id = $1 AND status = $3",
                Tuple.of(id, PasswordReset.REVOKED, PasswordReset.PENDING))
                .map(RowSet::rowCount);
    }

    /** Resets whose link or code expired before the cutoff (seed 004 keeps UTC in a plain TIMESTAMP). */
    public Uni<Integer> deleteExpiredBefore(Sql sql, LocalDateTime cutoffUtc) {
        return sql.execute("DELETE FROM password_resets WHERE expires_at < $1", Tuple.of(cutoffUtc))
                .map(RowSet::rowCount);
    }
}
