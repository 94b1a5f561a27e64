package dev.gatehouse.otp;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.api.OtpStatus;
import dev.gatehouse.otp.api.OtpType;
import io.vertx.mutiny.sqlclient.Row;

/**
 * One issued code, known only by its keyed hash. A resend replaces the hash in place, so callers keep one id for
 * the whole exchange. A row of {@code otps}; {@link dev.gatehouse.otp.repository.OtpRepository} reads and writes it.
 */
public class Otp {

    public UUID id;

    public OtpType type;

    public OtpStatus status;

    public OtpChannel channel;

    public String destination;

    public UUID subjectId;

    /** The client id of the service that asked for the code; only it may use the code afterwards. */
    public String issuedTo;

    public String locale;

    /** The caller's link with a {@code {token}} placeholder, for EMAIL codes only; a resend builds its link from it. */
    public String linkTemplate;

    public String codeHash;

    public int attemptCount;

    public int maxAttempts;

    public OffsetDateTime expiresAt;

    public OffsetDateTime verifiedAt;

    public OffsetDateTime revokedAt;

    public String revokeReason;

    public int resendCount;

    public OffsetDateTime lastSentAt;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** The code a row of {@code otps} holds. */
    public static Otp from(Row row) {
        Otp otp = new Otp();
        otp.id = row.getUUID("id");
        otp.type = OtpType.valueOf(row.getString("type"));
        otp.status = OtpStatus.valueOf(row.getString("status"));
        otp.channel = OtpChannel.valueOf(row.getString("channel"));
        otp.destination = row.getString("destination");
        otp.subjectId = row.getUUID("subject_id");
        otp.issuedTo = row.getString("issued_to");
        otp.locale = row.getString("locale");
        otp.linkTemplate = row.getString("link_template");
        otp.codeHash = row.getString("code_hash");
        otp.attemptCount = row.getInteger("attempt_count");
        otp.maxAttempts = row.getInteger("max_attempts");
        otp.expiresAt = row.getOffsetDateTime("expires_at");
        otp.verifiedAt = row.getOffsetDateTime("verified_at");
        otp.revokedAt = row.getOffsetDateTime("revoked_at");
        otp.revokeReason = row.getString("revoke_reason");
        otp.resendCount = row.getInteger("resend_count");
        otp.lastSentAt = row.getOffsetDateTime("last_sent_at");
        otp.createdAt = row.getOffsetDateTime("created_at");
        otp.updatedAt = row.getOffsetDateTime("updated_at");
        return otp;
    }

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
