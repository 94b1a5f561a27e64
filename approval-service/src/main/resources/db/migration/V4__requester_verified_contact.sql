-- What the requester had verified when they asked: owners and admins decide knowing whom they let in, and listing
-- requests never waits on auth-service. Only verified values are stored; NULL where the requester had not proved
-- that address or number (and on requests made before this column existed). The account's deletion removes its
-- requests, and these copies with them.
SET LOCAL lock_timeout = '5s';
ALTER TABLE staff_approval_requests
    ADD COLUMN requester_email VARCHAR(255),
    ADD COLUMN requester_phone VARCHAR(20);
