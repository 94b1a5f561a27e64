package dev.gatehouse.common.contact;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * auth-service's verified contact of a person (service tokens with {@code contacts:read} only); 404 with
 * {@code user_not_found} when no such account exists. A service that calls it names the URL and the provider that
 * puts its service token on the call (the OIDC client's filter) under {@code quarkus.rest-client.auth-contacts.*},
 * and wraps it in its own fault tolerance.
 */
@RegisterRestClient(configKey = "auth-contacts")
@Path("/internal/users/{userId}/contact")
@Produces(MediaType.APPLICATION_JSON)
public interface VerifiedContactApi {

    @GET
    Uni<VerifiedContact> contact(@PathParam("userId") UUID userId);
}
