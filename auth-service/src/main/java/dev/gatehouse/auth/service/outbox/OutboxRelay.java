package dev.gatehouse.auth.service.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.auth.OutboxEvent;
import dev.gatehouse.auth.client.RemoteUserData;
import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.OutboxRepository;
import dev.gatehouse.common.sql.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Delivers the outbox: every run claims the events that are due (a short transaction), sends each to its destination
 * with no transaction open, and records the outcome (another short transaction). A destination that does not
 * acknowledge gets the event again later, with a back-off that doubles up to a maximum, for as long as it takes;
 * destinations handle events idempotently, so a delivery repeated after a lost answer or a crash is harmless.
 * Replicas share the work: a claimed row is locked with SKIP LOCKED and leased, never sent twice at once.
 * <p>
 * Metrics: {@code gatehouse.outbox.pending} (events not yet acknowledged) and
 * {@code gatehouse.outbox.oldest.age.seconds} (how long the oldest of them has waited), refreshed every run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final Database database;
    private final OutboxRepository outbox;
    private final RemoteUserData remote;
    private final AuthConfig.Outbox config;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxRelay(Database database, OutboxRepository outbox, RemoteUserData remote, AuthConfig config,
            MeterRegistry registry) {
        this.database = database;
        this.outbox = outbox;
        this.remote = remote;
        this.config = config.outbox();
        Gauge.builder("gatehouse.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet acknowledged by their destination").register(registry);
        Gauge.builder("gatehouse.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("How long the oldest unacknowledged outbox event has waited").baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(identity = "outbox-relay", every = "${gatehouse.outbox.every:1s}", delayed = "${gatehouse.outbox.delay:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        return relayDue().replaceWithVoid();
    }

    /** One run; returns how many events were acknowledged. Never fails: what is not delivered waits for a later run. */
    public Uni<Integer> relayDue() {
        return database.inTransaction(tx -> outbox.claimDue(tx, OffsetDateTime.now(), config.batchSize(),
                config.lease()))
                .onItem().transformToMulti(claimed -> Multi.createFrom().iterable(claimed))
                .onItem().transformToUniAndConcatenate(this::deliver)
                .collect().with(Collectors.summingInt(Integer::intValue))
                .onFailure().invoke(failure -> LOG.warn("The outbox relay failed; the next run tries again", failure))
                .onFailure().recoverWithItem(0)
                .call(this::refreshMetrics);
    }

    private Uni<Integer> deliver(OutboxEvent event) {
        return remote.userDeleted(event.destination, event.subjectId)
                .chain(() -> outbox.markDelivered(database, event.id, OffsetDateTime.now()))
                .invoke(() -> LOG.infof("%s of %s acknowledged by %s after %d attempts", event.eventType,
                        event.subjectId, event.destination, event.attempts))
                .replaceWith(1)
                .onFailure().recoverWithUni(failure -> {
                    Duration wait = backoff(event.attempts);
                    String error = truncate(String.valueOf(failure.getMessage()));
                    LOG.warnf("%s of %s not delivered to %s (attempt %d, next in %s): %s", event.eventType,
                            event.subjectId, event.destination, event.attempts, wait, error);
                    return outbox.markFailed(database, event.id, error, OffsetDateTime.now().plus(wait))
                            // If even that fails, the lease set by the claim brings the event back.
                            .onFailure().recoverWithNull().replaceWith(0);
                });
    }

    /** The wait after the {@code attempts}-th failed try: the first back-off, doubled each time, up to the maximum. */
    Duration backoff(int attempts) {
        Duration wait = config.firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private Uni<Void> refreshMetrics(Integer ignored) {
        return outbox.backlog(database).invoke(backlog -> {
            pending.set(backlog.pending());
            oldestAgeSeconds.set(backlog.oldestCreatedAt() == null ? 0
                    : Math.max(0, Duration.between(backlog.oldestCreatedAt(), OffsetDateTime.now()).toSeconds()));
        }).onFailure().invoke(failure -> LOG.debug("Could not read the outbox backlog", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
