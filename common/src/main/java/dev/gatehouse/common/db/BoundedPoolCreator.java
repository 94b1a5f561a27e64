package dev.gatehouse.common.db;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Builds each service's reactive PostgreSQL pool with the limits Quarkus has no setting for, so that a database that
 * is slow, paused or out of connections makes requests fail fast (503, see {@link DatabaseUnavailable}) instead of
 * queueing them for the driver's default 30 seconds:
 * <ul>
 * <li>a bounded wait for a connection ({@code gatehouse.db.acquisition-timeout});</li>
 * <li>a bounded queue of waiting requests ({@code gatehouse.db.max-waiting}); past it a request fails at once;</li>
 * <li>a bounded TCP connect ({@code gatehouse.db.connect-timeout});</li>
 * <li>PostgreSQL's own {@code idle_in_transaction_session_timeout}
 * ({@code gatehouse.db.idle-in-transaction-timeout}): should a connection ever be left inside a transaction, the
 * server rolls it back and ends that session, releasing its locks, and the pool replaces the connection;</li>
 * <li>TLS as {@code db.ssl-mode} and {@code db.ssl-root-cert} ({@code DB_SSL_MODE}, {@code DB_SSL_ROOT_CERT}) say
 * ({@link DatabaseTls}), the
 * same settings the JDBC connection Flyway uses is given.</li>
 * </ul>
 */
@Singleton
public class BoundedPoolCreator implements PgPoolCreator {

    /** Where the Kubernetes manifests mount the database's CA certificate. */
    public static final String DEFAULT_ROOT_CERT = "/var/run/secrets/gatehouse/db-ca/ca.crt";

    private final PoolLimits limits;
    private final DatabaseTls tls;

    public BoundedPoolCreator(PoolLimits limits,
            @ConfigProperty(name = "db.ssl-mode", defaultValue = "disable") String sslMode,
            @ConfigProperty(name = "db.ssl-root-cert", defaultValue = DEFAULT_ROOT_CERT) String sslRootCert) {
        this.limits = limits;
        this.tls = DatabaseTls.of(sslMode, sslRootCert);
    }

    @Override
    public Pool create(Input input) {
        PoolOptions pool = new PoolOptions(input.poolOptions())
                .setConnectionTimeout((int) Math.max(1, limits.acquisitionTimeout().toMillis()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(limits.maxWaiting());
        List<PgConnectOptions> databases = input.pgConnectOptionsList().stream()
                .map(options -> tls.applyTo(new PgConnectOptions(options))
                        .setConnectTimeout((int) limits.connectTimeout().toMillis())
                        .addProperty("idle_in_transaction_session_timeout",
                                String.valueOf(limits.idleInTransactionTimeout().toMillis())))
                .toList();
        return PgDriver.INSTANCE.createPool(input.vertx(), databases, pool);
    }
}
