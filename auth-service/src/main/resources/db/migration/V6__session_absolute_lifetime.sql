-- auth-service schema, version 6: sessions end at an absolute time as well as after an idle period.
-- Refreshing moves expires_at forward (the idle lifetime) but never past absolute_expires_at, which is set once,
-- when the session opens; a session refreshed for ever therefore still ends. Sessions opened before this version
-- get the default lifetime of 30 days from their creation.
ALTER TABLE sessions ADD COLUMN absolute_expires_at TIMESTAMPTZ;

UPDATE sessions SET absolute_expires_at = created_at + INTERVAL '30 days';
UPDATE sessions SET expires_at = absolute_expires_at WHERE expires_at > absolute_expires_at;

ALTER TABLE sessions ALTER COLUMN absolute_expires_at SET NOT NULL;
ALTER TABLE sessions ADD CONSTRAINT sessions_expiry_within_absolute CHECK (expires_at <= absolute_expires_at);
