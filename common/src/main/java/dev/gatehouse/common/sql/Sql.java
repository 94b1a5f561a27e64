package dev.gatehouse.common.sql;

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
}
