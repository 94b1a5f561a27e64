package dev.gatehouse.company.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.security.TokenClaims;
import dev.gatehouse.company.service.Caller;

/** Turns a verified token into a {@link Caller}. */
final class Callers {

    private Callers() {
    }

    static Caller of(JsonWebToken jwt) {
        if (TokenClaims.isService(jwt)) {
            return Caller.service(jwt.getSubject());
        }
        return Caller.person(TokenClaims.personId(jwt), jwt.getGroups().contains(TokenClaims.PLATFORM_ADMIN));
    }

    /** A person, not a service: for endpoints that act for someone. */
    static Caller person(JsonWebToken jwt) {
        Caller caller = of(jwt);
        if (caller.isService()) {
            throw ApiException.forbidden("user_token_required", "This endpoint acts for a person, not a service.");
        }
        return caller;
    }
}
