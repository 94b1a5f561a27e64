package dev.gatehouse.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.gatehouse.importer.Answer;
import dev.gatehouse.importer.BetterAuthSource;
import dev.gatehouse.importer.EnxeroSource;
import dev.gatehouse.importer.FlaskSource;
import dev.gatehouse.importer.Gatehouse;
import dev.gatehouse.importer.HttpGatehouse;
import dev.gatehouse.importer.Importer;
import dev.gatehouse.importer.Reconciliation;
import dev.gatehouse.importer.Source;
import dev.gatehouse.importer.TypeOrmSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The import tool, run for real against this service (over HTTP, with the importer client's token), brings in the
 * people of each sample source database; one of each then signs in with the password they had there, and leaves
 * with an Argon2id hash. Companies and requests belong to other services and are answered as failed here.
 */
@QuarkusTest
class ImportedAccountsSignInTest {

    private static EmbeddedPostgres sources;

    @Inject
    Database database;

    @BeforeAll
    static void loadSampleSources() throws Exception {
        sources = EmbeddedPostgres.builder().start();
        for (String source : new String[] { "enxero", "flask", "better-auth", "typeorm" }) {
            String name = "source_" + source.replace('-', '_');
            try (Connection connection = sources.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            String sql = Files.readString(Path.of("..", "import", "src", "test", "resources", "sources",
                    source + ".sql"), StandardCharsets.UTF_8);
            try (Connection connection = sources.getDatabase("postgres", name).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    @AfterAll
    static void stopSources() throws Exception {
        if (sources != null) {
            sources.close();
        }
    }

    @ParameterizedTest
    @CsvSource({ "enxero, Owner@Enxero.example", "flask, Boss@Flask.example", "flask, wanjiru@flask.example",
            "better-auth, Ada@BetterAuth.example", "typeorm, Mary@TypeORM.example" })
    void aPersonOfEachSourceSignsInWithTheOldPasswordAndIsRehashed(String source, String email) throws Exception {
        Reconciliation reconciliation = importFrom(source);

        Reconciliation.Table people = reconciliation.table(source.equals("typeorm") ? "customers" : "users");
        assertTrue(people.imported + people.alreadyImported > 0, source + ": nobody imported");
        assertEquals(0, people.unexplained(), source + ": people lost without a reason");
        String before = storedHash(email);
        assertFalse(before.startsWith("$argon2id$"), "imported with the source's hash: " + before);

        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse"))
                .when().post("/auth/login").then().statusCode(200);

        assertTrue(storedHash(email).startsWith("$argon2id$v=19$"), storedHash(email));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horsf"))
                .when().post("/auth/login").then().statusCode(401);
    }

    private static Reconciliation importFrom(String source) throws Exception {
        Source adapter = switch (source) {
            case "enxero" -> new EnxeroSource("254");
            case "flask" -> new FlaskSource("254");
            case "better-auth" -> new BetterAuthSource();
            case "typeorm" -> new TypeOrmSource("254");
            default -> throw new IllegalArgumentException(source);
        };
        HttpGatehouse http = new HttpGatehouse(Map.of("auth", URI.create("http://localhost:" + RestAssured.port)),
                "importer", "test-importer-secret");
        Gatehouse authOnly = (service, path, body) -> "auth".equals(service) ? http.send(service, path, body)
                : Answer.failed(service + "-service is not running in this test");
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        try (Connection connection = sources.getDatabase("postgres", "source_" + source.replace('-', '_'))
                .getConnection()) {
            Reconciliation reconciliation = new Importer(adapter, authOnly, false,
                    new PrintStream(lines, true, StandardCharsets.UTF_8)).run(connection);
            reconciliation.print(System.out, false);
            return reconciliation;
        }
    }

    private String storedHash(String email) {
        return (String) database.query("select password_hash from users where lower(email) = lower(?)", email).get(0)
                .get("password_hash");
    }
}
