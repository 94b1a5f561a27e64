-- Approving is a saga: the decision is stored as APPROVING, the member is added in company-service with no
-- transaction open, and only then the request becomes APPROVED. APPROVING carries the reviewer, the review time and
-- the granted role, counts as the one open request of a person and company, and never expires.

ALTER TABLE staff_approval_requests
    DROP CONSTRAINT staff_approval_requests_status_check,
    DROP CONSTRAINT staff_approval_requests_review_check,
    DROP CONSTRAINT staff_approval_requests_granted_check;

ALTER TABLE staff_approval_requests
    ADD CONSTRAINT staff_approval_requests_status_check
        CHECK (status IN ('PENDING', 'APPROVING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
    ADD CONSTRAINT staff_approval_requests_review_check CHECK (
        (status IN ('APPROVING', 'APPROVED', 'REJECTED') AND reviewer_id IS NOT NULL AND reviewed_at IS NOT NULL)
            OR (status NOT IN ('APPROVING', 'APPROVED', 'REJECTED') AND reviewer_id IS NULL AND reviewed_at IS NULL)),
    ADD CONSTRAINT staff_approval_requests_granted_check
        CHECK ((status IN ('APPROVING', 'APPROVED')) = (granted_role IS NOT NULL));

DROP INDEX staff_approval_requests_one_pending;
CREATE UNIQUE INDEX staff_approval_requests_one_pending
    ON staff_approval_requests (company_id, user_id)
    WHERE status IN ('PENDING', 'APPROVING');

-- The reconciliation job: only approvals in flight are looked at.
CREATE INDEX idx_staff_approval_requests_approving
    ON staff_approval_requests (updated_at)
    WHERE status = 'APPROVING';
