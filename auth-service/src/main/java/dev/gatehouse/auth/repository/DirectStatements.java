package dev.gatehouse.auth.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Single statements sent straight through the reactive pool, for the hot paths (refresh, {@code GET /users/me}):
 * no Hibernate session, no persistence context, no flush. Outside a transaction each statement commits on its own,
 * which is all a single statement needs, so one call here is one round trip to PostgreSQL (the connection keeps the
 * statement prepared). Every statement is counted ({@code gatehouse.db.direct.statements}), which is how the tests
 * check the round trips of a request.
 */
@ApplicationScoped
public class DirectStatements {

    private final Pool pool;
    private final Counter statements;

    public DirectStatements(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.statements = Counter.builder("gatehouse.db.direct.statements")
                .description("Statements sent to PostgreSQL outside Hibernate, one round trip each")
                .register(registry);
    }

    /**
     * Sent when subscribed to, and again (and counted again) on every re-subscription, such as a retry.
     * <p>
     * The connection is taken explicitly rather than through {@code pool.preparedQuery}: that shortcut arms a timer
     * for the acquisition timeout and does not disarm it when the pool refuses the request at once (its wait queue
     * full, or PostgreSQL unreachable), so the timer later fails the already failed query again and Vert.x logs an
     * uncaught "Result is already complete" for every such request. Taking the connection has one timeout, owned by
     * the pool, and gives the connection back when the statement ends either way.
     */
    public Uni<RowSet<Row>> execute(String sql, Tuple arguments) {
        return Uni.createFrom().deferred(() -> {
            statements.increment();
            return pool.withConnection(connection -> connection.preparedQuery(sql).execute(arguments));
        });
    }
}
