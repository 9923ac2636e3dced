-- 004_roles.sql - who may do what (architecture.md, guarantee 8).
--
--   ogi_ingest     the sink: INSERT and SELECT on what it writes, nothing
--                  else (no UPDATE, no DELETE)
--   ogi_reporting  analysts and reporting databases: SELECT only
--
-- Both are NOLOGIN group roles; grant them to login roles, e.g.
--   CREATE ROLE sink LOGIN PASSWORD '...' IN ROLE ogi_ingest;
-- Roles belong to the whole cluster, so they are created only when absent.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ogi_ingest') THEN
        CREATE ROLE ogi_ingest NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ogi_reporting') THEN
        CREATE ROLE ogi_reporting NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ogi_ingest, ogi_reporting;

GRANT SELECT, INSERT ON
    documents, reports, findings, dead_letters,
    active_2019_a20_1, active_2019_a20_5, active_2019_a20_6,
    active_2019_a20_8, active_2019_a20_9,
    active_2021_a20_1, active_2021_a20_5, active_2021_a20_6,
    active_2021_a20_8,
    apply, appeal
    TO ogi_ingest;
GRANT SELECT ON ogi_schema_migrations TO ogi_ingest;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO ogi_reporting;
-- Tables and views later migrations create are readable too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT ON TABLES TO ogi_reporting;
