package dev.gatehouse.otp;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.gatehouse.otp.api.OtpChannel;

/**
 * One hand-over of a code to a provider, kept for support and audit: a row of {@code otp_delivery_attempts}. Holds
 * neither the code nor the text.
 */
public class DeliveryAttempt {

    /** Provider names as stored. */
    public static final String TWILIO = "twilio";
    public static final String SMTP = "smtp";

    public enum Status {
        SENT,
        FAILED
    }

    public UUID id;

    public UUID otpId;

    public OtpChannel channel;

    public String provider;

    public String providerMessageId;

    public Status status;

    public String errorCode;

    public String error;

    public OffsetDateTime createdAt;
}
