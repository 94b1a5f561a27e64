package dev.gatehouse.auth.client;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Puts auth-service's own service token on every call of the REST clients it is registered for
 * ({@code quarkus.rest-client.<service>.providers}); the other services use the OIDC client filter for the same job.
 * The token bean is looked up when the first call needs it, so the filter works however the client creates it.
 */
public class OwnServiceTokenFilter implements ClientRequestFilter {

    private volatile OwnServiceToken token;

    @Override
    public void filter(ClientRequestContext request) {
        OwnServiceToken own = token;
        if (own == null) {
            own = CDI.current().select(OwnServiceToken.class).get();
            token = own;
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, own.authorization());
    }
}
