package dev.gatehouse.otp.rest;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.security.ServiceScopes;
import dev.gatehouse.common.security.TokenClaims;
import dev.gatehouse.otp.Otp;
import dev.gatehouse.otp.api.CreateOtpRequest;
import dev.gatehouse.otp.api.OtpIssued;
import dev.gatehouse.otp.api.OtpVerified;
import dev.gatehouse.otp.api.VerifyOtpRequest;
import dev.gatehouse.otp.rest.dto.OtpResponse;
import dev.gatehouse.otp.service.Destinations;
import dev.gatehouse.otp.service.EmailLinks;
import dev.gatehouse.otp.service.OtpService;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * One-time codes for other Gatehouse services; the request and answer records are the otp-api contract its callers
 * use too. Only service tokens get in: issuing, reading, resending and withdrawing
 * a code needs {@code otp:send}, checking one {@code otp:verify}.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/otp")
@PermissionsAllowed(ServiceScopes.OTP_SEND)
@Produces(MediaType.APPLICATION_JSON)
public class OtpResource {

    private final OtpService otps;
    private final JsonWebToken jwt;

    public OtpResource(OtpService otps, JsonWebToken jwt) {
        this.otps = otps;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<OtpIssued>> create(@Valid @NotNull CreateOtpRequest body) {
        Destinations.checkChannelFits(body.type(), body.channel());
        String destination = Destinations.normalize(body.channel(), body.destination());
        EmailLinks.check(body.channel(), body.linkTemplate());
        return otps.issue(new OtpService.IssueRequest(body.type(), body.channel(), destination, body.subjectId(),
                body.locale(), body.linkTemplate(), body.clientIp(), caller()))
                .map(otp -> RestResponse.ResponseBuilder.<OtpIssued> created(URI.create("/otp/" + otp.id))
                        .entity(issued(otp)).build());
    }

    @GET
    @Path("/{id}")
    public Uni<OtpResponse> get(@PathParam("id") String id) {
        return otps.get(parseId(id), caller()).map(otp -> new OtpResponse(otp.id, otp.type, otp.channel, otp.destination,
                otp.subjectId, otp.status, otp.remainingAttempts(), otp.resendCount, instant(otp.expiresAt),
                instant(otps.resendAvailableAt(otp)), instant(otp.verifiedAt), instant(otp.createdAt)));
    }

    @POST
    @Path("/{id}/verify")
    @PermissionsAllowed(ServiceScopes.OTP_VERIFY)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<OtpVerified> verify(@PathParam("id") String id, @Valid @NotNull VerifyOtpRequest body) {
        return otps.verify(parseId(id), body.code(), caller()).map(otp -> new OtpVerified(otp.status, otp.subjectId,
                otp.destination, otp.type, otp.id, otp.channel, instant(otp.verifiedAt)));
    }

    @POST
    @Path("/{id}/resend")
    public Uni<RestResponse<OtpIssued>> resend(@PathParam("id") String id) {
        return otps.resend(parseId(id), caller()).map(otp -> RestResponse.accepted(issued(otp)));
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> revoke(@PathParam("id") String id) {
        return otps.revoke(parseId(id), caller()).map(ignored -> RestResponse.noContent());
    }

    /** The calling service's client id: a code belongs to the service that asked for it. */
    private String caller() {
        String clientId = TokenClaims.text(jwt, "client_id");
        return clientId == null ? jwt.getSubject() : clientId;
    }

    private OtpIssued issued(Otp otp) {
        return new OtpIssued(otp.id, instant(otp.expiresAt), instant(otps.resendAvailableAt(otp)));
    }

    /** A malformed id names no code, so it is answered like an unknown one. */
    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw ApiException.notFound("otp_not_found", "No such one-time code.");
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
