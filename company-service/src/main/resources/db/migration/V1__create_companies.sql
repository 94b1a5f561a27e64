-- company-service schema, version 1.
-- Source: seed 000 (companies.companyId VARCHAR(30) UNIQUE, countryCode VARCHAR(2), phoneNumber VARCHAR(20),
-- status VARCHAR(30) DEFAULT 'PENDING_VERIFICATION', indexes for the new fields; the CompanyStatus enum).
-- Enums are VARCHAR columns with CHECK constraints: a value can be added in a plain transactional migration,
-- which ALTER TYPE ... ADD VALUE cannot promise.

CREATE FUNCTION update_updated_at_column() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;

CREATE TABLE companies
(
    id                       UUID PRIMARY KEY,
    -- The public, human-readable id (e.g. KE-7K3M-9Q2X): random, so it reveals nothing about volume.
    company_id               VARCHAR(30)  NOT NULL,
    name                     VARCHAR(200) NOT NULL,
    -- ISO 3166-1 alpha-2.
    country_code             VARCHAR(2)   NOT NULL,
    phone_number             VARCHAR(20)  NOT NULL,
    status                   VARCHAR(30)  NOT NULL DEFAULT 'PENDING_VERIFICATION',
    status_reason            VARCHAR(500),
    status_changed_at        TIMESTAMPTZ,
    phone_verified_at        TIMESTAMPTZ,
    -- The one-time code (in otp-service) that is verifying the phone right now.
    pending_verification_id  UUID,
    created_by               UUID         NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT companies_company_id_key UNIQUE (company_id),
    CONSTRAINT companies_status_check CHECK (status IN ('PENDING_VERIFICATION', 'ACTIVE', 'SUSPENDED', 'DEACTIVATED')),
    CONSTRAINT companies_country_code_check CHECK (country_code ~ '^[A-Z]{2}$'),
    CONSTRAINT companies_phone_number_e164 CHECK (phone_number ~ '^\+[1-9][0-9]{6,14}$'),
    CONSTRAINT companies_name_not_blank CHECK (length(btrim(name)) > 0)
);

CREATE INDEX idx_companies_country_code ON companies (country_code);
CREATE INDEX idx_companies_phone_number ON companies (phone_number);
CREATE INDEX idx_companies_status ON companies (status);
CREATE INDEX idx_companies_created_by ON companies (created_by);

CREATE TRIGGER update_companies_updated_at
    BEFORE UPDATE
    ON companies
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();

-- Who belongs to a company and as what. user_id is auth-service's user id: a plain UUID, never a foreign key
-- across services.
CREATE TABLE company_members
(
    company_id UUID        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    user_id    UUID        NOT NULL,
    role       VARCHAR(10) NOT NULL,
    joined_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, user_id),
    CONSTRAINT company_members_role_check CHECK (role IN ('OWNER', 'ADMIN', 'STAFF'))
);

CREATE INDEX idx_company_members_user_id ON company_members (user_id);

CREATE TRIGGER update_company_members_updated_at
    BEFORE UPDATE
    ON company_members
    FOR EACH ROW
EXECUTE FUNCTION update_updated_at_column();
