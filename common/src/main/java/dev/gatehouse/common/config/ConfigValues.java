package dev.gatehouse.common.config;

/**
 * What the config converters share. A converter's {@link IllegalArgumentException} becomes, at start, an error that
 * names the property and its value; every one of them is reported, then the service stops.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** {@code value} as a whole number from {@code min} to {@code max}, both included. */
    public static int between(String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number", e);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(max == Integer.MAX_VALUE ? "must be at least " + min
                    : "must be from " + min + " to " + max);
        }
        return number;
    }

    /** {@code value}, which must hold something other than white space. */
    public static String notBlank(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        return value;
    }
}
