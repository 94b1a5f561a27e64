package dev.gatehouse.auth.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.rest.dto.UserResponse;
import dev.gatehouse.auth.service.UserSearchService;
import dev.gatehouse.common.rest.PageResponse;
import dev.gatehouse.common.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/**
 * Platform administrators find people by their backgrounds (flow 6): every given filter must match, none given lists
 * everyone. The role comes from the token's {@code groups}, which are read from {@code users.roles} at sign-in.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/users")
@RolesAllowed(TokenClaims.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserSearchResource {

    private final UserSearchService search;

    public UserSearchResource(UserSearchService search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Find people by programming language, framework, platform or device type (platform admins)")
    @APIResponse(responseCode = "200", description = "A page of people")
    @APIResponse(responseCode = "400", description = "validation_failed: invalid fields, listed in errors")
    @APIResponse(responseCode = "401", description = "unauthorized: no valid bearer token")
    @APIResponse(responseCode = "403", description = "forbidden: platform admins only")
    public Uni<PageResponse<UserResponse>> find(@QueryParam("language") String language,
            @QueryParam("framework") String framework, @QueryParam("platform") String platform,
            @QueryParam("deviceType") String deviceType, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        SearchQuery query = SearchQuery.parse(language, framework, platform, deviceType, page, size);
        return search.find(query.filter(), query.page(), query.size())
                .map(found -> PageResponse.of(found.items().stream().map(UserResponse::of).toList(), query.page(),
                        query.size(), found.totalItems()));
    }
}
