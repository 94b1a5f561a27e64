package dev.gatehouse.common.db;

import java.util.Optional;

/**
 * Finds the unique constraint a failed write ran into, however deep the driver's exception is wrapped, so a service
 * can answer 409 with its own code when two requests race past its pre-checks.
 */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    /** The violated constraint's name, or empty when the failure is not a unique violation. */
    public static Optional<String> constraintOf(Throwable failure) {
        return SqlStates.find(failure, SqlStates.UNIQUE_VIOLATION)
                .map(pg -> Optional.ofNullable(pg.getConstraint()).orElse(""));
    }

    public static boolean is(Throwable failure) {
        return constraintOf(failure).isPresent();
    }
}
