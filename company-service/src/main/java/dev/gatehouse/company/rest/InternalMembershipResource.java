package dev.gatehouse.company.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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

import dev.gatehouse.company.rest.dto.AddMemberRequest;
import dev.gatehouse.company.rest.dto.MemberResponse;
import dev.gatehouse.company.service.MembershipService;
import io.smallrye.mutiny.Uni;

/**
 * Calls from other services only (service tokens). These paths are outside {@code /companies}, so the gateway never
 * routes them: they are reachable inside the cluster alone.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/internal")
@RolesAllowed("service")
@Produces(MediaType.APPLICATION_JSON)
public class InternalMembershipResource {

    private final MembershipService memberships;

    public InternalMembershipResource(MembershipService memberships) {
        this.memberships = memberships;
    }

    @POST
    @Path("/companies/{companyId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MemberResponse> add(@PathParam("companyId") String companyId, @Valid @NotNull AddMemberRequest body) {
        return memberships.addByService(companyId, body.userId(), body.role()).map(MemberResponse::of);
    }

    /** A user's role in a company, for services that authorise company admins (404 when not a member). */
    @GET
    @Path("/companies/{companyId}/members/{userId}")
    public Uni<Map<String, Object>> role(@PathParam("companyId") String companyId, @PathParam("userId") UUID userId) {
        return memberships.roleOf(companyId, userId)
                .map(role -> Map.of("companyId", companyId, "userId", userId, "role", role));
    }

    /**
     * auth-service's {@code user-deleted} event: the account was deleted, its memberships go with it and the person
     * is remembered as deleted. Idempotent, so the sender retries until it gets a 204.
     */
    @PUT
    @Path("/deleted-users/{userId}")
    public Uni<Void> userDeleted(@PathParam("userId") UUID userId) {
        return memberships.forgetDeletedUser(userId).replaceWithVoid();
    }
}
