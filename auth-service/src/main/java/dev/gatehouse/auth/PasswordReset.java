package dev.gatehouse.auth;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * One forgot-password request (seed 004): a link or a six-digit code sent by email, known here only by its hash.
 * <p>
 * The seed's timestamps are {@code TIMESTAMP} without a time zone; they always hold UTC, written from Java, so no
 * comparison depends on the database session's time zone.
 */
@Entity
@Table(name = "password_resets")
public class PasswordReset {

    public static final String EMAIL_LINK = "email_link";
    public static final String EMAIL_OTP = "email_otp";

    public static final String PENDING = "pending";
    public static final String USED = "used";
    public static final String EXPIRED = "expired";
    public static final String REVOKED = "revoked";

    @Id
    public UUID id;

    /** The seed's name for the account reference; it points at {@code users(id)}. */
    @Column(name = "customer_id", nullable = false, updatable = false)
    public UUID userId;

    /** The address the reset was sent to, lower-cased, as the user row held it then. */
    @Column(nullable = false, updatable = false)
    public String email;

    @Column(name = "reset_type", nullable = false, updatable = false)
    public String resetType;

    @Column(nullable = false)
    public String status;

    /** SHA-256 hex of a link token, or an Argon2id PHC string of a code (salted, so unique as the index demands). */
    @Column(name = "token_hash", nullable = false, updatable = false)
    public String tokenHash;

    @Column(name = "attempt_count", nullable = false)
    public int attemptCount;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "expires_at", nullable = false)
    public LocalDateTime expiresAt;

    @Column(name = "used_at")
    public LocalDateTime usedAt;

    @Column(name = "user_agent", updatable = false)
    public String userAgent;

    /**
     * The column is PostgreSQL {@code inet}. The reactive driver would bind a Java string as text and PostgreSQL
     * refuses text for inet, so the value is cast on the way in (through varchar, which pins the parameter's type)
     * and read back as the bare address.
     */
    @ColumnTransformer(read = "host(ip_address)", write = "cast(cast(? as varchar) as inet)")
    @Column(name = "ip_address", columnDefinition = "inet", updatable = false)
    public String ipAddress;

    @Column(name = "created_at", nullable = false, updatable = false)
    public LocalDateTime createdAt;

    public boolean isPending() {
        return PENDING.equals(status);
    }

    public boolean isExpiredAt(LocalDateTime now) {
        return !expiresAt.isAfter(now);
    }

    public void expire() {
        status = EXPIRED;
    }

    public void revoke() {
        status = REVOKED;
    }

    public void markUsed(LocalDateTime now) {
        status = USED;
        usedAt = now;
    }

    /** Counts a wrong code; answers whether that was the last one allowed, in which case the reset is revoked. */
    public boolean recordWrongCode() {
        attemptCount++;
        if (attemptCount >= maxAttempts) {
            revoke();
            return true;
        }
        return false;
    }
}
