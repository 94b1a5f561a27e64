-- otp-service schema, version 2: email links on codes, and transactional messages (POST /messages).

-- The caller's link for an emailed code, with {token} where the token goes. A resend builds a fresh link from it for
-- the new code. The template is no secret: the token (id and code) is computed when the mail is written and never
-- stored. Nullable without a default, so adding it rewrites nothing.
ALTER TABLE otps
    ADD COLUMN link_template VARCHAR(500);

-- Links only travel by email. The column is new and NULL in every existing row, so there is nothing to validate:
-- NOT VALID skips a scan of the whole table under an exclusive lock, and new and updated rows are checked all the same.
ALTER TABLE otps
    ADD CONSTRAINT otps_link_template_email_only CHECK (link_template IS NULL OR channel = 'EMAIL') NOT VALID;

-- One row per message another service asked us to deliver (for example auth-service's password-reset mail). Never the
-- body: it may hold a secret link or a code the caller generated.
CREATE TABLE messages
(
    id          UUID PRIMARY KEY,
    channel     VARCHAR(10)  NOT NULL,
    -- A lower-cased address for email (the only channel so far).
    destination VARCHAR(320) NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    -- Why the provider did not take it; never the text that was sent.
    error       VARCHAR(1000),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT messages_channel_known CHECK (channel IN ('SMS', 'EMAIL')),
    CONSTRAINT messages_destination_fits_channel CHECK (
        (channel = 'SMS' AND destination ~ '^\+[1-9][0-9]{6,14}$')
            OR (channel = 'EMAIL' AND destination ~ '^[^@\s]+@[^@\s]+$')),
    CONSTRAINT messages_status_known CHECK (status IN ('SENT', 'FAILED')),
    CONSTRAINT messages_error_when_failed CHECK ((status = 'FAILED') = (error IS NOT NULL))
);

CREATE INDEX idx_messages_destination ON messages (destination);
-- Housekeeping deletes messages older than the retention.
CREATE INDEX idx_messages_created_at ON messages (created_at);
