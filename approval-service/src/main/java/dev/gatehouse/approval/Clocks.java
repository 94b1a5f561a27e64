package dev.gatehouse.approval;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The current time as PostgreSQL stores it (microseconds), so what a response shows equals what a re-read shows. */
public final class Clocks {

    private Clocks() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
