package dev.gatehouse.company.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.gatehouse.company.CompanyStatus;
import dev.gatehouse.company.service.imports.CompanyImport;

/** A company from a source system; {@code companyId} is kept when given, made up when missing. */
public record ImportCompanyRequest(
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{0,39}$", message = "lowercase letters, digits and dashes") String sourceSystem,
        @NotBlank @Size(max = 63) String sourceTable,
        @NotBlank @Size(max = 255) String sourceId,
        @Size(min = 1, max = 30) String companyId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @CountryCode String countryCode,
        @NotBlank @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$", message = "must be an E.164 phone number such as +254712345678") String phoneNumber,
        @NotNull CompanyStatus status,
        @NotNull UUID owner,
        OffsetDateTime createdAt) {

    public CompanyImport toImport() {
        return new CompanyImport(sourceSystem, sourceTable, sourceId, companyId, name, countryCode, phoneNumber, status,
                owner, createdAt);
    }
}
