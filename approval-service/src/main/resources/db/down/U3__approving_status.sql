-- Undoes V3: back to the catalog of V2. Refuses while a request is APPROVING (the old constraints cannot hold it):
-- let those finish first.
SET LOCAL lock_timeout = '5s';
DROP INDEX idx_staff_approval_requests_approving;
DROP INDEX staff_approval_requests_one_pending;
CREATE UNIQUE INDEX staff_approval_requests_one_pending
    ON staff_approval_requests (company_id, user_id)
    WHERE status = 'PENDING';
ALTER TABLE staff_approval_requests
    DROP CONSTRAINT staff_approval_requests_status_check,
    DROP CONSTRAINT staff_approval_requests_review_check,
    DROP CONSTRAINT staff_approval_requests_granted_check;
ALTER TABLE staff_approval_requests
    ADD CONSTRAINT staff_approval_requests_status_check
        CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
    ADD CONSTRAINT staff_approval_requests_review_check CHECK (
        (status IN ('APPROVED', 'REJECTED') AND reviewer_id IS NOT NULL AND reviewed_at IS NOT NULL)
            OR (status NOT IN ('APPROVED', 'REJECTED') AND reviewer_id IS NULL AND reviewed_at IS NULL)),
    ADD CONSTRAINT staff_approval_requests_granted_check CHECK ((status = 'APPROVED') = (granted_role IS NOT NULL));
DELETE FROM flyway_schema_history WHERE version = '3';
