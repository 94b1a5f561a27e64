package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * One issued refresh token, known only by its SHA-256 hash. It is good for a single rotation. A row of
 * {@code refresh_tokens}.
 */
public class RefreshToken {

    public UUID id;

    public UUID sessionId;

    public UUID userId;

    public String tokenHash;

    public String deviceId;

    public String ipAddress;

    public String userAgent;

    public OffsetDateTime expiresAt;

    public boolean revoked;

    public OffsetDateTime revokedAt;

    public OffsetDateTime replacedAt;

    public UUID replacedBy;

    public OffsetDateTime createdAt;

    /** The token a row of {@code refresh_tokens} holds. */
    public static RefreshToken from(Row row) {
        RefreshToken token = new RefreshToken();
        token.id = row.getUUID("id");
        token.sessionId = row.getUUID("session_id");
        token.userId = row.getUUID("user_id");
        token.tokenHash = row.getString("token_hash");
        token.deviceId = row.getString("device_id");
        token.ipAddress = row.getString("ip_address");
        token.userAgent = row.getString("user_agent");
        token.expiresAt = row.getOffsetDateTime("expires_at");
        token.revoked = row.getBoolean("revoked");
        token.revokedAt = row.getOffsetDateTime("revoked_at");
        token.replacedAt = row.getOffsetDateTime("replaced_at");
        token.replacedBy = row.getUUID("replaced_by");
        token.createdAt = row.getOffsetDateTime("created_at");
        return token;
    }

}
