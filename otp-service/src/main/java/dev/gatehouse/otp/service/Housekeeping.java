package dev.gatehouse.otp.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.otp.config.OtpConfig;
import dev.gatehouse.otp.repository.MessageRepository;
import dev.gatehouse.otp.repository.OtpRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the tables honest and small: pending codes past their expiry are marked EXPIRED, rate-limit windows that
 * ended are dropped, and finished codes and message records older than the retention are deleted. Every statement is
 * idempotent, so
 * replicas running it at the same time do no harm.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final OtpRepository otps;
    private final RateLimiter rateLimits;
    private final MessageRepository messages;
    private final OtpConfig config;

    public Housekeeping(OtpRepository otps, RateLimiter rateLimits, MessageRepository messages,
            OtpConfig config) {
        this.otps = otps;
        this.rateLimits = rateLimits;
        this.messages = messages;
        this.config = config;
    }

    @Scheduled(every = "${gatehouse.otp.housekeeping.every:5m}", delayed = "${gatehouse.otp.housekeeping.delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime cutoff = now.minus(config.housekeeping().retention());
        return Panache.withTransaction(() -> otps.expireOverdue(now)
                .call(() -> rateLimits.deleteWindowsBefore(now.minus(longestWindow())))
                .call(() -> otps.deleteFinishedBefore(cutoff))
                .call(() -> messages.deleteBefore(cutoff)))
                .invoke(expired -> LOG.debugf("Housekeeping: %d codes expired", expired))
                .onFailure().invoke(failure -> LOG.warn("Housekeeping failed; the next run tries again", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Codes and messages have windows of their own length in one table; only a window that started longer ago than
     * the longest of them has certainly ended.
     */
    private Duration longestWindow() {
        Duration codes = config.rateLimit().window();
        Duration messages = config.messages().window();
        return codes.compareTo(messages) >= 0 ? codes : messages;
    }
}
