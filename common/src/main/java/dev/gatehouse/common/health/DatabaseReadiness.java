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

/**
 * Readiness is the service's own database, answered within {@code gatehouse.db.readiness-timeout}: UP when
 * {@code SELECT 1} returns in time, DOWN otherwise. The datasource checks Quarkus ships wait up to 20 seconds for a
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
    private final AtomicReference<CompletableFuture<Void>> underway = new AtomicReference<>();

    public DatabaseReadiness(Pool pool, PoolLimits limits) {
        this.pool = pool;
        this.timeout = limits.readinessTimeout();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        // A copy per caller: a probe that gives up cancels its copy, never the statement the next probe waits for.
        return Uni.createFrom().completionStage(probe().copy())
                .ifNoItem().after(timeout).fail()
                .map(ok -> HealthCheckResponse.named(NAME).up().build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", failure instanceof io.smallrye.mutiny.TimeoutException
                                ? "no answer within " + timeout.toMillis() + " ms"
                                : String.valueOf(failure.getMessage()))
                        .build());
    }

    private CompletableFuture<Void> probe() {
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        CompletableFuture<Void> current = underway.compareAndExchange(null, fresh);
        if (current != null) {
            return current;
        }
        pool.query("SELECT 1").execute().subscribe().with(rows -> {
            underway.set(null);
            fresh.complete(null);
        }, failure -> {
            underway.set(null);
            fresh.completeExceptionally(failure);
        });
        return fresh;
    }
}
