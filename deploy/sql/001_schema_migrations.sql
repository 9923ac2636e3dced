-- 001_schema_migrations.sql - the bookkeeping of ogi's migrations.
--
-- `ogi db migrate` (ogi_db_migrate in lib/db.c) applies deploy/sql/NNN_*.sql
-- in the order of NNN, each in its own transaction under an advisory lock,
-- and records it here with the SHA-256 of its text: a migration already
-- recorded is skipped, so re-running migrate is a no-op, and one whose text
-- changed after it was applied stops migrate with an error. The files are
-- embedded into the ogi binary at build time. Never edit an applied
-- migration: add the next number.

CREATE TABLE IF NOT EXISTS ogi_schema_migrations (
    version     integer PRIMARY KEY,         -- NNN of the file name
    name        text NOT NULL,               -- the file name
    checksum    text NOT NULL,               -- SHA-256 (hex) of the file
    applied_at  timestamptz NOT NULL DEFAULT now()
);
