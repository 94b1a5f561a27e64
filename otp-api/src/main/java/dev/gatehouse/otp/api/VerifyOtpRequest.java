package dev.gatehouse.otp.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A code that is digits but wrong is a wrong guess (422); anything else is not a code at all (400). */
public record VerifyOtpRequest(
        @NotBlank @Pattern(regexp = "^[0-9]{4,10}$", message = "must be the digits of the code") String code) {
}
