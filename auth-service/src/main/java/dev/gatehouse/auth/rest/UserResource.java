package dev.gatehouse.auth.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.rest.dto.ChangePasswordRequest;
import dev.gatehouse.auth.rest.dto.DeleteAccountRequest;
import dev.gatehouse.auth.rest.dto.SessionResponse;
import dev.gatehouse.auth.rest.dto.UpdateProfileRequest;
import dev.gatehouse.auth.rest.dto.UserResponse;
import dev.gatehouse.auth.service.AccountService;
import dev.gatehouse.auth.service.SessionService;
import dev.gatehouse.auth.service.UserService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/users/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final SessionService sessions;
    private final AccountService accounts;
    private final JsonWebToken jwt;
    private final HttpServerRequest request;

    public UserResource(UserService users, SessionService sessions, AccountService accounts, JsonWebToken jwt,
            HttpServerRequest request) {
        this.users = users;
        this.sessions = sessions;
        this.accounts = accounts;
        this.jwt = jwt;
        this.request = request;
    }

    @GET
    @Operation(summary = "The signed-in account")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    public Uni<UserResponse> me() {
        return users.get(Claims.userId(jwt)).map(UserResponse::of);
    }

    /** Changes what the person may change about their account: the language of Gatehouse's messages. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the language of the account messages")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    public Uni<UserResponse> update(@Valid @NotNull UpdateProfileRequest body) {
        return users.setLocale(Claims.userId(jwt), body.locale()).map(UserResponse::of);
    }

    /** Deletes the account and the person's data in every other service (flow 7); 503 keeps it for a retry. */
    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete the account and its data in every service")
    @APIResponse(responseCode = "204", description = "The account is deleted")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "invalid_credentials: wrong password")
    @APIResponse(responseCode = "503", description = "hashing_busy, with Retry-After")
    public Uni<RestResponse<Void>> delete(@Valid @NotNull DeleteAccountRequest body) {
        return accounts.delete(Claims.userId(jwt), body.password(), RequestClient.of(request))
                .map(ignored -> RestResponse.noContent());
    }

    /** A new password; every other session ends, this one stays. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the password; every other session ends")
    @APIResponse(responseCode = "204", description = "The password is changed")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "invalid_credentials: wrong current password")
    @APIResponse(responseCode = "503", description = "hashing_busy, with Retry-After")
    public Uni<RestResponse<Void>> changePassword(@Valid @NotNull ChangePasswordRequest body) {
        return accounts.changePassword(Claims.userId(jwt), Claims.sessionId(jwt), body.currentPassword(),
                body.newPassword(), RequestClient.of(request)).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "The active sessions of the account")
    @APIResponse(responseCode = "200", description = "Sessions with device, IP address and user agent")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    public Uni<List<SessionResponse>> sessions() {
        UUID current = Claims.sessionId(jwt);
        return sessions.listActive(Claims.userId(jwt))
                .map(list -> list.stream().map(session -> SessionResponse.of(session, current)).toList());
    }

    @DELETE
    @Path("/sessions/{id}")
    @Operation(summary = "End one session of the account")
    @APIResponse(responseCode = "204", description = "The session ended")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "404", description = "session_not_found")
    public Uni<RestResponse<Void>> revokeSession(@PathParam("id") UUID sessionId) {
        return sessions.revokeOwn(Claims.userId(jwt), sessionId, RequestClient.of(request))
                .map(ignored -> RestResponse.noContent());
    }
}
