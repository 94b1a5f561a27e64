-- Accounts that auth-service has deleted. A deleted person's token may still be valid for a few minutes and a
-- deletion event may be delivered more than once: this row lets company-service refuse new companies and new
-- memberships for the person, and makes a repeated event a no-op. user_id is auth-service's id (no foreign key).
CREATE TABLE deleted_users
(
    user_id    UUID PRIMARY KEY,
    deleted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
