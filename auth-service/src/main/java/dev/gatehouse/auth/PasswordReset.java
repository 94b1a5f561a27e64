package dev.gatehouse.auth;

import java.time.LocalDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * One forgot-password request (seed 004): a link or a six-digit code sent by email, known here only by its hash. A
 * row of {@code password_resets}; {@link dev.gatehouse.auth.repository.PasswordResetRepository} reads and writes it.
 * <p>
 * The seed's timestamps are {@code TIMESTAMP} without a time zone; they always hold UTC, written from Java, so no
 * comparison depends on the database session's time zone.
 */
public class PasswordReset {

    public static final String EMAIL_LINK = "email_link";
    public static final String EMAIL_OTP = "email_otp";

    public static final String PENDING = "pending";
    public static final String USED = "used";
    public static final String EXPIRED = "expired";
    public static final String REVOKED = "revoked";

    public UUID id;

    /** The seed's name for the account reference ({@code customer_id}); it points at {@code users(id)}. */
    public UUID userId;

    /** The address the reset was sent to, lower-cased, as the user row held it then. */
    public String email;

    public String resetType;

    public String status;

    /** SHA-256 hex of a link token, or an Argon2id PHC string of a code (salted, so unique as the index demands). */
    public String tokenHash;

    public int attemptCount;

    public int maxAttempts;

    public LocalDateTime expiresAt;

    public LocalDateTime usedAt;

    public String userAgent;

    /**
     * The column is PostgreSQL {@code inet}. A parameter typed inet takes only the pg client's own {@code Inet}, and
     * PostgreSQL refuses text for inet, so the repository casts the string on the way in (through varchar, which
     * pins the parameter's type) and reads it back as the bare address ({@code host(ip_address)}).
     */
    public String ipAddress;

    public LocalDateTime createdAt;

    /**
     * The reset a row of {@code password_resets} holds; {@code ip_address} must be selected as
     * {@code host(ip_address) AS ip_address}. The timestamps are read as they are stored: UTC without a zone.
     */
    public static PasswordReset from(Row row) {
        PasswordReset reset = new PasswordReset();
        reset.id = row.getUUID("id");
        reset.userId = row.getUUID("customer_id");
        reset.email = row.getString("email");
        reset.resetType = row.getString("reset_type");
        reset.status = row.getString("status");
        reset.tokenHash = row.getString("token_hash");
        reset.attemptCount = row.getInteger("attempt_count");
        reset.maxAttempts = row.getInteger("max_attempts");
        reset.expiresAt = row.getLocalDateTime("expires_at");
        reset.usedAt = row.getLocalDateTime("used_at");
        reset.userAgent = row.getString("user_agent");
        reset.ipAddress = row.getString("ip_address");
        reset.createdAt = row.getLocalDateTime("created_at");
        return reset;
    }

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
