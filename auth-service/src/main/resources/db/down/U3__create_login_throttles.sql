-- Undoes V3: back to the catalog of V2. Login attempt counts and locks are forgotten.
SET LOCAL lock_timeout = '5s';
DROP TABLE login_throttles;
DELETE FROM flyway_schema_history WHERE version = '3';
