package dev.gatehouse.approval.service.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.CompanyRole;

/** A staff approval request as a source system held it, with Gatehouse ids already resolved. */
public record ApprovalRequestImport(String sourceSystem, String sourceTable, String sourceId, String companyId,
        UUID userId, CompanyRole requestedRole, CompanyRole grantedRole, ApprovalStatus status, String message,
        UUID reviewerId, OffsetDateTime reviewedAt, String reason, OffsetDateTime expiresAt,
        OffsetDateTime createdAt) {
}
