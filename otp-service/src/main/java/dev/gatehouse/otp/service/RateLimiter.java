package dev.gatehouse.otp.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import dev.gatehouse.otp.config.OtpConfig;
import dev.gatehouse.otp.repository.RateLimitRepository;
import io.smallrye.mutiny.Uni;

/**
 * Fixed-window limits on messages per destination. Windows are aligned to the epoch, so every replica computes the
 * same window and shares one counter row. Runs inside the caller's transaction: a refused request rolls its own
 * increment back, so the counter tells how many messages were really sent.
 * <p>
 * Codes and transactional messages count under different keys ({@code destination:} and {@code message:}), each
 * with its own limit.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitRepository counters;
    private final OtpConfig.RateLimit codes;
    private final OtpConfig.Messages messages;

    public RateLimiter(RateLimitRepository counters, OtpConfig config) {
        this.counters = counters;
        this.codes = config.rateLimit();
        this.messages = config.messages();
    }

    /** Counts one code to {@code destination}, or fails with 429 {@code rate_limited} when over the limit. */
    public Uni<Void> consumeMessage(String destination, OffsetDateTime now) {
        return consume("destination:" + destination, codes.perDestination(), codes.window(), now,
                "This destination has received too many codes; try again later.", "destination_hourly");
    }

    /** Counts one transactional message to {@code destination}; 429 {@code rate_limited} when over the limit. */
    public Uni<Void> consumeTransactional(String destination, OffsetDateTime now) {
        return consume("message:" + destination, messages.perDestination(), messages.window(), now,
                "This destination has received too many messages; try again later.", "message_destination");
    }

    private Uni<Void> consume(String key, int limit, Duration window, OffsetDateTime now, String detail,
            String limitName) {
        OffsetDateTime windowStart = windowStart(now.toInstant(), window);
        return counters.increment(key, windowStart).map(count -> {
            if (count > limit) {
                throw rateLimited(detail, Duration.between(now, windowStart.plus(window)), limitName);
            }
            return null;
        });
    }

    static OffsetDateTime windowStart(Instant now, Duration window) {
        long size = window.toMillis();
        long start = Math.floorDiv(now.toEpochMilli(), size) * size;
        return Instant.ofEpochMilli(start).atOffset(ZoneOffset.UTC);
    }

    /** 429 {@code rate_limited}; {@code limit} tells a caller which limit it ran into. */
    static ApiException rateLimited(String detail, Duration retryAfter, String limit) {
        return new ApiException(Problem.of(429, "rate_limited", "Too Many Requests", detail)
                .withExtensions(Map.of("limit", limit)), retryAfter);
    }
}
