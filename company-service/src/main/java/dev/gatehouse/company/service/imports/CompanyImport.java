package dev.gatehouse.company.service.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.gatehouse.company.CompanyStatus;

/**
 * A company as a source system held it. {@code companyId} is kept when given and free, made up when null;
 * {@code owner} is the Gatehouse account that becomes its OWNER (and creator).
 */
public record CompanyImport(String sourceSystem, String sourceTable, String sourceId, String companyId, String name,
        String countryCode, String phoneNumber, CompanyStatus status, UUID owner, OffsetDateTime createdAt) {
}
