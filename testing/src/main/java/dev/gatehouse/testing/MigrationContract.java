package dev.gatehouse.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every service's migrations promise, tested on its own scripts ({@code db/migration}), its down scripts
 * ({@code db/down/U<version>__<same description>.sql}) and its fixtures ({@code migration/fixtures/V<version>.sql}
 * on the test class path: realistic rows, awkward ones included, written against the schema of that version):
 * <ul>
 * <li>upgrading with data: from every earlier version, with the rows of every fixture up to it, the latest version
 * (filled version by version, each fixture right after its version) leaves every row saying what it said (compared column by
 * column as text; columns added later do not count);</li>
 * <li>the way back: each version's down script restores exactly the catalog of the version before, keeps the rows
 * that version could hold, and the version can be applied again;</li>
 * <li>backup: {@code pg_dump} of a filled database at the latest version, restored with {@code pg_restore} into
 * an empty one, gives the same catalog, the same rows and the same Flyway history, which still validates;</li>
 * <li>adoption: a database that holds the tables V1 makes but no Flyway history is baselined with the service's own
 * settings and brought to the latest version, and without baselining Flyway would have refused it.</li>
 * </ul>
 */
public abstract class MigrationContract {

    private static MigrationHarness harness;

    @BeforeAll
    static void startDatabase() {
        harness = MigrationHarness.start();
    }

    @AfterAll
    static void stopDatabase() {
        if (harness != null) {
            harness.close();
        }
    }

    protected static MigrationHarness harness() {
        return harness;
    }

    /**
     * Columns ("table.column") that a released migration rewrites on purpose or as a side effect, each with the
     * reason; they are left out of the row comparisons. Empty unless a service says otherwise.
     */
    protected Map<String, String> rewrittenByMigrations() {
        return Map.of();
    }

    private Map<String, List<String>> compared(Map<String, List<String>> columns) {
        Map<String, List<String>> compared = new java.util.LinkedHashMap<>();
        columns.forEach((table, names) -> compared.put(table,
                names.stream().filter(name -> !rewrittenByMigrations().containsKey(table + "." + name)).toList()));
        return compared;
    }

    @Test
    void fromEveryEarlierVersionTheLatestKeepsWhatEveryRowSays() {
        List<String> versions = MigrationHarness.versions(harness.newDatabase());
        String latest = versions.get(versions.size() - 1);
        for (String version : versions.subList(0, versions.size() - 1)) {
            DataSource database = harness.newDatabase();
            int fixtures = migrateAndFill(database, versions, version);
            assertTrue(fixtures > 0, "no fixture up to V" + version);
            Map<String, List<String>> columns = compared(MigrationHarness.columns(database));
            Map<String, List<List<String>>> before = MigrationHarness.rows(database, columns);
            assertTrue(before.values().stream().anyMatch(rows -> !rows.isEmpty()), "no rows at V" + version);

            MigrationHarness.flyway(database, "latest").migrate();

            assertEquals(latest, MigrationHarness.currentVersion(database));
            assertEquals(before, MigrationHarness.rows(database, columns), "rows changed from V" + version);
        }
    }

    @Test
    void eachDownScriptRestoresThePreviousCatalogAndKeepsItsRows() {
        List<MigrationInfo> migrations = migrations();
        List<String> versions = migrations.stream().map(info -> info.getVersion().getVersion()).toList();
        for (int i = 0; i < migrations.size(); i++) {
            String version = versions.get(i);
            String previous = i == 0 ? null : versions.get(i - 1);
            DataSource database = harness.newDatabase();
            if (previous != null) {
                migrateAndFill(database, versions, previous);
            }
            List<String> catalogBefore = MigrationHarness.catalog(database);
            Map<String, List<String>> columns = compared(MigrationHarness.columns(database));
            Map<String, List<List<String>>> rowsBefore = MigrationHarness.rows(database, columns);

            MigrationHarness.flyway(database, version).migrate();
            assertNotEquals(catalogBefore, MigrationHarness.catalog(database), "V" + version + " changes nothing");
            MigrationHarness.runResource(database, downScript(migrations.get(i)));

            assertEquals(catalogBefore, MigrationHarness.catalog(database), "catalog after undoing V" + version);
            assertEquals(rowsBefore, MigrationHarness.rows(database, columns), "rows after undoing V" + version);
            MigrationInfo current = MigrationHarness.flyway(database, "latest").info().current();
            assertEquals(previous, current == null ? null : current.getVersion().getVersion());
            MigrationHarness.flyway(database, version).migrate();
            assertEquals(version, MigrationHarness.currentVersion(database), "V" + version + " again after its undo");
        }
    }

