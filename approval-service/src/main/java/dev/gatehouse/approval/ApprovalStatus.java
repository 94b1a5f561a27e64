package dev.gatehouse.approval;

/**
 * The life of a join request: it waits as PENDING and ends in exactly one of APPROVED, REJECTED, CANCELLED and
 * EXPIRED. APPROVING sits between PENDING and APPROVED while the member is being added in company-service: it is
 * decided (only approving can follow it, or PENDING again when company-service refuses), and never expires.
 */
public enum ApprovalStatus {
    PENDING,
    APPROVING,
    APPROVED,
    REJECTED,
    CANCELLED,
    EXPIRED
}
