package dev.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A person's software background (seed 003). A row of {@code software_background};
 * {@link dev.gatehouse.auth.repository.SoftwareBackgroundRepository} reads and writes it.
 */
public class SoftwareBackground extends Background {

    /** A {@code TEXT[]} column. */
    public List<String> preferredLanguages = new ArrayList<>();

    /** A {@code TEXT[]} column. */
    public List<String> preferredFrameworks = new ArrayList<>();

    /** The background a row of {@code software_background} holds. */
    public static SoftwareBackground from(Row row) {
        SoftwareBackground background = readCommon(new SoftwareBackground(), row);
        background.preferredLanguages = list(row, "preferred_languages");
        background.preferredFrameworks = list(row, "preferred_frameworks");
        return background;
    }
}
