package dev.gatehouse.auth.repository;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.gatehouse.auth.PasswordReset;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class PasswordResetRepository implements PanacheRepositoryBase<PasswordReset, UUID> {

    /** Locked, so two redemptions of one link run one after the other and only the first one succeeds. */
    public Uni<PasswordReset> findByTokenHashForUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<PasswordReset> findByIdForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<PasswordReset> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    /**
     * The code reset a person is answering (idx_password_resets_email_status). Locked, so concurrent guesses are
     * counted one after the other and cannot exceed the attempts allowed.
     */
    public Uni<PasswordReset> findLatestPendingCodeForUpdate(String email) {
        return find("email = ?1 and status = ?2 and resetType = ?3", Sort.descending("createdAt"), email,
                PasswordReset.PENDING, PasswordReset.EMAIL_OTP).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Locks the account's row until the transaction ends, so two forgot-password requests for one account run one
     * after the other: the hourly limit holds under a burst, and only one reset is left pending. {@code NO KEY}
     * leaves the row free for inserts that merely reference it (a login opening a session).
     */
    public Uni<Void> lockAccount(UUID userId) {
        return getSession().flatMap(session -> session
                .createNativeQuery("select 1 from users where id = ?1 for no key update", Integer.class)
                .setParameter(1, userId).getSingleResultOrNull())
                .replaceWithVoid();
    }

    /** Resets requested for an address since a moment, whatever became of them. */
    public Uni<Long> countRequestedSince(String email, LocalDateTime since) {
        return count("email = ?1 and createdAt >= ?2", email, since);
    }

    /** Ends every pending reset of the user but one ({@code keep} may be null). */
    public Uni<Integer> revokePending(UUID userId, UUID keep) {
        return keep == null
                ? update("status = ?2 where userId = ?1 and status = ?3", userId, PasswordReset.REVOKED,
                        PasswordReset.PENDING)
                : update("status = ?2 where userId = ?1 and status = ?3 and id <> ?4", userId,
                        PasswordReset.REVOKED, PasswordReset.PENDING, keep);
    }

    public Uni<Integer> revokeIfPending(UUID id) {
        return update("status = ?2 where id = ?1 and status = ?3", id, PasswordReset.REVOKED, PasswordReset.PENDING);
    }

    /** Resets whose link or code expired before the cutoff (seed 004 keeps UTC in a plain TIMESTAMP). */
    public Uni<Long> deleteExpiredBefore(LocalDateTime cutoffUtc) {
        return delete("expiresAt < ?1", cutoffUtc);
    }
}
