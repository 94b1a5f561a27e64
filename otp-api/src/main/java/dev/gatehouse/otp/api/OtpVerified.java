package dev.gatehouse.otp.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the caller needs to act on a verified code: whose it was, where it went, what it proved. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OtpVerified(OtpStatus status, UUID subjectId, String destination, OtpType type, UUID id,
        OtpChannel channel, Instant verifiedAt) {
}
