package dev.gatehouse.common.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/**
 * TLS to PostgreSQL for the reactive pool, with libpq's {@code sslmode} meanings so that one setting
 * ({@code DB_SSL_MODE}) means the same for the reactive client and for JDBC (Flyway), which reads it as its own
 * {@code sslmode}:
 * <ul>
 * <li>{@code disable}: plain TCP;</li>
 * <li>{@code allow}, {@code prefer}, {@code require}: encrypted when (or, for {@code require}, only if) the server
 * offers TLS, the certificate not checked;</li>
 * <li>{@code verify-ca}: encrypted, the server's certificate must chain to the CA certificate
 * ({@code DB_SSL_ROOT_CERT}, a PEM file, typically mounted from a secret);</li>
 * <li>{@code verify-full}: as {@code verify-ca}, and the certificate must also name the host connected to.</li>
 * </ul>
 */
public final class DatabaseTls {

    private final SslMode mode;
    private final Path rootCert;

    private DatabaseTls(SslMode mode, Path rootCert) {
        this.mode = mode;
        this.rootCert = rootCert;
    }

    /**
     * @throws IllegalArgumentException for an unknown mode, or a verifying mode whose CA certificate is not a
     *         readable file: better refuse to start than connect unverified.
     */
    public static DatabaseTls of(String sslMode, String rootCertPath) {
        SslMode mode;
        try {
            mode = SslMode.of(sslMode.trim().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unknown database sslmode '" + sslMode
                    + "': use disable, allow, prefer, require, verify-ca or verify-full");
        }
        Path rootCert = rootCertPath == null || rootCertPath.isBlank() ? null : Path.of(rootCertPath.trim());
        if (verifies(mode) && (rootCert == null || !Files.isReadable(rootCert))) {
            throw new IllegalArgumentException("Database sslmode " + mode.value
                    + " needs the server's CA certificate, and '" + rootCertPath + "' is not a readable file");
        }
        return new DatabaseTls(mode, rootCert);
    }

    public SslMode mode() {
        return mode;
    }

    /** Sets the TLS options of one connection target. */
    public PgConnectOptions applyTo(PgConnectOptions options) {
        options.setSslMode(mode);
        if (mode == SslMode.DISABLE) {
            return options;
        }
        if (verifies(mode)) {
            options.setTrustAll(false);
            options.setPemTrustOptions(new PemTrustOptions().addCertPath(rootCert.toString()));
            // Vert.x checks the name only when given an algorithm; verify-ca deliberately does not.
            options.setHostnameVerificationAlgorithm(mode == SslMode.VERIFY_FULL ? "HTTPS" : "");
        } else {
            options.setTrustAll(true);
            options.setHostnameVerificationAlgorithm("");
        }
        return options;
    }

    private static boolean verifies(SslMode mode) {
        return mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL;
    }
}
