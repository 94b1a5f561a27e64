package dev.gatehouse.otp.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.otp.Otp;
import dev.gatehouse.otp.RevokeReason;
import dev.gatehouse.otp.api.OtpType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statements on {@code otps}, each one round trip. A read takes the pool or a transaction's connection; a lock or
 * a write that belongs to a larger change takes the connection of the caller's transaction.
 */
@ApplicationScoped
public class OtpRepository {

    private static final String COLUMNS = "id, type, status, channel, destination, subject_id, issued_to, locale,"
            + " link_template, code_hash, attempt_count, max_attempts, expires_at, verified_at, revoked_at,"
            + " revoke_reason, resend_count, last_sent_at, created_at, updated_at";

    public Uni<Otp> findById(Sql sql, UUID id) {
        return sql.first("SELECT " + COLUMNS + " FROM otps WHERE id = $1", Tuple.of(id), Otp::from);
    }

    /**
     * Locks the row until the transaction ends, so concurrent guesses are counted one after the other and can never
     * exceed {@code max_attempts} together.
     */
    public Uni<Otp> lock(Transaction transaction, UUID id) {
        return transaction.first("SELECT " + COLUMNS + " FROM otps WHERE id = $1 FOR NO KEY UPDATE", Tuple.of(id), Otp::from);
    }

    /**
     * The code most recently handed to a provider for this destination and type. Codes that were never delivered
     * do not count: nobody received them, so they start no cooldown.
     */
    public Uni<Otp> latestSent(Sql sql, String destination, OtpType type) {
        return sql.first("SELECT " + COLUMNS + " FROM otps WHERE destination = $1 AND type = $2"
                + " AND last_sent_at IS NOT NULL AND (revoke_reason IS NULL OR revoke_reason <> $3)"
                + " ORDER BY last_sent_at DESC LIMIT 1",
                Tuple.of(destination, type.name(), RevokeReason.DELIVERY_FAILED.column()), Otp::from);
    }

    /**
     * Serialises issuing for one subject, destination and type until the transaction ends. Without it, a new code
     * whose insert waits on the unique index for another transaction's revocation could deadlock with that
     * transaction waiting for the rate-limit counters the first one already holds.
     */
    public Uni<Void> lockIssuing(Transaction transaction, UUID subjectId, String destination, OtpType type) {
        String key = "otp-issue:" + subjectId + ":" + type.name() + ":" + destination;
        return transaction.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", Tuple.of(key)).replaceWithVoid();
    }

    /**
     * Revokes the subject's pending code of this destination and type, if any, before a new one is issued. Other
     * subjects' codes for the same destination stay: one company cannot cancel another's verification of a phone
     * number they share.
     */
    public Uni<Integer> revokePending(Transaction transaction, UUID subjectId, String destination, OtpType type,
            OffsetDateTime now) {
        String revoke = "UPDATE otps SET status = 'REVOKED', revoked_at = $1, revoke_reason = $2"
                + " WHERE destination = $3 AND type = $4 AND status = 'PENDING' AND ";
        if (subjectId == null) {
            return transaction
                    .execute(revoke + "subject_id IS NULL",
                            Tuple.of(now, RevokeReason.SUPERSEDED.column(), destination, type.name()))
                    .map(RowSet::rowCount);
        }
        return transaction
                .execute(revoke + "subject_id = $5",
                        Tuple.of(now, RevokeReason.SUPERSEDED.column(), destination, type.name(), subjectId))
                .map(RowSet::rowCount);
    }

    /** Revokes a code whose message the provider did not take, unless something else already ended it. */
    public Uni<Integer> revokeUndelivered(Sql sql, UUID id, OffsetDateTime now) {
        return sql.execute("UPDATE otps SET status = 'REVOKED', revoked_at = $2, revoke_reason = $3"
                + " WHERE id = $1 AND status = 'PENDING'", Tuple.of(id, now, RevokeReason.DELIVERY_FAILED.column()))
                .map(RowSet::rowCount);
    }

    /** Stores a new code; fails with a unique violation when the subject already has one pending there. */
    public Uni<Otp> insert(Transaction transaction, Otp otp) {
        return transaction.first("INSERT INTO otps (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
                + " $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING " + COLUMNS,
                Tuple.from(Arrays.asList(otp.id, otp.type.name(), otp.status.name(), otp.channel.name(),
                        otp.destination, otp.subjectId, otp.issuedTo, otp.locale, otp.linkTemplate, otp.codeHash,
                        otp.attemptCount, otp.maxAttempts, otp.expiresAt, otp.verifiedAt, otp.revokedAt,
                        otp.revokeReason, otp.resendCount, otp.lastSentAt, otp.createdAt, otp.updatedAt)),
                Otp::from);
    }

    /**
     * Writes back what changes over a code's life (its status and the times it changed, its hash, expiry and counts
     * after a guess or a resend) to a code read with {@link #lock}; the database sets {@code updated_at}.
     */
    public Uni<Otp> save(Transaction transaction, Otp otp) {
        return transaction.first("UPDATE otps SET status = $2, code_hash = $3, attempt_count = $4,"
                + " expires_at = $5, verified_at = $6, revoked_at = $7, revoke_reason = $8, resend_count = $9,"
                + " last_sent_at = $10 WHERE id = $1 RETURNING " + COLUMNS,
                Tuple.from(Arrays.asList(otp.id, otp.status.name(), otp.codeHash, otp.attemptCount,
                        otp.expiresAt, otp.verifiedAt, otp.revokedAt, otp.revokeReason, otp.resendCount,
                        otp.lastSentAt)),
                Otp::from);
    }

    /** Marks pending codes whose time ran out, so the status column tells the truth without a verify call. */
    public Uni<Integer> expireOverdue(Sql sql, OffsetDateTime now) {
        return sql.execute("UPDATE otps SET status = 'EXPIRED' WHERE status = 'PENDING' AND expires_at <= $1", Tuple.of(now))
                .map(RowSet::rowCount);
    }

    /** Drops finished codes older than the retention; their delivery attempts go with them (ON DELETE CASCADE). */
    public Uni<Integer> deleteFinishedBefore(Sql sql, OffsetDateTime cutoff) {
        return sql.execute("DELETE FROM otps WHERE status <> 'PENDING' AND created_at < $1", Tuple.of(cutoff))
                .map(RowSet::rowCount);
    }
}
