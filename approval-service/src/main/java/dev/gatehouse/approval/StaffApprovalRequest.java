package dev.gatehouse.approval;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's request to join a company. Created PENDING; an owner or admin approves or rejects it, the requester may
 * cancel it, and it expires when nobody decides in time. Approving passes through APPROVING while company-service
 * adds the member; every other way out of PENDING is final.
 */
@Entity
@Table(name = "staff_approval_requests")
public class StaffApprovalRequest {

    @Id
    public UUID id;

    /** company-service's public company id. */
    @Column(name = "company_id", nullable = false, updatable = false)
    public String companyId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_role", nullable = false, updatable = false)
    public CompanyRole requestedRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "granted_role")
    public CompanyRole grantedRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalStatus status;

    @Column(updatable = false)
    public String message;

    /** The requester's email address as auth-service had it verified when they asked; null if it was not. */
    @Column(name = "requester_email", updatable = false)
    public String requesterEmail;

    /** The requester's phone number as auth-service had it verified when they asked; null if it was not. */
    @Column(name = "requester_phone", updatable = false)
    public String requesterPhone;

    @Column(name = "reviewer_id")
    public UUID reviewerId;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    public String reason;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

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
