package dev.gatehouse.common.sql;

import io.micrometer.core.instrument.Counter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An open transaction of {@link Database#inTransaction}: its statements run one after the other on its connection,
 * and its locks (row locks, advisory transaction locks) are held until it ends.
 */
public final class Transaction implements Sql {

    private final SqlConnection connection;
    private final Counter statements;

    Transaction(SqlConnection connection, Counter statements) {
        this.connection = connection;
        this.statements = statements;
    }

    @Override
    public Uni<RowSet<Row>> execute(String sql, Tuple arguments) {
        return Uni.createFrom().deferred(() -> {
            statements.increment();
            return connection.preparedQuery(sql).execute(arguments);
        });
    }
}
