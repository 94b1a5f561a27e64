package dev.gatehouse.common.client;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.gatehouse.common.problem.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * A service token from auth-service (client credentials), shared by every outgoing call of this service and renewed
 * shortly before it expires. Concurrent callers share one fetch; a failed fetch is retried by the next caller.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);

    private final Uni<String> token;
    private volatile Instant renewAt = Instant.EPOCH;

    public ServiceTokens(@RestClient TokenEndpoint endpoint, ServiceClientConfig config) {
        this.token = Uni.createFrom().deferred(() -> {
            if (config.id().isEmpty() || config.secret().isEmpty()) {
                return Uni.createFrom().failure(ApiException.unavailable("service_credentials_missing",
                        "This service has no client credentials for calling other services."));
            }
            return endpoint.clientCredentials("client_credentials", config.id().get(), config.secret().get());
        }).invoke(grant -> {
            renewAt = Instant.now().plusSeconds(grant.expiresIn()).minus(config.renewBeforeExpiry());
            LOG.debugf("Service token renewed until %s", renewAt);
        }).map(TokenGrant::accessToken)
                .onFailure().invoke(() -> renewAt = Instant.EPOCH)
                .memoize().until(() -> !Instant.now().isBefore(renewAt));
    }

    /** {@code Bearer <token>}, ready for an Authorization header. */
    public Uni<String> authorization() {
        return token.map(value -> "Bearer " + value);
    }
}
