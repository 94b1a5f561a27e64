package dev.gatehouse.auth.rest;

import java.util.List;
import java.util.Locale;

import io.vertx.core.http.HttpServerRequest;

/**
 * The language of a page: the best of the browser's {@code Accept-Language} that Gatehouse speaks, else English.
 * Adding a language is adding its {@code messages/auth_<tag>.properties} and its tag here and in
 * {@code quarkus.locales}.
 */
final class PageLanguage {

    static final List<String> SUPPORTED = List.of("en", "sw");

    private PageLanguage() {
    }

    static String of(HttpServerRequest request) {
        String accept = request == null ? null : request.getHeader("Accept-Language");
        if (accept == null || accept.isBlank()) {
            return SUPPORTED.get(0);
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(accept), SUPPORTED);
            return match == null ? SUPPORTED.get(0) : match;
        } catch (IllegalArgumentException malformed) {
            return SUPPORTED.get(0);
        }
    }
}
