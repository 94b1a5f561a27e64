-- Transactional outbox: events for other services, written in the same transaction as the change they announce
-- and delivered afterwards by the relay, with retries, until each destination acknowledges. An account deletion
-- writes one user-deleted row per service that holds data about the person.
CREATE TABLE outbox_events
(
    id              UUID PRIMARY KEY,
    event_type      VARCHAR(40)  NOT NULL,
    -- What the event is about: for user-deleted, the deleted user's id (the users row is gone, so no foreign key).
    subject_id      UUID         NOT NULL,
    destination     VARCHAR(40)  NOT NULL,
    status          VARCHAR(10)  NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER      NOT NULL DEFAULT 0,
    -- When the relay may (next) try; a claimed row is pushed ahead by the claim's lease.
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error      VARCHAR(500),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT outbox_events_status_check CHECK (status IN ('PENDING', 'DELIVERED')),
    CONSTRAINT outbox_events_delivered_consistent CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL)),
    CONSTRAINT outbox_events_attempts_nonnegative CHECK (attempts >= 0),
    -- One event of a kind per subject and destination: a repeated deletion cannot queue it twice.
    CONSTRAINT outbox_events_one_per_destination UNIQUE (event_type, subject_id, destination)
);

-- The relay's scan, and the pending-count and oldest-age metrics: only pending rows.
CREATE INDEX idx_outbox_events_pending ON outbox_events (next_attempt_at) WHERE status = 'PENDING';
-- Housekeeping of delivered rows.
CREATE INDEX idx_outbox_events_delivered_at ON outbox_events (delivered_at) WHERE status = 'DELIVERED';
