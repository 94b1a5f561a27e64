-- Undoes V15: back to the catalog of V14. The import mapping goes (run gatehouse import again after migrating up:
-- rows already in Gatehouse are then refused as conflicts, not skipped), and the phone CHECK is left NOT VALID as
-- V14 made it (dropped and added again without a scan).
SET LOCAL lock_timeout = '5s';
DROP TABLE import_source_ids;
ALTER TABLE users DROP CONSTRAINT users_phone_required_unless_imported;
ALTER TABLE users ADD CONSTRAINT users_phone_required_unless_imported
    CHECK (phone_number IS NOT NULL OR imported_from IS NOT NULL) NOT VALID;
DELETE FROM flyway_schema_history WHERE version = '15';
