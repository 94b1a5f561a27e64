package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.auth.RefreshToken;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    public Uni<RefreshToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    public Uni<Integer> revokeSession(UUID sessionId, OffsetDateTime now) {
        return update("revoked = true, revokedAt = ?2 where sessionId = ?1 and revoked = false", sessionId, now);
    }

    public Uni<Integer> revokeAllOfUser(UUID userId, OffsetDateTime now) {
        return update("revoked = true, revokedAt = ?2 where userId = ?1 and revoked = false", userId, now);
    }

    /** Revokes the refresh tokens of every session of the user but {@code keepSession}. */
    public Uni<Integer> revokeAllOfUserExcept(UUID userId, UUID keepSession, OffsetDateTime now) {
        if (keepSession == null) {
            return revokeAllOfUser(userId, now);
        }
        return update("revoked = true, revokedAt = ?2 where userId = ?1 and revoked = false and sessionId <> ?3",
                userId, now, keepSession);
    }

    /**
     * Tokens past their expiry are refused before reuse is even considered, so deleting them loses no theft signal;
     * spent tokens that have not expired stay, because presenting one of them is what reveals a stolen token.
     */
    public Uni<Long> deleteExpiredBefore(OffsetDateTime cutoff) {
        return delete("expiresAt < ?1", cutoff);
    }
}
