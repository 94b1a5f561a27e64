package dev.gatehouse.otp.repository;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import dev.gatehouse.otp.DestinationGuard;
import dev.gatehouse.otp.api.OtpType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The statements on {@code otp_destination_guards}, each one round trip. */
@ApplicationScoped
public class DestinationGuardRepository {

    private static final String COLUMNS = "destination, type, wrong_count, window_started_at, locked_until, updated_at";

    /**
     * The guard of this destination and type, created when missing and locked until the transaction ends, in one
     * statement (an upsert locks the row it inserts or updates): every verification of the destination and type
     * waits for the one before it, so parallel guesses cannot slip past the cap together.
     */
    public Uni<DestinationGuard> lockFor(Transaction transaction, String destination, OtpType type,
            OffsetDateTime now) {
        return transaction.first("INSERT INTO otp_destination_guards (destination, type, updated_at)"
                + " VALUES ($1, $2, $3) ON CONFLICT (destination, type) DO UPDATE SET wrong_count = otp_destination_guards.wrong_count"
                + " RETURNING " + COLUMNS, Tuple.of(destination, type.name(), now), DestinationGuard::from);
    }

    /** The guard without a lock, or {@code null}: for a quick refusal before anything is sent. */
    public Uni<DestinationGuard> peek(Sql sql, String destination, OtpType type) {
        return sql.first("SELECT " + COLUMNS + " FROM otp_destination_guards"
                + " WHERE destination = $1 AND type = $2", Tuple.of(destination, type.name()), DestinationGuard::from);
    }

    /** Writes back a guard read with {@link #lockFor} after a guess counted or cleared it. */
    public Uni<Void> save(Transaction transaction, DestinationGuard guard) {
        return transaction.execute("UPDATE otp_destination_guards SET wrong_count = $3, window_started_at = $4,"
                + " locked_until = $5, updated_at = $6 WHERE destination = $1 AND type = $2",
                Tuple.of(guard.destination, guard.type.name(), guard.wrongCount, guard.windowStartedAt,
                        guard.lockedUntil, guard.updatedAt))
                .replaceWithVoid();
    }

    /** Drops guards that neither count nor lock any more. */
    public Uni<Integer> deleteIdleBefore(Sql sql, OffsetDateTime windowCutoff, OffsetDateTime now) {
        return sql.execute("DELETE FROM otp_destination_guards WHERE (locked_until IS NULL OR locked_until <= $1)"
                + " AND (window_started_at IS NULL OR window_started_at < $2)", Tuple.of(now, windowCutoff))
                .map(RowSet::rowCount);
    }
}
