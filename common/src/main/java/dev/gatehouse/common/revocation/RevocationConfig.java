package dev.gatehouse.common.revocation;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The revocation feed this service polls, so that a revoked session's or a deleted account's access token is refused
 * within seconds rather than at its expiry, without asking auth-service on every request.
 */
@ConfigMapping(prefix = "gatehouse.revocation")
public interface RevocationConfig {

    /**
     * On in every service that accepts people's tokens: the others read auth-service's feed, auth-service reads the
     * table behind it.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * auth-service's base URL; the feed is {@code GET /internal/revocations} there. The service's
     * {@code quarkus.rest-client.revocation-feed.url} reads it.
     */
    Optional<URI> feedUrl();

    /**
     * How often the feed is polled (read by the poller's {@code @Scheduled}). A revocation takes effect here at most
     * this long, plus one answer of the feed, after auth-service recorded it.
     */
    @WithDefault("2s")
    String pollEvery();
}
