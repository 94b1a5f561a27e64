package dev.gatehouse.company.rest.dto;

import java.util.UUID;

import dev.gatehouse.company.CompanyRole;

/** A user's role in a company, for services that authorise company admins. */
public record MemberRoleResponse(String companyId, UUID userId, CompanyRole role) {
}
