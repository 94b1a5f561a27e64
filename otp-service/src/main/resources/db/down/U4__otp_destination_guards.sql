-- Undoes V4: back to the catalog of V3. Wrong-code counts per destination are forgotten.
SET LOCAL lock_timeout = '5s';
DROP TABLE otp_destination_guards;
DELETE FROM flyway_schema_history WHERE version = '4';
