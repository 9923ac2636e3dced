-- 002_store.sql - raw documents, one report per document, findings, and
-- dead letters (architecture.md, "Guarantees").
--
-- Every document is keyed by doc_key, the SHA-256 (lower-case hex) of its
-- raw bytes, and is written with INSERT ... ON CONFLICT (doc_key) DO
-- NOTHING: a document received twice is stored once. The raw bytes are
-- kept (compressed with lz4, about 4x faster than pglz here) so that
-- `ogi reparse` can rebuild every record after a parser upgrade.

CREATE TABLE IF NOT EXISTS documents (
    doc_key         text PRIMARY KEY
                    CHECK (doc_key ~ '^[0-9a-f]{64}$'),
    raw             bytea COMPRESSION lz4 NOT NULL,  -- as received
    content_type    text,                            -- "text/plain"
    source_name     text,                            -- file name as given
    first_received  timestamptz NOT NULL DEFAULT now()
);

-- The parsed record of a document (spec/record.md). status rejected: not a
-- report, or unreadable; its reason is a P0 finding.
CREATE TABLE IF NOT EXISTS reports (
    doc_key         text PRIMARY KEY
                    REFERENCES documents (doc_key) ON DELETE CASCADE,
    status          text NOT NULL
                    CHECK (status IN ('ok', 'has_errors', 'rejected')),
    parser_version  text NOT NULL,
    agency          text,                 -- "哈尔滨市松北区人民政府"
    year            integer,              -- the year reported on
    format          text CHECK (format IN ('2019', '2021')),
    admin_level     text CHECK (admin_level IN ('province', 'city',
                        'county', 'township', 'department')),
    province        text,                 -- "黑龙江省"
    published_on    date,
    record          jsonb COMPRESSION lz4 NOT NULL, -- the record (JSON)
    stored_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS reports_year_province
    ON reports (year, province);
CREATE INDEX IF NOT EXISTS reports_agency_year
    ON reports (agency, year);

-- Findings of the parser and the validator, in the order they were made.
-- rule: the stable rule ID of report-format.md §5 (`ogi rules`).
CREATE TABLE IF NOT EXISTS findings (
    doc_key     text NOT NULL
                REFERENCES reports (doc_key) ON DELETE CASCADE,
    seq         integer NOT NULL,     -- 1, 2, ... within the report
    rule        text NOT NULL,        -- "D2"
    severity    text NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
    path        text NOT NULL,        -- "apply.granted.total", or ""
    message     text NOT NULL,
    PRIMARY KEY (doc_key, seq)
);
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule, severity);

-- Documents that crashed or hung workers too many times (poison): kept
-- with their raw bytes, outside documents, so that they can be replayed
-- once the parser is fixed.
CREATE TABLE IF NOT EXISTS dead_letters (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_key         text NOT NULL UNIQUE
                    CHECK (doc_key ~ '^[0-9a-f]{64}$'),
    raw             bytea COMPRESSION lz4 NOT NULL,
    reason          text NOT NULL,        -- why it was given up on
    attempts        integer NOT NULL,     -- how many times it was tried
    content_type    text,
    source_name     text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
