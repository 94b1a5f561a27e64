package dev.gatehouse.console.health;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;

/**
 * Readiness is the console's own database, answered within {@code gatehouse.db.readiness-timeout}: UP when
 * {@code SELECT 1} returns in time, DOWN otherwise. Quarkus's JDBC check waits as long as the driver does, and a
 * stalled PostgreSQL never answers, so the probe would hang; this one gives up on time. At most one probe statement
 * runs at a time: later probes wait for that same statement rather than each taking a connection.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";

    private final AgroalDataSource database;
    private final Duration timeout;
    private final ExecutorService executor;
    private final AtomicReference<CompletableFuture<Void>> underway = new AtomicReference<>();

    public DatabaseReadiness(AgroalDataSource database,
            @ConfigProperty(name = "gatehouse.db.readiness-timeout", defaultValue = "PT1S") Duration timeout) {
        this.database = database;
        this.timeout = timeout;
        // One thread of its own: probes run one at a time, and one stuck on a stalled database blocks no other work.
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-readiness");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            probe().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up().build();
        } catch (TimeoutException e) {
            return down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }

    private CompletableFuture<Void> probe() {
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        CompletableFuture<Void> current = underway.compareAndExchange(null, fresh);
        if (current != null) {
            return current;
        }
        executor.execute(() -> {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                fresh.complete(null);
            } catch (Exception failure) {
                fresh.completeExceptionally(failure);
            } finally {
                underway.set(null);
            }
        });
        return fresh;
    }
}
