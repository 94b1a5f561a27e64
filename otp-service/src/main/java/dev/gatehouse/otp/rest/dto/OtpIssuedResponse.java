package dev.gatehouse.otp.rest.dto;

import java.time.Instant;
import java.util.UUID;

/** Answer to a create (201) or a resend (202). The code itself is never part of any answer. */
public record OtpIssuedResponse(UUID id, Instant expiresAt, Instant resendAvailableAt) {
}
