package dev.gatehouse.common.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gatehouse.common.problem.ApiException;
import dev.gatehouse.common.problem.Problem;
import dev.gatehouse.common.sql.Sql;
import dev.gatehouse.common.sql.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

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

    /** @param table the counter table; a plain lower-case SQL identifier, since it is written into the SQL */
    public FixedWindowLimiter(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a plain table name: " + table);
        }
        this.table = table;
    }

    public String table() {
        return table;
    }

    /**
     * Counts one request under the charge's key, or fails with 429 {@code rate_limited} (and {@code Retry-After}
     * until the window ends) when that makes more than the limit allows. Must run inside {@code transaction}.
     */
    public Uni<Void> consume(Transaction transaction, RateLimit.Charge charge, OffsetDateTime now) {
        return consumeAll(transaction, List.of(charge), now);
    }

    /**
     * Counts one request against every charge in one statement (one round trip however many limits apply), or fails
     * with the first refusal in lock order; the caller's rollback then takes every increment back. Counters are
     * taken in one fixed order (by key), so two transactions charging the same counters cannot deadlock on them.
     */
    public Uni<Void> consumeAll(Transaction transaction, List<RateLimit.Charge> charges, OffsetDateTime now) {
        if (charges.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<RateLimit.Charge> ordered = charges.stream().sorted(LOCK_ORDER).toList();
        List<OffsetDateTime> windowStarts = ordered.stream()
                .map(charge -> windowStart(now.toInstant(), charge.limit().window())).toList();
        Set<String> counters = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (!counters.add(ordered.get(i).key() + "@" + windowStarts.get(i))) {
                // One statement cannot update a row twice; the same counter charged twice goes one at a time.
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (RateLimit.Charge charge : ordered) {
                    chain = chain.chain(() -> consumeAll(transaction, List.of(charge), now));
                }
                return chain;
            }
        }
        List<Object> parameters = new ArrayList<>(2 * ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            parameters.add(ordered.get(i).key());
            parameters.add(windowStarts.get(i));
        }
        return transaction.execute(incrementAll(ordered.size()), Tuple.from(parameters)).map(rows -> {
            Map<String, Integer> counts = new HashMap<>();
            for (Row row : rows) {
                counts.put(row.getString(0) + "@" + row.getInteger(2), row.getInteger(1));
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

    /** Drops windows that started before {@code cutoff}; pass now minus the longest window in use. */
    public Uni<Integer> deleteWindowsBefore(Sql sql, OffsetDateTime cutoff) {
        return sql.execute("DELETE FROM " + table + " WHERE window_start < $1", Tuple.of(cutoff)).map(RowSet::rowCount);
    }

    /**
     * Adds one to {@code n} counters in one statement, creating those that do not exist yet, and returns each one's
     * key, new count and ordinal. Rows are inserted, and so locked, in the order of the VALUES list (its ordinal says
     * which charge a returned count belongs to).
     */
    private String incrementAll(int n) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
            values.append(i == 0 ? "" : ", ").append("($").append(2 * i + 1).append(", cast($").append(2 * i + 2)
                    .append(" as timestamptz), ").append(i).append(")");
        }
        return "WITH charges (key, window_start, ordinal) AS (VALUES " + values + ") "
                + "INSERT INTO " + table + " AS counter (key, window_start, count) "
                + "SELECT key, window_start, 1 FROM charges ORDER BY ordinal "
                + "ON CONFLICT (key, window_start) DO UPDATE SET count = counter.count + 1 "
                + "RETURNING key, count, (SELECT c.ordinal FROM charges c WHERE c.key = counter.key "
                + "AND c.window_start = counter.window_start)";
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
