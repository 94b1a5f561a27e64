-- Accounts brought over from other systems may have no phone number (some of those systems never asked for one).
-- Expand-only: the column only loses NOT NULL and gains a companion column; nothing is rewritten or dropped.
-- A phone number, when present, stays unique (users_phone_number_key) and E.164 (users_phone_number_e164: a CHECK
-- passes NULL). Sign-up still requires one; the database itself allows NULL only on an imported account.
SET LOCAL lock_timeout = '5s';

-- The source system an account was imported from (e.g. 'enxero'); NULL for accounts that signed up here.
ALTER TABLE users ADD COLUMN imported_from VARCHAR(40);

-- Dropping NOT NULL is the point of this script: only imported accounts may lack a phone (the CHECK below).
-- squawk-ignore ban-drop-not-null
ALTER TABLE users ALTER COLUMN phone_number DROP NOT NULL;

ALTER TABLE users ADD CONSTRAINT users_phone_required_unless_imported
    CHECK (phone_number IS NOT NULL OR imported_from IS NOT NULL) NOT VALID;
-- Validated by V15 in a transaction of its own: validating here would scan every account while this transaction
-- still holds the ACCESS EXCLUSIVE lock the ALTERs above took.
