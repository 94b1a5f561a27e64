package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event for another service, written in the transaction of the change it announces and delivered afterwards by
 * the outbox relay until the destination acknowledges it.
 */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent {

    /** An account was deleted; the destination forgets the person and refuses them from then on. */
    public static final String USER_DELETED = "user-deleted";

    public enum Status {
        PENDING,
        DELIVERED
    }

    @Id
    public UUID id;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    public UUID subjectId;

    @Column(nullable = false, updatable = false)
    public String destination;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    public static OutboxEvent userDeleted(UUID userId, String destination, OffsetDateTime now) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.eventType = USER_DELETED;
        event.subjectId = userId;
        event.destination = destination;
        event.status = Status.PENDING;
        event.attempts = 0;
        event.nextAttemptAt = now;
        event.createdAt = now;
        return event;
    }
}
