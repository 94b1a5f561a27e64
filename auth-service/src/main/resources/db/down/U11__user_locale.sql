-- Undoes V11: back to the catalog of V10. The languages people chose are forgotten: messages follow the request's
-- Accept-Language again.
SET LOCAL lock_timeout = '5s';
ALTER TABLE users DROP CONSTRAINT users_locale_tag;
ALTER TABLE users DROP COLUMN locale;
DELETE FROM flyway_schema_history WHERE version = '11';
