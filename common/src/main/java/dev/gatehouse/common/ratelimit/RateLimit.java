package dev.gatehouse.common.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * One fixed-window limit: at most {@code max} requests per {@code window}.
 *
 * @param name what a refused caller is told in the problem's {@code limit} extension, e.g. {@code sms_global}
 * @param max requests allowed per window; at least 1
 * @param window the window's length; windows are aligned to the epoch, so every replica computes the same ones
 * @param detail the problem's {@code detail} when the limit refuses a request
 */
public record RateLimit(String name, int max, Duration window, String detail) {

    public RateLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(detail, "detail");
        if (max < 1) {
            throw new IllegalArgumentException("A rate limit allows at least one request per window: " + name);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("A rate limit's window lasts at least a millisecond: " + name);
        }
    }

    /** The same limit counted for one key, e.g. a client IP or an account id. */
    public Charge of(String key) {
        return new Charge(this, key);
    }

    /**
     * One request counted under one key against one limit. The key is stored as it is given, so callers prefix it
     * with what it counts ({@code ip:}, {@code account:}, ...) when several limits share a table.
     */
    public record Charge(RateLimit limit, String key) {

        public Charge {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(key, "key");
        }
    }
}
