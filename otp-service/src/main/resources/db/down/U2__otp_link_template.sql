-- Undoes V2: back to the catalog of V1. Pending email codes lose their link template (their emails are sent) and
-- the log of free-form messages goes.
SET LOCAL lock_timeout = '5s';
DROP TABLE messages;
ALTER TABLE otps DROP CONSTRAINT otps_link_template_email_only;
ALTER TABLE otps DROP COLUMN link_template;
DELETE FROM flyway_schema_history WHERE version = '2';
