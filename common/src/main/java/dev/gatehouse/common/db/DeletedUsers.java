package dev.gatehouse.common.db;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Deleted accounts, in the {@code deleted_users (user_id, deleted_at)} table of every service that keeps data about
 * people (company- and approval-service), and the per-person transaction lock that orders "this person creates, asks
 * or joins something" against "this person was deleted". Writers for a person take the lock shared, the deletion takes
 * it exclusive, so a write made at the same moment as the deletion is either seen and removed by it, or refused.
 * <p>
 * Runs in the caller's transaction (the lock is held until it ends); a service without such a table never uses it.
 */
@ApplicationScoped
@WithSession
public class DeletedUsers {

    /** The first key of the two-key advisory lock: keeps these locks apart from any other advisory lock. */
    private static final int PERSON_LOCK_SPACE = 0x67680001;

    /** Waits until no deletion of this person is in progress; held until the transaction ends. */
    public Uni<Void> lockShared(UUID userId) {
        return lock("pg_advisory_xact_lock_shared", userId);
    }

    /** Waits until no other transaction writes for this person; held until the transaction ends. */
    public Uni<Void> lockExclusive(UUID userId) {
        return lock("pg_advisory_xact_lock", userId);
    }

    /**
     * Whether the account was deleted. Run it as its own statement after taking the lock: a statement sees what was
     * committed when it started, so a check inside the locking statement could miss a deletion it waited for.
     */
    public Uni<Boolean> isDeleted(UUID userId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM deleted_users WHERE user_id = ?1", Long.class)
                .setParameter(1, userId).getSingleResult())
                .map(found -> found > 0);
    }

    /** Records the deletion; a repeated record keeps the first time. */
    public Uni<Integer> record(UUID userId, OffsetDateTime deletedAt) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO deleted_users (user_id, deleted_at) VALUES (?1, ?2)"
                        + " ON CONFLICT (user_id) DO NOTHING")
                .setParameter(1, userId).setParameter(2, deletedAt).executeUpdate());
    }

    private static Uni<Void> lock(String function, UUID userId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM (SELECT " + function + "(?1, ?2)) AS locked", Long.class)
                .setParameter(1, PERSON_LOCK_SPACE).setParameter(2, userId.hashCode()).getSingleResult())
                .replaceWithVoid();
    }
}
