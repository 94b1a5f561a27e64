package dev.gatehouse.common.db;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;

/**
 * The schema version the service's database is at, in the readiness details ({@code /q/health/ready}:
 * {@code "schema": {"schemaVersion": "15", "description": ...}}), so an operator sees after a migration or a
 * rollback which version each service runs against. Not ready without a Flyway history: the tables this version
 * of the service expects are not there yet.
 */
@Readiness
@ApplicationScoped
public class SchemaVersionCheck implements AsyncHealthCheck {

    private static final String LATEST = """
            SELECT version, description FROM flyway_schema_history
            WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1""";

    private final Pool pool;

    public SchemaVersionCheck(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query(LATEST).execute().map(rows -> {
            RowIterator<Row> iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return HealthCheckResponse.named("schema").down().withData("reason", "no migration applied").build();
            }
            Row row = iterator.next();
            return HealthCheckResponse.named("schema").up().withData("schemaVersion", row.getString("version"))
                    .withData("description", row.getString("description")).build();
        }).onFailure().recoverWithItem(failure -> HealthCheckResponse.named("schema").down()
                .withData("reason", "schema history unreadable: " + failure.getClass().getSimpleName()).build());
    }
}
