-- Undoes V14: back to the catalog of V12. Refuses (NOT NULL fails) while an imported account has no phone number:
-- such accounts cannot exist in the older schema; delete or complete them first. Which system an account came
-- from is forgotten.
SET LOCAL lock_timeout = '5s';
ALTER TABLE users DROP CONSTRAINT users_phone_required_unless_imported;
ALTER TABLE users ALTER COLUMN phone_number SET NOT NULL;
ALTER TABLE users DROP COLUMN imported_from;
DELETE FROM flyway_schema_history WHERE version = '14';
