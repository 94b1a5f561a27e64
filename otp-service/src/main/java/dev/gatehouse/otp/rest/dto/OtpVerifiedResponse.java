package dev.gatehouse.otp.rest.dto;

import java.time.Instant;
import java.util.UUID;

import dev.gatehouse.otp.OtpChannel;
import dev.gatehouse.otp.OtpStatus;
import dev.gatehouse.otp.OtpType;

/** What the caller needs to act on a verified code: whose it was, where it went, what it proved. */
public record OtpVerifiedResponse(OtpStatus status, UUID subjectId, String destination, OtpType type, UUID id,
        OtpChannel channel, Instant verifiedAt) {
}
