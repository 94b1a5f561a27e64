package dev.gatehouse.common.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
     * Counts one request against every charge in one statement (one round trip however many limits apply), or fails
     * with the first refusal in lock order; the caller's rollback then takes every increment back. Counters are
     * taken in one fixed order (by key), so two transactions charging the same counters cannot deadlock on them.
     */
    public Uni<Void> consumeAll(Mutiny.Session session, List<RateLimit.Charge> charges, OffsetDateTime now) {
        if (charges.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<RateLimit.Charge> ordered = charges.stream().sorted(LOCK_ORDER).toList();
        List<OffsetDateTime> windowStarts = ordered.stream()
                .map(charge -> windowStart(now.toInstant(), charge.limit().window())).toList();
        if (ordered.size() == 1) {
            return consume(session, ordered.get(0), now);
        }
        Set<String> counters = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (!counters.add(ordered.get(i).key() + "@" + windowStarts.get(i))) {
                // One statement cannot update a row twice; the same counter charged twice goes one at a time.
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (RateLimit.Charge charge : ordered) {
                    chain = chain.chain(() -> consume(session, charge, now));
                }
                return chain;
            }
        }
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(incrementMany(ordered.size()), Object[].class);
        for (int i = 0; i < ordered.size(); i++) {
            query.setParameter("key" + i, ordered.get(i).key()).setParameter("windowStart" + i, windowStarts.get(i));
        }
        return query.getResultList().map(rows -> {
            Map<String, Integer> counts = new HashMap<>();
            for (Object[] row : rows) {
                counts.put((String) row[0] + "@" + (Integer) row[2], ((Number) row[1]).intValue());
            }
            for (int i = 0; i < ordered.size(); i++) {
                RateLimit.Charge charge = ordered.get(i);
                Integer count = counts.get(charge.key() + "@" + i);
                if (count == null) {
                    throw new IllegalStateException("No count came back for rate-limit key " + charge.key());
                }
                if (count > charge.limit().max()) {
                    throw rateLimited(charge.limit().detail(),
                            Duration.between(now, windowStarts.get(i).plus(charge.limit().window())),
                            charge.limit().name());
                }
            }
            return null;
        });
    }

    /**
     * The increment of {@link #increment} for {@code n} counters at once. Rows are inserted, and so locked, in the
     * order of the VALUES list (its ordinal says which charge a returned count belongs to).
     */
    private String incrementMany(int n) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
            values.append(i == 0 ? "" : ", ").append("(:key").append(i).append(", cast(:windowStart").append(i)
                    .append(" as timestamptz), ").append(i).append(")");
        }
        return "WITH charges (key, window_start, ordinal) AS (VALUES " + values + ") "
                + "INSERT INTO " + table + " AS counter (key, window_start, count) "
                + "SELECT key, window_start, 1 FROM charges ORDER BY ordinal "
                + "ON CONFLICT (key, window_start) DO UPDATE SET count = counter.count + 1 "
                + "RETURNING key, count, (SELECT c.ordinal FROM charges c WHERE c.key = counter.key "
                + "AND c.window_start = counter.window_start)";
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
