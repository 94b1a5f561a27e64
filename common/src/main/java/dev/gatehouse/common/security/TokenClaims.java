package dev.gatehouse.common.security;

import java.util.UUID;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.gatehouse.common.problem.ApiException;

/**
 * Reads the claims auth-service puts in its tokens from a verified {@link JsonWebToken}. Custom claims arrive as
 * JSON values rather than Java strings and booleans, which these methods hide.
 */
public final class TokenClaims {

    /** {@code access} for a person's token, {@code service} for a client-credentials token. */
    public static final String TOKEN_USE = "token_use";
    public static final String PLATFORM_ADMIN = "platform-admin";

    private TokenClaims() {
    }

    public static boolean isService(JsonWebToken jwt) {
        return "service".equals(text(jwt, TOKEN_USE));
    }

    /** The calling person's user id: 403 for a service token, 401 when the subject is not a user id. */
    public static UUID personId(JsonWebToken jwt) {
        if (isService(jwt)) {
            throw ApiException.forbidden("user_token_required", "This endpoint acts for a person, not a service.");
        }
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.unauthorized("unauthorized", "The token names no user.");
        }
    }

    public static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }

    public static boolean isTrue(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof JsonValue json) {
            return json.getValueType() == JsonValue.ValueType.TRUE;
        }
        return value != null && "true".equals(value.toString());
    }
}
