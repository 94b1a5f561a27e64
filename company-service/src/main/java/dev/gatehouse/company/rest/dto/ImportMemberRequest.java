package dev.gatehouse.company.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.gatehouse.company.CompanyRole;
import dev.gatehouse.company.service.imports.MemberImport;

/** A membership from a source system, with the Gatehouse ids its company and person were imported as. */
public record ImportMemberRequest(
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{0,39}$", message = "lowercase letters, digits and dashes") String sourceSystem,
        @NotBlank @Size(max = 63) String sourceTable,
        @NotBlank @Size(max = 255) String sourceId,
        @NotNull UUID companyId,
        @NotNull UUID userId,
        @NotNull CompanyRole role) {

    public MemberImport toImport() {
        return new MemberImport(sourceSystem, sourceTable, sourceId, companyId, userId, role);
    }
}
