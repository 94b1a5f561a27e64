-- One row per signed-in browser. The browser holds only a random session id in an HttpOnly cookie; the row keeps
-- the Gatehouse tokens on the server side. The id is stored as its SHA-256 digest, so a copy of this table does
-- not let anyone present a valid cookie.
CREATE TABLE console_sessions (
    id_hash              BYTEA       PRIMARY KEY CHECK (octet_length(id_hash) = 32),
    user_id              UUID        NOT NULL,
    email                TEXT        NOT NULL,
    platform_admin       BOOLEAN     NOT NULL DEFAULT FALSE,
    gatehouse_session_id UUID,
    access_token         TEXT        NOT NULL,
    access_expires_at    TIMESTAMPTZ NOT NULL,
    refresh_token        TEXT        NOT NULL,
    refresh_expires_at   TIMESTAMPTZ NOT NULL,
    -- Set while one request refreshes the tokens, so parallel requests do not spend the same refresh token twice.
    refreshing_until     TIMESTAMPTZ,
    csrf_token           TEXT        NOT NULL CHECK (length(csrf_token) >= 32),
    flash_kind           TEXT        CHECK (flash_kind IN ('success', 'error')),
    flash_text           TEXT        CHECK (flash_text IS NULL OR length(flash_text) <= 2000),
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((flash_kind IS NULL) = (flash_text IS NULL))
);

-- Housekeeping deletes sessions whose refresh token has expired.
CREATE INDEX console_sessions_refresh_expires_at_idx ON console_sessions (refresh_expires_at);
