-- Which row of which source system became which Gatehouse row. Its primary key is what makes an import idempotent
-- and resumable: a source row already listed here is answered with the id it got, never imported twice.
-- No foreign key to users: the id may name a user or a background, and an account deleted after its import stays
-- deleted when the import is run again.
SET LOCAL lock_timeout = '5s';

-- The CHECK V14 added NOT VALID: the scan takes SHARE UPDATE EXCLUSIVE, so sign-ups and logins go on meanwhile.
ALTER TABLE users VALIDATE CONSTRAINT users_phone_required_unless_imported;

CREATE TABLE import_source_ids
(
    source_system VARCHAR(40)  NOT NULL,
    source_table  VARCHAR(63)  NOT NULL,
    source_id     VARCHAR(255) NOT NULL,
    gatehouse_id  UUID         NOT NULL,
    imported_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT import_source_ids_pkey PRIMARY KEY (source_system, source_table, source_id),
    CONSTRAINT import_source_ids_system_format CHECK (source_system ~ '^[a-z][a-z0-9-]{0,39}$')
);

CREATE INDEX import_source_ids_gatehouse_id ON import_source_ids (gatehouse_id);
