-- Undoes V4: back to the catalog of V3. The copies of the requesters' verified contacts are forgotten.
SET LOCAL lock_timeout = '5s';
ALTER TABLE staff_approval_requests
    DROP COLUMN requester_email,
    DROP COLUMN requester_phone;
DELETE FROM flyway_schema_history WHERE version = '4';
