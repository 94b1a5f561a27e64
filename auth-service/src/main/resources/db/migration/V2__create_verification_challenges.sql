-- auth-service schema, version 2: the code in flight for each channel a person is proving (flow 1).
-- otp-service keeps the code itself (hashed, with its attempts and expiry); auth-service only remembers which code
-- it asked for, for whom and where it was sent, so a confirmation can be tied to the account and to the phone number
-- or address the account has now. One row per user and channel: asking again replaces the row, as a new code
-- replaces the old one in otp-service.
CREATE TABLE verification_challenges
(
    user_id     UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel     VARCHAR(10)  NOT NULL CHECK (channel IN ('PHONE', 'EMAIL')),
    otp_id      UUID         NOT NULL,
    -- Where the code went: an E.164 number or a lower-cased email address (at most 254 characters).
    destination VARCHAR(320) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT verification_challenges_pkey PRIMARY KEY (user_id, channel),
    -- An emailed link names only the code's id, so the challenge is looked up by it.
    CONSTRAINT verification_challenges_otp_id_key UNIQUE (otp_id)
);
