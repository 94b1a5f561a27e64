-- Fixed-window request counters (per client address, per account or destination, global), shared by every replica.
-- A request adds one with a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so concurrent requests cannot
-- lose an increment; windows are aligned to the epoch, so every replica counts in the same row.
CREATE TABLE rate_limits
(
    key          VARCHAR(400) NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    count        INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (key, window_start),
    CONSTRAINT rate_limits_count_nonnegative CHECK (count >= 0)
);

-- Housekeeping drops windows that ended long ago.
CREATE INDEX idx_rate_limits_window_start ON rate_limits (window_start);
