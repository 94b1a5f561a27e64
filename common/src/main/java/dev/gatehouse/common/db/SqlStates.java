package dev.gatehouse.common.db;

import java.util.Optional;

import io.vertx.pgclient.PgException;

/** PostgreSQL's error codes a service reacts to, found however deep the driver's exception is wrapped. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlStates() {
    }

    /** The driver's exception with {@code sqlState} in {@code failure} or its causes, or empty. */
    public static Optional<PgException> find(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && sqlState.equals(pg.getSqlState())) {
                return Optional.of(pg);
            }
        }
        return Optional.empty();
    }
}
