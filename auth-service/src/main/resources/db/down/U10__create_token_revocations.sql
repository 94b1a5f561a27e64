-- Undoes V10: back to the catalog of V9. The revocation feed goes; services that poll it keep what they fetched.
SET LOCAL lock_timeout = '5s';
DROP TRIGGER record_user_deletion ON users;
DROP FUNCTION record_user_deletion();
DROP TRIGGER record_session_revocation ON sessions;
DROP FUNCTION record_session_revocation();
DROP TABLE token_revocations;
DELETE FROM flyway_schema_history WHERE version = '10';
