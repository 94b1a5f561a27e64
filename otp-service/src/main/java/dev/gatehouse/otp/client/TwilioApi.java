package dev.gatehouse.otp.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * Twilio's Programmable Messaging REST API, the one call we need. Only {@link TwilioSms} uses it: it owns the
 * credentials, the retries and the mapping of Twilio's errors.
 */
@RegisterRestClient(configKey = "twilio")
@Path("/2010-04-01/Accounts/{accountSid}")
interface TwilioApi {

    /** Creates (queues) an outbound message; Twilio answers 201 with the Message resource. */
    @POST
    @Path("/Messages.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<TwilioMessage> createMessage(@PathParam("accountSid") String accountSid,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form);

    /** Twilio's error body ({@code code}, {@code message}, {@code more_info}, {@code status}) becomes an exception. */
    @ClientExceptionMapper
    static TwilioApiException toException(Response response) {
        TwilioError error = null;
        try {
            if (response.hasEntity()) {
                error = response.readEntity(TwilioError.class);
            }
        } catch (RuntimeException notTwilioJson) {
            // A proxy or load balancer in front of Twilio may answer with HTML; the status alone then decides.
        }
        return new TwilioApiException(response.getStatus(), error == null ? null : error.code(),
                error == null ? null : error.message(), response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }
}
