package dev.gatehouse.otp.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Twilio's error body, e.g. {@code {"code": 21211, "message": "Invalid 'To' Phone Number", "status": 400}}. It is
 * read in an exception mapper, outside the REST client's own type registration, so native images need it listed.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TwilioError(Integer code, String message, Integer status) {
}
