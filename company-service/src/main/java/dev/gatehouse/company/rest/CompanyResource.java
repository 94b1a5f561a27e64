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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Register a company; the caller becomes its OWNER")
    @APIResponse(responseCode = "201", description = "The company, PENDING_VERIFICATION")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "verification_required")
    @APIResponse(responseCode = "429", description = "rate_limited, with Retry-After")
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
    @Operation(summary = "The companies of the caller, with the caller role")
    @APIResponse(responseCode = "200", description = "The companies")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    public Uni<List<CompanyResponse>> mine() {
        return companies.mine(Callers.person(jwt).userId());
    }

    @GET
    @Path("/{companyId}")
    @Operation(summary = "A company")
    @APIResponse(responseCode = "200", description = "The company")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "404", description = "company_not_found")
    public Uni<CompanyResponse> get(@PathParam("companyId") String companyId) {
        return companies.get(companyId).map(CompanyResponse::of);
    }

    /** Sends an SMS code to the company's phone number. */
    @POST
    @Path("/{companyId}/verification")
    @Operation(summary = "Send a verification code to the company phone (owners and admins)")
    @APIResponse(responseCode = "202", description = "A code is on its way")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "admin_required")
    @APIResponse(responseCode = "404", description = "company_not_found")
    @APIResponse(responseCode = "409", description = "already_verified")
    @APIResponse(responseCode = "429", description = "resend_too_soon or rate_limited, with Retry-After")
    @APIResponse(responseCode = "503", description = "otp_service_unavailable, with Retry-After")
    public Uni<RestResponse<Void>> startVerification(@PathParam("companyId") String companyId,
            @Context HttpServerRequest request) {
        return verification.start(companyId, Callers.person(jwt), Callers.clientIp(request))
                .map(ignored -> RestResponse.accepted());
    }

    @POST
    @Path("/{companyId}/verification/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the company phone with the code; the company becomes ACTIVE")
    @APIResponse(responseCode = "200", description = "The company")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "admin_required")
    @APIResponse(responseCode = "404", description = "company_not_found")
    @APIResponse(responseCode = "409", description = "already_verified or verification_not_started")
    @APIResponse(responseCode = "410", description = "otp_expired")
    @APIResponse(responseCode = "422", description = "otp_invalid, with remainingAttempts")
    @APIResponse(responseCode = "423", description = "otp_locked")
    @APIResponse(responseCode = "503", description = "otp_service_unavailable, with Retry-After")
    public Uni<CompanyResponse> confirmVerification(@PathParam("companyId") String companyId,
            @Valid @NotNull ConfirmVerificationRequest body, @Context HttpServerRequest request) {
        return verification.confirm(companyId, body.code(), Callers.person(jwt), Callers.clientIp(request))
                .map(CompanyResponse::of);
    }

    @GET
    @Path("/{companyId}/members")
    @Operation(summary = "The members of a company (members only)")
    @APIResponse(responseCode = "200", description = "The members")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: members only")
    @APIResponse(responseCode = "404", description = "company_not_found")
    public Uni<List<MemberResponse>> members(@PathParam("companyId") String companyId) {
        return memberships.list(companyId, Callers.of(jwt))
                .map(list -> list.stream().map(MemberResponse::of).toList());
    }

    @PATCH
    @Path("/{companyId}/members/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a member role (owners and admins)")
    @APIResponse(responseCode = "200", description = "The member")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "admin_required")
    @APIResponse(responseCode = "404", description = "company_not_found or member_not_found")
    @APIResponse(responseCode = "409", description = "last_owner or a role the caller cannot give")
    public Uni<MemberResponse> changeRole(@PathParam("companyId") String companyId,
            @PathParam("userId") UUID userId, @Valid @NotNull UpdateMemberRequest body) {
        return memberships.changeRole(companyId, userId, body.role(), Callers.person(jwt)).map(MemberResponse::of);
    }

    @DELETE
    @Path("/{companyId}/members/{userId}")
    @Operation(summary = "Remove a member (owners and admins, or the member)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "admin_required")
    @APIResponse(responseCode = "404", description = "company_not_found or member_not_found")
    @APIResponse(responseCode = "409", description = "last_owner")
    public Uni<RestResponse<Void>> removeMember(@PathParam("companyId") String companyId,
            @PathParam("userId") UUID userId) {
        return memberships.remove(companyId, userId, Callers.person(jwt)).map(ignored -> RestResponse.noContent());
    }

    @PUT
    @Path("/{companyId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a company status with a reason (platform admins)")
    @APIResponse(responseCode = "200", description = "The company")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: platform admins only")
    @APIResponse(responseCode = "404", description = "company_not_found")
    @APIResponse(responseCode = "409", description = "illegal_transition")
    public Uni<CompanyResponse> changeStatus(@PathParam("companyId") String companyId,
            @Valid @NotNull ChangeStatusRequest body) {
        return companies.changeStatus(companyId, body.status(), body.reason(), Callers.person(jwt))
                .map(CompanyResponse::of);
    }
}
