package dev.gatehouse.common.db;

import java.util.Optional;

import io.vertx.pgclient.PgException;

/**
 * Finds the unique constraint a failed write ran into, however deep the driver's exception is wrapped, so a service
 * can answer 409 with its own code when two requests race past its pre-checks.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** The violated constraint's name, or empty when the failure is not a unique violation. */
    public static Optional<String> constraintOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return Optional.ofNullable(pg.getConstraint()).or(() -> Optional.of(""));
            }
        }
        return Optional.empty();
    }

    public static boolean is(Throwable failure) {
        return constraintOf(failure).isPresent();
    }
}
