package dev.gatehouse.console.rest;

import java.util.List;
import java.util.Locale;

/**
 * The console's languages. The person's choice (a cookie set by the language links) wins; otherwise the browser's
 * Accept-Language; otherwise English.
 */
final class Languages {

    static final Locale DEFAULT = Locale.ENGLISH;
    static final List<String> SUPPORTED = List.of("en", "sw");

    private Languages() {
    }

    static boolean supported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }

    static Locale choose(String chosen, String acceptLanguage) {
        if (supported(chosen)) {
            return Locale.forLanguageTag(chosen);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                String match = Locale.lookupTag(ranges, SUPPORTED);
                if (match != null) {
                    return Locale.forLanguageTag(match);
                }
            } catch (IllegalArgumentException malformed) {
                return DEFAULT;
            }
        }
        return DEFAULT;
    }
}
