package dev.gatehouse.auth.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.OutboxEvent;
import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statements on {@code outbox_events}. An event is written in the transaction of the change it announces (the
 * caller's); the relay claims, then marks what it delivered or failed to deliver.
 */
@ApplicationScoped
public class OutboxRepository {

    private static final String COLUMNS = "id, event_type, subject_id, destination, status, attempts,"
            + " next_attempt_at, last_error, created_at, delivered_at";

    /** How many events wait, and since when the oldest of them. */
    public record Backlog(long pending, OffsetDateTime oldestCreatedAt) {
    }

    /**
     * Stores a new event, in the transaction of the change it announces; fails with a unique violation on
     * {@code outbox_events_one_per_destination} when the subject already has this event for this destination.
     */
    public Uni<OutboxEvent> insert(Sql sql, OutboxEvent event) {
        return sql.first("INSERT INTO outbox_events (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                + " $10) RETURNING " + COLUMNS,
                Tuple.from(Arrays.asList(event.id, event.eventType, event.subjectId, event.destination,
                        event.status.name(), event.attempts, event.nextAttemptAt, event.lastError, event.createdAt,
                        event.deliveredAt)),
                OutboxEvent::from);
    }

    /**
     * Claims up to {@code limit} due events for one relay run: their rows are locked (rows another replica has
     * locked are skipped) and pushed {@code lease} into the future, so when the transaction commits no other run
     * takes them while they are being delivered, and a relay that dies mid-delivery only delays them by the lease.
     * Two statements in the caller's transaction: the locking read, oldest due first, then one update of what it
     * locked (their attempts counted, their next attempt moved). The events returned carry the claimed values.
     */
    public Uni<List<OutboxEvent>> claimDue(Transaction transaction, OffsetDateTime now, int limit, Duration lease) {
        OffsetDateTime leasedUntil = now.plus(lease);
        return transaction.all("SELECT " + COLUMNS + " FROM outbox_events WHERE status = 'PENDING'"
                + " AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED",
                Tuple.of(now, (long) limit), OutboxEvent::from)
                .call(claimed -> {
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID[] ids = claimed.stream().map(event -> event.id).toArray(UUID[]::new);
                    return transaction.execute("UPDATE outbox_events SET attempts = attempts + 1,"
                            + " next_attempt_at = $2 WHERE id = ANY($1)", Tuple.of(ids, leasedUntil));
                })
                .invoke(claimed -> claimed.forEach(event -> {
                    event.attempts++;
                    event.nextAttemptAt = leasedUntil;
                }));
    }

    /** Records the destination's acknowledgement, unless the event is no longer pending. */
    public Uni<Integer> markDelivered(Sql sql, UUID id, OffsetDateTime now) {
        return sql.execute("UPDATE outbox_events SET status = 'DELIVERED', delivered_at = $2, last_error = NULL"
                + " WHERE id = $1 AND status = 'PENDING'", Tuple.of(id, now)).map(RowSet::rowCount);
    }

    /** Records why a delivery failed and when to try again, unless the event is no longer pending. */
    public Uni<Integer> markFailed(Sql sql, UUID id, String error, OffsetDateTime nextAttemptAt) {
        return sql.execute("UPDATE outbox_events SET last_error = $2, next_attempt_at = $3"
                + " WHERE id = $1 AND status = 'PENDING'", Tuple.of(id, error, nextAttemptAt)).map(RowSet::rowCount);
    }

    /** One statement: the count and the oldest creation time of the pending events (null when there are none). */
    public Uni<Backlog> backlog(Sql sql) {
        return sql.first("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox_events"
                + " WHERE status = 'PENDING'", Tuple.tuple(),
                row -> new Backlog(row.getLong("pending"), row.getOffsetDateTime("oldest")));
    }

    /** The events about one subject, by destination. */
    public Uni<List<OutboxEvent>> ofSubject(Sql sql, UUID subjectId) {
        return sql.all("SELECT " + COLUMNS + " FROM outbox_events WHERE subject_id = $1 ORDER BY destination",
                Tuple.of(subjectId), OutboxEvent::from);
    }

    /** Housekeeping: events acknowledged before {@code cutoff}. */
    public Uni<Integer> deleteDeliveredBefore(Sql sql, OffsetDateTime cutoff) {
        return sql.execute("DELETE FROM outbox_events WHERE status = 'DELIVERED' AND delivered_at < $1",
                Tuple.of(cutoff)).map(RowSet::rowCount);
    }
}
