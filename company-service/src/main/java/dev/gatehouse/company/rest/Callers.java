package dev.gatehouse.company.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.security.TokenClaims;
import dev.gatehouse.company.service.Caller;
import io.vertx.core.http.HttpServerRequest;

/** Turns a verified token into a {@link Caller}. */
final class Callers {

    private Callers() {
    }

    static Caller of(JsonWebToken jwt) {
        if (TokenClaims.isService(jwt)) {
            return Caller.service(jwt.getSubject());
        }
        return Caller.person(TokenClaims.personId(jwt), jwt.getGroups().contains(TokenClaims.PLATFORM_ADMIN),
                TokenClaims.isTrue(jwt, "email_verified") && TokenClaims.isTrue(jwt, "phone_number_verified"));
    }

    /** A person, not a service: for endpoints that act for someone. */
    static Caller person(JsonWebToken jwt) {
        Caller caller = of(jwt);
        if (caller.isService()) {
            throw ApiException.forbidden("user_token_required", "This endpoint acts for a person, not a service.");
        }
        return caller;
    }

    /** The end user's address; X-Forwarded-For counts only from trusted proxies (the gateway). */
    static String clientIp(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
