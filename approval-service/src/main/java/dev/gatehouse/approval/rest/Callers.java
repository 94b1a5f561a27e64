package dev.gatehouse.approval.rest;

import java.util.UUID;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.gatehouse.common.problem.ApiException;

/** Reads what this service needs from a verified token. Company roles are not in it; company-service has them. */
final class Callers {

    private Callers() {
    }

    /** The person calling; join requests are always made and decided by people, never by services. */
    static UUID person(JsonWebToken jwt) {
        if ("service".equals(text(jwt.getClaim("token_use")))) {
            throw ApiException.forbidden("user_token_required", "This endpoint acts for a person, not a service.");
        }
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.unauthorized("unauthorized", "The token names no user.");
        }
    }

    /**
     * A person who has proved both their email address and their phone number, as auth-service states in the
     * token. Only such a person may ask to join a company.
     */
    static UUID verifiedPerson(JsonWebToken jwt) {
        UUID userId = person(jwt);
        if (!isTrue(jwt.getClaim("email_verified")) || !isTrue(jwt.getClaim("phone_number_verified"))) {
            throw ApiException.forbidden("verification_required",
                    "Verify your email address and phone number before asking to join a company.");
        }
        return userId;
    }

    /** The caller's own token, to pass on where this service reads something on the caller's behalf. */
    static String authorization(JsonWebToken jwt) {
        return "Bearer " + jwt.getRawToken();
    }

    private static boolean isTrue(Object claim) {
        if (claim instanceof Boolean value) {
            return value;
        }
        if (claim instanceof JsonValue json) {
            return json.getValueType() == JsonValue.ValueType.TRUE;
        }
        return claim != null && "true".equals(claim.toString());
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim == null ? null : claim.toString();
    }
}
