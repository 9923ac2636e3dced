-- 015_publication.sql - the publication ogi_reporting: what a reporting
-- database follows with PostgreSQL logical replication.
--
-- A subscriber (`ogi db subscribe`, lib/store/replica.c) has the same
-- schema, made by the same migrations, and receives the rows of the base
-- tables the analysts' views read; views are never replicated, the
-- subscriber computes them itself from these rows:
--
--   records, rejections, cross_findings, agencies, and documents without
--   its raw bytes (a column list, PostgreSQL 15).
--
-- Left out: documents.raw (the documents themselves, lz4-compressed, by
-- far the largest column; reports need none of it, only `ogi reparse`
-- does, which runs where the documents are); labels (static, written by
-- migration 009 on the subscriber too: rows replicated on top of its own
-- would collide on the primary key); dead_letters, reparse_runs and
-- ogi_schema_migrations (the publisher's own bookkeeping).
--
-- The subscriber's documents.raw gets no value and must accept NULL:
-- `ogi db subscribe` drops its NOT NULL there (nothing is lost: the
-- subscriber never parses).
--
-- UPDATE (records.current when a revision arrives; ogi reparse) and
-- DELETE (cross_findings recomputed for a batch) replicate by the
-- replica identity, the primary key. cross_findings had none; it gets a
-- generated id, not REPLICA IDENTITY FULL: FULL writes every column of
-- each deleted row to the WAL and makes the subscriber, on PostgreSQL 15,
-- scan the whole table for every row deleted.
--
-- CREATE PUBLICATION ... FOR TABLE needs the CREATE privilege on the
-- database and ownership of the tables. A role without them (a migration
-- run by a role that owns the tables but not the database on a managed
-- server) still gets the whole schema: the publication is then skipped
-- with a NOTICE, and the database's owner creates it by hand with the
-- statement below. The publication is created even when wal_level is not
-- yet logical (PostgreSQL warns); subscribing needs wal_level = logical.

ALTER TABLE cross_findings
    ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
COMMENT ON COLUMN cross_findings.id IS
    '编号 (逻辑复制的行标识). The row''s number: its identity for logical '
    'replication';

DO $publication$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_publication
                WHERE pubname = 'ogi_reporting') THEN
        RETURN;
    END IF;
    -- EXECUTE: a failure is caught here instead of ending the migration
    EXECUTE 'CREATE PUBLICATION ogi_reporting FOR TABLE'
        ' records, rejections, cross_findings, agencies,'
        ' documents (id, doc_key, content_type, encoding, source_name,'
        ' submitted_by, first_received)';
    EXECUTE 'COMMENT ON PUBLICATION ogi_reporting IS '
        '''报告数据库的逻辑复制 (ogi db subscribe). What a reporting '
        'database follows: the base tables of the reports, documents '
        'without their raw bytes''';
EXCEPTION
    WHEN insufficient_privilege OR feature_not_supported
         OR syntax_error THEN
        RAISE NOTICE 'publication "ogi_reporting" not created: %', SQLERRM
            USING HINT = 'a role that owns the tables and may create in the '
                'database (or a superuser) runs: CREATE PUBLICATION '
                'ogi_reporting FOR TABLE records, rejections, '
                'cross_findings, agencies, documents (id, doc_key, '
                'content_type, encoding, source_name, submitted_by, '
                'first_received)';
END
$publication$;
