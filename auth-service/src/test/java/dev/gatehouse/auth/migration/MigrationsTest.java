package dev.gatehouse.auth.migration;

import java.util.Map;

import dev.gatehouse.testing.MigrationContract;

/** auth-service's migrations: upgrade with data, down scripts, backup, adopting a database without history. */
class MigrationsTest extends MigrationContract {

    @Override
    protected Map<String, String> rewrittenByMigrations() {
        return Map.of("sessions.updated_at", "V6 fills absolute_expires_at with an UPDATE of every session, which "
                + "fires the updated_at trigger; V6 is released and cannot change");
    }
}
