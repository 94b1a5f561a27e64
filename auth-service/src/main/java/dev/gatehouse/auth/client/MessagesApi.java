package dev.gatehouse.auth.client;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.smallrye.mutiny.Uni;

/** otp-service's message endpoint (internal; service tokens only). Used through {@link EmailGateway}. */
@RegisterRestClient(configKey = "otp-service")
@Path("/messages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface MessagesApi {

    /** 202 {@code {id, channel, to, status: "SENT"}}; 429 {@code rate_limited}; 502 {@code delivery_failed}. */
    @POST
    Uni<Map<String, Object>> send(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            OutgoingMessage message);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutgoingMessage(String channel, String to, String subject, String text, String html) {
    }
}
