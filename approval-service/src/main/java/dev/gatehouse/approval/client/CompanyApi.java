package dev.gatehouse.approval.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * The company-service call this service makes with the caller's own token. Only {@link CompanyDirectory} uses it: it
 * owns the retries and the meaning of company-service's errors here. The calls made with this service's own token
 * are the {@code company-api} contract's {@code CompanyMembersApi}.
 */
@RegisterRestClient(configKey = "company-service")
@Produces(MediaType.APPLICATION_JSON)
interface CompanyApi {

    /** Read with the caller's own token: a person may only learn what company-service shows that person. */
    @GET
    @Path("/companies/{companyId}")
    Uni<CompanyView> company(@PathParam("companyId") String companyId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /**
     * Any non-2xx answer becomes a {@link CompanyServiceException} with the problem's {@code code} when the body is a
     * Gatehouse problem. The body is read as text and parsed here, because problem+json is not plain JSON to every
     * reader and a proxy in between may answer with HTML.
     */
    @ClientExceptionMapper
    static CompanyServiceException toException(Response response) {
        String code = null;
        try {
            if (response.hasEntity()) {
                JsonNode problem = Json.MAPPER.readTree(response.readEntity(String.class));
                if (problem != null && problem.hasNonNull("code")) {
                    code = problem.get("code").asText();
                }
            }
        } catch (Exception notAProblem) {
            // The status alone then decides.
        }
        return new CompanyServiceException(response.getStatus(), code);
    }

    /** A plain mapper for error bodies; the static mapper method above cannot have one injected. */
    final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {
        }
    }
}
