package dev.gatehouse.auth.service.revocation;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.revocation.RevocationFeedPage;
import dev.gatehouse.common.revocation.RevocationSource;
import io.smallrye.mutiny.Uni;

/**
 * auth-service refuses the access tokens of revoked sessions and deleted accounts the way every other service does,
 * from the same feed, read from its own table instead of over HTTP: a token stays refused from the poll after its
 * session ended, although its signature is valid until it expires.
 */
@ApplicationScoped
public class LocalRevocationSource implements RevocationSource {

    private final RevocationFeed feed;

    public LocalRevocationSource(RevocationFeed feed) {
        this.feed = feed;
    }

    @Override
    public Uni<RevocationFeedPage> since(String cursor) {
        return feed.since(Optional.ofNullable(cursor).map(OffsetDateTime::parse))
                .map(page -> new RevocationFeedPage(page.asOf().toString(), page.revocations().stream()
                        .map(revocation -> new RevocationFeedPage.Entry(revocation.sessionId(), revocation.userId(),
                                revocation.reason(), revocation.revokedAt(),
                                page.expiresAt(revocation)))
                        .toList()));
    }
}
