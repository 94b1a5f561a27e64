package dev.gatehouse.approval;

/** A member's role in a company, as company-service names it. */
public enum CompanyRole {
    OWNER,
    ADMIN,
    STAFF;

    /** Owners and admins decide on join requests, as they manage members in company-service. */
    public boolean canReview() {
        return this == OWNER || this == ADMIN;
    }

    /** A join request can lead to any role but owner. */
    public boolean grantable() {
        return this != OWNER;
    }
}
