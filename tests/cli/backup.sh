#!/bin/sh
# Backup and restore as the README's "Backup and restore" section says:
# pg_dump -Fc of the database "ogi" of one private server, a second private
# server started with `ogi db start --data NEW` (which creates the roles the
# dump's grants name), pg_restore --clean --if-exists into it; the same
# documents, reports, findings and cells come back, and ingest still works
# there. Prints TAP. Usage: tests/cli/backup.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
old=$tmp/old
new=$tmp/new
cleanup() {
    "$ogi" db stop --data "$old" >/dev/null 2>&1
    "$ogi" db stop --data "$new" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT
# the client tools of the server's version, as ogi finds the server's
bindir=${OGI_PG_BINDIR:-/usr/lib/postgresql/15/bin}
pg_dump=pg_dump
pg_restore=pg_restore
[ -x "$bindir/pg_dump" ] && pg_dump=$bindir/pg_dump
[ -x "$bindir/pg_restore" ] && pg_restore=$bindir/pg_restore

if ! "$ogi" db start --data "$old" >"$tmp/start.log" 2>&1; then
    echo "not ok 1 - a private PostgreSQL starts"
    cat "$tmp/start.log"
    echo "1..1"
    exit 1
fi
olddb=$("$ogi" db status --data "$old" | sed -n 's/^conninfo: //p')
"$ogi" ingest -q --db "$olddb" tests/data/reports >"$tmp/ingest" 2>&1
check "the example reports are ingested" sh -c \
    "cat '$tmp/ingest'; [ \$(psql '$olddb' -XAtq -c 'SELECT count(*) FROM reports') -gt 0 ]"

# what must come back: counts, a sum of a cell column, the schema version
# and the grants to the roles
summary() { # conninfo
    psql "$1" -XAtq -c "SELECT (SELECT count(*) FROM documents)
        || ' ' || (SELECT count(*) FROM reports)
        || ' ' || (SELECT count(*) FROM findings)
        || ' ' || (SELECT coalesce(sum(total), -1) FROM apply)
        || ' ' || (SELECT count(*) FROM apply)
        || ' ' || (SELECT md5(string_agg(doc_key || sha256(raw)::text, ',' ORDER BY doc_key)) FROM documents)
        || ' ' || (SELECT max(version) FROM ogi_schema_migrations)
        || ' ' || has_table_privilege('ogi_reporting', 'reports', 'SELECT')
        || ' ' || has_table_privilege('ogi_ingest', 'documents', 'INSERT')"
}
before=$(summary "$olddb")
echo "# before: $before"
check "the database has findings and cells" sh -c \
    "echo '$before' | awk '{ exit !(\$1 > 0 && \$3 > 0 && \$4 > 0) }'"

check "pg_dump -Fc of the database" \
    "$pg_dump" -Fc -f "$tmp/ogi.dump" -d "$olddb"
"$ogi" db stop --data "$old" >/dev/null 2>&1

check "a fresh private server starts (roles and schema by the migrations)" \
    sh -c "'$ogi' db start --data '$new' >'$tmp/new.log' 2>&1"
newdb=$("$ogi" db status --data "$new" | sed -n 's/^conninfo: //p')
check "pg_restore --clean --if-exists into it" \
    "$pg_restore" --clean --if-exists --single-transaction --exit-on-error \
    -d "$newdb" "$tmp/ogi.dump"
after=$(summary "$newdb")
echo "# after:  $after"
check "the same documents, reports, findings, cells, schema and grants" \
    [ "$before" = "$after" ]
check "the restored database needs no migration" sh -c \
    "'$ogi' db migrate --data '$new' | grep -q '0 applied now'"
# ingesting the same reports again: every one a duplicate of a restored one
"$ogi" ingest -q --db "$newdb" tests/data/reports >"$tmp/again" 2>&1
check "ingest into the restored database finds every report already there" \
    sh -c "cat '$tmp/again'; grep -q ' 0 stored' '$tmp/again'"
finish
