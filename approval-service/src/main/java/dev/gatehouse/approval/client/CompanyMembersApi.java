package dev.gatehouse.approval.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * company-service's internal membership calls, made with this service's own token: the OIDC client filter gets it
 * from auth-service (client credentials, scopes {@code members:read} and {@code members:write}), caches it and renews
 * it before it expires. Only {@link CompanyDirectory} uses it.
 */
@RegisterRestClient(configKey = "company-service")
@OidcClientFilter
@Path("/internal/companies/{companyId}/members")
@Produces(MediaType.APPLICATION_JSON)
interface CompanyMembersApi {

    /** A user's role in a company ({@code members:read}); 404 when the user is not a member. */
    @GET
    @Path("/{userId}")
    Uni<MemberView> member(@PathParam("companyId") String companyId, @PathParam("userId") String userId);

    /** Adds a member ({@code members:write}). Idempotent on company-service's side, so it is safe to retry. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<MemberView> addMember(@PathParam("companyId") String companyId, AddMemberBody body);

    /** The same translation as {@link CompanyApi#toException(Response)}. */
    @ClientExceptionMapper
    static CompanyServiceException toException(Response response) {
        return CompanyApi.toException(response);
    }
}
