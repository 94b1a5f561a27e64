package dev.gatehouse.auth;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * What the software and hardware backgrounds of seed 003 have in common: one row per account, an experience level,
 * and timestamps. Their lists are stored normalised (trimmed, lower-cased, without duplicates), so the GIN indexes
 * answer {@code @>} searches for any spelling a person typed.
 */
public abstract class Background {

    public UUID id;

    /** Never changes once the row exists. */
    public UUID userId;

    /** beginner, intermediate, advanced or expert (a CHECK in the schema). */
    public String experienceLevel;

    /** Set by the column default; read back with {@code RETURNING} after the insert. */
    public OffsetDateTime createdAt;

    /** Set by the column default and kept by a trigger; read back with {@code RETURNING} after every write. */
    public OffsetDateTime updatedAt;

    /** Reads the columns every background has from a row of its table into {@code background}. */
    protected static <T extends Background> T readCommon(T background, Row row) {
        background.id = row.getUUID("id");
        background.userId = row.getUUID("user_id");
        background.experienceLevel = row.getString("experience_level");
        background.createdAt = row.getOffsetDateTime("created_at");
        background.updatedAt = row.getOffsetDateTime("updated_at");
        return background;
    }

    /** A {@code TEXT[]} column as a modifiable list (never null: the columns are NOT NULL). */
    protected static List<String> list(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(values));
    }
}
