package dev.gatehouse.approval;

/** The life of a join request: it waits as PENDING and ends in exactly one of the other four. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    CANCELLED,
    EXPIRED
}
