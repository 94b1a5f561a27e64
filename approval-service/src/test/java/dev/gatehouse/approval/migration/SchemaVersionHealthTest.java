package dev.gatehouse.approval.migration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The readiness details name the schema version the database is at, and readiness fails without a history. */
@QuarkusTest
class SchemaVersionHealthTest {

    @Inject
    DataSource dataSource;

    @Test
    void readinessShowsTheAppliedSchemaVersion() throws SQLException {
        String applied = single("SELECT max(version::int)::text FROM flyway_schema_history WHERE success");

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.schemaVersion", equalTo(applied));
    }

    @Test
    void withoutAFlywayHistoryTheServiceIsNotReady() throws SQLException {
        execute("ALTER TABLE flyway_schema_history RENAME TO flyway_schema_history_away");
        try {
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
        } finally {
            execute("ALTER TABLE flyway_schema_history_away RENAME TO flyway_schema_history");
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
