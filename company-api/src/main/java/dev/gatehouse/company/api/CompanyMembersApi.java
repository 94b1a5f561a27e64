package dev.gatehouse.company.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * company-service's internal membership calls, as its callers see them (base URL
 * {@code quarkus.rest-client.company-members.url}, company-service's address). Service tokens only: a caller
 * registers the filter that adds its own ({@code quarkus.rest-client.company-members.providers}), with scope
 * {@code members:read} to look a member up and {@code members:write} to add one. company-service serves these paths
 * outside {@code /companies}, so the public gateway never routes them. Callers keep this interface behind a wrapper
 * that owns timeouts, retries, the circuit breaker and the meaning of company-service's problems.
 */
@RegisterRestClient(configKey = "company-members")
@Path(CompanyMembersApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
public interface CompanyMembersApi {

    String PATH = "/internal/companies/{companyId}/members";

    /** 200; 404 when the person is not a member (or there is no such company). */
    @GET
    @Path("/{userId}")
    Uni<MemberOfCompany> member(@PathParam("companyId") String companyId, @PathParam("userId") String userId);

    /**
     * 200 with the membership. Idempotent: a person who already is a member keeps the membership as it is, so the
     * call may be retried. 404 {@code company_not_found}; 409 {@code company_not_active}, {@code user_deleted}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<AddedMember> addMember(@PathParam("companyId") String companyId, AddMemberRequest request);
}
