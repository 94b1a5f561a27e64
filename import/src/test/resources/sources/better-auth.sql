-- A Better-Auth-style database (Neon): users, sessions, software and hardware backgrounds.
CREATE TABLE users (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email         VARCHAR(255) NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE DEFAULT now(),
    updated_at    TIMESTAMP WITH TIME ZONE DEFAULT now()
);
CREATE TABLE sessions (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token      VARCHAR(255) NOT NULL UNIQUE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT now()
);
CREATE TABLE software_background (
    id                   UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id              UUID NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    experience_level     VARCHAR(20),
    preferred_languages  TEXT[] DEFAULT '{}',
    preferred_frameworks TEXT[] DEFAULT '{}',
    created_at           TIMESTAMP WITH TIME ZONE DEFAULT now(),
    updated_at           TIMESTAMP WITH TIME ZONE DEFAULT now()
);
CREATE TABLE hardware_background (
    id                  UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             UUID NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    experience_level    VARCHAR(20),
    preferred_platforms TEXT[] DEFAULT '{}',
    device_types        TEXT[] DEFAULT '{}',
    created_at          TIMESTAMP WITH TIME ZONE DEFAULT now(),
    updated_at          TIMESTAMP WITH TIME ZONE DEFAULT now()
);
CREATE INDEX idx_software_languages ON software_background USING GIN (preferred_languages);

INSERT INTO users (id, email, password_hash, created_at) VALUES
    ('00000000-0000-4000-8000-000000000001', 'Ada@BetterAuth.example', '5f2b1c0e9a7d4e3f8a6b2c1d0e9f8a7b:2f2bc1371790d578d8964250312f835418b89679b651b01d0871d89b33abbf4cf6e6ac80a80f172c0eb7c8893fbf969dfd315bae34ffa8d240fea63d75e52c74', '2024-01-01 08:00+03'),
    -- the same address in another case: the earlier row wins
    ('00000000-0000-4000-8000-000000000002', 'ada@betterauth.example', '5f2b1c0e9a7d4e3f8a6b2c1d0e9f8a7b:2f2bc1371790d578d8964250312f835418b89679b651b01d0871d89b33abbf4cf6e6ac80a80f172c0eb7c8893fbf969dfd315bae34ffa8d240fea63d75e52c74', '2024-01-02 08:00+03'),
    ('00000000-0000-4000-8000-000000000003', 'grace.ñ@betterauth.example', '5f2b1c0e9a7d4e3f8a6b2c1d0e9f8a7b:2f2bc1371790d578d8964250312f835418b89679b651b01d0871d89b33abbf4cf6e6ac80a80f172c0eb7c8893fbf969dfd315bae34ffa8d240fea63d75e52c74', '2024-01-03 08:00+03'),
    ('00000000-0000-4000-8000-000000000004', ' padded@betterauth.example ', '5f2b1c0e9a7d4e3f8a6b2c1d0e9f8a7b:2f2bc1371790d578d8964250312f835418b89679b651b01d0871d89b33abbf4cf6e6ac80a80f172c0eb7c8893fbf969dfd315bae34ffa8d240fea63d75e52c74', '2024-01-04 08:00+03'),
    ('00000000-0000-4000-8000-000000000005', 'linus@betterauth.example', '', '2024-01-05 08:00+03');

INSERT INTO sessions (user_id, token, expires_at) VALUES
    ('00000000-0000-4000-8000-000000000001', 'session-token-1', '2030-01-01'),
    ('00000000-0000-4000-8000-000000000003', 'session-token-3', '2020-01-01');

INSERT INTO software_background (id, user_id, experience_level, preferred_languages, preferred_frameworks) VALUES
    ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', 'Advanced', ARRAY['Java', 'Python'], ARRAY['Quarkus']),
    ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002', 'beginner', '{}', NULL),
    ('10000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000003', NULL, ARRAY['Rust'], '{}');
INSERT INTO hardware_background (id, user_id, experience_level, preferred_platforms, device_types) VALUES
    ('20000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000003', 'expert', ARRAY['Arduino', 'ESP32'], ARRAY['microcontroller']);
