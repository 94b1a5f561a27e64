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

/** One hand-over of a code to a provider, kept for support and audit. Holds neither the code nor the text. */
@Entity
@Table(name = "otp_delivery_attempts")
public class DeliveryAttempt {

    /** Provider names as stored. */
    public static final String TWILIO = "twilio";
    public static final String SMTP = "smtp";

    public enum Status {
        SENT,
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "otp_id", nullable = false)
    public UUID otpId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OtpChannel channel;

    @Column(nullable = false)
    public String provider;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "error_code")
    public String errorCode;

    public String error;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
