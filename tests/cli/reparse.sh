#!/bin/sh
# ogi reparse on a real private PostgreSQL: reports stored by an "older
# parser" (their version and cells overwritten by hand, as an older ogi
# would have left them) are parsed again from their raw bytes and come back
# as the current parser reads them; filters; a reparse killed part way
# resumes after its last committed batch and ends with every report
# restored. Prints TAP.
# Usage: tests/cli/reparse.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
chmod 755 "$tmp"
data=$tmp/pg
cleanup() {
    [ -n "$bg" ] && kill -9 "$bg" 2>/dev/null
    "$ogi" db stop --data "$data" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

if ! "$ogi" db start --data "$data" >"$tmp/start.log" 2>&1; then
    echo "not ok 1 - a private PostgreSQL starts"
    cat "$tmp/start.log"
    echo "1..1"
    exit 1
fi
db=$(sed -n 's/^conninfo: //p' "$tmp/start.log" | tail -1)
sql() { psql "$db" -XAtq -c "$1"; }
version=$("$ogi" --version | sed -n 's/.*(parser \(.*\))$/\1/p')

# every cell, finding and current flag the views show, as one hash
state() {
    sql "SELECT md5(string_agg(x, ';' ORDER BY x)) FROM (
        SELECT concat_ws('|', doc_key, row_key, natural_person, commercial,
               research, public_interest, legal_service, other_org, total) x
          FROM apply
        UNION ALL SELECT concat_ws('|', doc_key, block, upheld, corrected,
               other, pending, total) FROM appeal
        UNION ALL SELECT concat_ws('|', doc_key, seq, rule, severity, path,
               message) FROM findings
        UNION ALL SELECT concat_ws('|', doc_key, status, agency, year,
               current, agency_id) FROM reports
        UNION ALL SELECT concat_ws('|', doc_key, rule, reason)
          FROM rejected_documents) s"
}

# the real reports of tests/data/real, and 300 generated ones
"$ogi" ingest -q --db "$db" tests/data/real >/dev/null 2>&1
"$ogi" gen --quiet --count 300 --seed 4242 --out "$tmp/gen" >/dev/null
rm -f "$tmp"/gen/*.truth.json "$tmp"/gen/*/*.truth.json
"$ogi" ingest -q --db "$db" "$tmp/gen" >/dev/null 2>&1
docs=$(sql "SELECT count(*) FROM documents")
check "the documents are stored ($docs)" [ "$docs" -gt 300 ]
before=$(state)

check "nothing to do when every report is this parser's" sh -c \
    "'$ogi' reparse -q --db '$db' | grep -q '^0 documents parsed again'"

# an older parser: its version, and cells it read wrong
sql "UPDATE records SET parser_version = '0.0.1', cells = NULL,
         finding_rules = '{}', finding_levels = '{}', finding_paths = '{}',
         finding_texts = '{}' WHERE year = 2024"
sql "UPDATE rejections SET parser_version = '0.0.1', reason = 'old'"
old=$(sql "SELECT count(*) FROM reports WHERE parser_version = '0.0.1'")
rej=$(sql "SELECT count(*) FROM rejected_documents")
gone=$(sql "SELECT count(*) FROM apply a JOIN reports r USING (doc_key) WHERE r.year = 2024 AND a.total IS NOT NULL")
check "the 2024 reports look older ($old) and their cells are gone" \
    [ "$old" -gt 0 -a "$gone" = 0 ]
"$ogi" reparse -q --db "$db" >"$tmp/r1" 2>&1
check "reparse exits 0" [ $? -eq 0 ]
check "it parses again exactly the older ones and says so" \
    grep -q "^$((old + rej)) documents parsed again by ogi $version: $old reports, $rej not reports" "$tmp/r1"
check "every cell, finding and current report is as first stored" \
    [ "$(state)" = "$before" ]
check "no report is left with the old version" \
    [ "$(sql "SELECT count(*) FROM reports WHERE parser_version <> '$version'")" = 0 ]