    @Test
    void aDatabaseWithTheTablesButNoHistoryIsAdoptedWithTheServiceSettings() {
        List<MigrationInfo> migrations = migrations();
        String first = "db/migration/" + migrations.get(0).getScript();
        String latest = migrations.get(migrations.size() - 1).getVersion().getVersion();
        String baselineVersion = MigrationHarness.serviceProperty("quarkus.flyway.baseline-version");
        assertEquals("true", MigrationHarness.serviceProperty("quarkus.flyway.baseline-on-migrate"));
        assertEquals(migrations.get(0).getVersion().getVersion(), baselineVersion);

        DataSource refused = harness.newDatabase();
        MigrationHarness.runResource(refused, first);
        assertThrows(FlywayException.class, () -> MigrationHarness.flyway(refused, "latest").migrate(),
                "without a baseline Flyway refuses a schema it did not make");

        DataSource adopted = harness.newDatabase();
        MigrationHarness.runResource(adopted, first);
        runFixture(adopted, baselineVersion);
        Map<String, List<String>> columns = compared(MigrationHarness.columns(adopted));
        Map<String, List<List<String>>> before = MigrationHarness.rows(adopted, columns);

        MigrationHarness.configure(adopted).baselineOnMigrate(true).baselineVersion(baselineVersion).load().migrate();

        assertEquals(latest, MigrationHarness.currentVersion(adopted));
        assertEquals(List.of(List.of(baselineVersion)), MigrationHarness.query(adopted,
                "SELECT version FROM flyway_schema_history WHERE type = 'BASELINE'"));
        assertEquals(before, MigrationHarness.rows(adopted, columns));
        DataSource migrated = harness.newDatabase();
        MigrationHarness.flyway(migrated, "latest").migrate();
        assertEquals(MigrationHarness.catalog(migrated), MigrationHarness.catalog(adopted),
                "an adopted database ends with the schema of one Flyway made");
    }

    @Test
    void aPgDumpBackupRestoresEveryRowTheSchemaAndItsVersion() {
        try (PgDumpServer server = PgDumpServer.start()) {
            DataSource original = server.newDatabase();
            List<String> versions = MigrationHarness.versions(original);
            String latest = versions.get(versions.size() - 1);
            migrateAndFill(original, versions, latest);
            String backup = server.dir().resolve("backup.dump").toString();
            String port = String.valueOf(server.port());

            server.client("pg_dump", "--format=custom", "--no-owner", "-h", "127.0.0.1", "-p", port, "-U", "postgres",
                    "-d", MigrationHarness.databaseName(original), "-f", backup);
            DataSource restored = server.newDatabase();
            server.client("pg_restore", "--exit-on-error", "--no-owner", "-h", "127.0.0.1", "-p", port, "-U",
                    "postgres", "-d", MigrationHarness.databaseName(restored), backup);

            assertEquals(MigrationHarness.catalogAcrossRestore(original),
                    MigrationHarness.catalogAcrossRestore(restored));
            Map<String, List<String>> columns = MigrationHarness.columns(original);
            assertTrue(MigrationHarness.rows(original, columns).values().stream().mapToInt(List::size).sum() > 0);
            assertEquals(MigrationHarness.rows(original, columns), MigrationHarness.rows(restored, columns));
            String history = "SELECT installed_rank, version, script, checksum, success FROM flyway_schema_history"
                    + " ORDER BY installed_rank";
            assertEquals(MigrationHarness.query(original, history), MigrationHarness.query(restored, history));
            MigrationHarness.flyway(restored, "latest").validate();
            assertEquals(latest, MigrationHarness.currentVersion(restored));
        }
    }

