package dev.gatehouse.auth.service;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.repository.OutboxRepository;
import dev.gatehouse.auth.repository.PasswordResetRepository;
import dev.gatehouse.auth.repository.RefreshTokenRepository;
import dev.gatehouse.auth.repository.SessionRepository;
import dev.gatehouse.auth.service.revocation.RevocationFeed;
import dev.gatehouse.common.sql.Database;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the session tables from growing without end: every refresh writes a token row, so ended sessions, expired
 * tokens and expired password resets are deleted once they are older than the retention, and so are acknowledged
 * outbox events; revocations go once no access token they concern can still be valid. Each statement is
 * idempotent, so replicas running it at once do no harm; audit events are kept.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final Database database;
    private final SessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordResetRepository resets;
    private final OutboxRepository outbox;
    private final RevocationFeed revocations;
    private final AuthConfig.Housekeeping config;
    private final Duration outboxRetention;

    public Housekeeping(Database database, SessionRepository sessions, RefreshTokenRepository refreshTokens,
            PasswordResetRepository resets, OutboxRepository outbox, RevocationFeed revocations, AuthConfig config) {
        this.database = database;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.resets = resets;
        this.outbox = outbox;
        this.revocations = revocations;
        this.config = config.housekeeping();
        this.outboxRetention = config.outbox().retention();
    }

    @Scheduled(every = "${gatehouse.housekeeping.every:1h}", delayed = "${gatehouse.housekeeping.delay:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        LocalDateTime cutoffUtc = cutoff.toLocalDateTime();
        return database.inTransaction(tx -> sessions.deleteEndedBefore(tx, cutoff)
                .flatMap(endedSessions -> refreshTokens.deleteExpiredBefore(tx, cutoff)
                        .flatMap(expiredTokens -> resets.deleteExpiredBefore(tx, cutoffUtc)
                                .invoke(expiredResets -> LOG.debugf(
                                        "Housekeeping removed %d sessions, %d refresh tokens, %d password resets",
                                        endedSessions, expiredTokens, expiredResets)))))
                // Acknowledged outbox events, and revocations no access token can still carry (the feed reads the
                // database's clock first); each a statement of its own.
                .call(() -> outbox.deleteDeliveredBefore(database, OffsetDateTime.now().minus(outboxRetention))
                        .call(revocations::forgetExpired))
                .onFailure().invoke(failure -> LOG.warn("Housekeeping failed; the next run tries again", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
