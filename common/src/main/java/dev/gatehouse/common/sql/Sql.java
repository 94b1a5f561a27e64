package dev.gatehouse.common.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Where a statement runs: straight on the pool ({@link Database}, committing on its own) or inside an open
 * {@link Transaction}. A repository method that only reads or writes one statement takes either.
 */
public interface Sql {

    /** Sends one prepared statement with its arguments ({@code $1}, {@code $2}, ...): one round trip. */
    Uni<RowSet<Row>> execute(String sql, Tuple arguments);

    /** The first row the statement returns, as {@code mapper} reads it; {@code null} when it returns none. */
    default <T> Uni<T> first(String sql, Tuple arguments, Function<Row, T> mapper) {
        return execute(sql, arguments).map(rows -> rows.size() == 0 ? null : mapper.apply(rows.iterator().next()));
    }

    /** Every row the statement returns, in order, as {@code mapper} reads it. */
    default <T> Uni<List<T>> all(String sql, Tuple arguments, Function<Row, T> mapper) {
        return execute(sql, arguments).map(rows -> {
            List<T> mapped = new ArrayList<>(rows.size());
            for (Row row : rows) {
                mapped.add(mapper.apply(row));
            }
            return mapped;
        });
    }
}
