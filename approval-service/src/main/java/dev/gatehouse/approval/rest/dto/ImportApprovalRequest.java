package dev.gatehouse.approval.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.approval.service.imports.ApprovalRequestImport;

/**
 * A staff approval request from a source system, with the Gatehouse ids (and public company id) its person, reviewer
 * and company were imported as.
 */
public record ImportApprovalRequest(
        @NotBlank @Pattern(regexp = "^[a-z][a-z0-9-]{0,39}$", message = "lowercase letters, digits and dashes") String sourceSystem,
        @NotBlank @Size(max = 63) String sourceTable,
        @NotBlank @Size(max = 255) String sourceId,
        @NotBlank @Size(max = 30) String companyId,
        @NotNull UUID userId,
        @NotNull @GrantableRole CompanyRole requestedRole,
        @GrantableRole CompanyRole grantedRole,
        @NotNull ApprovalStatus status,
        @Size(max = 1000) String message,
        UUID reviewerId,
        OffsetDateTime reviewedAt,
        @Size(max = 1000) String reason,
        @NotNull OffsetDateTime expiresAt,
        OffsetDateTime createdAt) {

    public ApprovalRequestImport toImport() {
        return new ApprovalRequestImport(sourceSystem, sourceTable, sourceId, companyId, userId, requestedRole,
                grantedRole, status, message, reviewerId, reviewedAt, reason, expiresAt, createdAt);
    }
}
