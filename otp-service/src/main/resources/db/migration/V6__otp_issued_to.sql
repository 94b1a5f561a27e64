-- The service client that asked for a code. Only that client may check, resend, read or withdraw it: a service
-- allowed to verify its own codes cannot verify another service's. Codes issued before this column existed have
-- none and stay usable by any service until they expire (minutes).
ALTER TABLE otps ADD COLUMN issued_to VARCHAR(100);

COMMENT ON COLUMN otps.issued_to IS 'client_id of the service token that created the code';
