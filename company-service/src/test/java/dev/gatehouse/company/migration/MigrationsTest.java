package dev.gatehouse.company.migration;

import dev.gatehouse.testing.MigrationContract;

/** company-service's migrations: upgrade with data, down scripts, backup, adopting a database without history. */
class MigrationsTest extends MigrationContract {
}
