package dev.gatehouse.otp.migration;

import dev.gatehouse.testing.MigrationContract;

/** otp-service's migrations: upgrade with data, down scripts, backup, adopting a database without history. */
class MigrationsTest extends MigrationContract {
}
