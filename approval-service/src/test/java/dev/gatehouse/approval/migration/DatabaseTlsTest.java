package dev.gatehouse.approval.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gatehouse.common.db.DatabaseTls;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * DB_SSL_MODE against a PostgreSQL that speaks TLS with a certificate for {@code localhost} from a private CA: the
 * reactive client (through {@link DatabaseTls}, as the services' pool is built) and JDBC (as Flyway connects, with
 * the same sslmode and root certificate) both encrypt, and verify-full refuses a host the certificate does not name.
 */
class DatabaseTlsTest {

    @TempDir
    static Path dir;

    private static EmbeddedPostgres postgres;
    private static Vertx vertx;
    private static Path ca;
    private static Path otherCa;

    @BeforeAll
    static void start() throws Exception {
        ca = dir.resolve("ca.crt");
        otherCa = dir.resolve("other-ca.crt");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Test database CA",
                "-keyout", dir.resolve("ca.key").toString(), "-out", ca.toString());
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Someone else's CA",
                "-keyout", dir.resolve("other-ca.key").toString(), "-out", otherCa.toString());
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout",
                dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString());
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl("x509", "-req", "-in", dir.resolve("server.csr").toString(), "-CA", ca.toString(), "-CAkey",
                dir.resolve("ca.key").toString(), "-CAcreateserial", "-days", "2", "-extfile",
                dir.resolve("san.ext").toString(), "-out", dir.resolve("server.crt").toString());
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        postgres = EmbeddedPostgres.builder().setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", dir.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", dir.resolve("server.key").toString()).start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void verifyFullEncryptsBothConnectionsToTheNamedHost() throws Exception {
        assertTrue(reactiveSsl("localhost", DatabaseTls.of("verify-full", ca.toString())));
        assertTrue(jdbcSsl("localhost", "verify-full", ca));
    }

    @Test
    void verifyFullRefusesAHostTheCertificateDoesNotName() {
        assertThrows(Exception.class, () -> reactiveSsl("127.0.0.1", DatabaseTls.of("verify-full", ca.toString())));
        assertThrows(SQLException.class, () -> jdbcSsl("127.0.0.1", "verify-full", ca));
    }

    @Test
    void verifyCaChecksTheIssuerButNotTheName() throws Exception {
        assertTrue(reactiveSsl("127.0.0.1", DatabaseTls.of("verify-ca", ca.toString())));
        assertTrue(jdbcSsl("127.0.0.1", "verify-ca", ca));
        assertThrows(Exception.class,
                () -> reactiveSsl("localhost", DatabaseTls.of("verify-ca", otherCa.toString())));
        assertThrows(SQLException.class, () -> jdbcSsl("localhost", "verify-ca", otherCa));
    }

    @Test
    void requireEncryptsWithoutCheckingAndDisableDoesNot() throws Exception {
        assertTrue(reactiveSsl("127.0.0.1", DatabaseTls.of("require", "")));
        assertTrue(jdbcSsl("127.0.0.1", "require", otherCa));
        assertEquals(false, reactiveSsl("127.0.0.1", DatabaseTls.of("disable", "")));
        assertEquals(false, jdbcSsl("127.0.0.1", "disable", otherCa));
    }

    @Test
    void aVerifyingModeWithoutItsCaCertificateOrAnUnknownModeRefusesToStart() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseTls.of("verify-full", ""));
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseTls.of("verify-full", dir.resolve("missing.crt").toString()));
        assertThrows(IllegalArgumentException.class, () -> DatabaseTls.of("verify_everything", ""));
    }

    private static boolean reactiveSsl(String host, DatabaseTls tls) throws Exception {
        PgConnectOptions options = tls.applyTo(new PgConnectOptions().setHost(host).setPort(postgres.getPort())
                .setDatabase("postgres").setUser("postgres").setPassword("postgres"));
        PgConnection connection = PgConnection.connect(vertx, options).toCompletionStage().toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
        try {
            return connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").execute()
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS).iterator().next()
                    .getBoolean(0);
        } finally {
            connection.close();
        }
    }

    private static boolean jdbcSsl(String host, String sslMode, Path rootCert) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "postgres");
        properties.setProperty("sslmode", sslMode);
        properties.setProperty("sslrootcert", rootCert.toString());
        try (Connection connection = DriverManager
                .getConnection("jdbc:postgresql://" + host + ":" + postgres.getPort() + "/postgres", properties);
                ResultSet row = connection.createStatement()
                        .executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
