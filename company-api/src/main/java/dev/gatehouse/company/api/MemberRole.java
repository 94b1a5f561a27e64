package dev.gatehouse.company.api;

/** A member's role in a company, as company-service names it on the wire. */
public enum MemberRole {
    OWNER,
    ADMIN,
    STAFF
}
