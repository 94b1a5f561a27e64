-- otp-service schema, version 1.
-- Sources: seed 000 (the OTPs table: hashed storage, attempt tracking, status management; the OtpType and
-- OtpStatus enums) and seed 002 (verification codes for phone and email). Users and companies live in other
-- services, so subject_id is a plain UUID and never a foreign key.

-- Keeps updated_at true whoever writes the row.
CREATE FUNCTION update_updated_at_column() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

CREATE TABLE otps
(
    id            UUID PRIMARY KEY,
    type          VARCHAR(30)  NOT NULL,
    status        VARCHAR(20)  NOT NULL DEFAULT 'PENDING',
    channel       VARCHAR(10)  NOT NULL,
    -- E.164 for SMS, a lower-cased address for email.
    destination   VARCHAR(320) NOT NULL,
    -- The user or company the code is about, as the caller named it.
    subject_id    UUID,
    -- BCP 47 language tag the messages were written for; a resend uses it again.
    locale        VARCHAR(35),
    -- HMAC-SHA256 (OTP_HASH_KEY) over id and code, hex. The code itself is never stored.
    code_hash     VARCHAR(128) NOT NULL,
    attempt_count INTEGER      NOT NULL DEFAULT 0,
    max_attempts  INTEGER      NOT NULL DEFAULT 5,
    expires_at    TIMESTAMPTZ  NOT NULL,
    verified_at   TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    revoke_reason VARCHAR(30),
    resend_count  INTEGER      NOT NULL DEFAULT 0,
    last_sent_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT otps_type_known CHECK (type IN ('PHONE_VERIFICATION', 'EMAIL_VERIFICATION', 'PASSWORD_RESET',
                                               'LOGIN', 'COMPANY_VERIFICATION')),
    CONSTRAINT otps_status_known CHECK (status IN ('PENDING', 'VERIFIED', 'EXPIRED', 'REVOKED', 'LOCKED')),
    CONSTRAINT otps_channel_known CHECK (channel IN ('SMS', 'EMAIL')),
    CONSTRAINT otps_destination_fits_channel CHECK (
        (channel = 'SMS' AND destination ~ '^\+[1-9][0-9]{6,14}$')
            OR (channel = 'EMAIL' AND destination ~ '^[^@\s]+@[^@\s]+$')),
    CONSTRAINT otps_max_attempts_positive CHECK (max_attempts > 0),
    CONSTRAINT otps_attempt_count_within_max CHECK (attempt_count >= 0 AND attempt_count <= max_attempts),
    -- Locked means every attempt was spent on wrong codes.
    CONSTRAINT otps_locked_when_exhausted CHECK (status <> 'LOCKED' OR attempt_count = max_attempts),
    CONSTRAINT otps_resend_count_nonnegative CHECK (resend_count >= 0),
    CONSTRAINT otps_expires_after_creation CHECK (expires_at > created_at),
    CONSTRAINT otps_verified_at_consistent CHECK ((status = 'VERIFIED') = (verified_at IS NOT NULL)),
    CONSTRAINT otps_revoked_at_consistent CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL)),
    CONSTRAINT otps_revoke_reason_consistent CHECK (
        (status = 'REVOKED') = (revoke_reason IS NOT NULL)
            AND (revoke_reason IS NULL OR revoke_reason IN ('superseded', 'cancelled', 'delivery_failed')))
);

-- A new code for the same destination and purpose supersedes the previous one: at most one may be pending, which
-- also settles two concurrent requests (the second fails on this index instead of leaving two live codes).
CREATE UNIQUE INDEX otps_one_pending_per_destination_type ON otps (destination, type) WHERE status = 'PENDING';
CREATE INDEX idx_otps_destination_type_status ON otps (destination, type, status);
CREATE INDEX idx_otps_expires_at ON otps (expires_at);
CREATE INDEX idx_otps_subject_id ON otps (subject_id);
CREATE INDEX idx_otps_created_at ON otps (created_at);

CREATE TRIGGER update_otps_updated_at
    BEFORE UPDATE
    ON otps
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

-- Every hand-over of a code to a provider, successful or not. Never holds the code or the message text.
CREATE TABLE otp_delivery_attempts
(
    id                  UUID PRIMARY KEY,
    otp_id              UUID         NOT NULL REFERENCES otps (id) ON DELETE CASCADE,
    channel             VARCHAR(10)  NOT NULL,
    provider            VARCHAR(20)  NOT NULL,
    -- Twilio's message sid, or the Message-ID header of the email.
    provider_message_id VARCHAR(255),
    status              VARCHAR(10)  NOT NULL,
    -- The provider's own error code (Twilio's numeric code, an SMTP reply code), when it gave one.
    error_code          VARCHAR(50),
    error               VARCHAR(1000),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT otp_delivery_attempts_channel_known CHECK (channel IN ('SMS', 'EMAIL')),
    CONSTRAINT otp_delivery_attempts_provider_known CHECK (provider IN ('twilio', 'smtp')),
    CONSTRAINT otp_delivery_attempts_status_known CHECK (status IN ('SENT', 'FAILED')),
    CONSTRAINT otp_delivery_attempts_error_when_failed CHECK ((status = 'FAILED') = (error IS NOT NULL))
);

CREATE INDEX idx_otp_delivery_attempts_otp_id ON otp_delivery_attempts (otp_id);
CREATE INDEX idx_otp_delivery_attempts_created_at ON otp_delivery_attempts (created_at);

-- Fixed-window counters (for example codes sent to one destination per hour). A request adds one with a single
-- INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so concurrent requests cannot lose an increment.
CREATE TABLE otp_rate_limits
(
    key          VARCHAR(400) NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    count        INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (key, window_start),
    CONSTRAINT otp_rate_limits_count_nonnegative CHECK (count >= 0)
);

-- Housekeeping drops windows that ended long ago.
CREATE INDEX idx_otp_rate_limits_window_start ON otp_rate_limits (window_start);
