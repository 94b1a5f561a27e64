package dev.gatehouse.otp.rest.dto;

import java.time.Instant;
import java.util.UUID;

import dev.gatehouse.otp.api.OtpChannel;
import dev.gatehouse.otp.api.OtpStatus;
import dev.gatehouse.otp.api.OtpType;

/** The state of a code, for a caller that lost track of it; no hash, no code. */
public record OtpResponse(UUID id, OtpType type, OtpChannel channel, String destination, UUID subjectId,
        OtpStatus status, int remainingAttempts, int resendCount, Instant expiresAt, Instant resendAvailableAt,
        Instant verifiedAt, Instant createdAt) {
}
