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

/** approval-service's internal API (service tokens only). Used through {@link RemoteUserData}. */
@RegisterRestClient(configKey = "approval-service")
@Path("/internal/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
interface ApprovalRequestsApi {

    /** Removes every join request of the user, whatever its status; idempotent. */
    @DELETE
    @Path("/requests")
    Uni<Map<String, Object>> removeUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") UUID userId);
}
