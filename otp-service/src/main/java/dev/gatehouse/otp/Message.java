package dev.gatehouse.otp;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.gatehouse.otp.api.OtpChannel;

/**
 * A transactional message another service had us deliver (POST /messages). The body is deliberately not kept: it may
 * carry a secret link or a code its sender generated. A row of {@code messages}.
 */
public class Message {

    public enum Status {
        /** The provider took the message for delivery. */
        SENT,
        /** The provider refused it or could not be reached; {@code error} says why. */
        FAILED
    }

    public UUID id;

    public OtpChannel channel;

    public String destination;

    public String subject;

    public Status status;

    public String error;

    public OffsetDateTime createdAt;
}
