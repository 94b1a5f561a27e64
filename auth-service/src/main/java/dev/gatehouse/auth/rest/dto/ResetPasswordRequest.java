package dev.gatehouse.auth.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.gatehouse.common.problem.FieldError;

/**
 * Set a new password with the emailed link's {@code token}, or with {@code email} and the emailed {@code code};
 * exactly one of the two (see {@link #modeError()}).
 */
public record ResetPasswordRequest(
        @Size(max = 200) String token,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "^[0-9]{6}$", message = "must be the 6-digit code from the email") String code,
        @NotBlank @Pattern(regexp = Patterns.PASSWORD, message = Patterns.PASSWORD_MESSAGE) String newPassword) {

    public boolean byLink() {
        return present(token);
    }

    /** What is wrong when the request is not exactly one of a link reset and a code reset; null when it is. */
    public FieldError modeError() {
        boolean byCode = present(email) || present(code);
        if (byLink() && byCode) {
            return new FieldError("token", "give either token, or email and code, not both");
        }
        if (!byLink() && !byCode) {
            return new FieldError("token", "give the token from the link, or email and code");
        }
        if (byCode && !present(email)) {
            return new FieldError("email", "is required with code");
        }
        if (byCode && !present(code)) {
            return new FieldError("code", "is required with email");
        }
        return null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
