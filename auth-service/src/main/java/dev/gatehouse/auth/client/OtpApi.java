package dev.gatehouse.auth.client;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** otp-service's API (internal; service tokens only). Used through {@link OtpGateway}. */
@RegisterRestClient(configKey = "otp-service")
@Path("/otp")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface OtpApi {

    @POST
    Uni<Map<String, Object>> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            Map<String, Object> request);

    @POST
    @Path("/{id}/verify")
    Uni<Map<String, Object>> verify(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id, Map<String, Object> request);
}
