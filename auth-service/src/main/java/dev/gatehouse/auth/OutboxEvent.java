package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * An event for another service, written in the transaction of the change it announces and delivered afterwards by
 * the outbox relay until the destination acknowledges it. A row of {@code outbox_events};
 * {@link dev.gatehouse.auth.repository.OutboxRepository} reads and writes it.
 */
public class OutboxEvent {

    /** An account was deleted; the destination forgets the person and refuses them from then on. */
    public static final String USER_DELETED = "user-deleted";

    /** Stored by name. */
    public enum Status {
        PENDING,
        DELIVERED
    }

    public UUID id;

    /** Never changes once the row exists. */
    public String eventType;

    /** Never changes once the row exists. */
    public UUID subjectId;

    /** Never changes once the row exists. */
    public String destination;

    public Status status;

    public int attempts;

    public OffsetDateTime nextAttemptAt;

    public String lastError;

    /** Never changes once the row exists. */
    public OffsetDateTime createdAt;

    public OffsetDateTime deliveredAt;

    /** The event a row of {@code outbox_events} holds. */
    public static OutboxEvent from(Row row) {
        OutboxEvent event = new OutboxEvent();
        event.id = row.getUUID("id");
        event.eventType = row.getString("event_type");
        event.subjectId = row.getUUID("subject_id");
        event.destination = row.getString("destination");
        event.status = Status.valueOf(row.getString("status"));
        event.attempts = row.getInteger("attempts");
        event.nextAttemptAt = row.getOffsetDateTime("next_attempt_at");
        event.lastError = row.getString("last_error");
        event.createdAt = row.getOffsetDateTime("created_at");
        event.deliveredAt = row.getOffsetDateTime("delivered_at");
        return event;
    }

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
