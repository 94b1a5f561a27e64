package dev.gatehouse.auth.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * token_revocations, written by database triggers when a session is revoked or an account deleted; read here for
 * the revocation feed. No entity: the application never writes the table.
 */
@ApplicationScoped
public class TokenRevocationRepository {

    /** One revocation: {@code sessionId} null means every token of the user. */
    public record Revocation(UUID sessionId, UUID userId, String reason, OffsetDateTime revokedAt) {
    }

    /** Revocations recorded after {@code after}, oldest first, at most {@code limit}. */
    @WithSession
    public Uni<List<Revocation>> recordedAfter(OffsetDateTime after, int limit) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT session_id, user_id, reason, revoked_at FROM token_revocations"
                        + " WHERE revoked_at > ?1 ORDER BY revoked_at, id LIMIT ?2", Object[].class)
                .setParameter(1, after).setParameter(2, limit).getResultList())
                .map(rows -> rows.stream().map(TokenRevocationRepository::revocation).toList());
    }

    /** The database's clock, which wrote {@code revoked_at}: the feed's cursor is on that clock, not ours. */
    @WithSession
    public Uni<OffsetDateTime> now() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT clock_timestamp()", OffsetDateTime.class).getSingleResult());
    }

    @WithSession
    public Uni<Integer> deleteRecordedBefore(OffsetDateTime cutoff) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM token_revocations WHERE revoked_at < ?1").setParameter(1, cutoff)
                .executeUpdate());
    }

    private static Revocation revocation(Object[] row) {
        return new Revocation((UUID) row[0], (UUID) row[1], (String) row[2], toOffset(row[3]));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
