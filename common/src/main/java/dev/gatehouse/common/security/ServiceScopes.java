package dev.gatehouse.common.security;

/**
 * The scopes a service token can carry, one per kind of internal call. auth-service grants each registered client a
 * list of them ({@code gatehouse.clients.<id>.scopes}); every internal endpoint names the one it needs with
 * {@code @PermissionsAllowed}, so a client can do exactly what it was registered for and nothing else.
 */
public final class ServiceScopes {

    /** Create, resend and withdraw one-time codes in otp-service. */
    public static final String OTP_SEND = "otp:send";
    /** Check a one-time code in otp-service. */
    public static final String OTP_VERIFY = "otp:verify";
    /** Send an arbitrary email or SMS through otp-service. */
    public static final String MESSAGES_SEND = "messages:send";
    /** Read a user's role in a company from company-service. */
    public static final String MEMBERS_READ = "members:read";
    /** Add a member to a company in company-service. */
    public static final String MEMBERS_WRITE = "members:write";
    /** Remove everything a service holds about a deleted account. */
    public static final String USER_DATA_DELETE = "user-data:delete";
    /** Read auth-service's feed of revoked sessions and deleted accounts. */
    public static final String REVOCATIONS_READ = "revocations:read";
    /** Read a person's verified email address and phone number from auth-service. */
    public static final String CONTACTS_READ = "contacts:read";

    /** Import accounts from another system into auth-service ({@code gatehouse import}). */
    public static final String USERS_IMPORT = "users:import";
    /** Import companies and their members from another system into company-service. */
    public static final String COMPANIES_IMPORT = "companies:import";
    /** Import approval requests from another system into approval-service. */
    public static final String APPROVALS_IMPORT = "approvals:import";

    private ServiceScopes() {
    }
}
