-- otp-service schema, version 3: one pending code per subject, destination and type.
-- Until now a new code for a destination and type revoked whatever code was pending there, whoever it was for: a
-- company whose (public, not unique) phone number another company also gave could cancel that company's
-- verification by asking for a code of its own. The subject now belongs to the key, so each subject supersedes only
-- its own code. Codes without a subject still supersede each other: they share the all-zero UUID in the index.
CREATE UNIQUE INDEX otps_one_pending_per_subject_destination_type
    ON otps (destination, type, COALESCE(subject_id, '00000000-0000-0000-0000-000000000000'::uuid))
    WHERE status = 'PENDING';

-- The old index is stricter than the new one, so every existing row already satisfies the new index.
DROP INDEX otps_one_pending_per_destination_type;
