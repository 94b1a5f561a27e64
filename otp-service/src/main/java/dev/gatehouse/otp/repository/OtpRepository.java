package dev.gatehouse.otp.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.gatehouse.otp.Otp;
import dev.gatehouse.otp.RevokeReason;
import dev.gatehouse.otp.api.OtpStatus;
import dev.gatehouse.otp.api.OtpType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class OtpRepository implements PanacheRepositoryBase<Otp, UUID> {

    /**
     * Locks the row until the transaction ends, so concurrent guesses are counted one after the other and can never
     * exceed {@code max_attempts} together.
     */
    public Uni<Otp> findByIdForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The code most recently handed to a provider for this destination and type. Codes that were never delivered
     * do not count: nobody received them, so they start no cooldown.
     */
    public Uni<Otp> latestSent(String destination, OtpType type) {
        return find("destination = ?1 and type = ?2 and lastSentAt is not null "
                + "and (revokeReason is null or revokeReason <> ?3) order by lastSentAt desc",
                destination, type, RevokeReason.DELIVERY_FAILED.column()).firstResult();
    }

    /**
     * Serialises issuing for one subject, destination and type until the transaction ends. Without it, a new code
     * whose insert waits on the unique index for another transaction's revocation could deadlock with that
     * transaction waiting for the rate-limit counters the first one already holds.
     */
    public Uni<Void> lockIssuing(UUID subjectId, String destination, OtpType type) {
        String key = "otp-issue:" + subjectId + ":" + type.name() + ":" + destination;
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))", Integer.class)
                .setParameter("key", key)
                .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Revokes the subject's pending code of this destination and type, if any, before a new one is issued. Other
     * subjects' codes for the same destination stay: one company cannot cancel another's verification of a phone
     * number they share.
     */
    public Uni<Integer> revokePending(UUID subjectId, String destination, OtpType type, OffsetDateTime now) {
        String set = "status = ?1, revokedAt = ?2, revokeReason = ?3 where destination = ?4 and type = ?5 "
                + "and status = ?6 and ";
        if (subjectId == null) {
            return update(set + "subjectId is null", OtpStatus.REVOKED, now, RevokeReason.SUPERSEDED.column(),
                    destination, type, OtpStatus.PENDING);
        }
        return update(set + "subjectId = ?7", OtpStatus.REVOKED, now, RevokeReason.SUPERSEDED.column(), destination,
                type, OtpStatus.PENDING, subjectId);
    }

    /** Revokes a code whose message the provider did not take, unless something else already ended it. */
    public Uni<Integer> revokeUndelivered(UUID id, OffsetDateTime now) {
        return update("status = ?1, revokedAt = ?2, revokeReason = ?3 where id = ?4 and status = ?5",
                OtpStatus.REVOKED, now, RevokeReason.DELIVERY_FAILED.column(), id, OtpStatus.PENDING);
    }

    /** Marks pending codes whose time ran out, so the status column tells the truth without a verify call. */
    public Uni<Integer> expireOverdue(OffsetDateTime now) {
        return update("status = ?1 where status = ?2 and expiresAt <= ?3", OtpStatus.EXPIRED, OtpStatus.PENDING,
                now);
    }

    /** Drops finished codes older than the retention; their delivery attempts go with them (ON DELETE CASCADE). */
    public Uni<Long> deleteFinishedBefore(OffsetDateTime cutoff) {
        return delete("status <> ?1 and createdAt < ?2", OtpStatus.PENDING, cutoff);
    }
}
