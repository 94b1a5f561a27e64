package dev.gatehouse.otp.repository;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.gatehouse.otp.DestinationGuard;
import dev.gatehouse.otp.api.OtpType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class DestinationGuardRepository implements PanacheRepositoryBase<DestinationGuard, DestinationGuard.Key> {

    private static final String ENSURE = "INSERT INTO otp_destination_guards (destination, type, updated_at) "
            + "VALUES (:destination, :type, :now) ON CONFLICT (destination, type) DO NOTHING";

    /**
     * The guard of this destination and type, created when missing and locked until the transaction ends: every
     * verification of the destination and type waits for the one before it, so parallel guesses cannot slip past
     * the cap together.
     */
    public Uni<DestinationGuard> lockFor(String destination, OtpType type, OffsetDateTime now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(ENSURE)
                .setParameter("destination", destination)
                .setParameter("type", type.name())
                .setParameter("now", now)
                .executeUpdate())
                .chain(() -> findById(new DestinationGuard.Key(destination, type), LockModeType.PESSIMISTIC_WRITE));
    }

    /** The guard without a lock, or {@code null}: for a quick refusal before anything is sent. */
    public Uni<DestinationGuard> peek(String destination, OtpType type) {
        return findById(new DestinationGuard.Key(destination, type));
    }

    /** Drops guards that neither count nor lock any more. */
    public Uni<Long> deleteIdleBefore(OffsetDateTime windowCutoff, OffsetDateTime now) {
        return delete("(lockedUntil is null or lockedUntil <= ?1) and (windowStartedAt is null or windowStartedAt < ?2)",
                now, windowCutoff);
    }
}
