package dev.gatehouse.auth.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.security.SigningKeys;

/** The public keys every other service verifies tokens with (RFC 7517). */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/.well-known/jwks.json")
public class JwksResource {

    static final String JWK_SET_JSON = "application/jwk-set+json";

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    /** Cached briefly: verifiers refetch on an unknown kid anyway, and rotation publishes keys well ahead of use. */
    @GET
    @PermitAll
    @Produces({ "application/json", JWK_SET_JSON })
    @Operation(summary = "The public keys that verify Gatehouse tokens (JWKS)")
    @APIResponse(responseCode = "200", description = "The key set, each key with its kid")
    @APIResponse(responseCode = "503", description = "The keys cannot be read right now")
    public RestResponse<String> jwks() {
        return RestResponse.ResponseBuilder.ok(keys.publicJwks(), "application/json")
                .header("Cache-Control", "public, max-age=300").build();
    }
}
