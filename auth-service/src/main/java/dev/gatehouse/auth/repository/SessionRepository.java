package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.Session;
import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements on {@code sessions}, each one round trip; {@code updated_at} is set by a trigger. */
@ApplicationScoped
public class SessionRepository {

    private static final String COLUMNS = "id, user_id, device_id, ip_address, user_agent, expires_at,"
            + " absolute_expires_at, last_used_at, revoked, revoked_at, revoke_reason, created_at, updated_at";

    public Uni<Session> findById(Sql sql, UUID id) {
        return sql.first("SELECT " + COLUMNS + " FROM sessions WHERE id = $1", Tuple.of(id), Session::from);
    }

    public Uni<Session> insert(Transaction transaction, Session session) {
        return transaction.first("INSERT INTO sessions (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                + " $10, $11, $12, $13) RETURNING " + COLUMNS,
                Tuple.from(Arrays.asList(session.id, session.userId, session.deviceId, session.ipAddress,
                        session.userAgent, session.expiresAt, session.absoluteExpiresAt, session.lastUsedAt,
                        session.revoked, session.revokedAt, session.revokeReason, session.createdAt,
                        session.updatedAt)),
                Session::from);
    }

    /** The user's sessions that are neither revoked nor expired, the most recently used first. */
    public Uni<List<Session>> listActive(Sql sql, UUID userId, OffsetDateTime now) {
        return sql.all("SELECT " + COLUMNS + " FROM sessions WHERE user_id = $1 AND NOT revoked AND expires_at > $2"
                + " ORDER BY last_used_at DESC", Tuple.of(userId, now), Session::from);
    }

    /** Revokes one session of the user, unless it is revoked already; 0 when it is not theirs or not live. */
    public Uni<Integer> revoke(Sql sql, UUID userId, UUID sessionId, OffsetDateTime now, String reason) {
        return sql.execute("UPDATE sessions SET revoked = true, revoked_at = $3, revoke_reason = $4"
                + " WHERE id = $2 AND user_id = $1 AND NOT revoked", Tuple.of(userId, sessionId, now, reason))
                .map(RowSet::rowCount);
    }

    public Uni<Integer> revokeAll(Sql sql, UUID userId, OffsetDateTime now, String reason) {
        return sql.execute("UPDATE sessions SET revoked = true, revoked_at = $2, revoke_reason = $3"
                + " WHERE user_id = $1 AND NOT revoked", Tuple.of(userId, now, reason)).map(RowSet::rowCount);
    }

    /** Ends every session of the user but {@code keep} (the one a request came from); all of them when it is null. */
    public Uni<Integer> revokeAllExcept(Sql sql, UUID userId, UUID keep, OffsetDateTime now, String reason) {
        if (keep == null) {
            return revokeAll(sql, userId, now, reason);
        }
        return sql.execute("UPDATE sessions SET revoked = true, revoked_at = $2, revoke_reason = $3"
                + " WHERE user_id = $1 AND NOT revoked AND id <> $4", Tuple.of(userId, now, reason, keep))
                .map(RowSet::rowCount);
    }

    /** Sessions that ended (revoked or expired) before the cutoff, with their refresh tokens (ON DELETE CASCADE). */
    public Uni<Integer> deleteEndedBefore(Sql sql, OffsetDateTime cutoff) {
        return sql.execute("DELETE FROM sessions WHERE (revoked AND revoked_at < $1) OR expires_at < $1",
                Tuple.of(cutoff)).map(RowSet::rowCount);
    }
}
