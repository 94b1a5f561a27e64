package dev.gatehouse.auth.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.gatehouse.common.problem.FieldError;

/**
 * Writes background list entries one way: trimmed, lower-cased, each once, in the order first given. Stored lists and
 * search terms pass through the same rules, so " Java", "java" and "JAVA" are one language to the GIN index.
 */
public final class BackgroundLists {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_LENGTH = 50;

    private BackgroundLists() {
    }

    /** The normalised list; a blank or over-long entry is reported in {@code errors} as {@code field[index]}. */
    public static List<String> normalize(String field, List<String> entries, List<FieldError> errors) {
        if (entries == null) {
            return new ArrayList<>();
        }
        if (entries.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "must have at most " + MAX_ITEMS + " entries"));
            return new ArrayList<>();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = term(entries.get(i));
            if (entry == null || entry.length() > MAX_LENGTH) {
                errors.add(new FieldError(field + "[" + i + "]", "must be 1 to " + MAX_LENGTH + " characters"));
            } else {
                seen.add(entry);
            }
        }
        return new ArrayList<>(seen);
    }

    /** One entry or search term, normalised; {@code null} when blank. */
    public static String term(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
