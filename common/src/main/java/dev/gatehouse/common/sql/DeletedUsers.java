package dev.gatehouse.common.sql;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deleted accounts, in the {@code deleted_users (user_id, deleted_at)} table of every service that keeps data about
 * people, and the per-person transaction lock that orders "this person creates, asks or joins something" against
 * "this person was deleted". Writers for a person take the lock shared, the deletion takes it exclusive, so a write
 * made at the same moment as the deletion is either seen and removed by it, or refused.
 * <p>
 * The locks are transaction locks: pass an open transaction, and they are held until it ends.
 */
public final class DeletedUsers {

    /** The first key of the two-key advisory lock: keeps these locks apart from any other advisory lock. */
    private static final int PERSON_LOCK_SPACE = 0x67680001;

    private DeletedUsers() {
    }

    /** Waits until no deletion of this person is in progress; held until the transaction ends. */
    public static Uni<Void> lockShared(Transaction transaction, UUID userId) {
        return lock(transaction, "pg_advisory_xact_lock_shared", userId);
    }

    /** Waits until no other transaction writes for this person; held until the transaction ends. */
    public static Uni<Void> lockExclusive(Transaction transaction, UUID userId) {
        return lock(transaction, "pg_advisory_xact_lock", userId);
    }

    /**
     * Whether the account was deleted. Run it as its own statement after taking the lock: a statement sees what was
     * committed when it started, so a check inside the locking statement could miss a deletion it waited for.
     */
    public static Uni<Boolean> isDeleted(Sql sql, UUID userId) {
        return sql.first("SELECT EXISTS (SELECT 1 FROM deleted_users WHERE user_id = $1)", Tuple.of(userId),
                row -> row.getBoolean(0));
    }

    /** Records the deletion; a repeated record keeps the first time. Returns whether this was the first record. */
    public static Uni<Boolean> record(Sql sql, UUID userId, OffsetDateTime deletedAt) {
        return sql.execute("INSERT INTO deleted_users (user_id, deleted_at) VALUES ($1, $2)"
                + " ON CONFLICT (user_id) DO NOTHING", Tuple.of(userId, deletedAt))
                .map(rows -> rows.rowCount() > 0);
    }

    private static Uni<Void> lock(Transaction transaction, String function, UUID userId) {
        return transaction.execute("SELECT " + function + "($1, $2)", Tuple.of(PERSON_LOCK_SPACE, userId.hashCode()))
                .replaceWithVoid();
    }
}
