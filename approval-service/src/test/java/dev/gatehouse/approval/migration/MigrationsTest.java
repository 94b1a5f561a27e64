package dev.gatehouse.approval.migration;

import dev.gatehouse.testing.MigrationContract;

/** approval-service's migrations: upgrade with data, down scripts, backup, adopting a database without history. */
class MigrationsTest extends MigrationContract {
}
