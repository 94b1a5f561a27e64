package dev.gatehouse.otp.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answer to a create (201) or a resend (202). The code itself is never part of any answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OtpIssued(UUID id, Instant expiresAt, Instant resendAvailableAt) {
}
