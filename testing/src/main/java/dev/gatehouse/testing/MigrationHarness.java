package dev.gatehouse.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of its own for migration tests, outside Quarkus: each test takes a fresh database, moves it to the
 * version it wants with the service's own Flyway scripts ({@code classpath:db/migration}), and compares what the
 * rows say and what the catalog holds before and after.
 */
public final class MigrationHarness implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Pattern DEFAULT_OF_ENV = Pattern.compile("^\\$\\{[A-Z0-9_]+:(.*)}$");

    private final EmbeddedPostgres postgres;

    private MigrationHarness(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static MigrationHarness start() {
        try {
            return new MigrationHarness(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** A new, empty database. */
    public DataSource newDatabase() {
        String name = "migration_" + DATABASES.incrementAndGet();
        execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + name);
        return postgres.getDatabase("postgres", name);
    }

    /** The name of the database behind a data source made by {@link #newDatabase()}. */
    public static String databaseName(DataSource database) {
        return query(database, "SELECT current_database()").get(0).get(0);
    }

    /**
     * Flyway over the service's scripts as the service runs it (same locations, clean never allowed), up to
     * {@code target} ("latest" for all).
     */
    public static Flyway flyway(DataSource database, String target) {
        return configure(database).target(target).load();
    }

    public static FluentConfiguration configure(DataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").cleanDisabled(true);
    }

    /** Every version the service's scripts bring, oldest first. */
    public static List<String> versions(DataSource anyDatabase) {
        List<String> versions = new ArrayList<>();
        for (MigrationInfo info : flyway(anyDatabase, "latest").info().all()) {
            if (info.getVersion() != null) {
                versions.add(info.getVersion().getVersion());
            }
        }
        return versions;
    }

    /** The version the database is at, from Flyway's history. */
    public static String currentVersion(DataSource database) {
        MigrationInfo current = flyway(database, "latest").info().current();
        if (current == null) {
            throw new FlywayException("no migration applied");
        }
        return current.getVersion().getVersion();
    }

    /** A property of the service's application.properties, with {@code ${ENV:default}} read as its default. */
    public static String serviceProperty(String key) {
        Properties properties = new Properties();
        try (InputStream in = MigrationHarness.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("no application.properties on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty(key);
        if (value == null) {
            return null;
        }
        Matcher matcher = DEFAULT_OF_ENV.matcher(value.trim());
        return matcher.matches() ? matcher.group(1) : value.trim();
    }

    /** Runs a SQL resource of the test class path (a fixture or a down script) in one transaction. */
    public static void runResource(DataSource database, String resource) {
        try (InputStream in = MigrationHarness.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try (Connection connection = database.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
                connection.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    public static void execute(DataSource database, String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Every row of a query, each value as PostgreSQL's text form (null stays null). */
    public static List<List<String>> query(DataSource database, String sql) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<List<String>> result = new ArrayList<>();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The service's tables (Flyway's history aside) and their columns as they are now. */
    public static Map<String, List<String>> columns(DataSource database) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (List<String> row : query(database, """
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND c.table_name <> 'flyway_schema_history'
                ORDER BY c.table_name, c.ordinal_position""")) {
            columns.computeIfAbsent(row.get(0), table -> new ArrayList<>()).add(row.get(1));
        }
        return columns;
    }

    /**
     * What the rows of the given tables say, through the given columns only (columns added later do not count),
     * each value as text, rows in a stable order.
     */
    public static Map<String, List<List<String>>> rows(DataSource database, Map<String, List<String>> columns) {
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        columns.forEach((table, names) -> {
            String list = String.join(", ", names.stream().map(name -> quote(name) + "::text").toList());
            rows.put(table, query(database, "SELECT " + list + " FROM " + quote(table) + " ORDER BY "
                    + String.join(", ", names.stream().map(name -> quote(name) + "::text").toList())));
        });
        return rows;
    }

    /**
     * The service's schema as the catalog describes it: tables, columns with types, nullability and defaults,
     * constraints, indexes, views, functions, triggers and comments, one sorted line each. Two databases with the
     * same text have the same schema. Flyway's own history table is left out.
     */
    public static List<String> catalog(DataSource database) {
        List<String> lines = new ArrayList<>();
        String[] queries = { """
                SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0
                  AND NOT a.attisdropped AND c.relname <> 'flyway_schema_history'""", """
                SELECT 'relation ' || c.relname || ' ' || c.relkind::text
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname NOT LIKE 'flyway_schema_history%'""", """
                SELECT 'constraint ' || t.relname || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid)
                       || CASE WHEN con.convalidated THEN '' ELSE ' (not validated)' END
                FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relname <> 'flyway_schema_history'""", """
                SELECT 'index ' || pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relname <> 'flyway_schema_history'""", """
                SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
                       || md5(pg_get_functiondef(p.oid))
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'""", """
                SELECT 'trigger ' || pg_get_triggerdef(tg.oid)
                FROM pg_trigger tg JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND NOT tg.tgisinternal""", """
                SELECT 'type ' || t.typname || ' ' || t.typtype::text
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c')
                  AND t.typname NOT LIKE 'flyway_schema_history%'
                  AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)""", """
                SELECT 'comment ' || c.relname || coalesce('.' || a.attname, '') || ' ' || d.description
                FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
                WHERE n.nspname = 'public' AND c.relname NOT LIKE 'flyway_schema_history%'""" };
        for (String sql : queries) {
            query(database, sql).forEach(row -> lines.add(row.get(0)));
        }
        lines.sort(null);
        return lines;
    }

    /**
     * {@link #catalog} with the casts and parentheses of constraint and index expressions left out: PostgreSQL
     * deparses a CHECK or a partial index's predicate for {@code pg_dump} and parses it again on restore, which can move a cast
     * (for example
     * {@code ANY ((ARRAY['a'::varchar])::text[])} comes back as {@code ANY (ARRAY[('a'::varchar)::text])}); the
     * constraint means the same, its text does not.
     */
    public static List<String> catalogAcrossRestore(DataSource database) {
        return catalog(database).stream()
                .map(line -> line.startsWith("constraint ") || line.startsWith("index ")
                        ? line.replaceAll("::[a-z ]+(\\(\\d+\\))?(\\[])?", "").replaceAll("[()]", "")
                        : line)
                .sorted().toList();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
