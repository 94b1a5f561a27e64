-- The revocation feed: every session revoked and every account deleted, in the order recorded, so that the other
-- services can refuse the access tokens of those sessions and people within seconds instead of at token expiry.
-- Rows are written by triggers, so every way of revoking a session (logout, revoking one device, logging out
-- everywhere, a password reset or change, refresh-token reuse) and every deletion is recorded in the transaction
-- that makes it. A row is only useful while an access token issued before it can still be valid; housekeeping
-- deletes older rows.
CREATE TABLE token_revocations
(
    id         BIGSERIAL PRIMARY KEY,
    -- NULL: every token of the user (the account was deleted).
    session_id UUID,
    user_id    UUID        NOT NULL,
    reason     VARCHAR(40) NOT NULL,
    -- clock_timestamp(), not now(): the time of the revocation itself, not of the start of its transaction.
    revoked_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX idx_token_revocations_revoked_at ON token_revocations (revoked_at);

CREATE FUNCTION record_session_revocation() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO token_revocations (session_id, user_id, reason)
    VALUES (NEW.id, NEW.user_id, coalesce(NEW.revoke_reason, 'revoked'));
    RETURN NULL;
END;
$$;

CREATE TRIGGER record_session_revocation
    AFTER UPDATE OF revoked
    ON sessions
    FOR EACH ROW
    WHEN (NOT OLD.revoked AND NEW.revoked)
EXECUTE FUNCTION record_session_revocation();

CREATE FUNCTION record_user_deletion() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO token_revocations (session_id, user_id, reason) VALUES (NULL, OLD.id, 'account_deleted');
    RETURN NULL;
END;
$$;

CREATE TRIGGER record_user_deletion
    AFTER DELETE
    ON users
    FOR EACH ROW
EXECUTE FUNCTION record_user_deletion();
