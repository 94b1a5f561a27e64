package dev.gatehouse.company.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.common.security.ServiceScopes;
import dev.gatehouse.company.CompanyMember;
import dev.gatehouse.company.CompanyRole;
import dev.gatehouse.company.api.AddMemberRequest;
import dev.gatehouse.company.api.AddedMember;
import dev.gatehouse.company.api.CompanyMembersApi;
import dev.gatehouse.company.api.MemberOfCompany;
import dev.gatehouse.company.api.MemberRole;
import dev.gatehouse.company.service.MembershipService;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * The membership calls of other services (service tokens only), answered with the {@code company-api} contract's
 * records. The path is outside {@code /companies}, so the gateway never routes it: it is reachable inside the cluster
 * alone. Each call needs its own scope, so approval-service (members) cannot remove users and auth-service (user
 * data) cannot add members.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path(CompanyMembersApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class InternalMembershipResource {

    private final MembershipService memberships;

    public InternalMembershipResource(MembershipService memberships) {
        this.memberships = memberships;
    }

    @POST
    @PermissionsAllowed(ServiceScopes.MEMBERS_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AddedMember> add(@PathParam("companyId") String companyId, @Valid @NotNull AddMemberRequest body) {
        return memberships.addByService(companyId, body.userId(), CompanyRole.valueOf(body.role().name()))
                .map(InternalMembershipResource::added);
    }

    /** A user's role in a company, for services that authorise company admins (404 when not a member). */
    @GET
    @Path("/{userId}")
    @PermissionsAllowed(ServiceScopes.MEMBERS_READ)
    public Uni<MemberOfCompany> role(@PathParam("companyId") String companyId, @PathParam("userId") UUID userId) {
        return memberships.roleOf(companyId, userId)
                .map(role -> new MemberOfCompany(companyId, userId, MemberRole.valueOf(role.name())));
    }

    private static AddedMember added(CompanyMember member) {
        return new AddedMember(member.userId, MemberRole.valueOf(member.role.name()), member.joinedAt);
    }
}
