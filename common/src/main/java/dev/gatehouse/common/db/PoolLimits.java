package dev.gatehouse.common.db;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The limits on each service's reactive PostgreSQL pool ({@link BoundedPoolCreator}) and its readiness probe. */
@ConfigMapping(prefix = "gatehouse.db")
public interface PoolLimits {

    /** How long a request waits for a pooled connection before it gets 503 {@code database_unavailable}. */
    @WithDefault("PT3S")
    Duration acquisitionTimeout();

    /** How many requests may wait for a connection at once; past it a request fails at once. */
    @WithDefault("200")
    int maxWaiting();

    /** How long opening a TCP connection to PostgreSQL may take. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** PostgreSQL's {@code idle_in_transaction_session_timeout}, the server-side safety net for a stuck transaction. */
    @WithDefault("PT30S")
    Duration idleInTransactionTimeout();

    /** How long readiness waits for its {@code SELECT 1} before it answers DOWN, rather than hang. */
    @WithDefault("PT1S")
    Duration readinessTimeout();
}
