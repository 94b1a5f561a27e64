package dev.gatehouse.company.service;

import java.util.UUID;

/**
 * Who is calling, as far as the verified token says: a person (with their user id, and whether they have proved
 * both their email address and their phone number) or another service. Company roles are not in the token; they are
 * looked up in company_members.
 */
public record Caller(UUID userId, boolean platformAdmin, String serviceClient, boolean contactsVerified) {

    public static Caller person(UUID userId, boolean platformAdmin) {
        return new Caller(userId, platformAdmin, null, false);
    }

    public static Caller person(UUID userId, boolean platformAdmin, boolean contactsVerified) {
        return new Caller(userId, platformAdmin, null, contactsVerified);
    }

    public static Caller service(String clientId) {
        return new Caller(null, false, clientId, false);
    }

    public boolean isService() {
        return serviceClient != null;
    }
}
