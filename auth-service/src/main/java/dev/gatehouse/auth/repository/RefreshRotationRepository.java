package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.sql.Database;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * The refresh hot path in one statement: lock the presented token, rotate it, store its successor, move the
 * session's idle expiry, and read what the new access token says about the user. It commits on its own: one
 * statement needs no transaction around it.
 */
@ApplicationScoped
public class RefreshRotationRepository {

    /**
     * {@code presented} takes the token's row lock first. When a concurrent refresh of the same token holds it,
     * PostgreSQL waits, then re-reads the row (READ COMMITTED): this statement sees {@code replaced_at} set by the
     * one that won and rotates nothing; its caller answers with the same successor. Only a token nobody rotated yet
     * is rotated, so one token has at most one successor whatever the parallelism.
     * <p>
     * {@code replaced_at} is the database's clock when the rotation happens, not the request's arrival ({@code $2}):
     * a refresh that waited for a paused database rotates long after it arrived, and its client, answered 504 by
     * the gateway meanwhile, retries at once; the grace window must start at the rotation for that retry to get the
     * successor rather than end the session.
     * <p>
     * The successor row may have been committed after this statement's snapshot (the concurrent case), so
     * {@code successor} can be missing even though {@code replaced_by} is set; the caller allows for that.
     */
    static final String ROTATE = """
            WITH presented AS (
                SELECT t.id, t.session_id, t.user_id, t.replaced_at, t.replaced_by
                FROM refresh_tokens t
                WHERE t.token_hash = $1 AND NOT t.revoked AND t.expires_at > $2
                FOR UPDATE
            ),
            live AS (
                SELECT p.id, p.session_id, p.user_id, p.replaced_at, p.replaced_by, s.device_id,
                       s.absolute_expires_at, LEAST($7, s.absolute_expires_at) AS new_expires_at
                FROM presented p
                JOIN sessions s ON s.id = p.session_id
                WHERE NOT s.revoked AND s.expires_at > $2
            ),
            rotated AS (
                UPDATE refresh_tokens t SET replaced_at = clock_timestamp(), replaced_by = $3
                FROM live l
                WHERE t.id = l.id AND l.replaced_at IS NULL AND t.replaced_at IS NULL
                RETURNING t.id
            ),
            issued AS (
                INSERT INTO refresh_tokens (id, session_id, user_id, token_hash, device_id, ip_address, user_agent,
                                            expires_at, revoked, created_at)
                SELECT $3, l.session_id, l.user_id, $4, l.device_id, $5, $6, l.new_expires_at, false, $2
                FROM live l JOIN rotated r ON r.id = l.id
                RETURNING id
            ),
            touched AS (
                UPDATE sessions s SET last_used_at = $2, ip_address = $5, user_agent = $6, expires_at = l.new_expires_at
                FROM live l JOIN rotated r ON r.id = l.id
                WHERE s.id = l.session_id
                RETURNING s.id
            )
            SELECT l.session_id, l.user_id, l.replaced_at, l.replaced_by, l.new_expires_at, l.absolute_expires_at,
                   EXISTS (SELECT 1 FROM issued) AND EXISTS (SELECT 1 FROM touched) AS rotated,
                   successor.token_hash AS successor_hash, successor.expires_at AS successor_expires_at,
                   u.email, u.phone_number, u.email_verified, u.phone_verified, u.roles
            FROM live l
            JOIN users u ON u.id = l.user_id
            LEFT JOIN refresh_tokens successor ON successor.id = l.replaced_by
            """;

    private final Database statements;

    public RefreshRotationRepository(Database statements) {
        this.statements = statements;
    }

    /**
     * Rotates the token with hash {@code presentedHash} to the successor {@code successorId} (hash
     * {@code successorHash}) when nobody has yet, in one statement and one round trip. Empty when the token is
     * unknown, revoked or expired, or its session has ended.
     *
     * @param idleExpiry now plus the idle lifetime; the session's absolute expiry caps it
     */
    public Uni<Rotation> rotate(String presentedHash, OffsetDateTime now, UUID successorId, String successorHash,
            String ipAddress, String userAgent, OffsetDateTime idleExpiry) {
        Tuple arguments = Tuple.tuple().addString(presentedHash).addOffsetDateTime(now).addUUID(successorId)
                .addString(successorHash).addString(ipAddress).addString(userAgent).addOffsetDateTime(idleExpiry);
        return statements.execute(ROTATE, arguments)
                // The statement locks the token, then the session. A transaction that takes them the other way round
                // can make PostgreSQL abort one of the two; this one rolled back whole and is safe to run again.
                .onFailure(RefreshRotationRepository::deadlocked).retry().atMost(1).map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    return iterator.hasNext() ? Rotation.of(iterator.next()) : null;
                });
    }

    /**
     * What the statement found and did.
     *
     * @param rotated true when this call rotated the token and stored its successor; false when the token had
     *        been rotated before ({@code replacedAt}, {@code replacedBy})
     * @param successorHash the stored successor's hash, null when it is not visible to this statement yet
     */
    private static boolean deadlocked(Throwable failure) {
        return failure instanceof PgException pg && "40P01".equals(pg.getSqlState());
    }

    public record Rotation(UUID sessionId, UUID userId, boolean rotated, OffsetDateTime replacedAt, UUID replacedBy,
            OffsetDateTime newExpiresAt, OffsetDateTime absoluteExpiresAt, String successorHash,
            OffsetDateTime successorExpiresAt, String email, String phoneNumber,
            boolean emailVerified, boolean phoneVerified, List<String> roles) {

        static Rotation of(Row row) {
            return new Rotation(row.getUUID("session_id"), row.getUUID("user_id"), row.getBoolean("rotated"),
                    row.getOffsetDateTime("replaced_at"), row.getUUID("replaced_by"),
                    row.getOffsetDateTime("new_expires_at"), row.getOffsetDateTime("absolute_expires_at"),
                    row.getString("successor_hash"), row.getOffsetDateTime("successor_expires_at"),
                    row.getString("email"), row.getString("phone_number"),
                    row.getBoolean("email_verified"), row.getBoolean("phone_verified"),
                    Arrays.asList(row.getArrayOfStrings("roles")));
        }
    }
}
