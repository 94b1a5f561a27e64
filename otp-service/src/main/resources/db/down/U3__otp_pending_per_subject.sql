-- Undoes V3: back to the catalog of V2. Refuses while two subjects have a pending code for the same destination
-- and type (the older index allows one): let those expire first.
SET LOCAL lock_timeout = '5s';
CREATE UNIQUE INDEX otps_one_pending_per_destination_type ON otps (destination, type) WHERE status = 'PENDING';
DROP INDEX otps_one_pending_per_subject_destination_type;
DELETE FROM flyway_schema_history WHERE version = '3';
