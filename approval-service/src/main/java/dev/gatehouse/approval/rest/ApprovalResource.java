package dev.gatehouse.approval.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.approval.Clocks;
import dev.gatehouse.approval.StaffApprovalRequest;
import dev.gatehouse.approval.rest.dto.ApprovalResponse;
import dev.gatehouse.approval.rest.dto.ApproveRequest;
import dev.gatehouse.approval.rest.dto.CreateApprovalRequest;
import dev.gatehouse.approval.rest.dto.RejectRequest;
import dev.gatehouse.approval.service.ApprovalService;
import dev.gatehouse.approval.service.RequestAccess;
import dev.gatehouse.approval.service.ReviewService;
import dev.gatehouse.common.rest.PageResponse;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Join requests, for people: the requester asks, reads and cancels; the company's owners and admins decide. */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/approvals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private final ApprovalService approvals;
    private final ReviewService reviews;
    private final JsonWebToken jwt;

    public ApprovalResource(ApprovalService approvals, ReviewService reviews, JsonWebToken jwt) {
        this.approvals = approvals;
        this.reviews = reviews;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask to join a company (verified people)")
    @APIResponse(responseCode = "201", description = "The pending request, with the requester verified email and phone")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized or account_deleted")
    @APIResponse(responseCode = "403", description = "verification_required")
    @APIResponse(responseCode = "404", description = "company_not_found")
    @APIResponse(responseCode = "409", description = "already_member, request_pending or company_not_active")
    @APIResponse(responseCode = "503", description = "company_service_unavailable or auth_service_unavailable, with Retry-After")
    public Uni<RestResponse<ApprovalResponse>> create(@Valid @NotNull CreateApprovalRequest body) {
        UUID userId = Callers.verifiedPerson(jwt);
        return approvals.create(userId, Callers.authorization(jwt), body.companyId(), body.requestedRoleOrDefault(),
                body.trimmedMessage())
                .map(request -> RestResponse.ResponseBuilder
                        .<ApprovalResponse> created(URI.create("/approvals/" + request.id))
                        .entity(view(request)).build());
    }

    @GET
    @Operation(summary = "The join requests of a company (owners and admins)")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "admin_required")
    @APIResponse(responseCode = "503", description = "company_service_unavailable, with Retry-After")
    public Uni<PageResponse<ApprovalResponse>> list(@QueryParam("companyId") String companyId,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        UUID caller = Callers.person(jwt);
        ListQuery query = ListQuery.parse(companyId, status, page, size);
        return reviews.list(query.companyId(), query.status(), query.page(), query.size(), caller)
                .map(found -> PageResponse.of(found.items().stream().map(ApprovalResource::view).toList(),
                        query.page(), query.size(), found.totalItems()));
    }

    /** Declared before /{id} for readers; JAX-RS prefers the literal path anyway. */
    @GET
    @Path("/mine")
    @Operation(summary = "The caller join requests")
    @APIResponse(responseCode = "200", description = "The requests, newest first")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    public Uni<List<ApprovalResponse>> mine() {
        return approvals.mine(Callers.person(jwt)).map(list -> list.stream().map(ApprovalResource::view).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A join request (its requester, or an owner or admin of its company)")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "404", description = "request_not_found")
    @APIResponse(responseCode = "503", description = "company_service_unavailable, with Retry-After")
    public Uni<ApprovalResponse> get(@PathParam("id") String id) {
        return approvals.get(requestId(id), Callers.person(jwt)).map(ApprovalResource::view);
    }

    /** With a JSON body naming the role to give; an empty body grants the requested role. */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a request, optionally with another role (owners and admins)")
    @APIResponse(responseCode = "200", description = "APPROVED; the member exists in company-service")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "admin_required")
    @APIResponse(responseCode = "404", description = "request_not_found")
    @APIResponse(responseCode = "409", description = "request_not_pending, request_expired, company_not_active or requester_deleted")
    @APIResponse(responseCode = "503", description = "company_service_unavailable or approval_unfinished, with Retry-After")
    public Uni<ApprovalResponse> approve(@PathParam("id") String id, @Valid ApproveRequest body) {
        UUID reviewer = Callers.person(jwt);
        return reviews.approve(requestId(id), body == null ? null : body.role(), reviewer)
                .map(ApprovalResource::view);
    }

    /**
     * Without a JSON body (no Content-Type at all, as a bare POST sends): the requested role is granted. A method of
     * its own, because a body parameter would answer such a request 415.
     */
    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a request with the requested role (owners and admins)")
    @APIResponse(responseCode = "200", description = "APPROVED; the member exists in company-service")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "admin_required")
    @APIResponse(responseCode = "404", description = "request_not_found")
    @APIResponse(responseCode = "409", description = "request_not_pending, request_expired, company_not_active or requester_deleted")
    @APIResponse(responseCode = "503", description = "company_service_unavailable or approval_unfinished, with Retry-After")
    public Uni<ApprovalResponse> approveAsRequested(@PathParam("id") String id) {
        return reviews.approve(requestId(id), null, Callers.person(jwt)).map(ApprovalResource::view);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a request with a reason (owners and admins)")
    @APIResponse(responseCode = "200", description = "REJECTED")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "admin_required")
    @APIResponse(responseCode = "404", description = "request_not_found")
    @APIResponse(responseCode = "409", description = "request_not_pending, request_expired or approval_in_progress")
    @APIResponse(responseCode = "503", description = "company_service_unavailable, with Retry-After")
    public Uni<ApprovalResponse> reject(@PathParam("id") String id, @Valid @NotNull RejectRequest body) {
        UUID reviewer = Callers.person(jwt);
        return reviews.reject(requestId(id), body.reason().trim(), reviewer).map(ApprovalResource::view);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel one own pending request")
    @APIResponse(responseCode = "200", description = "CANCELLED")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "404", description = "request_not_found")
    @APIResponse(responseCode = "409", description = "request_not_pending, request_expired or approval_in_progress")
    public Uni<ApprovalResponse> cancel(@PathParam("id") String id) {
        return approvals.cancel(requestId(id), Callers.person(jwt)).map(ApprovalResource::view);
    }

    private static ApprovalResponse view(StaffApprovalRequest request) {
        return ApprovalResponse.of(request, Clocks.now());
    }

    /** A malformed id names no request: the same 404 as an unknown one. */
    private static UUID requestId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw RequestAccess.notFound();
        }
    }
}
