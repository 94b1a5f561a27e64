package dev.gatehouse.common.revocation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What this service knows to be revoked: session ids and user ids, each until no access token it concerns can
 * still be valid. Filled by {@link RevocationFeedPoller}, read on every authenticated request (a map lookup).
 */
@ApplicationScoped
public class RevokedTokens {

    private final Map<UUID, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> users = new ConcurrentHashMap<>();

    /** Whether a token with this {@code sid} and {@code sub} must be refused; either may be null. */
    public boolean isRevoked(UUID sessionId, UUID userId) {
        return (sessionId != null && sessions.containsKey(sessionId)) || (userId != null && users.containsKey(userId));
    }

    /** Adds a page of the feed (entries already known are kept once) and forgets entries past their time. */
    void apply(RevocationFeedPage page, Instant now) {
        for (RevocationFeedPage.Entry entry : page.revocations()) {
            Instant until = entry.expiresAt().toInstant();
            if (!until.isAfter(now)) {
                continue;
            }
            if (entry.sessionId() != null) {
                sessions.merge(entry.sessionId(), until, (a, b) -> a.isAfter(b) ? a : b);
            } else if (entry.userId() != null) {
                users.merge(entry.userId(), until, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        sessions.values().removeIf(until -> !until.isAfter(now));
        users.values().removeIf(until -> !until.isAfter(now));
    }

    int size() {
        return sessions.size() + users.size();
    }
}
