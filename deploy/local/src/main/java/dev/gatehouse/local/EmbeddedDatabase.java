package dev.gatehouse.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for people who have none: zonky's binaries, data kept in the state directory so that users
 * and companies survive a restart. Started as root (a container, CI), zonky runs PostgreSQL in a user namespace,
 * because PostgreSQL refuses to run as root.
 */
final class EmbeddedDatabase implements AutoCloseable {

    /** initdb's superuser; the server trusts local connections, so no password is checked. */
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port, Path logFile) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(logFile.getParent());
        var log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Four services with a pool of 20 each, plus Flyway, exceed the default of 100 in bursts.
                .setServerConfig("max_connections", "200")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                // The first start unpacks the binaries and runs initdb; a slow disk needs more than 10 s.
                .setPGStartupWait(Duration.ofSeconds(60))
                // LocalRun stops PostgreSQL itself, after the services that use it.
                .setRegisterShutdownHook(false)
                .start();
        return new EmbeddedDatabase(postgres);
    }

    DatabaseEndpoint endpoint() {
        return new DatabaseEndpoint("127.0.0.1", postgres.getPort(), SUPERUSER, SUPERUSER);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
