package dev.gatehouse.company.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CreateCompanyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @CountryCode String countryCode,
        @NotBlank @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$", message = "must be an E.164 phone number such as +254712345678") String phoneNumber) {
}
