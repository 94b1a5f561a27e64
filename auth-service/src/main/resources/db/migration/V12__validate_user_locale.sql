-- The CHECK V11 added NOT VALID: the scan takes SHARE UPDATE EXCLUSIVE, so sign-ups and logins go on meanwhile.
SET LOCAL lock_timeout = '5s';
ALTER TABLE users VALIDATE CONSTRAINT users_locale_tag;
