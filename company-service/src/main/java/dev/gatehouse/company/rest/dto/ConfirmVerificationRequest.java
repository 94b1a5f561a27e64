package dev.gatehouse.company.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

public record ConfirmVerificationRequest(
        @NotBlank @Pattern(regexp = "^[0-9]{4,10}$", message = "must be the digits of the code") String code) {
}
