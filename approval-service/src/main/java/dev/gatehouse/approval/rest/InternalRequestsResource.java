package dev.gatehouse.approval.rest;

import java.util.UUID;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.approval.service.ApprovalService;
import dev.gatehouse.common.security.ServiceScopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * Calls from other services only (service tokens). These paths are outside {@code /approvals}, so the gateway never
 * routes them: they are reachable inside the cluster alone.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalRequestsResource {

    private final ApprovalService approvals;

    public InternalRequestsResource(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /**
     * auth-service's {@code user-deleted} event (flow 7): the account was deleted, its join requests go with it
     * whatever their status, and the person is remembered as deleted. Idempotent, so the sender retries until it gets
     * a 204.
     */
    @PUT
    @Path("/deleted-users/{userId}")
    @PermissionsAllowed(ServiceScopes.USER_DATA_DELETE)
    public Uni<Void> userDeleted(@PathParam("userId") UUID userId) {
        return approvals.forgetDeletedUser(userId).replaceWithVoid();
    }
}
