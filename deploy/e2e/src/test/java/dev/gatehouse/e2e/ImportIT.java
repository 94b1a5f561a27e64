package dev.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.gatehouse.importer.BetterAuthSource;
import dev.gatehouse.importer.EnxeroSource;
import dev.gatehouse.importer.FlaskSource;
import dev.gatehouse.importer.HttpGatehouse;
import dev.gatehouse.importer.Importer;
import dev.gatehouse.importer.Reconciliation;
import dev.gatehouse.importer.Source;
import dev.gatehouse.importer.TypeOrmSource;
import io.restassured.http.ContentType;

/**
 * {@code gatehouse import} against a real local run: each of the four sample source databases (the import module's
 * fixtures) is imported into the running services with zero unexplained loss, a second run imports nothing, and a
 * person of each signs in through the gateway with the password they had in the old system, after which auth-service
 * holds an Argon2id hash for them.
 */
@ExtendWith(LocalRunExtension.class)
class ImportIT {

    private static final String OLD_PASSWORD = "correct horse";

    @Test
    void eachSampleSourceImportsWithoutLossAndItsPeopleSignInThroughTheGateway() throws Exception {
        LocalRunProcess run = LocalRunExtension.current();
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(run.state().resolve("keys").resolve("secrets.properties"))) {
            secrets.load(in);
        }
        Map<String, Integer> ports = run.servicePorts();
        HttpGatehouse gatehouse = new HttpGatehouse(
                Map.of("auth", local(ports.get("auth-service")), "company", local(ports.get("company-service")),
                        "approval", local(ports.get("approval-service"))),
                "importer", secrets.getProperty("CLIENT_SECRET_IMPORTER"));

        Map<String, Source> sources = new LinkedHashMap<>();
        sources.put("enxero", new EnxeroSource("254"));
        sources.put("flask", new FlaskSource("254"));
        sources.put("better-auth", new BetterAuthSource());
        sources.put("typeorm", new TypeOrmSource("254"));
        for (Map.Entry<String, Source> source : sources.entrySet()) {
            String database = load(run, source.getKey());
            try (Connection connection = connect(run, database)) {
                Reconciliation first = importOnce(source.getValue(), gatehouse, connection);
                System.out.println("== " + source.getKey());
                first.print(System.out, false);
                assertTrue(first.complete(), source.getKey() + ": rows lost without a reason");

                Reconciliation again = importOnce(source.getValue(), gatehouse, connection);
                assertTrue(again.complete(), source.getKey() + ": second run");
                again.tables().forEach((table, counts) -> assertEquals(0, counts.imported,
                        source.getKey() + " " + table + " imported again"));
            }
        }

        for (String email : new String[] { "Owner@Enxero.example", "Boss@Flask.example", "wanjiru@flask.example",
                "Ada@BetterAuth.example", "Mary@TypeORM.example" }) {
            assertFalse(storedHash(run, email).startsWith("$argon2id$"), email + " arrived with its old hash");
            given().contentType(ContentType.JSON).body(Map.of("email", email, "password", OLD_PASSWORD))
                    .when().post("/auth/login").then().statusCode(200);
            assertTrue(storedHash(run, email).startsWith("$argon2id$v=19$"), email + " rehashed at sign-in");
            given().contentType(ContentType.JSON).body(Map.of("email", email, "password", OLD_PASSWORD))
                    .when().post("/auth/login").then().statusCode(200);
        }
    }

    private static Reconciliation importOnce(Source source, HttpGatehouse gatehouse, Connection connection)
            throws SQLException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        return new Importer(source, gatehouse, false, new PrintStream(lines, true, StandardCharsets.UTF_8))
                .run(connection);
    }

    /** Creates the source's sample database in the run's PostgreSQL; answers its name. */
    private static String load(LocalRunProcess run, String source) throws Exception {
        String database = "source_" + source.replace('-', '_');
        try (Connection connection = connect(run, "postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Path sql = Path.of(System.getProperty("gatehouse.root", "../.."), "import", "src", "test", "resources",
                "sources", source + ".sql");
        try (Connection connection = connect(run, database); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(sql, StandardCharsets.UTF_8));
        }
        return database;
    }

    private static String storedHash(LocalRunProcess run, String email) throws SQLException {
        try (Connection connection = connect(run, "auth");
                PreparedStatement query = connection
                        .prepareStatement("SELECT password_hash FROM users WHERE lower(email) = lower(?)")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), email + " not imported");
                return row.getString(1);
            }
        }
    }

    private static Connection connect(LocalRunProcess run, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + run.databasePort() + "/" + database,
                "postgres", "postgres");
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }
}
