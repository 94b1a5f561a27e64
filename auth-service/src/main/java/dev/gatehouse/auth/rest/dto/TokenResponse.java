package dev.gatehouse.auth.rest.dto;

import java.util.UUID;

public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshExpiresIn, UUID sessionId) {
}
