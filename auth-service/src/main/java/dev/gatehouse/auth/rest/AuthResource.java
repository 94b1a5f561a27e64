package dev.gatehouse.auth.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.rest.dto.LoginRequest;
import dev.gatehouse.auth.rest.dto.LogoutRequest;
import dev.gatehouse.auth.rest.dto.RefreshRequest;
import dev.gatehouse.auth.rest.dto.RegisterRequest;
import dev.gatehouse.auth.rest.dto.ServiceTokenResponse;
import dev.gatehouse.auth.rest.dto.TokenResponse;
import dev.gatehouse.auth.rest.dto.UserResponse;
import dev.gatehouse.auth.service.ClientCredentialsService;
import dev.gatehouse.auth.service.ClientInfo;
import dev.gatehouse.auth.service.LoginService;
import dev.gatehouse.auth.service.RegistrationService;
import dev.gatehouse.auth.service.RequestLimits;
import dev.gatehouse.auth.service.SessionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final RegistrationService registration;
    private final LoginService login;
    private final SessionService sessions;
    private final ClientCredentialsService clientCredentials;
    private final JsonWebToken jwt;
    private final HttpServerRequest request;
    private final RequestLimits limits;

    public AuthResource(RegistrationService registration, LoginService login, SessionService sessions,
            ClientCredentialsService clientCredentials, JsonWebToken jwt, HttpServerRequest request,
            RequestLimits limits) {
        this.limits = limits;
        this.registration = registration;
        this.login = login;
        this.sessions = sessions;
        this.clientCredentials = clientCredentials;
        this.jwt = jwt;
        this.request = request;
    }

    @POST
    @Path("/register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account with an email address, a password and a phone number")
    @APIResponse(responseCode = "201", description = "The account")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "409", description = "email_taken or phone_taken")
    @APIResponse(responseCode = "429", description = "rate_limited, with Retry-After")
    @APIResponse(responseCode = "503", description = "hashing_busy, with Retry-After")
    public Uni<RestResponse<UserResponse>> register(@Valid @NotNull RegisterRequest body) {
        ClientInfo client = RequestClient.of(request);
        return limits.register(body.email(), client)
                .chain(() -> registration.register(body, client))
                .map(user -> RestResponse.ResponseBuilder.<UserResponse> created(URI.create("/users/me"))
                        .entity(UserResponse.of(user)).build());
    }

    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Tokens, with a deviceToken to send back with this device's next logins")
    @APIResponse(responseCode = "401", description = "invalid_credentials: an unknown account, a wrong password and a locked "
            + "account get exactly this same answer; there is no 423 for logins")
    @APIResponse(responseCode = "429", description = "rate_limited, with Retry-After")
    @APIResponse(responseCode = "503", description = "hashing_busy: too many password checks waiting, with Retry-After")
    @Operation(summary = "Log in with an email address or a verified phone number and the password")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest body) {
        ClientInfo client = RequestClient.of(request);
        return limits.login(body.byEmail() ? body.email() : body.phoneNumber(), body.deviceToken(), client)
                .chain(() -> login.login(body, client));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a refresh token for new tokens (the refresh token rotates)")
    @APIResponse(responseCode = "200", description = "New tokens")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "invalid_refresh_token")
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest body) {
        return sessions.refresh(body.refreshToken(), RequestClient.of(request));
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End the current session")
    @APIResponse(responseCode = "204", description = "The session ended")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    public Uni<RestResponse<Void>> logout(@Valid LogoutRequest body) {
        String refreshToken = body == null ? null : body.refreshToken();
        return sessions.logout(Claims.userId(jwt), Claims.sessionId(jwt), refreshToken, RequestClient.of(request))
                .map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/logout-all")
    @Authenticated
    @Operation(summary = "End every session of the account")
    @APIResponse(responseCode = "204", description = "Every session ended")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    public Uni<RestResponse<Void>> logoutAll() {
        return sessions.logoutEverywhere(Claims.userId(jwt), RequestClient.of(request))
                .map(ignored -> RestResponse.noContent());
    }

    /**
     * OAuth 2.0 token endpoint for services (client credentials only); people log in through /auth/login. Reachable
     * inside the cluster only: the public gateway does not route it.
     */
    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Client credentials grant for services (internal, not routed by the gateway)")
    @APIResponse(responseCode = "200", description = "A service token")
    @APIResponse(responseCode = "400", description = "invalid_request, unsupported_grant_type or invalid_scope")
    @APIResponse(responseCode = "401", description = "invalid_client")
    @APIResponse(responseCode = "429", description = "rate_limited, with Retry-After")
    public Uni<ServiceTokenResponse> token(@FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
            @FormParam("scope") String scope) {
        return limits.serviceToken(clientId, RequestClient.of(request))
                .map(ignored -> clientCredentials.issue(grantType, clientId, clientSecret, scope));
    }

}
