package dev.gatehouse.otp;

import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.gatehouse.otp.api.OtpType;

/**
 * The wrong codes one destination has received for one type of code, across every code and resend sent there, and
 * the lock they ended in. A code's own attempt counter starts afresh with every resend; this one does not.
 */
@Entity
@Table(name = "otp_destination_guards")
@IdClass(DestinationGuard.Key.class)
public class DestinationGuard {

    @Id
    public String destination;

    @Id
    @Enumerated(EnumType.STRING)
    public OtpType type;

    @Column(name = "wrong_count", nullable = false)
    public int wrongCount;

    @Column(name = "window_started_at")
    public OffsetDateTime windowStartedAt;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

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

    public static class Key implements Serializable {
        public String destination;
        public OtpType type;

        public Key() {
        }

        public Key(String destination, OtpType type) {
            this.destination = destination;
            this.type = type;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(destination, key.destination) && type == key.type;
        }

        @Override
        public int hashCode() {
            return Objects.hash(destination, type);
        }
    }
}
