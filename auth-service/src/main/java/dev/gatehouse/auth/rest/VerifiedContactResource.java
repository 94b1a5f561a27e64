package dev.gatehouse.auth.rest;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.service.UserService;
import dev.gatehouse.common.contact.VerifiedContact;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.security.ServiceScopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * A person's verified email address and phone number, for services that show them to someone entitled to see them
 * (approval-service shows a requester's to the company's owners and admins). Service tokens with
 * {@code contacts:read} only; outside {@code /auth} and {@code /users}, so the gateway never routes it.
 */
@Cancellable(false)
@Path("/internal/users/{userId}/contact")
@PermissionsAllowed(ServiceScopes.CONTACTS_READ)
@Produces(MediaType.APPLICATION_JSON)
public class VerifiedContactResource {

    private final UserService users;

    public VerifiedContactResource(UserService users) {
        this.users = users;
    }

    @GET
    @Operation(summary = "A person verified email address and phone number (internal, contacts:read)")
    @APIResponse(responseCode = "200", description = "The verified contact")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: contacts:read required")
    @APIResponse(responseCode = "404", description = "user_not_found")
    public Uni<VerifiedContact> contact(@PathParam("userId") String userId) {
        return users.verifiedContact(parse(userId));
    }

    /** A malformed id names no account: the same 404 as an unknown one. */
    private static UUID parse(String userId) {
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException malformed) {
            throw ApiException.notFound("user_not_found", "No account has this id.");
        }
    }
}
