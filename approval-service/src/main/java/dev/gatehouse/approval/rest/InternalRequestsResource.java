package dev.gatehouse.approval.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.gatehouse.approval.service.ApprovalService;
import dev.gatehouse.common.security.ServiceScopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * Calls from other services only (service tokens). These paths are outside {@code /approvals}, so the gateway never
 * routes them: they are reachable inside the cluster alone.
 */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalRequestsResource {

    private final ApprovalService approvals;

    public InternalRequestsResource(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /** An account was deleted (flow 7): its join requests go with it, whatever their status. Idempotent. */
    @DELETE
    @Path("/users/{userId}/requests")
    @PermissionsAllowed(ServiceScopes.USER_DATA_DELETE)
    public Uni<Map<String, Long>> removeUser(@PathParam("userId") UUID userId) {
        return approvals.removeUser(userId).map(removed -> Map.of("removed", removed));
    }
}
