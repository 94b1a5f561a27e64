package dev.gatehouse.auth.rest.dto;

import java.time.Instant;

/** A code is on its way: where, until when it is good, and when another may be asked for. */
public record VerificationSentResponse(String channel, String destination, Instant expiresAt,
        Instant resendAvailableAt) {
}
