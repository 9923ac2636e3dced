-- 005_submissions.sql - which submission stored each document.
--
-- A producer resends a document whose acknowledgement it did not get (the
-- sink may have been killed between its commit and its acknowledgement).
-- The resend finds the document stored; submitted_by (the producer's id
-- and its sequence number for the document, "p123-456:78") tells the sink
-- that it was this same submission, so it is acknowledged as stored, not
-- as a duplicate of someone else's.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS submitted_by text;
COMMENT ON COLUMN documents.submitted_by IS
    'producer id and sequence number of the submission that stored it';
