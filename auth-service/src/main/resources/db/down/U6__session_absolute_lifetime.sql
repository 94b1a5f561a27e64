-- Undoes V6: back to the catalog of V4. Sessions keep the expiry V6 may have shortened; only the absolute limit
-- is forgotten.
SET LOCAL lock_timeout = '5s';
ALTER TABLE sessions DROP CONSTRAINT sessions_expiry_within_absolute;
ALTER TABLE sessions DROP COLUMN absolute_expires_at;
DELETE FROM flyway_schema_history WHERE version = '6';
