package dev.gatehouse.auth;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The code auth-service last asked otp-service to send to prove one channel of one account: its id and where it was
 * sent. The code itself never leaves otp-service.
 */
@Entity
@Table(name = "verification_challenges")
@IdClass(VerificationChallenge.Key.class)
public class VerificationChallenge {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "channel")
    public VerificationChannel channel;

    @Column(name = "otp_id", nullable = false)
    public UUID otpId;

    @Column(nullable = false)
    public String destination;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The composite primary key: one challenge per account and channel. */
    public static class Key implements Serializable {

        public UUID userId;
        public VerificationChannel channel;

        public Key() {
        }

        public Key(UUID userId, VerificationChannel channel) {
            this.userId = userId;
            this.channel = channel;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId) && channel == key.channel;
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, channel);
        }
    }
}
