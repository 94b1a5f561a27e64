package dev.gatehouse.otp.api;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * otp-service's one-time codes, as its callers see them (base URL {@code quarkus.rest-client.otp-service.url}). The
 * caller's service token is added by a client filter it registers for {@code otp-service}: a token with
 * {@code otp:send} to create, {@code otp:verify} to verify. Callers keep this interface behind a wrapper that owns
 * timeouts, the circuit breaker and the meaning of otp-service's problems; neither call may be retried blindly (a
 * second create sends a second message, a second verify spends a second attempt).
 */
@RegisterRestClient(configKey = "otp-service")
@Path("/otp")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface OtpApi {

    /**
     * When the caller stops waiting, as epoch milliseconds (the end of its timeout). otp-service starts no call that
     * arrives after it: a code created or spent for a caller that already answered 503 would leave the two sides
     * disagreeing. {@code null} sends no deadline.
     */
    String DEADLINE_HEADER = "Gatehouse-Deadline";

    /** 201; 429 {@code rate_limited} or {@code resend_too_soon}; 502 {@code delivery_failed}. */
    @POST
    Uni<OtpIssued> create(@HeaderParam(DEADLINE_HEADER) String deadline, CreateOtpRequest request);

    /** 200; 422 {@code otp_invalid} with {@code remainingAttempts}; 410 {@code otp_expired}; 423; 409; 404. */
    @POST
    @Path("/{id}/verify")
    Uni<OtpVerified> verify(@PathParam("id") UUID id, @HeaderParam(DEADLINE_HEADER) String deadline,
            VerifyOtpRequest request);
}
