package dev.gatehouse.auth.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.gatehouse.common.security.TokenClaims;

/** Reads the caller's identity from a verified access token; a service token is not a person. */
final class Claims {

    private Claims() {
    }

    static UUID userId(JsonWebToken jwt) {
        return TokenClaims.personId(jwt);
    }

    static UUID sessionId(JsonWebToken jwt) {
        String sid = TokenClaims.text(jwt, "sid");
        try {
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
