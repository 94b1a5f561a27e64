package dev.gatehouse.auth.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.gatehouse.auth.service.revocation.RevocationFeed;

/**
 * {@code GET /internal/revocations}: revoked sessions ({@code sessionId} set: refuse tokens whose {@code sid} is it)
 * and deleted accounts ({@code sessionId} null: refuse every token whose {@code sub} is {@code userId}), oldest
 * first. An entry can be forgotten after its {@code expiresAt}. Pass {@code asOf} back as {@code since}.
 */
public record RevocationFeedResponse(OffsetDateTime asOf, List<Entry> revocations) {

    public record Entry(UUID sessionId, UUID userId, String reason, OffsetDateTime revokedAt,
            OffsetDateTime expiresAt) {
    }

    public static RevocationFeedResponse of(RevocationFeed.Page page) {
        return new RevocationFeedResponse(page.asOf(), page.revocations().stream()
                .map(r -> new Entry(r.sessionId(), r.userId(), r.reason(), r.revokedAt(),
                        page.expiresAt(r)))
                .toList());
    }
}
