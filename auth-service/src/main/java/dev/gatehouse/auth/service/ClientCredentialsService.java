package dev.gatehouse.auth.service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.config.AuthConfig;
import dev.gatehouse.auth.rest.dto.ServiceTokenResponse;
import dev.gatehouse.auth.security.OpaqueTokens;
import dev.gatehouse.auth.security.TokenIssuer;
import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;

/** The OAuth 2.0 client credentials grant (RFC 6749 section 4.4) for calls between services. */
@ApplicationScoped
public class ClientCredentialsService {

    public static final String GRANT_TYPE = "client_credentials";

    private final AuthConfig config;
    private final TokenIssuer issuer;

    public ClientCredentialsService(AuthConfig config, TokenIssuer issuer) {
        this.config = config;
        this.issuer = issuer;
    }

    /**
     * Issues a service token. {@code scope} (optional, space-separated) narrows the token to a subset of the client's
     * scopes; asking for one the client was not granted is RFC 6749's {@code invalid_scope}.
     */
    public ServiceTokenResponse issue(String grantType, String clientId, String clientSecret, String scope) {
        if (grantType == null || grantType.isBlank() || clientId == null || clientSecret == null) {
            throw oauthError(400, "invalid_request", "grant_type, client_id and client_secret are required.");
        }
        if (!GRANT_TYPE.equals(grantType)) {
            throw oauthError(400, "unsupported_grant_type", "Only the client_credentials grant is served here.");
        }
        AuthConfig.Client client = config.clients().get(clientId);
        // Compare even when the client is unknown, so timing does not reveal which client ids exist.
        String expected = client == null ? "" : client.secret().orElse("");
        boolean matches = OpaqueTokens.sameSecret(expected, clientSecret);
        if (client == null || expected.isEmpty() || !matches) {
            throw oauthError(401, "invalid_client", "Unknown client or wrong secret.");
        }
        Set<String> granted = new TreeSet<>(client.scopes().orElse(List.of()));
        Set<String> scopes = granted;
        if (scope != null && !scope.isBlank()) {
            scopes = new TreeSet<>(Arrays.asList(scope.trim().split("\\s+")));
            if (!granted.containsAll(scopes)) {
                throw oauthError(400, "invalid_scope", "The client was not granted every scope it asked for.");
            }
        }
        TokenIssuer.SignedToken token = issuer.serviceToken(clientId, scopes);
        return new ServiceTokenResponse(token.token(), "Bearer", token.expiresInSeconds(), String.join(" ", scopes));
    }

    /** A problem that also carries RFC 6749's {@code error} member, which OAuth client libraries read. */
    private static ApiException oauthError(int status, String code, String detail) {
        String title = status == 401 ? "Unauthorized" : "Bad Request";
        return new ApiException(Problem.of(status, code, title, detail).withExtensions(Map.of("error", code)));
    }
}
