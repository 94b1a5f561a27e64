package dev.gatehouse.otp.api;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answer to POST /messages (202): the relay took the message ({@code status: SENT}). Never echoes the body. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageAccepted(UUID id, OtpChannel channel, String to, String status) {
}
