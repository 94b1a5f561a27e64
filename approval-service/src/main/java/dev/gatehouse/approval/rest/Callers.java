package dev.gatehouse.approval.rest;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.security.TokenClaims;

/** Reads what this service needs from a verified token. Company roles are not in it; company-service has them. */
final class Callers {

    private Callers() {
    }

    /** The person calling; join requests are always made and decided by people, never by services. */
    static UUID person(JsonWebToken jwt) {
        return TokenClaims.personId(jwt);
    }

    /**
     * A person who has proved both their email address and their phone number, as auth-service states in the
     * token. Only such a person may ask to join a company.
     */
    static UUID verifiedPerson(JsonWebToken jwt) {
        UUID userId = person(jwt);
        if (!TokenClaims.isTrue(jwt, "email_verified") || !TokenClaims.isTrue(jwt, "phone_number_verified")) {
            throw ApiException.forbidden("verification_required",
                    "Verify your email address and phone number before asking to join a company.");
        }
        return userId;
    }

    /** The caller's own token, to pass on where this service reads something on the caller's behalf. */
    static String authorization(JsonWebToken jwt) {
        return "Bearer " + jwt.getRawToken();
    }
}
