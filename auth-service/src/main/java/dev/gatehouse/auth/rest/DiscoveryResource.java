package dev.gatehouse.auth.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import dev.gatehouse.auth.config.AuthConfig;

/**
 * The discovery document (OpenID Connect Discovery 1.0, RFC 8414's metadata names), so that a standard JWT library
 * configured with the issuer finds the keys and the algorithm by itself. It lists only what Gatehouse does: tokens are
 * issued by its own API, not by an OAuth authorization endpoint, so no such endpoint is advertised. Libraries that
 * compare the issuer with the URL they fetched this from need {@code JWT_ISSUER} set to the public base URL.
 */
// A client that hangs up must not cancel work that holds a transaction: it finishes or rolls back.
@Cancellable(false)
@Path("/.well-known/openid-configuration")
public class DiscoveryResource {

    static final String JWKS_PATH = "/.well-known/jwks.json";

    private final AuthConfig config;

    public DiscoveryResource(AuthConfig config) {
        this.config = config;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenID discovery: issuer, JWKS URI and signing algorithms")
    @APIResponse(responseCode = "200", description = "The discovery document")
    @APIResponse(responseCode = "503", description = "Not available right now")
    public RestResponse<Map<String, Object>> discovery() {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", config.jwt().issuer());
        document.put("jwks_uri", base + JWKS_PATH);
        document.put("id_token_signing_alg_values_supported", List.of("ES256"));
        document.put("subject_types_supported", List.of("public"));
        document.put("claims_supported", List.of("iss", "aud", "sub", "sid", "exp", "iat", "jti", "email",
                "email_verified", "phone_number", "phone_number_verified", "groups"));
        document.put("service_documentation", base + "/q/openapi");
        return RestResponse.ResponseBuilder.ok(document).header("Cache-Control", "public, max-age=300").build();
    }
}
