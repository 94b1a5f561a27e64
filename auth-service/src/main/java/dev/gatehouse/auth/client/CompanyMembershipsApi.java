package dev.gatehouse.auth.client;

import java.util.UUID;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** company-service's internal API (service tokens only). Used through {@link RemoteUserData} by the outbox relay. */
@RegisterRestClient(configKey = "company-service")
@Path("/internal/deleted-users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
interface CompanyMembershipsApi {

    /**
     * The {@code user-deleted} event: the account was deleted, forget the person and refuse them from now on.
     * Idempotent; 204 acknowledges it.
     */
    @PUT
    Uni<Void> userDeleted(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("userId") UUID userId);
}
