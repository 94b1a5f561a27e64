package dev.gatehouse.common.revocation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One answer of auth-service's revocation feed: revoked sessions ({@code sessionId} set) and deleted accounts
 * ({@code sessionId} null), each to be remembered until {@code expiresAt}, and the cursor for the next poll.
 */
public record RevocationFeedPage(String asOf, List<Entry> revocations) {

    public record Entry(UUID sessionId, UUID userId, String reason, OffsetDateTime revokedAt,
            OffsetDateTime expiresAt) {
    }
}