    /**
     * The rule squawk enforces in CI, checked offline too: a script not yet released (not listed in the
     * {@code excluded_paths} of the repository's {@code .squawk.toml}) that alters, indexes, updates or deletes
     * from a table it did not create sets {@code lock_timeout} first.
     */
    @Test
    void everyUnreleasedScriptThatTouchesAnExistingTableSetsALockTimeoutFirst() throws java.io.IOException {
        assertFalse(setsLockTimeoutBeforeTouching("ALTER TABLE users ADD COLUMN x INT;"));
        assertFalse(setsLockTimeoutBeforeTouching("CREATE INDEX i ON users (x); SET LOCAL lock_timeout = '5s';"));
        assertTrue(setsLockTimeoutBeforeTouching("SET LOCAL lock_timeout = '5s'; ALTER TABLE users ADD COLUMN x INT;"));
        assertTrue(setsLockTimeoutBeforeTouching("CREATE TABLE t (id INT); CREATE INDEX i ON t (id);"));

        java.nio.file.Path config = java.nio.file.Path.of("..", ".squawk.toml");
        assertTrue(java.nio.file.Files.exists(config), "no .squawk.toml next to the module");
        String released = java.nio.file.Files.readString(config);
        String module = java.nio.file.Path.of("").toAbsolutePath().getFileName().toString();
        for (MigrationInfo migration : migrations()) {
            String script = "db/migration/" + migration.getScript();
            if (released.contains('"' + module + "/src/main/resources/" + script + '"')) {
                continue;
            }
            try (java.io.InputStream in = MigrationContract.class.getClassLoader().getResourceAsStream(script)) {
                String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(setsLockTimeoutBeforeTouching(sql), script + " touches an existing table without "
                        + "setting lock_timeout first");
            }
        }
    }

    private static final java.util.regex.Pattern CREATED = java.util.regex.Pattern
            .compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
    private static final java.util.regex.Pattern TOUCHED = java.util.regex.Pattern.compile("(?im)(?:ALTER\\s+TABLE"
            + "\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?\\w*\\s*ON\\s+(?:ONLY\\s+)?|^\\s*UPDATE\\s+|^\\s*DELETE\\s+FROM\\s+|"
            + "DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?|CREATE\\s+TRIGGER\\s+\\w+\\s+[^;]*?\\s+ON\\s+)"
            + "(\\w+)");
    private static final java.util.regex.Pattern LOCK_TIMEOUT = java.util.regex.Pattern
            .compile("(?i)SET\\s+(?:LOCAL\\s+)?lock_timeout");

    static boolean setsLockTimeoutBeforeTouching(String script) {
        String sql = script.replaceAll("--[^\\n]*", "");
        java.util.Set<String> created = new java.util.HashSet<>();
        java.util.regex.Matcher creates = CREATED.matcher(sql);
        while (creates.find()) {
            created.add(creates.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        java.util.regex.Matcher lock = LOCK_TIMEOUT.matcher(sql);
        int lockAt = lock.find() ? lock.start() : Integer.MAX_VALUE;
        java.util.regex.Matcher touches = TOUCHED.matcher(sql);
        while (touches.find()) {
            boolean existing = !created.contains(touches.group(1).toLowerCase(java.util.Locale.ROOT));
            if (existing && touches.start() < lockAt) {
                return false;
            }
        }
        return true;
    }

    /**
     * Brings the database up to {@code version} one version at a time, filling each version's fixture right after
     * it, as the service of that version would have written its rows; answers how many fixtures ran.
     */
    protected static int migrateAndFill(DataSource database, List<String> versions, String version) {
        int count = 0;
        for (String each : versions) {
            MigrationHarness.flyway(database, each).migrate();
            if (runFixture(database, each)) {
                count++;
            }
            if (each.equals(version)) {
                break;
            }
        }
        return count;
    }

    private static boolean runFixture(DataSource database, String version) {
        String resource = "migration/fixtures/V" + version + ".sql";
        if (MigrationContract.class.getClassLoader().getResource(resource) == null) {
            return false;
        }
        MigrationHarness.runResource(database, resource);
        return true;
    }

    private static List<MigrationInfo> migrations() {
        List<MigrationInfo> migrations = new ArrayList<>();
        for (MigrationInfo info : MigrationHarness.flyway(harness.newDatabase(), "latest").info().all()) {
            if (info.getVersion() != null) {
                migrations.add(info);
            }
        }
        assertFalse(migrations.isEmpty());
        return migrations;
    }

    private static String downScript(MigrationInfo migration) {
        String resource = "db/down/U" + migration.getScript().substring(1);
        assertNotNull(MigrationContract.class.getClassLoader().getResource(resource),
                "V" + migration.getVersion() + " has no down script " + resource);
        return resource;
    }
}
