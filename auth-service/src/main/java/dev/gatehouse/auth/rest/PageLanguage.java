package dev.gatehouse.auth.rest;

import dev.gatehouse.auth.service.MessageLanguage;
import io.vertx.core.http.HttpServerRequest;

/**
 * The language of a page: the best of the browser's {@code Accept-Language} that Gatehouse speaks, else English
 * (see {@link MessageLanguage} for adding one).
 */
final class PageLanguage {

    private PageLanguage() {
    }

    static String of(HttpServerRequest request) {
        return MessageLanguage.fromAcceptLanguage(request == null ? null : request.getHeader("Accept-Language"));
    }
}
