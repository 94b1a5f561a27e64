package dev.gatehouse.auth.rest;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.rest.dto.HardwareBackgroundRequest;
import dev.gatehouse.auth.rest.dto.HardwareBackgroundResponse;
import dev.gatehouse.auth.rest.dto.SoftwareBackgroundRequest;
import dev.gatehouse.auth.rest.dto.SoftwareBackgroundResponse;
import dev.gatehouse.auth.service.BackgroundService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The signed-in person's software and hardware background (seed 003); PUT replaces the whole background. */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/users/me/background")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BackgroundResource {

    private final BackgroundService backgrounds;
    private final JsonWebToken jwt;

    public BackgroundResource(BackgroundService backgrounds, JsonWebToken jwt) {
        this.backgrounds = backgrounds;
        this.jwt = jwt;
    }

    @GET
    @Path("/software")
    @Operation(summary = "The software background of the account")
    @APIResponse(responseCode = "200", description = "The background")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "404", description = "background_not_found")
    public Uni<SoftwareBackgroundResponse> software() {
        return backgrounds.software(Claims.userId(jwt)).map(SoftwareBackgroundResponse::of);
    }

    /** 201 when this made the background, 200 when it replaced it. */
    @PUT
    @Path("/software")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace the software background")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    public Uni<RestResponse<SoftwareBackgroundResponse>> saveSoftware(@Valid @NotNull SoftwareBackgroundRequest body) {
        return backgrounds.saveSoftware(Claims.userId(jwt), body.experienceLevel(), body.preferredLanguages(),
                body.preferredFrameworks())
                .map(saved -> respond(saved.created(), "/users/me/background/software",
                        SoftwareBackgroundResponse.of(saved.background())));
    }

    @GET
    @Path("/hardware")
    @Operation(summary = "The hardware background of the account")
    @APIResponse(responseCode = "200", description = "The background")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "404", description = "background_not_found")
    public Uni<HardwareBackgroundResponse> hardware() {
        return backgrounds.hardware(Claims.userId(jwt)).map(HardwareBackgroundResponse::of);
    }

    @PUT
    @Path("/hardware")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace the hardware background")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    public Uni<RestResponse<HardwareBackgroundResponse>> saveHardware(@Valid @NotNull HardwareBackgroundRequest body) {
        return backgrounds.saveHardware(Claims.userId(jwt), body.experienceLevel(), body.preferredPlatforms(),
                body.deviceTypes())
                .map(saved -> respond(saved.created(), "/users/me/background/hardware",
                        HardwareBackgroundResponse.of(saved.background())));
    }

    private static <T> RestResponse<T> respond(boolean created, String location, T body) {
        return created ? RestResponse.ResponseBuilder.<T> created(URI.create(location)).entity(body).build()
                : RestResponse.ok(body);
    }
}
