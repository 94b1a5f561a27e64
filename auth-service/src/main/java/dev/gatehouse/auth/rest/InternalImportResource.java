package dev.gatehouse.auth.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.rest.dto.ImportBackgroundRequest;
import dev.gatehouse.auth.rest.dto.ImportUserRequest;
import dev.gatehouse.auth.rest.dto.ImportedResponse;
import dev.gatehouse.auth.service.imports.BackgroundImportService;
import dev.gatehouse.auth.service.imports.UserImportService;
import dev.gatehouse.common.security.ServiceScopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Imports from other systems, for the {@code gatehouse import} command only: its service token carries the
 * {@code users:import} scope, which no person and no other service has. The path is outside the gateway's routes.
 * <p>
 * A refused row is answered with a problem: 409 {@code email_taken} or {@code phone_taken}, 400 with the fields at
 * fault for data Gatehouse cannot hold.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/internal/import")
@PermissionsAllowed(ServiceScopes.USERS_IMPORT)
@Produces(MediaType.APPLICATION_JSON)
public class InternalImportResource {

    private final UserImportService userImport;
    private final BackgroundImportService backgroundImport;
    private final HttpServerRequest request;

    public InternalImportResource(UserImportService userImport, BackgroundImportService backgroundImport,
            HttpServerRequest request) {
        this.userImport = userImport;
        this.backgroundImport = backgroundImport;
        this.request = request;
    }

    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ImportedResponse>> importUser(@Valid @NotNull ImportUserRequest body) {
        return userImport.importUser(body.toImport(), RequestClient.of(request))
                .map(outcome -> RestResponse.status(outcome.imported() ? Response.Status.CREATED : Response.Status.OK,
                        ImportedResponse.of(outcome)));
    }

    /** {@code kind} is {@code software} or {@code hardware}; 404 {@code user_not_found} before the account. */
    @POST
    @Path("/users/{userId}/background/{kind: software|hardware}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ImportedResponse>> importBackground(@PathParam("userId") UUID userId,
            @PathParam("kind") String kind, @Valid @NotNull ImportBackgroundRequest body) {
        boolean hardware = kind.equals("hardware");
        return backgroundImport.importBackground(body.sourceSystem(), body.sourceTable(), body.sourceId(), userId,
                hardware, body.experienceLevel(),
                ImportBackgroundRequest.orEmpty(hardware ? body.preferredPlatforms() : body.preferredLanguages()),
                ImportBackgroundRequest.orEmpty(hardware ? body.deviceTypes() : body.preferredFrameworks()))
                .map(outcome -> RestResponse.status(outcome.imported() ? Response.Status.CREATED : Response.Status.OK,
                        ImportedResponse.of(outcome)));
    }
}
