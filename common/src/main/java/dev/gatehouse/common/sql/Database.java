package dev.gatehouse.common.sql;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A service's way to PostgreSQL through its reactive pool: single statements that commit on their own, and
 * transactions.
 * <p>
 * A single statement takes a connection explicitly rather than through {@code pool.preparedQuery}: that shortcut arms
 * a timer for the acquisition timeout and does not disarm it when the pool refuses the request at once (its wait
 * queue full, or PostgreSQL unreachable), so the timer later fails the already failed query again and Vert.x logs an
 * uncaught "Result is already complete" for every such request. Taking the connection leaves one timeout, the
 * pool's own, and gives the connection back when the statement ends either way.
 * <p>
 * A transaction is the pool's: it commits when its work succeeds and rolls back when it fails, and once begun it runs
 * to its end even if the caller stops waiting, then returns its connection.
 * <p>
 * Every statement sent through here is counted ({@code gatehouse.db.statements}), and every transaction
 * ({@code gatehouse.db.transactions}, each adding a BEGIN and a COMMIT or ROLLBACK): what a request costs PostgreSQL,
 * which is how the tests hold a hot path to its round trips.
 */
@ApplicationScoped
public class Database implements Sql {

    private final Pool pool;
    private final Counter statements;
    private final Counter transactions;

    public Database(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.statements = Counter.builder("gatehouse.db.statements")
                .description("Statements sent to PostgreSQL through the reactive SQL client, one round trip each")
                .register(registry);
        this.transactions = Counter.builder("gatehouse.db.transactions")
                .description("Transactions run on the reactive SQL client").register(registry);
    }

    /** Sent when subscribed to, and again (and counted again) on every re-subscription, such as a retry. */
    @Override
    public Uni<RowSet<Row>> execute(String sql, Tuple arguments) {
        return Uni.createFrom().deferred(() -> {
            statements.increment();
            return pool.withConnection(connection -> connection.preparedQuery(sql).execute(arguments));
        });
    }

    /** Runs {@code work} in one transaction; a re-subscription (a retry) runs it again in a new one. */
    public <T> Uni<T> inTransaction(Function<Transaction, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            transactions.increment();
            return pool.withTransaction(connection -> work.apply(new Transaction(connection, statements)));
        });
    }
}
