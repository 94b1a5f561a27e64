package dev.gatehouse.console.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** approval-service's public API. Used through {@link ApprovalClient}. */
@RegisterRestClient(configKey = "approval-service")
@Path("/approvals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface ApprovalApi {

    @POST
    Model.Approval create(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, CreateBody body);

    @GET
    Model.Page<Model.Approval> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("companyId") String companyId, @QueryParam("status") String status,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/mine")
    List<Model.Approval> mine(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @POST
    @Path("/{id}/approve")
    Model.Approval approve(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            ApproveBody body);

    @POST
    @Path("/{id}/reject")
    Model.Approval reject(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            RejectBody body);

    @POST
    @Path("/{id}/cancel")
    Model.Approval cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException toProblem(Response response) {
        return ProblemReader.read(response);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateBody(String companyId, String requestedRole, String message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApproveBody(String role) {
    }

    record RejectBody(String reason) {
    }
}
