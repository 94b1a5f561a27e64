-- Password guessing limits, one row per account and scope: "account" for every device without a device token, and
-- "device:<id>" for each trusted device, so failures elsewhere never lock the owner's own device out.
-- A login reserves a comparison here with one INSERT ... ON CONFLICT DO UPDATE ... WHERE before the password is
-- hashed: concurrent logins serialise on the row, and at most the configured number of comparisons happen per
-- window whatever the parallelism. A lock takes the next of the configured steps (lock_level counts them) and the
-- level decays with time, so no lock is permanent.
-- users.failed_login_count and users.locked_until are no longer written; they stay until no replica of the earlier
-- version runs, and a later migration drops them.
CREATE TABLE login_throttles
(
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scope        VARCHAR(80) NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    lock_level   INTEGER     NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    PRIMARY KEY (user_id, scope),
    CONSTRAINT login_throttles_attempts_nonnegative CHECK (attempts >= 0),
    CONSTRAINT login_throttles_lock_level_nonnegative CHECK (lock_level >= 0)
);
