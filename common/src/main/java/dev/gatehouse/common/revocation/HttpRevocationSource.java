package dev.gatehouse.common.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** auth-service's revocation feed, over HTTP with this service's token; replaced in auth-service itself. */
@ApplicationScoped
@DefaultBean
public class HttpRevocationSource implements RevocationSource {

    private final Instance<RevocationFeedApi> api;

    /** {@code api} is looked up only when polled: a service that does not poll configures no client for it. */
    public HttpRevocationSource(@RestClient Instance<RevocationFeedApi> api) {
        this.api = api;
    }

    @Override
    public Uni<RevocationFeedPage> since(String cursor) {
        return api.get().since(cursor);
    }
}
