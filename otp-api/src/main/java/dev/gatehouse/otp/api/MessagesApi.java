package dev.gatehouse.otp.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * otp-service's relay for messages a caller wrote itself (scope {@code messages:send}); base URL and token filter as
 * for {@link OtpApi}. Not retried: the relay may have taken the message before the answer was lost.
 */
@RegisterRestClient(configKey = "otp-service")
@Path("/messages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MessagesApi {

    /** 202; 429 {@code rate_limited}; 502 {@code delivery_failed}. */
    @POST
    Uni<MessageAccepted> send(SendMessageRequest message);
}
