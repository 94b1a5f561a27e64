package dev.gatehouse.common.db;

import java.net.ConnectException;
import java.util.Set;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;

/**
 * Recognises the failures that mean "the database cannot be reached right now", as opposed to a bug: no pooled
 * connection within the acquisition timeout, too many requests already waiting for one, a connection refused or
 * closed under a query, or PostgreSQL shutting down or out of connections. They deserve a 503 with Retry-After, not a
 * 500.
 */
public final class DatabaseUnavailable {

    /** PostgreSQL's SQLSTATEs for "try again later": shutting down, crash recovery, too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "08006",
            "08001", "08004");

    private DatabaseUnavailable() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNAVAILABLE_STATES.contains(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof ConnectException || cause instanceof ConnectionPoolTooBusyException) {
                return true;
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            // The pool's own failures carry no type of their own, only these messages: "Timeout" when a connection is
            // taken (common's Database), "Timeout waiting for connection" from the pool's preparedQuery shortcut.
            if ((cause instanceof NoStackTraceThrowable || cause instanceof VertxException)
                    && (message.equals("Timeout") || message.startsWith("Timeout waiting for connection")
                            || message.equals("Connection is closed")
                            || message.startsWith("Pool closed"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
