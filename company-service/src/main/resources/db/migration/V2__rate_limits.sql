-- company-service schema, version 2: fixed-window rate-limit counters (common's FixedWindowLimiter), for limits per
-- client IP and per account on creating companies and on sending and confirming verification codes. A request adds
-- one with a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so concurrent requests cannot lose an increment.
CREATE TABLE rate_limits
(
    key          VARCHAR(400) NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    count        INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (key, window_start),
    CONSTRAINT rate_limits_count_nonnegative CHECK (count >= 0)
);

-- Housekeeping drops windows that ended.
CREATE INDEX idx_rate_limits_window_start ON rate_limits (window_start);
