package dev.gatehouse.auth.rest;

import java.util.UUID;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.gatehouse.common.problem.ApiException;

/** Reads the caller's identity from a verified access token; a service token is not a person. */
final class Claims {

    private Claims() {
    }

    static UUID userId(JsonWebToken jwt) {
        if (!"access".equals(string(jwt, "token_use"))) {
            throw ApiException.forbidden("user_token_required", "This endpoint acts for a person, not a service.");
        }
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.unauthorized("unauthorized", "The token names no user.");
        }
    }

    /** Custom claims may come back as JSON values rather than Java strings. */
    static String string(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }

    static UUID sessionId(JsonWebToken jwt) {
        String sid = string(jwt, "sid");
        try {
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
