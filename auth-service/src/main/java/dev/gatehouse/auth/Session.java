package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * One signed-in device: the family every rotated refresh token of that device belongs to. Revoking it ends all of
 * them. A row of {@code sessions}.
 */
public class Session {

    public UUID id;

    public UUID userId;

    public String deviceId;

    public String ipAddress;

    public String userAgent;

    /** The end of the idle lifetime: every refresh moves it forward, never past {@link #absoluteExpiresAt}. */
    public OffsetDateTime expiresAt;

    /** When the session ends however often it is refreshed; set once, when it opens. */
    public OffsetDateTime absoluteExpiresAt;

    public OffsetDateTime lastUsedAt;

    public boolean revoked;

    public OffsetDateTime revokedAt;

    public String revokeReason;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    public boolean isActiveAt(OffsetDateTime now) {
        return !revoked && expiresAt.isAfter(now);
    }

    /** The session a row of {@code sessions} holds. */
    public static Session from(Row row) {
        Session session = new Session();
        session.id = row.getUUID("id");
        session.userId = row.getUUID("user_id");
        session.deviceId = row.getString("device_id");
        session.ipAddress = row.getString("ip_address");
        session.userAgent = row.getString("user_agent");
        session.expiresAt = row.getOffsetDateTime("expires_at");
        session.absoluteExpiresAt = row.getOffsetDateTime("absolute_expires_at");
        session.lastUsedAt = row.getOffsetDateTime("last_used_at");
        session.revoked = row.getBoolean("revoked");
        session.revokedAt = row.getOffsetDateTime("revoked_at");
        session.revokeReason = row.getString("revoke_reason");
        session.createdAt = row.getOffsetDateTime("created_at");
        session.updatedAt = row.getOffsetDateTime("updated_at");
        return session;
    }

}
