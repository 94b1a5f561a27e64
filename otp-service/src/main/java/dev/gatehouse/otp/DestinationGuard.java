package dev.gatehouse.otp;

import java.time.Duration;
import java.time.OffsetDateTime;

import dev.gatehouse.otp.api.OtpType;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The wrong codes one destination has received for one type of code, across every code and resend sent there, and
 * the lock they ended in. A code's own attempt counter starts afresh with every resend; this one does not. A row of
 * {@code otp_destination_guards}, one per destination and type.
 */
public class DestinationGuard {

    public String destination;

    public OtpType type;

    public int wrongCount;

    public OffsetDateTime windowStartedAt;

    public OffsetDateTime lockedUntil;

    public OffsetDateTime updatedAt;

    /** The guard a row of {@code otp_destination_guards} holds. */
    public static DestinationGuard from(Row row) {
        DestinationGuard guard = new DestinationGuard();
        guard.destination = row.getString("destination");
        guard.type = OtpType.valueOf(row.getString("type"));
        guard.wrongCount = row.getInteger("wrong_count");
        guard.windowStartedAt = row.getOffsetDateTime("window_started_at");
        guard.lockedUntil = row.getOffsetDateTime("locked_until");
        guard.updatedAt = row.getOffsetDateTime("updated_at");
        return guard;
    }

    public boolean isLockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts one wrong code; answers whether that locked the destination and type. A window that ended starts the
     * count again; a lock starts a fresh count for the time after it.
     */
    public boolean countWrong(OffsetDateTime now, int maxWrong, Duration window, Duration lock) {
        if (windowStartedAt == null || !windowStartedAt.plus(window).isAfter(now)) {
            windowStartedAt = now;
            wrongCount = 0;
        }
        wrongCount++;
        updatedAt = now;
        if (wrongCount >= maxWrong) {
            lockedUntil = now.plus(lock);
            wrongCount = 0;
            windowStartedAt = null;
            return true;
        }
        return false;
    }

    /** The destination proved itself: earlier wrong codes no longer count against it. */
    public void clearWrong(OffsetDateTime now) {
        wrongCount = 0;
        windowStartedAt = null;
        updatedAt = now;
    }
}
