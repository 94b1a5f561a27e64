-- Undoes V1: back to an empty schema. Every browser is signed out of the console (the Gatehouse sessions behind
-- them stay until they expire or are revoked).
SET LOCAL lock_timeout = '5s';
DROP TABLE console_sessions;
DELETE FROM flyway_schema_history WHERE version = '1';
