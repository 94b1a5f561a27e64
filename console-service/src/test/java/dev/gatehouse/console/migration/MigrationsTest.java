package dev.gatehouse.console.migration;

import dev.gatehouse.testing.MigrationContract;

/** console-service's migrations: upgrade with data, down scripts, backup, adopting a database without history. */
class MigrationsTest extends MigrationContract {
}
