package dev.gatehouse.approval.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.gatehouse.approval.CompanyRole;

/** POST /approvals: the company to join, the role asked for (STAFF when absent) and a note for the reviewers. */
public record CreateApprovalRequest(
        @NotNull @Pattern(regexp = CompanyIds.PATTERN, message = CompanyIds.MESSAGE) String companyId,
        @GrantableRole CompanyRole requestedRole,
        @Size(max = 1000) String message) {

    public CompanyRole requestedRoleOrDefault() {
        return requestedRole == null ? CompanyRole.STAFF : requestedRole;
    }

    /** The note without surrounding blanks; a blank note is no note. */
    public String trimmedMessage() {
        return message == null || message.isBlank() ? null : message.trim();
    }
}
