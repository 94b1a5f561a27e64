package dev.gatehouse.common.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import io.smallrye.mutiny.Uni;

/**
 * Fixed-window rate limits counted in a PostgreSQL table of the service that uses them, so every replica shares
 * one counter per key and window.
 * <p>
 * A request adds one to its counter with a single {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}: concurrent
 * requests serialise on the counter row and none of their increments is lost, so a limit holds however many requests
 * race. The counter is written in the caller's transaction and its row stays locked until that transaction ends:
 * when a limit refuses (or anything else fails), the rollback takes the increments back, so a counter tells how many
 * requests were accepted, and a refused request leaves nothing behind.
 * <p>
 * The table belongs to the service and is created by its own migration:
 *
 * <pre>
 * CREATE TABLE rate_limits
 * (
 *     key          VARCHAR(400) NOT NULL,
 *     window_start TIMESTAMPTZ  NOT NULL,
 *     count        INTEGER      NOT NULL DEFAULT 0,
 *     PRIMARY KEY (key, window_start),
 *     CONSTRAINT rate_limits_count_nonnegative CHECK (count &gt;= 0)
 * );
 * CREATE INDEX idx_rate_limits_window_start ON rate_limits (window_start);
 * </pre>
 */
public final class FixedWindowLimiter {

    /** The table name most services use; a service may keep a name of its own. */
    public static final String DEFAULT_TABLE = "rate_limits";

    private static final Pattern TABLE_NAME = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final Comparator<RateLimit.Charge> LOCK_ORDER = Comparator.comparing(RateLimit.Charge::key)
            .thenComparing(charge -> charge.limit().window());

    private final String table;
    private final String increment;
    private final String deleteBefore;

    /** @param table the counter table; a plain lower-case SQL identifier, since it is written into the SQL */
    public FixedWindowLimiter(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a plain table name: " + table);
        }
        this.table = table;
        this.increment = "INSERT INTO " + table + " (key, window_start, count) VALUES (:key, :windowStart, 1) "
                + "ON CONFLICT (key, window_start) DO UPDATE SET count = " + table + ".count + 1 RETURNING count";
        this.deleteBefore = "DELETE FROM " + table + " WHERE window_start < :cutoff";
    }

    public String table() {
        return table;
    }

    /**
     * Counts one request under {@code key}, or fails with 429 {@code rate_limited} (and {@code Retry-After} until the
     * window ends) when that makes more than the limit allows. Must run inside a transaction of {@code session}.
     */
    public Uni<Void> consume(Mutiny.Session session, RateLimit.Charge charge, OffsetDateTime now) {
        RateLimit limit = charge.limit();
        OffsetDateTime windowStart = windowStart(now.toInstant(), limit.window());
        return increment(session, charge.key(), windowStart).map(count -> {
            if (count > limit.max()) {
                throw rateLimited(limit.detail(), Duration.between(now, windowStart.plus(limit.window())),
                        limit.name());
            }
            return null;
        });
    }

    /**
     * Counts one request against every charge, stopping at the first refusal; the caller's rollback then takes the
     * earlier increments back. Counters are taken in one fixed order (by key), so two transactions charging the same
     * counters cannot deadlock on them.
     */
    public Uni<Void> consumeAll(Mutiny.Session session, List<RateLimit.Charge> charges, OffsetDateTime now) {
        List<RateLimit.Charge> ordered = charges.stream().sorted(LOCK_ORDER).toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RateLimit.Charge charge : ordered) {
            chain = chain.chain(() -> consume(session, charge, now));
        }
        return chain;
    }

    /** Adds one to the counter of {@code key} in the window starting at {@code windowStart}; the new count. */
    public Uni<Integer> increment(Mutiny.Session session, String key, OffsetDateTime windowStart) {
        Objects.requireNonNull(key, "key");
        return session.createNativeQuery(increment, Integer.class)
                .setParameter("key", key)
                .setParameter("windowStart", windowStart)
                .getSingleResult();
    }

    /** Drops windows that started before {@code cutoff}; pass now minus the longest window in use. */
    public Uni<Integer> deleteWindowsBefore(Mutiny.Session session, OffsetDateTime cutoff) {
        return session.createNativeQuery(deleteBefore).setParameter("cutoff", cutoff).executeUpdate();
    }

    /** The start of the window {@code now} falls in; aligned to the epoch, so equal on every replica. */
    public static OffsetDateTime windowStart(Instant now, Duration window) {
        long size = window.toMillis();
        long start = Math.floorDiv(now.toEpochMilli(), size) * size;
        return Instant.ofEpochMilli(start).atOffset(ZoneOffset.UTC);
    }

    /** 429 {@code rate_limited} with {@code Retry-After}; the {@code limit} extension names the limit. */
    public static ApiException rateLimited(String detail, Duration retryAfter, String limit) {
        return new ApiException(Problem.of(429, "rate_limited", "Too Many Requests", detail)
                .withExtensions(Map.of("limit", limit)), retryAfter);
    }
}
