package dev.gatehouse.company.service;

import java.util.UUID;

/**
 * Who is calling, as far as the verified token says: a person (with their user id) or another service.
 * Company roles are not in the token; they are looked up in company_members.
 */
public record Caller(UUID userId, boolean platformAdmin, String serviceClient) {

    public static Caller person(UUID userId, boolean platformAdmin) {
        return new Caller(userId, platformAdmin, null);
    }

    public static Caller service(String clientId) {
        return new Caller(null, false, clientId);
    }

    public boolean isService() {
        return serviceClient != null;
    }
}
