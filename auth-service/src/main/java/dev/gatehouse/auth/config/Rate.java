package dev.gatehouse.auth.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A rate as written in configuration: {@code <max>/<ISO-8601 window>}, for example {@code 30/PT1M} for 30 requests a
 * minute. Read by the configuration through {@link #of(String)}.
 */
public record Rate(int max, Duration window) {

    public Rate {
        if (max < 1) {
            throw new IllegalArgumentException("A rate allows at least one request: " + max);
        }
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("A rate's window is a positive duration: " + window);
        }
    }

    public static Rate of(String value) {
        String[] parts = value.trim().split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Not <max>/<ISO-8601 duration>, such as 30/PT1M: " + value);
        }
        try {
            return new Rate(Integer.parseInt(parts[0].trim()), Duration.parse(parts[1].trim()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("Not <max>/<ISO-8601 duration>, such as 30/PT1M: " + value, e);
        }
    }

    @Override
    public String toString() {
        return max + "/" + window;
    }
}
