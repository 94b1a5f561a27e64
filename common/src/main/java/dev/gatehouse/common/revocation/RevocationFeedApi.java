package dev.gatehouse.common.revocation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * auth-service's revocation feed (service tokens with {@code revocations:read} only). A service that polls it names
 * the URL and the provider that puts its service token on the call (the OIDC client's filter) under
 * {@code quarkus.rest-client.revocation-feed.*}.
 */
@RegisterRestClient(configKey = "revocation-feed")
@Path("/internal/revocations")
@Produces(MediaType.APPLICATION_JSON)
public interface RevocationFeedApi {

    /** Revocations since the cursor {@code since} (the {@code asOf} of the previous page); all current ones if null. */
    @GET
    Uni<RevocationFeedPage> since(@QueryParam("since") String since);
}
