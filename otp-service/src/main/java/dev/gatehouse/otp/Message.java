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

/**
 * A transactional message another service had us deliver (POST /messages). The body is deliberately not kept: it may
 * carry a secret link or a code its sender generated.
 */
@Entity
@Table(name = "messages")
public class Message {

    public enum Status {
        /** The provider took the message for delivery. */
        SENT,
        /** The provider refused it or could not be reached; {@code error} says why. */
        FAILED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OtpChannel channel;

    @Column(nullable = false)
    public String destination;

    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String error;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
