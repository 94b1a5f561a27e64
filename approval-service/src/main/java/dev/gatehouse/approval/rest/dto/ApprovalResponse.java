package dev.gatehouse.approval.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.gatehouse.approval.ApprovalStatus;
import dev.gatehouse.approval.CompanyRole;
import dev.gatehouse.approval.StaffApprovalRequest;

/**
 * A join request as clients see it. {@code status} is the effective one: a pending request past {@code expiresAt}
 * reads as EXPIRED even before the expiry job has rewritten the row. Fields a request does not have yet are null.
 * {@code requesterEmail} and {@code requesterPhone} are what the requester had verified when they asked (null where
 * they had not); only the requester and the company's owners and admins can read a request.
 */
public record ApprovalResponse(UUID id, String companyId, UUID userId, CompanyRole requestedRole,
        ApprovalStatus status, String message, CompanyRole grantedRole, UUID reviewerId, OffsetDateTime reviewedAt,
        String reason, OffsetDateTime expiresAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        String requesterEmail, String requesterPhone) {

    public static ApprovalResponse of(StaffApprovalRequest request, OffsetDateTime now) {
        return new ApprovalResponse(request.id, request.companyId, request.userId, request.requestedRole,
                request.effectiveStatus(now), request.message, request.grantedRole, request.reviewerId,
                request.reviewedAt, request.reason, request.expiresAt, request.createdAt, request.updatedAt,
                request.requesterEmail, request.requesterPhone);
    }
}
