package dev.gatehouse.company.rest;

import java.util.UUID;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.company.service.Caller;

/** Turns a verified token into a {@link Caller}. */
final class Callers {

    static final String PLATFORM_ADMIN = "platform-admin";

    private Callers() {
    }

    static Caller of(JsonWebToken jwt) {
        if ("service".equals(claim(jwt, "token_use"))) {
            return Caller.service(jwt.getSubject());
        }
        try {
            return Caller.person(UUID.fromString(jwt.getSubject()), jwt.getGroups().contains(PLATFORM_ADMIN));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.unauthorized("unauthorized", "The token names no user.");
        }
    }

    /** A person, not a service: for endpoints that act for someone. */
    static Caller person(JsonWebToken jwt) {
        Caller caller = of(jwt);
        if (caller.isService()) {
            throw ApiException.forbidden("user_token_required", "This endpoint acts for a person, not a service.");
        }
        return caller;
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }
}
