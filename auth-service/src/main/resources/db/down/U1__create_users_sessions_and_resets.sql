-- Undoes V1: an empty database. Every account is gone: only for a database that was never used.
SET LOCAL lock_timeout = '5s';
DROP TABLE audit_events;
DROP TABLE hardware_background;
DROP TABLE software_background;
DROP TABLE password_resets;
DROP TABLE refresh_tokens;
DROP TABLE sessions;
DROP TABLE users;
DROP FUNCTION update_updated_at_column();
DELETE FROM flyway_schema_history WHERE version = '1';
