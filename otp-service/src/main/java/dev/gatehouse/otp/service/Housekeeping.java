package dev.gatehouse.otp.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.common.sql.Database;
import dev.gatehouse.otp.config.OtpConfig;
import dev.gatehouse.otp.repository.DestinationGuardRepository;
import dev.gatehouse.otp.repository.MessageRepository;
import dev.gatehouse.otp.repository.OtpRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the tables honest and small: pending codes past their expiry are marked EXPIRED, rate-limit windows that
 * ended are dropped, wrong-code guards that neither count nor lock any more are dropped, and finished codes and
 * message records older than the retention are deleted. Every statement is idempotent, so replicas running it at the
 * same time do no harm.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final Database database;
    private final OtpRepository otps;
    private final RateLimiter rateLimits;
    private final MessageRepository messages;
    private final DestinationGuardRepository guards;
    private final OtpConfig config;

    public Housekeeping(Database database, OtpRepository otps, RateLimiter rateLimits, MessageRepository messages,
            DestinationGuardRepository guards, OtpConfig config) {
        this.database = database;
        this.guards = guards;
        this.otps = otps;
        this.rateLimits = rateLimits;
        this.messages = messages;
        this.config = config;
    }

    @Scheduled(every = "${gatehouse.otp.housekeeping.every:5m}", delayed = "${gatehouse.otp.housekeeping.delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime cutoff = now.minus(config.housekeeping().retention());
        return database.inTransaction(tx -> otps.expireOverdue(tx, now)
                .call(() -> rateLimits.deleteWindowsBefore(tx, now.minus(rateLimits.longestWindow())))
                .call(() -> guards.deleteIdleBefore(tx, now.minus(config.lifetimeCap().window()), now))
                .call(() -> otps.deleteFinishedBefore(tx, cutoff))
                .call(() -> messages.deleteBefore(tx, cutoff)))
                .invoke(expired -> LOG.debugf("Housekeeping: %d codes expired", expired))
                .onFailure().invoke(failure -> LOG.warn("Housekeeping failed; the next run tries again", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
