package dev.gatehouse.importer;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What every adapter does to a source value before sending it, and the refusals it can decide on its own. */
public final class Clean {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Clean() {
    }

    /** A phone number and, when it was changed or dropped, what happened to it. */
    public record Phone(String e164, String note) {
    }

    /**
     * Makes a phone number E.164 where that is unambiguous: separators removed, {@code 00} read as {@code +}, and a
     * national number with a leading 0 given {@code callingCode} when one is configured. Anything else is dropped
     * (the account is imported without it, and the run says so).
     */
    public static Phone phone(String raw, String callingCode) {
        if (raw == null || raw.isBlank()) {
            return new Phone(null, null);
        }
        String compact = raw.strip().replaceAll("[\\s().\\-]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        } else if (callingCode != null && compact.matches("0[1-9][0-9]{5,13}")) {
            compact = "+" + callingCode + compact.substring(1);
        }
        if (E164.matcher(compact).matches()) {
            return new Phone(compact, compact.equals(raw) ? null : "phone '" + raw + "' imported as " + compact);
        }
        return new Phone(null, "phone '" + raw + "' left out: not E.164");
    }

    /** Null when the address cannot be an email address. */
    public static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.length() <= 254 && EMAIL.matcher(trimmed).matches() ? trimmed : null;
    }

    public static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** Source timestamps without a zone are taken as UTC. */
    public static String timestamp(Timestamp value) {
        return value == null ? null : OffsetDateTime.of(value.toLocalDateTime(), ZoneOffset.UTC).toString();
    }

    /** A JSON body; {@link Map#of} refuses nulls, which source rows are full of. */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
