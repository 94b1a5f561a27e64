-- An Enxero platform database (Prisma), after its OTP and company-extension migration, with awkward rows.
CREATE TYPE "CompanyStatus" AS ENUM ('PENDING_VERIFICATION', 'ACTIVE', 'SUSPENDED', 'DEACTIVATED');
CREATE TYPE "OtpType" AS ENUM ('PHONE_VERIFICATION', 'PASSWORD_RESET', 'LOGIN');
CREATE TYPE "OtpStatus" AS ENUM ('PENDING', 'VERIFIED', 'EXPIRED', 'FAILED');

CREATE TABLE companies (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    "companyId"   VARCHAR(30) UNIQUE,
    "countryCode" VARCHAR(2),
    "phoneNumber" VARCHAR(20),
    status        "CompanyStatus" DEFAULT 'PENDING_VERIFICATION',
    "createdAt"   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    password        TEXT,
    "firstName"     TEXT,
    "lastName"      TEXT,
    "phoneNumber"   VARCHAR(20) UNIQUE,
    "phoneVerified" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    role            TEXT NOT NULL DEFAULT 'EMPLOYEE',
    "companyId"     TEXT REFERENCES companies (id),
    "createdAt"     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "users_phoneVerified_idx" ON users ("phoneVerified");

CREATE TABLE refresh_tokens (
    id          TEXT PRIMARY KEY,
    token       TEXT NOT NULL UNIQUE,
    "userId"    TEXT NOT NULL REFERENCES users (id),
    "deviceId"  VARCHAR(255),
    "ipAddress" VARCHAR(45),
    "userAgent" VARCHAR(500),
    revoked     BOOLEAN DEFAULT false,
    "revokedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE otps (
    id            TEXT PRIMARY KEY,
    "userId"      TEXT REFERENCES users (id),
    "phoneNumber" VARCHAR(20),
    "codeHash"    TEXT NOT NULL,
    type          "OtpType" NOT NULL,
    status        "OtpStatus" NOT NULL DEFAULT 'PENDING',
    attempts      INTEGER NOT NULL DEFAULT 0,
    "expiresAt"   TIMESTAMP(3) NOT NULL,
    "createdAt"   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO companies (id, name, "companyId", "countryCode", "phoneNumber", status, "createdAt") VALUES
    ('ckc1', 'Ñandú Café Ltd', 'ENX-0001', 'KE', '+254700000001', 'ACTIVE', '2024-01-01 08:00'),
    -- made before the migration: no public id, country in lower case, a national phone number, no status
    ('ckc2', 'Old Co', NULL, 'ke', '0711 222 333', NULL, '2023-06-01 08:00'),
    -- no country code at all
    ('ckc3', 'Nowhere Ltd', 'ENX-0003', NULL, '+254700000003', 'PENDING_VERIFICATION', '2024-02-01 08:00'),
    -- nobody works here
    ('ckc4', 'Empty Shell', 'ENX-0004', 'UG', '+256700000004', 'SUSPENDED', '2024-03-01 08:00'),
    -- the longest name and public id Gatehouse keeps
    ('ckc5', 'ΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩΩ', 'ENX-99999999999999999999999999', 'TZ', '+255700000005', 'ACTIVE', '2024-04-01 08:00');

INSERT INTO users (id, email, password, "phoneNumber", "phoneVerified", "emailVerified", role, "companyId", "createdAt") VALUES
    ('cku1', 'Owner@Enxero.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', '+254711000001', true, true, 'OWNER', 'ckc1', '2024-01-01 08:00'),
    ('cku2', 'admin@enxero.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', '0722 000 002', false, true, 'ADMIN', 'ckc1', '2024-01-02 08:00'),
    ('cku3', 'staff.ümlaut@enxero.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', '12345', true, false, 'EMPLOYEE', 'ckc1', '2024-01-03 08:00'),
    -- the same address as cku1 in another case: the earlier row wins
    ('cku4', 'OWNER@enxero.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', NULL, false, false, 'EMPLOYEE', 'ckc1', '2024-01-04 08:00'),
    ('cku5', 'old.owner@enxero.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', '+254 733 000 005', false, false, 'OWNER', 'ckc2', '2023-06-01 08:00'),
    ('cku6', 'nowhere@enxero.example', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', NULL, false, false, 'OWNER', 'ckc3', '2024-02-01 08:00'),
    -- signed up with a social login: no password
    ('cku7', 'social@enxero.example', NULL, NULL, false, true, 'EMPLOYEE', NULL, '2024-05-01 08:00'),
    ('cku8', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc.dddddddddddddddddddddddddddddddddddddddddddddddddddddddddd.ke', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', '+999999999999999', false, false, 'OWNER', 'ckc5', '2024-04-01 08:00'),
    ('cku9', 'not-an-email', '$2b$05$.dVsTyyGOKytWcrbVCUjgOOI9wo.aNRv8J7KJrs6c21h0776Qk03i', NULL, false, false, 'EMPLOYEE', NULL, '2024-05-02 08:00');

INSERT INTO refresh_tokens (id, token, "userId", "deviceId", "ipAddress", "userAgent", revoked, "expiresAt") VALUES
    ('rt1', 'opaque-1', 'cku1', 'iphone-ü', '2001:db8::1', 'Mozilla/5.0', false, '2030-01-01'),
    ('rt2', 'opaque-2', 'cku2', NULL, NULL, NULL, true, '2024-01-01');

INSERT INTO otps (id, "userId", "phoneNumber", "codeHash", type, status, "expiresAt") VALUES
    ('otp1', 'cku3', '12345', 'hash', 'PHONE_VERIFICATION', 'EXPIRED', '2024-01-03 08:05');
