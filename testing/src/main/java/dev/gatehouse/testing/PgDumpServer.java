package dev.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL of the same major version as the {@code pg_dump} on the PATH, for backup and restore tests:
 * {@code pg_dump} refuses a newer server, and the embedded one of the other tests may be newer than the client the
 * operating system ships. It runs the distribution's server binaries ({@code /usr/lib/postgresql/<major>/bin}, the
 * {@code postgresql} package), as the {@code postgres} user when the tests run as root, on 127.0.0.1 with trust
 * authentication.
 */
public final class PgDumpServer implements AutoCloseable {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final Path dir;
    private final Path bin;
    private final int port;
    private final List<String> asOwner;
    private int databases;

    private PgDumpServer(Path dir, Path bin, int port, List<String> asOwner) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asOwner = asOwner;
    }

    public static PgDumpServer start() {
        try {
            String version = run(List.of("pg_dump", "--version"));
            Matcher matcher = VERSION.matcher(version);
            if (!matcher.find()) {
                throw new IllegalStateException("cannot read the version of pg_dump: " + version);
            }
            Path bin = Path.of("/usr/lib/postgresql", matcher.group(1), "bin");
            if (!Files.isExecutable(bin.resolve("postgres"))) {
                throw new IllegalStateException("no PostgreSQL " + matcher.group(1) + " server in " + bin
                        + " to match pg_dump: install the postgresql package");
            }
            boolean root = "root".equals(System.getProperty("user.name"));
            List<String> asOwner = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
            Path dir = Files.createTempDirectory("gatehouse-pgdump");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            PgDumpServer server = new PgDumpServer(dir, bin, port, asOwner);
            server.owner(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--no-sync");
            server.owner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                    dir.resolve("log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off", "start");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** A new, empty database. */
    public DataSource newDatabase() {
        String name = "backup_" + (++databases);
        MigrationHarness.execute(dataSource("postgres"), "CREATE DATABASE " + name);
        return dataSource(name);
    }

    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] { "127.0.0.1" });
        dataSource.setPortNumbers(new int[] { port });
        dataSource.setDatabaseName(database);
        dataSource.setUser("postgres");
        return dataSource;
    }

    /** Runs a client program (pg_dump, pg_restore) against this server; answers its output. */
    public String client(String... command) {
        try {
            return run(List.of(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void owner(String... command) throws IOException {
        List<String> full = new ArrayList<>(asOwner);
        full.addAll(List.of(command));
        run(full);
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }

    @Override
    public void close() {
        try {
            owner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
            run(List.of("rm", "-rf", dir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
