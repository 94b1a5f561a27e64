-- approval-service schema, version 1.
-- Source: seed 002 (StaffApprovalRequest) and the architecture brief: company, user, requested role, status
-- (pending, approved, rejected, cancelled, expired), reviewer, reviewed_at, reason; at most one pending request per
-- (company, user).
-- Enums are VARCHAR columns with CHECK constraints, as in the other services: a value can be added in a plain
-- transactional migration, which ALTER TYPE ... ADD VALUE cannot promise.

CREATE FUNCTION update_updated_at_column() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

-- company_id is company-service's public company id and user_id / reviewer_id are auth-service's user ids: plain
-- columns, never foreign keys across services.
CREATE TABLE staff_approval_requests
(
    id             UUID PRIMARY KEY,
    company_id     VARCHAR(30)   NOT NULL,
    user_id        UUID          NOT NULL,
    requested_role VARCHAR(10)   NOT NULL DEFAULT 'STAFF',
    -- The role the reviewer actually gave; may differ from the requested one.
    granted_role   VARCHAR(10),
    status         VARCHAR(12)   NOT NULL DEFAULT 'PENDING',
    message        VARCHAR(1000),
    reviewer_id    UUID,
    reviewed_at    TIMESTAMPTZ,
    reason         VARCHAR(1000),
    expires_at     TIMESTAMPTZ   NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    -- Nobody becomes an owner by asking: owners are made inside company-service only.
    CONSTRAINT staff_approval_requests_requested_role_check CHECK (requested_role IN ('ADMIN', 'STAFF')),
    CONSTRAINT staff_approval_requests_granted_role_check CHECK (granted_role IN ('ADMIN', 'STAFF')),
    CONSTRAINT staff_approval_requests_status_check
        CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
    -- A reviewer and a review time exactly when a reviewer decided; cancelled and expired requests have neither.
    CONSTRAINT staff_approval_requests_review_check CHECK (
        (status IN ('APPROVED', 'REJECTED') AND reviewer_id IS NOT NULL AND reviewed_at IS NOT NULL)
            OR (status NOT IN ('APPROVED', 'REJECTED') AND reviewer_id IS NULL AND reviewed_at IS NULL)),
    -- A granted role exactly when approved.
    CONSTRAINT staff_approval_requests_granted_check CHECK ((status = 'APPROVED') = (granted_role IS NOT NULL)),
    -- A rejection always says why.
    CONSTRAINT staff_approval_requests_reason_check
        CHECK (status <> 'REJECTED' OR (reason IS NOT NULL AND length(btrim(reason)) > 0))
);

-- At most one pending request per person and company. It also settles races between two concurrent requests: the
-- second insert fails here and is answered 409 request_pending.
CREATE UNIQUE INDEX staff_approval_requests_one_pending
    ON staff_approval_requests (company_id, user_id)
    WHERE status = 'PENDING';

-- GET /approvals?companyId=&status=: a company's requests by status, newest first.
CREATE INDEX idx_staff_approval_requests_company_status_created
    ON staff_approval_requests (company_id, status, created_at DESC);

-- GET /approvals/mine and account deletion: one person's requests, newest first.
CREATE INDEX idx_staff_approval_requests_user_created
    ON staff_approval_requests (user_id, created_at DESC);

-- The expiry job: only pending rows are ever looked at, so only they are indexed.
CREATE INDEX idx_staff_approval_requests_pending_expires
    ON staff_approval_requests (expires_at)
    WHERE status = 'PENDING';

CREATE TRIGGER update_staff_approval_requests_updated_at
    BEFORE UPDATE
    ON staff_approval_requests
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();
