-- Undoes V2: back to the catalog of V1. Request counters go with it (they only live for their window).
SET LOCAL lock_timeout = '5s';
DROP TABLE rate_limits;
DELETE FROM flyway_schema_history WHERE version = '2';
