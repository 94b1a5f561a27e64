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
 * Fixed-window limit on messages per destination. Windows are aligned to the epoch, so every replica computes the
 * same window and shares one counter row. Runs inside the caller's transaction: a refused request rolls its own
 * increment back, so the counter tells how many messages were really sent.
 */
@ApplicationScoped
public class RateLimiter {

    private final RateLimitRepository counters;
    private final OtpConfig.RateLimit config;

    public RateLimiter(RateLimitRepository counters, OtpConfig config) {
        this.counters = counters;
        this.config = config.rateLimit();
    }

    /** Counts one message to {@code destination}, or fails with 429 {@code rate_limited} when over the limit. */
    public Uni<Void> consumeMessage(String destination, OffsetDateTime now) {
        Duration window = config.window();
        OffsetDateTime windowStart = windowStart(now.toInstant(), window);
        return counters.increment("destination:" + destination, windowStart).map(count -> {
            if (count > config.perDestination()) {
                Duration retryAfter = Duration.between(now, windowStart.plus(window));
                throw rateLimited("This destination has received too many codes; try again later.", retryAfter,
                        "destination_hourly");
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
