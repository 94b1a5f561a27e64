package dev.gatehouse.auth.service;

import java.util.List;
import java.util.Locale;

/**
 * The language Gatehouse writes to a person in: the one they chose and stored (when Gatehouse still speaks it), else
 * the best of their request's {@code Accept-Language} that Gatehouse speaks, else English. Adding a language is
 * adding its {@code messages/auth_<tag>.properties} (and otp-service's {@code otp_<tag>.properties}), its tag here and
 * in {@code quarkus.locales}.
 */
public final class MessageLanguage {

    /** The languages of the message bundles; the first is the fallback. */
    public static final List<String> SUPPORTED = List.of("en", "sw");
    public static final String DEFAULT = SUPPORTED.get(0);

    private MessageLanguage() {
    }

    /** {@code stored}: the person's chosen locale, may be null; {@code acceptLanguage}: the header, may be null. */
    public static String of(String stored, String acceptLanguage) {
        if (stored != null && SUPPORTED.contains(stored)) {
            return stored;
        }
        return fromAcceptLanguage(acceptLanguage);
    }

    /** The best supported match of an {@code Accept-Language} header; English when none matches or it is malformed. */
    public static String fromAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? DEFAULT : match;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }

    /** A locale a person may store: one of {@link #SUPPORTED}, compared without case; null when it is not one. */
    public static String supported(String requested) {
        if (requested == null) {
            return null;
        }
        String tag = requested.strip().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(tag) ? tag : null;
    }
}
