package dev.gatehouse.auth.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Log in with an email address or a phone number; exactly one of them (checked by the service). {@code deviceToken}
 * is the one an earlier login on this device returned; a wrong or foreign one is ignored.
 */
public record LoginRequest(
        @Email @Size(max = 254) String email,
        @Pattern(regexp = Patterns.E164, message = Patterns.E164_MESSAGE) String phoneNumber,
        @NotBlank @Size(max = 128) String password,
        @Size(max = 255) String deviceId,
        @Size(max = 4096) String deviceToken) {

    public boolean byEmail() {
        return email != null && !email.isBlank();
    }

    public boolean byPhone() {
        return phoneNumber != null && !phoneNumber.isBlank();
    }
}
