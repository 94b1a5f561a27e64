package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.RefreshToken;
import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements on {@code refresh_tokens} off the refresh path ({@link RefreshRotationRepository} is on it). */
@ApplicationScoped
public class RefreshTokenRepository {

    private static final String COLUMNS = "id, session_id, user_id, token_hash, device_id, ip_address, user_agent,"
            + " expires_at, revoked, revoked_at, replaced_at, replaced_by, created_at";

    public Uni<RefreshToken> findByHash(Sql sql, String tokenHash) {
        return sql.first("SELECT " + COLUMNS + " FROM refresh_tokens WHERE token_hash = $1", Tuple.of(tokenHash),
                RefreshToken::from);
    }

    public Uni<Void> insert(Transaction transaction, RefreshToken token) {
        return transaction.execute("INSERT INTO refresh_tokens (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7,"
                + " $8, $9, $10, $11, $12, $13)",
                Tuple.from(Arrays.asList(token.id, token.sessionId, token.userId, token.tokenHash, token.deviceId,
                        token.ipAddress, token.userAgent, token.expiresAt, token.revoked, token.revokedAt,
                        token.replacedAt, token.replacedBy, token.createdAt)))
                .replaceWithVoid();
    }

    /** Revokes the tokens of one of the user's sessions; another user's session is left alone. */
    public Uni<Integer> revokeSession(Sql sql, UUID userId, UUID sessionId, OffsetDateTime now) {
        return sql.execute("UPDATE refresh_tokens SET revoked = true, revoked_at = $3"
                + " WHERE session_id = $2 AND user_id = $1 AND NOT revoked", Tuple.of(userId, sessionId, now))
                .map(RowSet::rowCount);
    }

    public Uni<Integer> revokeAllOfUser(Sql sql, UUID userId, OffsetDateTime now) {
        return sql.execute("UPDATE refresh_tokens SET revoked = true, revoked_at = $2"
                + " WHERE user_id = $1 AND NOT revoked", Tuple.of(userId, now)).map(RowSet::rowCount);
    }

    /** Revokes the refresh tokens of every session of the user but {@code keepSession}. */
    public Uni<Integer> revokeAllOfUserExcept(Sql sql, UUID userId, UUID keepSession, OffsetDateTime now) {
        if (keepSession == null) {
            return revokeAllOfUser(sql, userId, now);
        }
        return sql.execute("UPDATE refresh_tokens SET revoked = true, revoked_at = $2"
                + " WHERE user_id = $1 AND NOT revoked AND session_id <> $3", Tuple.of(userId, now, keepSession))
                .map(RowSet::rowCount);
    }

    /**
     * Tokens past their expiry are refused before reuse is even considered, so deleting them loses no theft signal;
     * spent tokens that have not expired stay, because presenting one of them is what reveals a stolen token.
     */
    public Uni<Integer> deleteExpiredBefore(Sql sql, OffsetDateTime cutoff) {
        return sql.execute("DELETE FROM refresh_tokens WHERE expires_at < $1", Tuple.of(cutoff))
                .map(RowSet::rowCount);
    }
}
