package dev.gatehouse.approval.rest;

import java.util.UUID;

import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.approval.service.ApprovalService;
import dev.gatehouse.common.security.ServiceScopes;
import dev.gatehouse.deletedusers.api.DeletedUsersApi;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * Calls from other services only (service tokens). The path and method come from the {@code deleted-users-api}
 * contract auth-service sends by; it lies outside {@code /approvals}, so the gateway never routes it.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
public class InternalRequestsResource implements DeletedUsersApi {

    private final ApprovalService approvals;

    public InternalRequestsResource(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /**
     * auth-service's {@code user-deleted} event (flow 7): the account was deleted, its join requests go with it
     * whatever their status, and the person is remembered as deleted. Idempotent, so the sender retries until it gets
     * a 204.
     */
    @Override
    @PermissionsAllowed(ServiceScopes.USER_DATA_DELETE)
    public Uni<Void> userDeleted(UUID userId) {
        return approvals.forgetDeletedUser(userId).replaceWithVoid();
    }
}
