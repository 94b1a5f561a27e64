-- Undoes V2: back to the catalog of V1. The list of deleted accounts goes with it.
SET LOCAL lock_timeout = '5s';
DROP TABLE deleted_users;
DELETE FROM flyway_schema_history WHERE version = '2';
