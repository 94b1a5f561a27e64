package dev.gatehouse.common.db;

import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;

import io.vertx.pgclient.PgException;

/**
 * Finds the unique constraint a failed write ran into, however the driver (and Hibernate Reactive, in a service that
 * uses it) wrapped it, so a service can answer 409 with its own code when two requests race past its pre-checks.
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
            // Compared by name, so a service without Hibernate on its class path never loads the class.
            if (t.getClass().getName().equals("org.hibernate.exception.ConstraintViolationException")) {
                Optional<String> hibernate = HibernateViolation.constraintOf(t);
                if (hibernate.isPresent()) {
                    return hibernate;
                }
            }
        }
        return Optional.empty();
    }

    public static boolean is(Throwable failure) {
        return constraintOf(failure).isPresent();
    }

    /** Loaded only when a Hibernate exception is seen. */
    private static final class HibernateViolation {

        static Optional<String> constraintOf(Throwable failure) {
            ConstraintViolationException hibernate = (ConstraintViolationException) failure;
            if (!UNIQUE_VIOLATION.equals(hibernate.getSQLState())) {
                return Optional.empty();
            }
            return Optional.ofNullable(hibernate.getConstraintName()).or(() -> Optional.of(""));
        }
    }
}
