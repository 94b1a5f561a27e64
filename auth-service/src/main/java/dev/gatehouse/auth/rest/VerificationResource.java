package dev.gatehouse.auth.rest;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import dev.gatehouse.auth.VerificationChannel;
import dev.gatehouse.auth.rest.dto.CodeRequest;
import dev.gatehouse.auth.rest.dto.UserResponse;
import dev.gatehouse.auth.rest.dto.VerificationSentResponse;
import dev.gatehouse.auth.service.ClientInfo;
import dev.gatehouse.auth.service.RequestLimits;
import dev.gatehouse.auth.service.VerificationService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Proving the account's phone number ({@code phone}) and email address ({@code email}) by a code. */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/users/me/{channel: phone|email}/verification")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private final VerificationService verification;
    private final JsonWebToken jwt;
    private final HttpServerRequest request;

    private final RequestLimits limits;

    public VerificationResource(VerificationService verification, JsonWebToken jwt, HttpServerRequest request,
            RequestLimits limits) {
        this.limits = limits;
        this.verification = verification;
        this.jwt = jwt;
        this.request = request;
    }

    /** 202: the code is on its way (and, for email, a link with it). */
    @POST
    @Operation(summary = "Send a verification code to the account phone (SMS) or email address")
    @APIResponse(responseCode = "202", description = "A code is on its way")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "409", description = "already_verified")
    @APIResponse(responseCode = "422", description = "destination_rejected")
    @APIResponse(responseCode = "429", description = "resend_too_soon or rate_limited, with Retry-After")
    @APIResponse(responseCode = "502", description = "delivery_failed")
    @APIResponse(responseCode = "503", description = "otp_service_unavailable, with Retry-After")
    public Uni<RestResponse<VerificationSentResponse>> send(@PathParam("channel") String channel) {
        VerificationChannel which = channel(channel);
        ClientInfo client = RequestClient.of(request);
        return limits.verificationSend(Claims.userId(jwt), client)
                .chain(() -> verification.start(Claims.userId(jwt), which, client))
                .map(sent -> RestResponse.accepted(new VerificationSentResponse(which.otpChannel(),
                        sent.destination(), sent.expiresAt(), sent.resendAvailableAt())));
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the phone or email address with the code")
    @APIResponse(responseCode = "200", description = "The account with the flag set")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "otp_not_yours")
    @APIResponse(responseCode = "409", description = "otp_used, already_verified, verification_not_started or destination_changed")
    @APIResponse(responseCode = "410", description = "otp_expired or otp_revoked")
    @APIResponse(responseCode = "422", description = "otp_invalid, with remainingAttempts")
    @APIResponse(responseCode = "423", description = "otp_locked")
    @APIResponse(responseCode = "503", description = "otp_service_unavailable, with Retry-After")
    public Uni<UserResponse> confirm(@PathParam("channel") String channel, @Valid @NotNull CodeRequest body) {
        ClientInfo client = RequestClient.of(request);
        return limits.verificationConfirm(Claims.userId(jwt), client)
                .chain(() -> verification.confirm(Claims.userId(jwt), channel(channel), body.code().strip(), client))
                .map(UserResponse::of);
    }

    private static VerificationChannel channel(String path) {
        return VerificationChannel.valueOf(path.toUpperCase(Locale.ROOT));
    }
}
