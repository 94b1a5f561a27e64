package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.Session;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    public Uni<List<Session>> listActive(UUID userId, OffsetDateTime now) {
        return list("userId = ?1 and revoked = false and expiresAt > ?2", Sort.descending("lastUsedAt"), userId, now);
    }

    public Uni<Integer> revokeAll(UUID userId, OffsetDateTime now, String reason) {
        return update("revoked = true, revokedAt = ?2, revokeReason = ?3 where userId = ?1 and revoked = false", userId,
                now, reason);
    }

    /** Ends every session of the user but {@code keep} (the one a request came from); all of them when it is null. */
    public Uni<Integer> revokeAllExcept(UUID userId, UUID keep, OffsetDateTime now, String reason) {
        if (keep == null) {
            return revokeAll(userId, now, reason);
        }
        return update("revoked = true, revokedAt = ?2, revokeReason = ?3 where userId = ?1 and revoked = false "
                + "and id <> ?4", userId, now, reason, keep);
    }

    /** Sessions that ended (revoked or expired) before the cutoff, with their refresh tokens (ON DELETE CASCADE). */
    public Uni<Long> deleteEndedBefore(OffsetDateTime cutoff) {
        return delete("(revoked = true and revokedAt < ?1) or expiresAt < ?1", cutoff);
    }
}
