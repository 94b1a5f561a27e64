package dev.gatehouse.deletedusers.api;

import java.util.UUID;

import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.smallrye.mutiny.Uni;

/**
 * The {@code user-deleted} event, as auth-service delivers it to every service that holds data about people
 * (company-service and approval-service implement this interface): the account was deleted, forget the person and
 * refuse them from now on. Service tokens with scope {@code user-data:delete} only; the path is outside every public
 * prefix, so the gateway never routes it. Idempotent, and 204 acknowledges it, so the sender (auth-service's outbox
 * relay) retries until it gets one.
 * <p>
 * One interface for every receiver: the sender builds a client of it per receiver's base URL.
 */
@Path("/internal/deleted-users")
public interface DeletedUsersApi {

    @PUT
    @Path("/{userId}")
    Uni<Void> userDeleted(@PathParam("userId") UUID userId);
}
