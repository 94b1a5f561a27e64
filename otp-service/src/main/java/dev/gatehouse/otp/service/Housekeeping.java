package dev.gatehouse.otp.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gatehouse.otp.config.OtpConfig;
import dev.gatehouse.otp.repository.OtpRepository;
import dev.gatehouse.otp.repository.RateLimitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the tables honest and small: pending codes past their expiry are marked EXPIRED, rate-limit windows that
 * ended are dropped, and finished codes older than the retention are deleted. Every statement is idempotent, so
 * replicas running it at the same time do no harm.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final OtpRepository otps;
    private final RateLimitRepository rateLimits;
    private final OtpConfig config;

    public Housekeeping(OtpRepository otps, RateLimitRepository rateLimits, OtpConfig config) {
        this.otps = otps;
        this.rateLimits = rateLimits;
        this.config = config;
    }

    @Scheduled(every = "${gatehouse.otp.housekeeping.every:5m}", delayed = "${gatehouse.otp.housekeeping.delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> run() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> otps.expireOverdue(now)
                .call(() -> rateLimits.deleteWindowsBefore(now.minus(config.rateLimit().window())))
                .call(() -> otps.deleteFinishedBefore(now.minus(config.housekeeping().retention()))))
                .invoke(expired -> LOG.debugf("Housekeeping: %d codes expired", expired))
                .onFailure().invoke(failure -> LOG.warn("Housekeeping failed; the next run tries again", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
