-- A Flask app database (Alembic): users with verification flags, staff approval requests, verification codes.
CREATE TABLE users (
    id                  SERIAL PRIMARY KEY,
    username            VARCHAR(64) UNIQUE,
    email               VARCHAR(120) UNIQUE,
    password_hash       VARCHAR(256),
    phone               VARCHAR(20),
    is_phone_verified   BOOLEAN DEFAULT false,
    is_email_verified   BOOLEAN DEFAULT false,
    verification_status VARCHAR(20) DEFAULT 'unverified',
    created_at          TIMESTAMP DEFAULT now()
);

CREATE TABLE verification_codes (
    id         SERIAL PRIMARY KEY,
    user_id    INTEGER REFERENCES users (id),
    code       VARCHAR(6) NOT NULL,
    type       VARCHAR(10) NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used       BOOLEAN DEFAULT false
);

CREATE TABLE staff_approval_requests (
    id               SERIAL PRIMARY KEY,
    user_id          INTEGER NOT NULL REFERENCES users (id),
    company_id       VARCHAR(30) NOT NULL,
    requested_role   VARCHAR(20) DEFAULT 'staff',
    status           VARCHAR(20) DEFAULT 'pending',
    message          TEXT,
    reviewed_by      INTEGER REFERENCES users (id),
    reviewed_at      TIMESTAMP,
    rejection_reason TEXT,
    created_at       TIMESTAMP DEFAULT now(),
    expires_at       TIMESTAMP
);
CREATE INDEX ix_staff_approval_requests_status ON staff_approval_requests (status);

INSERT INTO users (id, username, email, password_hash, phone, is_phone_verified, is_email_verified, verification_status, created_at) VALUES
    (1, 'boss', 'Boss@Flask.example', 'pbkdf2:sha512:1000$Hx8mQ2pLzK4vTn9R$77ebc1bd1bd7a61526e76c02bb39c8f1a4eecae4df81f35464f0eba851e747cd629394f13558f940e3f650c34ca59284f3f7d77455afb51b641ee8225c0ee410', '+254711100001', true, true, 'verified', '2024-01-01 08:00'),
    (2, 'wanjiru', 'wanjiru@flask.example', 'scrypt:32768:8:1$aB3dE5fG7hJ9kL1m$11871e11d6dec1d212e3ad9fdb15fbb24b35746e573ca0ffafd3e8c7174f415baeed627b04146adbd9dd56b1c00bc0baf86ce4035a04073b446c30a07f9fe5ed', '(0722) 100-002', true, false, 'partially_verified', '2024-01-02 08:00'),
    (3, 'josé', 'josé@flask.example', 'pbkdf2:sha512:1000$Hx8mQ2pLzK4vTn9R$77ebc1bd1bd7a61526e76c02bb39c8f1a4eecae4df81f35464f0eba851e747cd629394f13558f940e3f650c34ca59284f3f7d77455afb51b641ee8225c0ee410', NULL, false, false, 'unverified', '2024-01-03 08:00'),
    -- the same address as user 1 in another case: the earlier row wins
    (4, 'boss2', 'boss@FLASK.example', 'pbkdf2:sha512:1000$Hx8mQ2pLzK4vTn9R$77ebc1bd1bd7a61526e76c02bb39c8f1a4eecae4df81f35464f0eba851e747cd629394f13558f940e3f650c34ca59284f3f7d77455afb51b641ee8225c0ee410', '+254711100004', false, false, 'unverified', '2024-01-04 08:00'),
    (5, 'nohash', 'nohash@flask.example', NULL, NULL, false, false, 'unverified', '2024-01-05 08:00'),
    (6, 'noemail', NULL, 'pbkdf2:sha512:1000$Hx8mQ2pLzK4vTn9R$77ebc1bd1bd7a61526e76c02bb39c8f1a4eecae4df81f35464f0eba851e747cd629394f13558f940e3f650c34ca59284f3f7d77455afb51b641ee8225c0ee410', '+254711100006', true, false, 'partially_verified', '2024-01-06 08:00');
SELECT setval('users_id_seq', 6);

INSERT INTO verification_codes (user_id, code, type, expires_at) VALUES (2, '123456', 'phone', '2024-01-02 08:10');

INSERT INTO staff_approval_requests (id, user_id, company_id, requested_role, status, message, reviewed_by, reviewed_at, rejection_reason, created_at, expires_at) VALUES
    (1, 2, 'KE-FLSK-0001', 'staff', 'pending', 'Habari — naomba kujiunga', NULL, NULL, NULL, '2024-02-01 08:00', NULL),
    (2, 3, 'KE-FLSK-0001', 'admin', 'approved', NULL, 1, '2024-02-02 09:00', NULL, '2024-02-01 09:00', '2024-02-08 09:00'),
    (3, 2, 'KE-FLSK-0002', 'staff', 'rejected', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 1, '2024-02-03 09:00', 'Not hiring', '2024-02-01 10:00', NULL),
    -- asked by a user who was refused (duplicate address)
    (4, 4, 'KE-FLSK-0001', 'staff', 'pending', NULL, NULL, NULL, NULL, '2024-02-04 08:00', NULL),
    -- decided by a reviewer who was refused
    (5, 3, 'KE-FLSK-0003', 'staff', 'approved', NULL, 5, '2024-02-05 09:00', NULL, '2024-02-05 08:00', NULL),
    (6, 3, 'KE-FLSK-0004', 'owner', 'pending', NULL, NULL, NULL, NULL, '2024-02-06 08:00', NULL),
    (7, 2, 'KE-FLSK-0005', 'staff', 'withdrawn', NULL, NULL, NULL, NULL, '2024-02-07 08:00', NULL);
SELECT setval('staff_approval_requests_id_seq', 7);
