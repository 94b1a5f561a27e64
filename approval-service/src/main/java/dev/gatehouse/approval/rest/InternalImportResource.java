package dev.gatehouse.approval.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.approval.rest.dto.ImportApprovalRequest;
import dev.gatehouse.approval.rest.dto.ImportedResponse;
import dev.gatehouse.approval.service.imports.ApprovalRequestImportService;
import dev.gatehouse.common.security.ServiceScopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * Imports from other systems, for the {@code gatehouse import} command only (a service token with the
 * {@code approvals:import} scope, which no other service has). Outside {@code /approvals}, so the gateway never routes it.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/internal/import")
@PermissionsAllowed(ServiceScopes.APPROVALS_IMPORT)
@Produces(MediaType.APPLICATION_JSON)
public class InternalImportResource {

    private final ApprovalRequestImportService imports;

    public InternalImportResource(ApprovalRequestImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("/staff-approval-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ImportedResponse>> importRequest(@Valid @NotNull ImportApprovalRequest body) {
        return imports.importRequest(body.toImport())
                .map(outcome -> RestResponse.status(outcome.imported() ? Response.Status.CREATED : Response.Status.OK,
                        ImportedResponse.of(outcome)));
    }
}
