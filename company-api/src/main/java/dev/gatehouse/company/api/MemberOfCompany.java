package dev.gatehouse.company.api;

import java.util.UUID;

/** A person's role in a company, for services that authorise company admins. */
public record MemberOfCompany(String companyId, UUID userId, MemberRole role) {
}
