package dev.gatehouse.common.revocation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

/** auth-service's revocation feed (service tokens only). Built by {@link RevocationFeedPoller} when enabled. */
@Path("/internal/revocations")
@Produces(MediaType.APPLICATION_JSON)
interface RevocationFeedApi {

    /** Revocations since the cursor {@code since} (the {@code asOf} of the previous page); all current ones if null. */
    @GET
    Uni<RevocationFeedPage> since(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("since") String since);
}
