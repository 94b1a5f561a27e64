package dev.gatehouse.company.rest;

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

import dev.gatehouse.common.security.ServiceScopes;
import dev.gatehouse.company.rest.dto.ImportCompanyRequest;
import dev.gatehouse.company.rest.dto.ImportMemberRequest;
import dev.gatehouse.company.rest.dto.ImportedResponse;
import dev.gatehouse.company.service.imports.CompanyImportService;
import dev.gatehouse.company.service.imports.ImportOutcome;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * Imports from other systems, for the {@code gatehouse import} command only (a service token with the
 * {@code companies:import} scope, which no other service has). Outside {@code /companies}, so the gateway never routes it.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/internal/import")
@PermissionsAllowed(ServiceScopes.COMPANIES_IMPORT)
@Produces(MediaType.APPLICATION_JSON)
public class InternalImportResource {

    private final CompanyImportService imports;

    public InternalImportResource(CompanyImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("/companies")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ImportedResponse>> importCompany(@Valid @NotNull ImportCompanyRequest body) {
        return imports.importCompany(body.toImport()).map(InternalImportResource::answer);
    }

    @POST
    @Path("/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ImportedResponse>> importMember(@Valid @NotNull ImportMemberRequest body) {
        return imports.importMember(body.toImport()).map(InternalImportResource::answer);
    }

    private static RestResponse<ImportedResponse> answer(ImportOutcome outcome) {
        return RestResponse.status(outcome.imported() ? Response.Status.CREATED : Response.Status.OK,
                ImportedResponse.of(outcome));
    }
}
