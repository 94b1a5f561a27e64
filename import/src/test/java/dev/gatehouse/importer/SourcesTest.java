package dev.gatehouse.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Each source's sample database (src/test/resources/sources), awkward rows included, on an embedded PostgreSQL:
 * every row read is imported, refused with a reason or left out on purpose; a second run imports nothing twice;
 * a run cut short is finished by the next; a dry run sends nothing.
 */
class SourcesTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        for (String source : new String[] { "enxero", "flask", "better-auth", "typeorm" }) {
            String database = database(source);
            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("create database " + database + " template template0 encoding 'UTF8' locale 'C'");
            }
            try (Connection connection = connect(source);
                    Statement statement = connection.createStatement();
                    InputStream sql = SourcesTest.class.getResourceAsStream("/sources/" + source + ".sql")) {
                statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void enxero() throws Exception {
        FakeGatehouse gatehouse = new FakeGatehouse();
        Reconciliation first = run(new EnxeroSource("254"), "enxero", gatehouse, false);

        assertCounts(first.table("users"), 9, 6, 0, Map.of("duplicate_email_in_source", 1L, "no_password_hash", 1L,
                "invalid_email", 1L));
        assertCounts(first.table("companies"), 5, 3, 0, Map.of("no_country_code", 1L, "company_without_users", 1L));
        assertCounts(first.table("users.companyId"), 3, 2, 0, Map.of("user_not_imported", 1L));
        assertEquals(2, first.table("refresh_tokens").leftOut);
        assertEquals(1, first.table("otps").leftOut);
        assertTrue(first.complete());
        assertTrue(gatehouse.phones.contains("+254722000002"), "a national number got the calling code");
        assertTrue(gatehouse.phones.contains("+254733000005"), "separators are removed");
        assertTrue(gatehouse.created.stream().anyMatch(b -> "staff.ümlaut@enxero.example".equals(b.get("email"))
                && b.get("phoneNumber") == null), "a phone that cannot be E.164 is left out, not the account");

        assertSecondRunImportsNothing(new EnxeroSource("254"), "enxero", gatehouse, 11);
    }

    @Test
    void flask() throws Exception {
        FakeGatehouse gatehouse = new FakeGatehouse();
        Reconciliation first = run(new FlaskSource("254"), "flask", gatehouse, false);

        assertCounts(first.table("users"), 6, 3, 0, Map.of("duplicate_email_in_source", 1L, "no_password_hash", 1L,
                "no_email", 1L));
        assertCounts(first.table("staff_approval_requests"), 7, 3, 0, Map.of("user_not_imported", 1L,
                "reviewer_not_imported", 1L, "role_not_requestable", 1L, "unknown_status", 1L));
        assertEquals(1, first.table("verification_codes").leftOut);
        assertTrue(first.complete());
        assertTrue(gatehouse.created.stream().anyMatch(b -> "APPROVED".equals(b.get("status"))
                && "ADMIN".equals(b.get("grantedRole")) && b.get("reviewerId") != null));

        assertSecondRunImportsNothing(new FlaskSource("254"), "flask", gatehouse, 6);
    }

    @Test
    void betterAuth() throws Exception {
        FakeGatehouse gatehouse = new FakeGatehouse();
        Reconciliation first = run(new BetterAuthSource(), "better-auth", gatehouse, false);

        assertCounts(first.table("users"), 5, 3, 0, Map.of("duplicate_email_in_source", 1L, "no_password_hash", 1L));
        assertCounts(first.table("software_background"), 3, 1, 0, Map.of("user_not_imported", 1L,
                "no_experience_level", 1L));
        assertCounts(first.table("hardware_background"), 1, 1, 0, Map.of());
        assertEquals(2, first.table("sessions").leftOut);
        assertTrue(first.complete());
        assertTrue(gatehouse.emails.containsKey("padded@betterauth.example"));

        assertSecondRunImportsNothing(new BetterAuthSource(), "better-auth", gatehouse, 5);
    }

    @Test
    void typeorm() throws Exception {
        FakeGatehouse gatehouse = new FakeGatehouse();
        Reconciliation first = run(new TypeOrmSource("254"), "typeorm", gatehouse, false);

        assertCounts(first.table("customers"), 6, 3, 0, Map.of("duplicate_email_in_source", 1L, "phone_taken", 1L,
                "validation_failed: passwordHash", 1L));
        assertEquals(2, first.table("password_resets").leftOut);
        assertTrue(first.complete());
        assertTrue(gatehouse.phones.contains("+33123456789"), "00 is read as +");

        assertSecondRunImportsNothing(new TypeOrmSource("254"), "typeorm", gatehouse, 3);
    }

    @Test
    void aRunCutShortIsFinishedByTheNextWithoutDuplicates() throws Exception {
        FakeGatehouse gatehouse = new FakeGatehouse();
        gatehouse.failAfter = 4;
        Reconciliation cut = run(new EnxeroSource("254"), "enxero", gatehouse, false);
        assertFalse(cut.complete(), "rows that failed are not accounted for");
        assertTrue(cut.table("users").failed > 0);

        gatehouse.failAfter = Integer.MAX_VALUE;
        Reconciliation resumed = run(new EnxeroSource("254"), "enxero", gatehouse, false);
        assertTrue(resumed.complete());
        assertEquals(4, resumed.table("users").alreadyImported);
        assertEquals(2, resumed.table("users").imported);
        assertEquals(11, gatehouse.created.size(), "each row made exactly once over both runs");
    }

    @Test
    void aDryRunSendsNothingAndPrintsEveryRefusal() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        int exit = Main.run(new String[] { "--source", "flask", "--source-url", url("flask"), "--dry-run",
                "--phone-calling-code", "254" },
                Map.of("SOURCE_DB_USER", "postgres", "SOURCE_DB_PASSWORD", "postgres"), out, out);

        String printed = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("refuse users 4: duplicate_email_in_source"), printed);
        assertTrue(printed.contains("refuse staff_approval_requests 7: unknown_status"), printed);
        assertTrue(printed.contains("would import users 2 (phone '(0722) 100-002' imported as +254722100002)"),
                printed);
        assertTrue(printed.contains("left out: one-time codes"), printed);
        assertTrue(printed.contains("Every row read is accounted for."), printed);
    }

    @Test
    void badUsageExitsWithTwo() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        assertEquals(2, Main.run(new String[] { "--source", "mysql" }, Map.of(), out, out));
        assertEquals(2, Main.run(new String[] { "--bogus" }, Map.of(), out, out));
    }

    @Test
    void problemsBecomeReasons() {
        assertEquals("email_taken", HttpGatehouse.reason("{\"code\":\"email_taken\",\"status\":409}"));
        assertEquals("validation_failed: phoneNumber, email", HttpGatehouse.reason(
                "{\"code\":\"validation_failed\",\"errors\":[{\"field\":\"phoneNumber\"},{\"field\":\"email\"}]}"));
        assertEquals("refused", HttpGatehouse.reason("<html>"));
    }

    private static void assertSecondRunImportsNothing(Source source, String database, FakeGatehouse gatehouse,
            int landed) throws Exception {
        int before = gatehouse.created.size();
        Reconciliation second = run(source, database, gatehouse, false);
        assertEquals(before, gatehouse.created.size(), "nothing imported twice");
        assertEquals(landed, second.tables().values().stream().mapToLong(t -> t.alreadyImported).sum());
        assertEquals(0, second.tables().values().stream().mapToLong(t -> t.imported).sum());
        assertTrue(second.complete());
    }

    private static void assertCounts(Reconciliation.Table table, long read, long imported, long failed,
            Map<String, Long> refused) {
        assertEquals(read, table.read, "read");
        assertEquals(imported, table.imported, "imported " + table.refused);
        assertEquals(failed, table.failed, "failed");
        assertEquals(refused, table.refused, "refused");
        assertEquals(0, table.unexplained());
    }

    private static Reconciliation run(Source source, String database, Gatehouse gatehouse, boolean dryRun)
            throws SQLException {
        try (Connection connection = connect(database)) {
            Reconciliation result = new Importer(source, gatehouse, dryRun, new PrintStream(OutputStreamNull.INSTANCE))
                    .run(connection);
            // Kept in the test's output (target/surefire-reports), so each source's reconciliation can be read.
            System.out.println("== " + database + (dryRun ? " (dry run)" : ""));
            result.print(System.out, dryRun);
            return result;
        }
    }

    private static Connection connect(String source) throws SQLException {
        return postgres.getDatabase("postgres", database(source)).getConnection();
    }

    private static String url(String source) {
        return postgres.getJdbcUrl("postgres", database(source));
    }

    private static String database(String source) {
        return "source_" + source.replace('-', '_');
    }

    /** Discards the per-row lines the importer prints. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }
    }
}
