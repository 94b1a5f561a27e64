package dev.gatehouse.auth.rest.dto;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The tokens answer. {@code deviceToken} comes only with a login: the device sends it back with its next logins, so
 * that failures from other devices do not lock it out.
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn, UUID sessionId, @JsonInclude(JsonInclude.Include.NON_NULL) String deviceToken) {

    /** Tokens without a device token (a refresh). */
    public TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
            long refreshExpiresIn, UUID sessionId) {
        this(accessToken, tokenType, expiresIn, refreshToken, refreshExpiresIn, sessionId, null);
    }

    public TokenResponse withDeviceToken(String token) {
        return new TokenResponse(accessToken, tokenType, expiresIn, refreshToken, refreshExpiresIn, sessionId, token);
    }
}
