package dev.gatehouse.approval.rest.dto;

import dev.gatehouse.approval.CompanyRole;

/** POST /approvals/{id}/approve: the role to give, when not the one requested. The body itself is optional. */
public record ApproveRequest(@GrantableRole CompanyRole role) {
}
