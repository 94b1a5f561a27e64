-- Undoes V1: an empty database. Every code is gone: only for a database that was never used.
SET LOCAL lock_timeout = '5s';
DROP TABLE otp_rate_limits;
DROP TABLE otp_delivery_attempts;
DROP TABLE otps;
DROP FUNCTION update_updated_at_column();
DELETE FROM flyway_schema_history WHERE version = '1';
