-- A TypeORM database: customers and the password_resets table its migration adds.
CREATE TABLE customers (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email             character varying NOT NULL,
    password          character varying NOT NULL,
    first_name        character varying,
    last_name         character varying,
    phone             character varying,
    is_email_verified boolean NOT NULL DEFAULT false,
    created_at        TIMESTAMP NOT NULL DEFAULT now(),
    CONSTRAINT "UQ_customers_email" UNIQUE (email)
);
CREATE TABLE password_resets (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id   UUID NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    email         VARCHAR NOT NULL,
    reset_type    VARCHAR NOT NULL CHECK (reset_type IN ('email_link', 'email_otp')),
    status        VARCHAR NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'used', 'expired', 'revoked')),
    token_hash    VARCHAR NOT NULL,
    attempt_count INTEGER DEFAULT 0,
    max_attempts  INTEGER DEFAULT 3,
    expires_at    TIMESTAMP NOT NULL,
    used_at       TIMESTAMP NULL,
    user_agent    VARCHAR NULL,
    ip_address    INET NULL,
    created_at    TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX idx_password_resets_token_hash ON password_resets (token_hash);

INSERT INTO customers (id, email, password, first_name, phone, is_email_verified, created_at) VALUES
    ('30000000-0000-4000-8000-000000000001', 'Mary@TypeORM.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', 'Mary', '+254711300001', true, '2024-01-01 08:00'),
    -- the same address in another case: the earlier row wins
    ('30000000-0000-4000-8000-000000000002', 'MARY@typeorm.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', 'Mary again', '+254711300002', false, '2024-01-02 08:00'),
    ('30000000-0000-4000-8000-000000000003', 'njeri@typeorm.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', 'Njeri', '0033 1 23 45 67 89', false, '2024-01-03 08:00'),
    -- the same phone number as Mary's: Gatehouse refuses it
    ('30000000-0000-4000-8000-000000000004', 'twin@typeorm.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', 'Twin', '+254711300001', false, '2024-01-04 08:00'),
    -- a hash no format matches: Gatehouse refuses it
    ('30000000-0000-4000-8000-000000000005', 'weird@typeorm.example', 'plaintext-password', 'Weird', NULL, false, '2024-01-05 08:00'),
    ('30000000-0000-4000-8000-000000000006', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc.dddddddddddddddddddddddddddddddddddddddddddddddddddddddddd.ke', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', 'ŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁŁ', 'call me', false, '2024-01-06 08:00');

INSERT INTO password_resets (customer_id, email, reset_type, token_hash, expires_at) VALUES
    ('30000000-0000-4000-8000-000000000001', 'Mary@TypeORM.example', 'email_otp', 'h1', '2024-01-01 08:10'),
    ('30000000-0000-4000-8000-000000000003', 'njeri@typeorm.example', 'email_link', 'h2', '2030-01-01 08:10');
