package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * The code auth-service last asked otp-service to send to prove one channel of one account: its id and where it was
 * sent. The code itself never leaves otp-service. A row of {@code verification_challenges}, one per account and
 * channel (its primary key); {@link dev.gatehouse.auth.repository.VerificationChallengeRepository} reads and writes
 * it.
 */
public class VerificationChallenge {

    public UUID userId;

    public VerificationChannel channel;

    public UUID otpId;

    public String destination;

    public OffsetDateTime createdAt;

    /** The challenge a row of {@code verification_challenges} holds; the channel is stored as its name. */
    public static VerificationChallenge from(Row row) {
        VerificationChallenge challenge = new VerificationChallenge();
        challenge.userId = row.getUUID("user_id");
        challenge.channel = VerificationChannel.valueOf(row.getString("channel"));
        challenge.otpId = row.getUUID("otp_id");
        challenge.destination = row.getString("destination");
        challenge.createdAt = row.getOffsetDateTime("created_at");
        return challenge;
    }
}
