package dev.gatehouse.company.service.imports;

import java.util.UUID;

import dev.gatehouse.company.CompanyRole;

/** A person's membership as a source system held it, with Gatehouse ids already resolved. */
public record MemberImport(String sourceSystem, String sourceTable, String sourceId, UUID companyId, UUID userId,
        CompanyRole role) {
}
