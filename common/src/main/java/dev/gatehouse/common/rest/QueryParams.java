package dev.gatehouse.common.rest;

import java.util.List;

import dev.gatehouse.common.problem.FieldError;

/**
 * Reads query parameters by hand, so a bad one is reported as a field error in the shared problem format instead of
 * the bare 404 a failed {@code @QueryParam} conversion would give.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A whole number within [min, max]; absent means {@code fallback}; anything else adds an error for the field. */
    public static int wholeNumber(String text, int fallback, int min, int max, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below like a number out of range.
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
