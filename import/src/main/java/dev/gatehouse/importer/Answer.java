package dev.gatehouse.importer;

import java.util.UUID;

/**
 * What a Gatehouse import endpoint answered for one row: {@code imported}, {@code already_imported}, a refusal with
 * its {@code reason}, or a failure (unreachable, 5xx) that a later run retries.
 */
public record Answer(Kind kind, UUID gatehouseId, String reason) {

    public enum Kind {
        IMPORTED,
        ALREADY_IMPORTED,
        REFUSED,
        FAILED
    }

    public static Answer imported(UUID id) {
        return new Answer(Kind.IMPORTED, id, null);
    }

    public static Answer alreadyImported(UUID id) {
        return new Answer(Kind.ALREADY_IMPORTED, id, null);
    }

    public static Answer refused(String reason) {
        return new Answer(Kind.REFUSED, null, reason);
    }

    public static Answer failed(String why) {
        return new Answer(Kind.FAILED, null, why);
    }

    public boolean landed() {
        return kind == Kind.IMPORTED || kind == Kind.ALREADY_IMPORTED;
    }
}
