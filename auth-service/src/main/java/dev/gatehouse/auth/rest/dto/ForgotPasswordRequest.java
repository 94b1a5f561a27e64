package dev.gatehouse.auth.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Ask for a reset email: a link ({@code email_link}) or a six-digit code ({@code email_otp}). */
public record ForgotPasswordRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Pattern(regexp = "^(email_link|email_otp)$", message = "must be email_link or email_otp") String method) {
}
