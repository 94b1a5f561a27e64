-- auth-service schema, version 1.
-- Sources: seed 000 (users.phone_number unique + phone_verified, device-tracked refresh tokens),
-- seed 002 (users.verification_status), seed 003 (users, sessions, software/hardware backgrounds,
-- GIN indexes, updated_at triggers), seed 004 (password_resets, verbatim columns, checks and indexes).

-- Keeps updated_at true whoever writes the row (seed 003, 006_create_triggers.sql).
CREATE FUNCTION update_updated_at_column() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

CREATE TABLE users
(
    id                  UUID PRIMARY KEY,
    -- Stored lower-cased; the unique index on lower(email) makes Alice@Example.com and alice@example.com one account.
    email               VARCHAR(255) NOT NULL,
    password_hash       VARCHAR(255) NOT NULL,
    -- E.164: a plus sign and up to 15 digits.
    phone_number        VARCHAR(20)  NOT NULL,
    phone_verified      BOOLEAN      NOT NULL DEFAULT false,
    email_verified      BOOLEAN      NOT NULL DEFAULT false,
    -- Derived from the two flags by the database itself, so it can never disagree with them (seed 002).
    verification_status VARCHAR(20)  NOT NULL GENERATED ALWAYS AS (
        CASE
            WHEN email_verified AND phone_verified THEN 'VERIFIED'
            WHEN email_verified OR phone_verified THEN 'PARTIALLY_VERIFIED'
            ELSE 'UNVERIFIED'
            END) STORED,
    roles               TEXT[]       NOT NULL DEFAULT ARRAY ['user'],
    failed_login_count  INTEGER      NOT NULL DEFAULT 0,
    locked_until        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT users_phone_number_key UNIQUE (phone_number),
    CONSTRAINT users_phone_number_e164 CHECK (phone_number ~ '^\+[1-9][0-9]{6,14}$'),
    CONSTRAINT users_roles_known CHECK (roles <@ ARRAY ['user', 'platform-admin']),
    CONSTRAINT users_failed_login_count_nonnegative CHECK (failed_login_count >= 0)
);

CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX idx_users_phone_verified ON users (phone_verified);
CREATE INDEX idx_users_email_verified ON users (email_verified);
CREATE INDEX idx_users_verification_status ON users (verification_status);
CREATE INDEX idx_users_created_at ON users (created_at);

CREATE TRIGGER update_users_updated_at
    BEFORE UPDATE
    ON users
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

-- One row per device session (seed 003 "sessions"): the family that every rotated refresh token belongs to.
-- Revoking the session ends every token of the family at once.
CREATE TABLE sessions
(
    id           UUID PRIMARY KEY,
    user_id      UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id    VARCHAR(255),
    ip_address   VARCHAR(45),
    user_agent   VARCHAR(500),
    expires_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked      BOOLEAN      NOT NULL DEFAULT false,
    revoked_at   TIMESTAMPTZ,
    revoke_reason VARCHAR(40),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT sessions_revoked_at_consistent CHECK (revoked = (revoked_at IS NOT NULL))
);

CREATE INDEX idx_sessions_user_id ON sessions (user_id);
CREATE INDEX idx_sessions_expires_at ON sessions (expires_at);
CREATE INDEX idx_sessions_user_active ON sessions (user_id) WHERE NOT revoked;

CREATE TRIGGER update_sessions_updated_at
    BEFORE UPDATE
    ON sessions
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

-- Every refresh token ever issued, stored only as a SHA-256 hash (seed 000 RefreshTokens + seed 003 sessions.token).
-- A token is used once: refreshing marks it replaced and issues its successor in the same session.
CREATE TABLE refresh_tokens
(
    id          UUID PRIMARY KEY,
    session_id  UUID         NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id     UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  VARCHAR(64)  NOT NULL,
    device_id   VARCHAR(255),
    ip_address  VARCHAR(45),
    user_agent  VARCHAR(500),
    expires_at  TIMESTAMPTZ  NOT NULL,
    revoked     BOOLEAN      NOT NULL DEFAULT false,
    revoked_at  TIMESTAMPTZ,
    replaced_at TIMESTAMPTZ,
    replaced_by UUID,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash),
    CONSTRAINT refresh_tokens_revoked_at_consistent CHECK (revoked = (revoked_at IS NOT NULL))
);