# filters: --all with a year, with an agency
n24=$(sql "SELECT count(*) FROM reports WHERE year = 2024")
check "--all --year 2024 parses the $n24 reports on 2024" sh -c \
    "'$ogi' reparse -q --all --year 2024 --db '$db' | grep -q '^$n24 documents parsed again'"
key=$(sql "SELECT key FROM agencies a JOIN reports r ON r.agency_id = a.id GROUP BY key ORDER BY count(*) DESC, key LIMIT 1")
nk=$(sql "SELECT count(*) FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE a.key = '$key'")
check "--all --agency $key parses its $nk reports" sh -c \
    "'$ogi' reparse -q --all --agency '$key' --db '$db' | grep -q '^$nk documents parsed again'"
check "the state is unchanged by parsing again" [ "$(state)" = "$before" ]

# an older parser read 洪泽区's current 2024 report as a second 2023 one
# and made it the current 2023 report: parsed again, it goes back to 2024,
# and 2023's own report is current again
k009=$(sql "SELECT doc_key FROM current_reports WHERE agency_key = '320813:人民政府' AND year = 2023")
k010=$(sql "SELECT doc_key FROM current_reports WHERE agency_key = '320813:人民政府' AND year = 2024")
sql "UPDATE records SET current = false WHERE id = (SELECT id FROM documents WHERE doc_key = '$k009')"
sql "UPDATE records SET year = 2023, current = true, parser_version = '0.0.1' WHERE id = (SELECT id FROM documents WHERE doc_key = '$k010')"
check "the misread report is the current 2023 one" \
    [ "$(sql "SELECT doc_key FROM current_reports WHERE agency_key = '320813:人民政府' AND year = 2023")" = "$k010" ]
"$ogi" reparse -q --db "$db" >/dev/null 2>&1
check "parsed again: 2023's own report is current again, 010 is 2024's" \
    [ "$(sql "SELECT string_agg(year || ' ' || doc_key, ',' ORDER BY year) FROM current_reports WHERE agency_key = '320813:人民政府'")" = "2023 $k009,2024 $k010" ]
check "and the whole state is as first stored" [ "$(state)" = "$before" ]

# killed part way: the batches committed stay, the next run resumes
sql "UPDATE records SET parser_version = '0.0.1', cells = NULL"
sql "UPDATE rejections SET parser_version = '0.0.1'"
todo=$(sql "SELECT count(*) FROM documents")
"$ogi" reparse -q --batch 10 --threads 1 --db "$db" >"$tmp/r2" 2>&1 &
bg=$!
i=0
while [ "$(sql "SELECT coalesce(max(last_id), 0) FROM reparse_runs WHERE finished_at IS NULL")" = 0 ] && [ $i -lt 300 ]; do
    sleep 0.05
    i=$((i + 1))
done
kill -9 "$bg" 2>/dev/null
wait "$bg" 2>/dev/null
bg=
done1=$(sql "SELECT documents FROM reparse_runs WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1")
check "the killed run recorded its committed batches ($done1 of $todo)" \
    sh -c "[ '$done1' -gt 0 ] && [ '$done1' -lt '$todo' ]"
"$ogi" reparse -q --db "$db" >"$tmp/r3" 2>&1
check "the next run resumes and exits 0" [ $? -eq 0 ]
check "it says it resumed" grep -q '^resumed: ' "$tmp/r3"
left=$(sed -n 's/^resumed: \([0-9]*\) documents.*/\1/p' "$tmp/r3")
check "together they parsed every document once ($done1 + $left = $todo)" \
    [ $((done1 + left)) -eq "$todo" ]
check "every report is restored" [ "$(state)" = "$before" ]
check "the run is finished" \
    [ "$(sql "SELECT count(*) FROM reparse_runs WHERE finished_at IS NULL")" = 0 ]

check "an unknown option is a usage error" status_is 2 "$ogi" reparse --bogus
check "a bad year is a usage error" status_is 2 "$ogi" reparse --year 12
check "--help exits 0" status_is 0 "$ogi" reparse --help
check "no database is an error naming it" sh -c \
    "'$ogi' reparse --db 'host=$tmp/none' 2>&1 >/dev/null | grep -q 'could not connect'; [ \$? -eq 0 ]"
finish
