package dev.gatehouse.common.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the caller of an internal call stops waiting for it, carried in the {@value #HEADER} header as epoch
 * milliseconds. A caller sets it to the end of its own timeout for calls that must not take effect once it has given
 * up (a second message, a spent code); the receiving service refuses such a call unstarted when it arrives after the
 * deadline, as a call does that sat in the socket of a frozen or overloaded process (see {@link DeadlineFilter}).
 * Clocks inside one cluster agree far better than the seconds such timeouts last.
 */
public final class Deadline {

    public static final String HEADER = "Gatehouse-Deadline";

    private Deadline() {
    }

    /** The header's value for a caller that waits {@code timeout} from now. */
    public static String after(Duration timeout) {
        return after(timeout, Clock.systemUTC());
    }

    static String after(Duration timeout, Clock clock) {
        return Long.toString(clock.instant().plus(timeout).toEpochMilli());
    }

    /** The deadline a header names; empty when there is none or it is not a number. */
    public static Optional<Instant> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(header.trim())));
        } catch (NumberFormatException | java.time.DateTimeException notADeadline) {
            return Optional.empty();
        }
    }
}
