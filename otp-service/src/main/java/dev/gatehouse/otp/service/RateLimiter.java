package dev.gatehouse.otp.service;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.ratelimit.FixedWindowLimiter;
import dev.gatehouse.common.ratelimit.RateLimit;
import dev.gatehouse.otp.config.OtpConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * otp-service's limits on messages per destination, counted by the shared {@link FixedWindowLimiter} in
 * {@code otp_rate_limits}. Runs inside the caller's transaction: a refused request rolls its own increment back, so
 * the counter tells how many messages were really sent.
 * <p>
 * Codes and transactional messages count under different keys ({@code destination:} and {@code message:}), each
 * with its own limit.
 */
@ApplicationScoped
public class RateLimiter {

    static final String TABLE = "otp_rate_limits";

    private final FixedWindowLimiter limiter = new FixedWindowLimiter(TABLE);
    private final RateLimit codes;
    private final RateLimit messages;

    public RateLimiter(OtpConfig config) {
        this.codes = new RateLimit("destination_hourly", config.rateLimit().perDestination(),
                config.rateLimit().window(), "This destination has received too many codes; try again later.");
        this.messages = new RateLimit("message_destination", config.messages().perDestination(),
                config.messages().window(), "This destination has received too many messages; try again later.");
    }

    /** Counts one code to {@code destination}, or fails with 429 {@code rate_limited} when over the limit. */
    public Uni<Void> consumeMessage(String destination, OffsetDateTime now) {
        return Panache.getSession()
                .flatMap(session -> limiter.consume(session, codes.of("destination:" + destination), now));
    }

    /** Counts one transactional message to {@code destination}; 429 {@code rate_limited} when over the limit. */
    public Uni<Void> consumeTransactional(String destination, OffsetDateTime now) {
        return Panache.getSession()
                .flatMap(session -> limiter.consume(session, messages.of("message:" + destination), now));
    }

    /** Drops the windows that started before {@code cutoff}; in the caller's transaction. */
    public Uni<Integer> deleteWindowsBefore(OffsetDateTime cutoff) {
        return Panache.getSession().flatMap(session -> limiter.deleteWindowsBefore(session, cutoff));
    }

    /** 429 {@code rate_limited}; {@code limit} tells a caller which limit it ran into. */
    static ApiException rateLimited(String detail, Duration retryAfter, String limit) {
        return FixedWindowLimiter.rateLimited(detail, retryAfter, limit);
    }
}
