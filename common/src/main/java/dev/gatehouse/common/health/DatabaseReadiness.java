package dev.gatehouse.common.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.gatehouse.common.db.PoolLimits;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;

/**
 * Readiness is the service's own database, answered within {@code gatehouse.db.readiness-timeout}: UP when the
 * schema version the database is at (the latest successful migration in {@code flyway_schema_history}) is read in
 * time, DOWN otherwise, and DOWN without a Flyway history (the tables this version of the service expects are not
 * there yet). The version is in the details ({@code "schemaVersion": "15", "description": ...}), so an operator sees
 * after a migration or a rollback which version each service runs against. The datasource checks Quarkus ships wait up to 20
 * seconds for a
 * statement that a stalled PostgreSQL never answers, longer than any probe waits, so the services turn those off
 * ({@code quarkus.datasource.health.enabled=false}) and use this one.
 * <p>
 * At most one probe statement is under way at a time: while one waits on a stalled database, later probes wait for
 * that same statement (and answer DOWN at their own timeout) instead of each taking another pooled connection that
 * requests need.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    static final String NAME = "database";

    private final Pool pool;
    private final Duration timeout;
    private static final String LATEST_MIGRATION = """
            SELECT version, description FROM flyway_schema_history
            WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1""";

    /** The latest migration applied; null without one. */
    private record Schema(String version, String description) {
    }

    private final AtomicReference<CompletableFuture<Schema>> underway = new AtomicReference<>();

    public DatabaseReadiness(Pool pool, PoolLimits limits) {
        this.pool = pool;
        this.timeout = limits.readinessTimeout();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        // A copy per caller: a probe that gives up cancels its copy, never the statement the next probe waits for.
        return Uni.createFrom().completionStage(probe().copy())
                .ifNoItem().after(timeout).fail()
                .map(schema -> schema == null
                        ? HealthCheckResponse.named(NAME).down().withData("reason", "no migration applied").build()
                        : HealthCheckResponse.named(NAME).up().withData("schemaVersion", schema.version())
                                .withData("description", schema.description()).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", failure instanceof io.smallrye.mutiny.TimeoutException
                                ? "no answer within " + timeout.toMillis() + " ms"
                                : String.valueOf(failure.getMessage()))
                        .build());
    }

    private CompletableFuture<Schema> probe() {
        CompletableFuture<Schema> fresh = new CompletableFuture<>();
        CompletableFuture<Schema> current = underway.compareAndExchange(null, fresh);
        if (current != null) {
            return current;
        }
        // The connection is taken explicitly: the pool's query shortcut can fail a refused query twice (its wait timer
        // is not disarmed), which Vert.x logs as an uncaught error.
        pool.withConnection(connection -> connection.query(LATEST_MIGRATION).execute()).subscribe().with(rows -> {
            underway.set(null);
            RowIterator<Row> iterator = rows.iterator();
            Row row = iterator.hasNext() ? iterator.next() : null;
            fresh.complete(row == null ? null : new Schema(row.getString("version"), row.getString("description")));
        }, failure -> {
            underway.set(null);
            fresh.completeExceptionally(failure);
        });
        return fresh;
    }
}
