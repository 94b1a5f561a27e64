package dev.gatehouse.company;

/** A member's role in one company. */
public enum CompanyRole {
    OWNER,
    ADMIN,
    STAFF;

    /** Owners and admins run the company's membership. */
    public boolean canManageMembers() {
        return this == OWNER || this == ADMIN;
    }
}
