package dev.gatehouse.auth.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** How many events wait, and since when the oldest of them. */
    public record Backlog(long pending, OffsetDateTime oldestCreatedAt) {
    }

    /**
     * Claims up to {@code limit} due events for one relay run: their rows are locked (rows another replica has
     * locked are skipped) and pushed {@code lease} into the future, so when the transaction commits no other run
     * takes them while they are being delivered, and a relay that dies mid-delivery only delays them by the lease.
     * Call inside a transaction.
     */
    public Uni<List<OutboxEvent>> claimDue(OffsetDateTime now, int limit, Duration lease) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT * FROM outbox_events WHERE status = 'PENDING' AND next_attempt_at <= ?1"
                        + " ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                .setParameter(1, now).setParameter(2, limit).getResultList())
                .invoke(claimed -> claimed.forEach(event -> {
                    event.attempts++;
                    event.nextAttemptAt = now.plus(lease);
                }));
    }

    public Uni<Integer> markDelivered(UUID id, OffsetDateTime now) {
        return update("status = ?2, deliveredAt = ?3, lastError = null where id = ?1 and status = ?4", id,
                OutboxEvent.Status.DELIVERED, now, OutboxEvent.Status.PENDING);
    }

    public Uni<Integer> markFailed(UUID id, String error, OffsetDateTime nextAttemptAt) {
        return update("lastError = ?2, nextAttemptAt = ?3 where id = ?1 and status = ?4", id, error, nextAttemptAt,
                OutboxEvent.Status.PENDING);
    }

    public Uni<Backlog> backlog() {
        return count("status", OutboxEvent.Status.PENDING).chain(pending -> pending == 0
                ? Uni.createFrom().item(new Backlog(0, null))
                : find("status", Sort.ascending("createdAt"), OutboxEvent.Status.PENDING).firstResult()
                        .map(oldest -> new Backlog(pending, oldest == null ? null : oldest.createdAt)));
    }

    public Uni<List<OutboxEvent>> ofSubject(UUID subjectId) {
        return list("subjectId", Sort.ascending("destination"), subjectId);
    }

    public Uni<Long> deleteDeliveredBefore(OffsetDateTime cutoff) {
        return delete("status = ?1 and deliveredAt < ?2", OutboxEvent.Status.DELIVERED, cutoff);
    }
}
