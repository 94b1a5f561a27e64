package dev.gatehouse.console.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** company-service's public API. Used through {@link CompanyClient}. */
@RegisterRestClient(configKey = "company-service")
@Path("/companies")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface CompanyApi {

    @POST
    Model.Company create(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, CreateBody body);

    @GET
    @Path("/mine")
    List<Model.Company> mine(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("/{companyId}")
    Model.Company get(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("companyId") String companyId);

    @POST
    @Path("/{companyId}/verification")
    void startVerification(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("companyId") String companyId);

    @POST
    @Path("/{companyId}/verification/confirm")
    Model.Company confirmVerification(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("companyId") String companyId, AuthApi.CodeBody body);

    @GET
    @Path("/{companyId}/members")
    List<Model.Member> members(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("companyId") String companyId);

    @PATCH
    @Path("/{companyId}/members/{userId}")
    Model.Member changeRole(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("companyId") String companyId, @PathParam("userId") UUID userId, RoleBody body);

    @DELETE
    @Path("/{companyId}/members/{userId}")
    void removeMember(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("companyId") String companyId, @PathParam("userId") UUID userId);

    @PUT
    @Path("/{companyId}/status")
    Model.Company changeStatus(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("companyId") String companyId, StatusBody body);

    @ClientExceptionMapper
    static RuntimeException toProblem(Response response) {
        return ProblemReader.read(response);
    }

    record CreateBody(String name, String countryCode, String phoneNumber) {
    }

    record RoleBody(String role) {
    }

    record StatusBody(String status, String reason) {
    }
}
