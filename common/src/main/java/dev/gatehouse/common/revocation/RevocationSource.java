package dev.gatehouse.common.revocation;

import io.smallrye.mutiny.Uni;

/**
 * Where {@link RevocationFeedPoller} reads revocations from: auth-service's feed over HTTP in the services that trust
 * its tokens ({@link HttpRevocationSource}), its own table in auth-service.
 */
public interface RevocationSource {

    /** Revocations since {@code cursor} (the {@code asOf} of the previous page); every current one if null. */
    Uni<RevocationFeedPage> since(String cursor);
}
