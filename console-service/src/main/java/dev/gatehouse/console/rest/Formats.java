package dev.gatehouse.console.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** How dates read on the pages: to the minute, in UTC, the same in every language. */
@TemplateExtension
final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private Formats() {
    }

    static String shown(OffsetDateTime time) {
        return time == null ? "" : MINUTE.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
