package dev.gatehouse.company.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.company.CompanyRole;
import dev.gatehouse.company.rest.dto.ChangeStatusRequest;
import dev.gatehouse.company.rest.dto.CompanyResponse;
import dev.gatehouse.company.rest.dto.ConfirmVerificationRequest;
import dev.gatehouse.company.rest.dto.CreateCompanyRequest;
import dev.gatehouse.company.rest.dto.MemberResponse;
import dev.gatehouse.company.rest.dto.UpdateMemberRequest;
import dev.gatehouse.company.service.Caller;
import dev.gatehouse.company.service.CompanyService;
import dev.gatehouse.company.service.CompanyVerificationService;
import dev.gatehouse.company.service.MembershipService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/companies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CompanyResource {

    private final CompanyService companies;
    private final MembershipService memberships;
    private final CompanyVerificationService verification;
    private final JsonWebToken jwt;

    public CompanyResource(CompanyService companies, MembershipService memberships,
            CompanyVerificationService verification, JsonWebToken jwt) {
        this.companies = companies;
        this.memberships = memberships;
        this.verification = verification;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<CompanyResponse>> create(@Valid @NotNull CreateCompanyRequest body,
            @Context HttpServerRequest request) {
        Caller caller = Callers.person(jwt);
        return companies.create(body, caller.userId(), Callers.clientIp(request))
                .map(company -> RestResponse.ResponseBuilder
                        .<CompanyResponse> created(URI.create("/companies/" + company.companyId))
                        .entity(CompanyResponse.of(company, CompanyRole.OWNER)).build());
    }

    /** Declared before /{companyId} for readers; JAX-RS prefers the literal path anyway. */
    @GET
    @Path("/mine")
    public Uni<List<CompanyResponse>> mine() {
        return companies.mine(Callers.person(jwt).userId());
    }

    @GET
    @Path("/{companyId}")
    public Uni<CompanyResponse> get(@PathParam("companyId") String companyId) {
        return companies.get(companyId).map(CompanyResponse::of);
    }

    /** Sends an SMS code to the company's phone number. */
    @POST
    @Path("/{companyId}/verification")
    public Uni<RestResponse<Void>> startVerification(@PathParam("companyId") String companyId,
            @Context HttpServerRequest request) {
        return verification.start(companyId, Callers.person(jwt), Callers.clientIp(request))
                .map(ignored -> RestResponse.accepted());
    }

    @POST
    @Path("/{companyId}/verification/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CompanyResponse> confirmVerification(@PathParam("companyId") String companyId,
            @Valid @NotNull ConfirmVerificationRequest body, @Context HttpServerRequest request) {
        return verification.confirm(companyId, body.code(), Callers.person(jwt), Callers.clientIp(request))
                .map(CompanyResponse::of);
    }

    @GET
    @Path("/{companyId}/members")
    public Uni<List<MemberResponse>> members(@PathParam("companyId") String companyId) {
        return memberships.list(companyId, Callers.of(jwt))
                .map(list -> list.stream().map(MemberResponse::of).toList());
    }

    @PATCH
    @Path("/{companyId}/members/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MemberResponse> changeRole(@PathParam("companyId") String companyId,
            @PathParam("userId") UUID userId, @Valid @NotNull UpdateMemberRequest body) {
        return memberships.changeRole(companyId, userId, body.role(), Callers.person(jwt)).map(MemberResponse::of);
    }

    @DELETE
    @Path("/{companyId}/members/{userId}")
    public Uni<RestResponse<Void>> removeMember(@PathParam("companyId") String companyId,
            @PathParam("userId") UUID userId) {
        return memberships.remove(companyId, userId, Callers.person(jwt)).map(ignored -> RestResponse.noContent());
    }

    @PUT
    @Path("/{companyId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CompanyResponse> changeStatus(@PathParam("companyId") String companyId,
            @Valid @NotNull ChangeStatusRequest body) {
        return companies.changeStatus(companyId, body.status(), body.reason(), Callers.person(jwt))
                .map(CompanyResponse::of);
    }
}
