-- 014_dead_letters.sql - dead letters tried again (`ogi dead-letters
-- retry`): the sink deletes the dead letter of a document it now stores,
-- in the transaction that stores it, and counts one more attempt, with
-- the new reason, on one that fails again. Nothing else of dead_letters
-- (its bytes, its key) may change.

GRANT DELETE ON dead_letters TO ogi_ingest;
GRANT UPDATE (attempts, reason) ON dead_letters TO ogi_ingest;
