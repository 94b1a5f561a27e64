package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gatehouse.common.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * token_revocations, written by database triggers when a session is revoked or an account deleted; read here for
 * the revocation feed. The application never writes the table.
 */
@ApplicationScoped
public class TokenRevocationRepository {

    /** One revocation: {@code sessionId} null means every token of the user. */
    public record Revocation(UUID sessionId, UUID userId, String reason, OffsetDateTime revokedAt) {

        static Revocation from(Row row) {
            return new Revocation(row.getUUID("session_id"), row.getUUID("user_id"), row.getString("reason"),
                    row.getOffsetDateTime("revoked_at"));
        }
    }

    /** Revocations recorded after {@code after}, oldest first, at most {@code limit}. */
    public Uni<List<Revocation>> recordedAfter(Sql sql, OffsetDateTime after, int limit) {
        return sql.all("SELECT session_id, user_id, reason, revoked_at FROM token_revocations"
                + " WHERE revoked_at > $1 ORDER BY revoked_at, id LIMIT $2", Tuple.of(after, limit), Revocation::from);
    }

    /** The database's clock, which wrote {@code revoked_at}: the feed's cursor is on that clock, not ours. */
    public Uni<OffsetDateTime> now(Sql sql) {
        return sql.first("SELECT clock_timestamp() AS now", Tuple.tuple(), row -> row.getOffsetDateTime("now"));
    }

    public Uni<Integer> deleteRecordedBefore(Sql sql, OffsetDateTime cutoff) {
        return sql.execute("DELETE FROM token_revocations WHERE revoked_at < $1", Tuple.of(cutoff))
                .map(RowSet::rowCount);
    }
}
