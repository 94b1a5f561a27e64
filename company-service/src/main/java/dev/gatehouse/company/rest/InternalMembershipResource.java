package dev.gatehouse.company.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.common.security.ServiceScopes;
import dev.gatehouse.company.rest.dto.AddMemberRequest;
import dev.gatehouse.company.rest.dto.MemberResponse;
import dev.gatehouse.company.rest.dto.MemberRoleResponse;
import dev.gatehouse.company.service.MembershipService;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * Calls from other services only (service tokens). These paths are outside {@code /companies}, so the gateway never
 * routes them: they are reachable inside the cluster alone. Each needs its own scope, so approval-service (members)
 * cannot remove users and auth-service (user data) cannot add members.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalMembershipResource {

    private final MembershipService memberships;

    public InternalMembershipResource(MembershipService memberships) {
        this.memberships = memberships;
    }

    @POST
    @Path("/companies/{companyId}/members")
    @PermissionsAllowed(ServiceScopes.MEMBERS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MemberResponse> add(@PathParam("companyId") String companyId, @Valid @NotNull AddMemberRequest body) {
        return memberships.addByService(companyId, body.userId(), body.role()).map(MemberResponse::of);
    }

    /** A user's role in a company, for services that authorise company admins (404 when not a member). */
    @GET
    @Path("/companies/{companyId}/members/{userId}")
    @PermissionsAllowed(ServiceScopes.MEMBERS_READ)
    public Uni<MemberRoleResponse> role(@PathParam("companyId") String companyId, @PathParam("userId") UUID userId) {
        return memberships.roleOf(companyId, userId).map(role -> new MemberRoleResponse(companyId, userId, role));
    }

    /**
     * auth-service's {@code user-deleted} event: the account was deleted, its memberships go with it and the person
     * is remembered as deleted. Idempotent, so the sender retries until it gets a 204.
     */
    @PUT
    @Path("/deleted-users/{userId}")
    @PermissionsAllowed(ServiceScopes.USER_DATA_DELETE)
    public Uni<Void> userDeleted(@PathParam("userId") UUID userId) {
        return memberships.forgetDeletedUser(userId).replaceWithVoid();
    }
}
