package dev.gatehouse.otp.repository;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The fixed-window counters of {@code otp_rate_limits}; plain SQL, because an upsert is not expressible in HQL. */
@ApplicationScoped
@WithSession
public class RateLimitRepository {

    private static final String INCREMENT = "INSERT INTO otp_rate_limits (key, window_start, count) "
            + "VALUES (:key, :windowStart, 1) "
            + "ON CONFLICT (key, window_start) DO UPDATE SET count = otp_rate_limits.count + 1 "
            + "RETURNING count";

    /**
     * Adds one to the window's counter and returns the new count, in one statement: concurrent requests serialise
     * on the row and none of their increments is lost.
     */
    public Uni<Integer> increment(String key, OffsetDateTime windowStart) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INCREMENT, Integer.class)
                .setParameter("key", key)
                .setParameter("windowStart", windowStart)
                .getSingleResult());
    }

    public Uni<Integer> deleteWindowsBefore(OffsetDateTime cutoff) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("DELETE FROM otp_rate_limits WHERE window_start < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }
}
