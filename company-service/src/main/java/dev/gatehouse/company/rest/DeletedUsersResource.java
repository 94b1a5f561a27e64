package dev.gatehouse.company.rest;

import java.util.UUID;

import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.common.security.ServiceScopes;
import dev.gatehouse.company.service.MembershipService;
import dev.gatehouse.deletedusers.api.DeletedUsersApi;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * auth-service's {@code user-deleted} event, on the path and method of the {@code deleted-users-api} contract it sends
 * by (service tokens with {@code user-data:delete} only; the gateway never routes it).
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
public class DeletedUsersResource implements DeletedUsersApi {

    private final MembershipService memberships;

    public DeletedUsersResource(MembershipService memberships) {
        this.memberships = memberships;
    }

    /**
     * The account was deleted: its memberships go with it and the person is remembered as deleted. Idempotent, so the
     * sender retries until it gets a 204.
     */
    @Override
    @PermissionsAllowed(ServiceScopes.USER_DATA_DELETE)
    public Uni<Void> userDeleted(UUID userId) {
        return memberships.forgetDeletedUser(userId).replaceWithVoid();
    }
}