CREATE INDEX idx_refresh_tokens_session_id ON refresh_tokens (session_id);
CREATE INDEX idx_refresh_tokens_user_id ON refresh_tokens (user_id);
CREATE INDEX idx_refresh_tokens_expires_at ON refresh_tokens (expires_at);

-- Seed 004, column for column; the user reference is users(id) where the seed says customers(id).
CREATE TABLE password_resets
(
    id            UUID PRIMARY KEY   DEFAULT gen_random_uuid(),
    customer_id   UUID      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email         VARCHAR   NOT NULL,
    reset_type    VARCHAR   NOT NULL CHECK (reset_type IN ('email_link', 'email_otp')),
    status        VARCHAR   NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'used', 'expired', 'revoked')),
    token_hash    VARCHAR   NOT NULL,
    attempt_count INTEGER   NOT NULL DEFAULT 0,
    max_attempts  INTEGER   NOT NULL DEFAULT 3,
    expires_at    TIMESTAMP NOT NULL,
    used_at       TIMESTAMP NULL,
    user_agent    VARCHAR   NULL,
    ip_address    INET      NULL,
    created_at    TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX idx_password_resets_email_status ON password_resets (email, status);
CREATE UNIQUE INDEX idx_password_resets_token_hash ON password_resets (token_hash);
CREATE INDEX idx_password_resets_expires_at ON password_resets (expires_at);
CREATE INDEX idx_password_resets_customer_id ON password_resets (customer_id);

-- Seed 003: one software background per user, list columns searchable through GIN indexes.
CREATE TABLE software_background
(
    id                   UUID PRIMARY KEY,
    user_id              UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    experience_level     VARCHAR(20) NOT NULL CHECK (experience_level IN ('beginner', 'intermediate', 'advanced', 'expert')),
    preferred_languages  TEXT[]      NOT NULL DEFAULT '{}',
    preferred_frameworks TEXT[]      NOT NULL DEFAULT '{}',
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT software_background_user_id_key UNIQUE (user_id)
);

CREATE INDEX idx_software_background_languages ON software_background USING GIN (preferred_languages);
CREATE INDEX idx_software_background_frameworks ON software_background USING GIN (preferred_frameworks);

CREATE TRIGGER update_software_background_updated_at
    BEFORE UPDATE
    ON software_background
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

-- Seed 003: one hardware background per user.
CREATE TABLE hardware_background
(
    id                  UUID PRIMARY KEY,
    user_id             UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    experience_level    VARCHAR(20) NOT NULL CHECK (experience_level IN ('beginner', 'intermediate', 'advanced', 'expert')),
    preferred_platforms TEXT[]      NOT NULL DEFAULT '{}',
    device_types        TEXT[]      NOT NULL DEFAULT '{}',
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT hardware_background_user_id_key UNIQUE (user_id)
);

CREATE INDEX idx_hardware_background_platforms ON hardware_background USING GIN (preferred_platforms);
CREATE INDEX idx_hardware_background_device_types ON hardware_background USING GIN (device_types);

CREATE TRIGGER update_hardware_background_updated_at
    BEFORE UPDATE
    ON hardware_background
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

-- Security-relevant events (sign-ups, logins, failures, revocations), kept for audit; no secrets are stored here.
CREATE TABLE audit_events
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    UUID,
    event_type VARCHAR(50) NOT NULL,
    ip_address VARCHAR(45),
    user_agent VARCHAR(500),
    details    JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_audit_events_user_id_created_at ON audit_events (user_id, created_at);
CREATE INDEX idx_audit_events_event_type_created_at ON audit_events (event_type, created_at);
