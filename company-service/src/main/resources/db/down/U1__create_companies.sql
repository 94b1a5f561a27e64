-- Undoes V1: an empty database. Every company is gone: only for a database that was never used.
SET LOCAL lock_timeout = '5s';
DROP TABLE company_members;
DROP TABLE companies;
DROP FUNCTION update_updated_at_column();
DELETE FROM flyway_schema_history WHERE version = '1';
