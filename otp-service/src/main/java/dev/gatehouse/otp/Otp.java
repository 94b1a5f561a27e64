package dev.gatehouse.otp;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.api.OtpStatus;
import dev.gatehouse.otp.api.OtpType;

/**
 * One issued code, known only by its keyed hash. A resend replaces the hash in place, so callers keep one id for
 * the whole exchange.
 */
@Entity
@Table(name = "otps")
public class Otp {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OtpType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OtpStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OtpChannel channel;

    @Column(nullable = false)
    public String destination;

    @Column(name = "subject_id")
    public UUID subjectId;

    /** The client id of the service that asked for the code; only it may use the code afterwards. */
    @Column(name = "issued_to")
    public String issuedTo;

    public String locale;

    /** The caller's link with a {@code {token}} placeholder, for EMAIL codes only; a resend builds its link from it. */
    @Column(name = "link_template")
    public String linkTemplate;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "attempt_count", nullable = false)
    public int attemptCount;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    @Column(name = "resend_count", nullable = false)
    public int resendCount;

    @Column(name = "last_sent_at")
    public OffsetDateTime lastSentAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean isExpiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }

    public int remainingAttempts() {
        return Math.max(0, maxAttempts - attemptCount);
    }

    public void revoke(OffsetDateTime now, RevokeReason reason) {
        status = OtpStatus.REVOKED;
        revokedAt = now;
        revokeReason = reason.column();
    }
}
