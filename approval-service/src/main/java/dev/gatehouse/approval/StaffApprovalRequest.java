package dev.gatehouse.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A person's request to join a company. Created PENDING; an owner or admin approves or rejects it, the requester may
 * cancel it, and it expires when nobody decides in time. Approving passes through APPROVING while company-service
 * adds the member; every other way out of PENDING is final.
 * <p>
 * A row of {@code staff_approval_requests}; {@link dev.gatehouse.approval.repository.ApprovalRequestRepository} reads
 * and writes it.
 */
public class StaffApprovalRequest {

    public UUID id;

    /** company-service's public company id. */
    public String companyId;

    public UUID userId;

    public CompanyRole requestedRole;

    public CompanyRole grantedRole;

    public ApprovalStatus status;

    public String message;

    /** The requester's email address as auth-service had it verified when they asked; null if it was not. */
    public String requesterEmail;

    /** The requester's phone number as auth-service had it verified when they asked; null if it was not. */
    public String requesterPhone;

    public UUID reviewerId;

    public OffsetDateTime reviewedAt;

    public String reason;

    public OffsetDateTime expiresAt;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** The request a row of {@code staff_approval_requests} holds. */
    public static StaffApprovalRequest from(Row row) {
        StaffApprovalRequest request = new StaffApprovalRequest();
        request.id = row.getUUID("id");
        request.companyId = row.getString("company_id");
        request.userId = row.getUUID("user_id");
        request.requestedRole = CompanyRole.valueOf(row.getString("requested_role"));
        String granted = row.getString("granted_role");
        request.grantedRole = granted == null ? null : CompanyRole.valueOf(granted);
        request.status = ApprovalStatus.valueOf(row.getString("status"));
        request.message = row.getString("message");
        request.requesterEmail = row.getString("requester_email");
        request.requesterPhone = row.getString("requester_phone");
        request.reviewerId = row.getUUID("reviewer_id");
        request.reviewedAt = row.getOffsetDateTime("reviewed_at");
        request.reason = row.getString("reason");
        request.expiresAt = row.getOffsetDateTime("expires_at");
        request.createdAt = row.getOffsetDateTime("created_at");
        request.updatedAt = row.getOffsetDateTime("updated_at");
        return request;
    }

    /** A new request with the requester's verified email address and phone number (either may be null). */
    public static StaffApprovalRequest pending(String companyId, UUID userId, CompanyRole requestedRole,
            String message, String requesterEmail, String requesterPhone, OffsetDateTime now,
            OffsetDateTime expiresAt) {
        StaffApprovalRequest request = new StaffApprovalRequest();
        request.id = UUID.randomUUID();
        request.companyId = companyId;
        request.userId = userId;
        request.requestedRole = requestedRole;
        request.status = ApprovalStatus.PENDING;
        request.message = message;
        request.requesterEmail = requesterEmail;
        request.requesterPhone = requesterPhone;
        request.expiresAt = expiresAt;
        request.createdAt = now;
        request.updatedAt = now;
        return request;
    }

    /** Still stored as PENDING, but its deadline has passed: it is expired, whether or not the job has run yet. */
    public boolean isOverdue(OffsetDateTime now) {
        return status == ApprovalStatus.PENDING && !expiresAt.isAfter(now);
    }

    /** The status a reader should see: an overdue pending request is already expired. */
    public ApprovalStatus effectiveStatus(OffsetDateTime now) {
        return isOverdue(now) ? ApprovalStatus.EXPIRED : status;
    }

    /** The reviewer's decision, stored before company-service is asked to add the member. */
    public void beginApproval(UUID reviewer, CompanyRole role, OffsetDateTime now) {
        status = ApprovalStatus.APPROVING;
        grantedRole = role;
        reviewerId = reviewer;
        reviewedAt = now;
        updatedAt = now;
    }

    /** company-service has the member: the approval is complete. */
    public void completeApproval(OffsetDateTime now) {
        status = ApprovalStatus.APPROVED;
        updatedAt = now;
    }

    /** company-service refused the member for good (the company is no longer active, say): the request waits again. */
    public void abandonApproval(OffsetDateTime now) {
        status = ApprovalStatus.PENDING;
        grantedRole = null;
        reviewerId = null;
        reviewedAt = null;
        updatedAt = now;
    }

    public void reject(UUID reviewer, String why, OffsetDateTime now) {
        status = ApprovalStatus.REJECTED;
        reason = why;
        reviewerId = reviewer;
        reviewedAt = now;
        updatedAt = now;
    }

    public void cancel(OffsetDateTime now) {
        status = ApprovalStatus.CANCELLED;
        updatedAt = now;
    }

    public void expire(OffsetDateTime now) {
        status = ApprovalStatus.EXPIRED;
        updatedAt = now;
    }
}
