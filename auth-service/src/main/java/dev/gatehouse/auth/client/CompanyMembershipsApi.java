package dev.gatehouse.auth.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** company-service's internal API (service tokens only). Used through {@link RemoteUserData}. */
@RegisterRestClient(configKey = "company-service")
@Path("/internal/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
interface CompanyMembershipsApi {

    /** Removes every membership of the user; idempotent. */
    @DELETE
    @Path("/memberships")
    Uni<Map<String, Object>> removeUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") UUID userId);
}
