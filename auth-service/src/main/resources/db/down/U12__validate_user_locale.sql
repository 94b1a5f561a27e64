-- Undoes V12: back to the catalog of V11, where the locale CHECK is NOT VALID (dropped and added again without a
-- scan).
SET LOCAL lock_timeout = '5s';
ALTER TABLE users DROP CONSTRAINT users_locale_tag;
ALTER TABLE users ADD CONSTRAINT users_locale_tag
    CHECK (locale IS NULL OR locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$') NOT VALID;
DELETE FROM flyway_schema_history WHERE version = '12';
