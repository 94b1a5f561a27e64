-- otp-service schema, version 4: wrong codes counted per destination and type across every code sent there.
-- A code allows max_attempts wrong guesses, and a resend or a new code starts that count afresh; without a cap over
-- all of them, resending would buy unlimited guesses at one phone or address. One row per destination and type
-- counts the wrong codes of a window; when the count reaches the configured cap, the destination and type lock
-- until locked_until, whatever new codes are issued. Verifications of one destination and type take this row's
-- lock first, so parallel guesses are counted one after the other.
CREATE TABLE otp_destination_guards
(
    destination       VARCHAR(320) NOT NULL,
    type              VARCHAR(30)  NOT NULL,
    -- Wrong codes since window_started_at; back to zero when the window ends or a lock starts.
    wrong_count       INTEGER      NOT NULL DEFAULT 0,
    window_started_at TIMESTAMPTZ,
    locked_until      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (destination, type),
    CONSTRAINT otp_destination_guards_type_known CHECK (type IN ('PHONE_VERIFICATION', 'EMAIL_VERIFICATION',
                                                                 'PASSWORD_RESET', 'LOGIN', 'COMPANY_VERIFICATION')),
    CONSTRAINT otp_destination_guards_wrong_count_nonnegative CHECK (wrong_count >= 0),
    CONSTRAINT otp_destination_guards_window_when_counting CHECK ((wrong_count = 0) = (window_started_at IS NULL))
);

-- Housekeeping drops rows whose window and lock both ended.
CREATE INDEX idx_otp_destination_guards_updated_at ON otp_destination_guards (updated_at);
