#!/bin/sh
# A reporting database following ogi's by logical replication: two
# private servers, reports ingested into the first, the second subscribed
# with `ogi db subscribe`; its views (reports, apply, findings, ...) come
# to show the same rows as the publisher's, reports ingested later arrive
# as they are stored, a corrected revision turns the earlier one's
# `current` off there too, reports replaced by ogi reparse are replaced
# there, and no raw bytes are sent. `ogi db
# unsubscribe` drops the publisher's slot. Prints TAP.
# Usage: tests/cli/subscribe.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
pub=$tmp/pub
sub=$tmp/sub
cleanup() {
    # the subscription first: the publisher's slot would keep its WAL
    "$ogi" db unsubscribe --data "$sub" >/dev/null 2>&1
    "$ogi" db stop --data "$sub" >/dev/null 2>&1
    "$ogi" db stop --data "$pub" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

for d in "$pub" "$sub"; do
    if ! "$ogi" db start --data "$d" >"$tmp/start.log" 2>&1; then
        echo "not ok 1 - a private PostgreSQL starts in $d"
        cat "$tmp/start.log"
        echo "1..1"
        exit 1
    fi
done
pdb=$("$ogi" db status --data "$pub" | sed -n 's/^conninfo: //p')
sdb=$("$ogi" db status --data "$sub" | sed -n 's/^conninfo: //p')
psql_on() { psql "$1" -XAtq -c "$2"; }
p() { psql_on "$pdb" "$1"; }
s() { psql_on "$sdb" "$1"; }
# every row of a view, as text, in one digest
digest() { # conninfo view
    psql_on "$1" "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM $2 t"
}
# the views analysts read, and the replicated base tables
views="reports current_reports apply appeal findings rejected_documents report_overview apply_by_region findings_by_rule cross_findings agencies"
same() {
    for v in $views; do
        [ "$(digest "$pdb" "$v")" = "$(digest "$sdb" "$v")" ] || return 1
    done
}
# wait_same SECONDS: until both sides show the same rows
wait_same() {
    i=0
    while [ "$i" -lt "$1" ]; do
        same && return 0
        sleep 1
        i=$((i + 1))
    done
    return 1
}

check "the private server runs with wal_level = logical" [ "$(p 'SHOW wal_level')" = logical ]
check "the publication ogi_reporting has the five base tables" [ "$(p "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_publication_tables WHERE pubname = 'ogi_reporting'")" = "agencies,cross_findings,documents,records,rejections" ]
check "documents are published without their raw bytes" [ "$(p "SELECT 'raw' = ANY (attnames)::int || ',' || ('doc_key' = ANY (attnames))::int FROM pg_publication_tables WHERE pubname = 'ogi_reporting' AND tablename = 'documents'")" = "0,1" ]
check "cross_findings has a primary key (deletes replicate by it)" [ "$(p "SELECT count(*) FROM pg_constraint WHERE conrelid = 'cross_findings'::regclass AND contype = 'p'")" = 1 ]

"$ogi" ingest -q --db "$pdb" tests/data/real >"$tmp/ingest1" 2>&1
reports1=$(p "SELECT count(*) FROM reports")
check "the real reports are stored in the publisher" [ "$reports1" -gt 0 ]

check "subscribe without --from is a usage error (2)" status_is 2 "$ogi" db subscribe --data "$sub"
check "--from with another command is a usage error (2)" status_is 2 "$ogi" db migrate --data "$sub" --from "$pdb"
check "a subscription name a slot cannot have is refused (1)" status_is 1 "$ogi" db subscribe --data "$sub" --from "$pdb" --name "Bad-Name"
# the publisher holds documents: it cannot subscribe (rows would collide)
"$ogi" db subscribe --data "$pub" --from "$sdb" >"$tmp/self" 2>&1
check "a database that holds documents is not subscribed" sh -c "[ $? -eq 1 ] && grep -q 'holds documents' '$tmp/self' && [ \$(psql '$pdb' -XAtq -c 'SELECT count(*) FROM pg_subscription') = 0 ]"

"$ogi" db subscribe --data "$sub" --from "$pdb" >"$tmp/subscribe" 2>&1
check "ogi db subscribe creates the subscription" sh -c "[ $? -eq 0 ] && grep -q 'subscription \"ogi_reporting\" created' '$tmp/subscribe'"
cat "$tmp/subscribe" | sed 's/^/# /'
check "subscribing again is refused (1)" status_is 1 "$ogi" db subscribe --data "$sub" --from "$pdb"
check "the publisher has the subscription's slot" [ "$(p "SELECT slot_type FROM pg_replication_slots WHERE slot_name = 'ogi_reporting'")" = logical ]

start=$(date +%s)
check "the subscriber's views come to show the publisher's rows (within 60 s)" wait_same 60
echo "# initial copy: $(($(date +%s) - start)) s"
check "the same reports on both sides" [ "$(s 'SELECT count(*) FROM reports')" = "$reports1" ]
check "the subscriber has the apply rows" [ "$(s 'SELECT count(*) FROM apply')" -gt 0 ]
check "the subscriber's documents have no raw bytes" [ "$(s 'SELECT count(*) > 0 AND count(raw) = 0 FROM documents')" = t ]
check "the publisher keeps its raw bytes" [ "$(p 'SELECT count(*) = count(raw) FROM documents')" = t ]

# new reports, as they arrive
gen=$tmp/gen
"$ogi" gen --count 20 --seed 5 --out "$gen" >/dev/null 2>&1
rm -f "$gen"/*.truth.json
"$ogi" ingest -q --db "$pdb" "$gen" >"$tmp/ingest2" 2>&1
reports2=$(p "SELECT count(*) FROM reports")
check "the generated reports are stored in the publisher" [ "$reports2" -gt "$reports1" ]
start=$(date +%s)
check "they arrive at the subscriber (within 60 s)" wait_same 60
echo "# new reports arrived in $(($(date +%s) - start)) s"
check "the subscriber has every report" [ "$(s 'SELECT count(*) FROM reports')" = "$reports2" ]

# a corrected revision of 淮安市洪泽区's 2024 report (as revisions.sh):
# 95 applications were 96, dated 2025年1月20日, so it becomes current
real=tests/data/real
mkdir -p "$tmp/fixed"
{
    sed 's/^\(一、本年新收政府信息公开申请数量 *\)95\( .*\) 95$/\196\2 96/' $real/010.raw.txt
    printf '\n淮安市洪泽区人民政府\n2025年1月20日\n'
} >"$tmp/fixed/010-fixed.txt"
kfix=$(sha256sum "$tmp/fixed/010-fixed.txt" | cut -c1-64)
cur="SELECT doc_key FROM current_reports WHERE division_code = '320813' AND year = 2024"
before=$(s "$cur")
check "the subscriber has a current 2024 report of 320813" [ -n "$before" ]
"$ogi" ingest -q --db "$pdb" "$tmp/fixed" >"$tmp/ingest3" 2>&1
check "the revision is current in the publisher" [ "$(p "$cur")" = "$kfix" ]
check "and the reports follow (within 60 s)" wait_same 60
check "the revision is current in the subscriber" [ "$(s "$cur")" = "$kfix" ]
check "the report it corrects is no longer current there" [ "$(s "SELECT current FROM reports WHERE doc_key = '$before'")" = f ]
check "one current report per (agency, year) in the subscriber" [ "$(s "SELECT count(*) FROM (SELECT agency_id, year FROM records WHERE current GROUP BY 1, 2 HAVING count(*) > 1) x")" = 0 ]

# ogi reparse deletes and inserts again every report of the publisher
at=$(s "SELECT max(stored_at) FROM records")
"$ogi" reparse --all -q --db "$pdb" >"$tmp/reparse" 2>&1
check "ogi reparse --all replaces the publisher's reports" [ "$(p "SELECT min(stored_at) > '$at' FROM records")" = t ]
check "the replaced reports follow (within 60 s)" wait_same 60
check "the subscriber has the replaced reports" [ "$(s "SELECT count(*) FROM records WHERE stored_at <= '$at'"),$(s 'SELECT count(*) FROM records')" = "0,$(p 'SELECT count(*) FROM records')" ]

"$ogi" db unsubscribe --data "$sub" >"$tmp/unsub" 2>&1
check "ogi db unsubscribe drops the subscription" sh -c "[ $? -eq 0 ] && grep -q 'dropped' '$tmp/unsub' && [ \$(psql '$sdb' -XAtq -c 'SELECT count(*) FROM pg_subscription') = 0 ]"
check "and the publisher's slot" [ "$(p 'SELECT count(*) FROM pg_replication_slots')" = 0 ]
check "the received rows stay" [ "$(s 'SELECT count(*) FROM reports')" = "$(p 'SELECT count(*) FROM reports')" ]
check "unsubscribing again is a no-op (0)" sh -c "'$ogi' db unsubscribe --data '$sub' | grep -q 'does not exist'"

# a role that owns what it creates but may not create in the database (a
# managed server's migrator): the whole schema, no publication, and the
# statement to run by hand
s "CREATE ROLE ogi_migrator LOGIN CREATEROLE" >/dev/null 2>&1
s "CREATE DATABASE limited" >/dev/null 2>&1
ldb=$(echo "$sdb" | sed 's/dbname=ogi/dbname=limited/')
psql_on "$ldb" "GRANT CREATE ON SCHEMA public TO ogi_migrator" >/dev/null 2>&1
"$ogi" db migrate --db "$ldb user=ogi_migrator" >"$tmp/limited" 2>&1
check "a role that may not create publications still migrates" sh -c "[ $? -eq 0 ] && grep -q 'schema version' '$tmp/limited' && [ \$(psql '$ldb' -XAtq -c 'SELECT count(*) FROM reports') = 0 ]"
check "without the publication, and is told the statement to run" sh -c "grep -qF 'runs: CREATE PUBLICATION ogi_reporting FOR TABLE' '$tmp/limited' && [ \$(psql '$ldb' -XAtq -c 'SELECT count(*) FROM pg_publication') = 0 ]"
finish
