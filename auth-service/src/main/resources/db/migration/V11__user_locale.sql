-- auth-service schema, version 11: the language a person chose for what Gatehouse writes to them (reset and
-- verification emails, one-time-code texts, the lock notice), as a BCP 47 tag such as 'sw'. NULL means not chosen:
-- the request's Accept-Language decides, else English. Which languages exist is the service's to say (adding one is
-- adding its message file), so the column only checks the form of the tag.
SET LOCAL lock_timeout = '5s';
ALTER TABLE users ADD COLUMN locale VARCHAR(35);
-- Validated by V12 in a transaction of its own: validating here would scan every account while this transaction
-- still holds the ACCESS EXCLUSIVE lock the ALTERs take.
ALTER TABLE users ADD CONSTRAINT users_locale_tag
    CHECK (locale IS NULL OR locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$') NOT VALID;
