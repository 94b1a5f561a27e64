package dev.gatehouse.auth.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.rest.dto.RevocationFeedResponse;
import dev.gatehouse.auth.service.revocation.RevocationFeed;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.security.ServiceScopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * The revocation feed other services poll (service tokens only). Outside {@code /auth} and {@code /users}, so the
 * gateway never routes it.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/internal/revocations")
@PermissionsAllowed(ServiceScopes.REVOCATIONS_READ)
@Produces(MediaType.APPLICATION_JSON)
public class RevocationFeedResource {

    private final RevocationFeed feed;

    public RevocationFeedResource(RevocationFeed feed) {
        this.feed = feed;
    }

    /** {@code since}: the {@code asOf} of the previous answer (ISO-8601); absent on the first call. */
    @GET
    @Operation(summary = "Revoked sessions and deleted accounts since a cursor (internal, revocations:read)")
    @APIResponse(responseCode = "200", description = "The feed page")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: revocations:read required")
    public Uni<RevocationFeedResponse> since(@QueryParam("since") String since) {
        return feed.since(parse(since)).map(RevocationFeedResponse::of);
    }

    private static Optional<OffsetDateTime> parse(String since) {
        if (since == null || since.isBlank()) {
            return Optional.empty();
        }
        try {
            // A "+" in an offset arrives as a space when the caller did not encode it.
            return Optional.of(OffsetDateTime.parse(since.replace(' ', '+')));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("since", "must be an ISO-8601 date-time with an offset");
        }
    }
}
