-- Undoes V6: back to the catalog of V4. Which client created each code is forgotten.
SET LOCAL lock_timeout = '5s';
ALTER TABLE otps DROP COLUMN issued_to;
DELETE FROM flyway_schema_history WHERE version = '6';
