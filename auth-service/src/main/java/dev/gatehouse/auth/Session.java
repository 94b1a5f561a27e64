package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One signed-in device: the family every rotated refresh token of that device belongs to. Revoking it ends all of
 * them.
 */
@Entity
@Table(name = "sessions")
public class Session {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "ip_address")
    public String ipAddress;

    @Column(name = "user_agent")
    public String userAgent;

    /** The end of the idle lifetime: every refresh moves it forward, never past {@link #absoluteExpiresAt}. */
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    /** When the session ends however often it is refreshed; set once, when it opens. */
    @Column(name = "absolute_expires_at", nullable = false, updatable = false)
    public OffsetDateTime absoluteExpiresAt;

    @Column(name = "last_used_at", nullable = false)
    public OffsetDateTime lastUsedAt;

    @Column(nullable = false)
    public boolean revoked;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean isActiveAt(OffsetDateTime now) {
        return !revoked && expiresAt.isAfter(now);
    }

    public void revoke(OffsetDateTime now, String reason) {
        if (!revoked) {
            revoked = true;
            revokedAt = now;
            revokeReason = reason;
        }
    }
}
