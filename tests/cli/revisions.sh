#!/bin/sh
# Revisions: a report sent again corrected (one number changed, published
# later) is stored beside the first, becomes the current report of its
# (agency, year), and ingest names it a revision on stderr and counts it.
# Real reports of 淮安市洪泽区 (320813) and 淮安市 (320800), codes from
# lib/core/divisions.tsv; a real private PostgreSQL. Prints TAP.
# Usage: tests/cli/revisions.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
data=$tmp/pg
cleanup() {
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
real=tests/data/real

mkdir -p "$tmp/first" "$tmp/fixed" "$tmp/again"
# 淮安市 2024, 洪泽区 2023, 淮安市洪泽区 2024; and a file that is no report
cp $real/008.raw.txt $real/009.raw.txt $real/010.raw.txt "$tmp/first/"
printf 'hello world\n' >"$tmp/first/hello.txt"
# the 2024 report of 洪泽区 corrected: 95 applications were 96, and it is
# dated 2025年1月20日 (the first one is not dated)
{
    sed 's/^\(一、本年新收政府信息公开申请数量 *\)95\( .*\) 95$/\196\2 96/' $real/010.raw.txt
    printf '\n淮安市洪泽区人民政府\n2025年1月20日\n'
} >"$tmp/fixed/010-fixed.txt"
k010=$(sha256sum $real/010.raw.txt | cut -c1-64)
kfix=$(sha256sum "$tmp/fixed/010-fixed.txt" | cut -c1-64)
k009=$(sha256sum $real/009.raw.txt | cut -c1-64)

"$ogi" ingest -q --db "$db" "$tmp/first" >"$tmp/out1" 2>"$tmp/err1"
check "the first reports are stored, none a revision" grep -q '^4 documents: 3 stored, 0 duplicates, 1 rejected.*, 0 revisions$' "$tmp/out1"
check "nothing is named a revision" sh -c "! grep -q 'a revision of' $tmp/err1"
k008=$(sha256sum $real/008.raw.txt | cut -c1-64)
check "each (agency, year) has its one report as current" [ "$(sql "SELECT string_agg(division_code || ' ' || year || ' ' || doc_key, ',' ORDER BY division_code, year) FROM current_reports")" = "320800 2024 $k008,320813 2023 $k009,320813 2024 $k010" ]
check "the agencies: 淮安市 a prefecture, 洪泽区 a county of it" [ "$(sql "SELECT string_agg(key || ' ' || division_level || ' ' || province || ' ' || prefecture || ' ' || coalesce(county, '-'), ',' ORDER BY key) FROM agencies")" = "320800:人民政府 prefecture 江苏省 淮安市 -,320813:人民政府 county 江苏省 淮安市 洪泽区" ]
check "洪泽区人民政府 and 淮安市洪泽区人民政府 are one agency" [ "$(sql "SELECT count(DISTINCT agency_id) FROM reports WHERE doc_key IN ('$k010', '$k009')")" = 1 ]
check "the document that is no report is kept apart, not among the reports" [ "$(sql "SELECT count(*) FROM rejected_documents"),$(sql "SELECT count(*) FROM reports r JOIN rejected_documents x USING (doc_key)")" = "1,0" ]

"$ogi" ingest -q --db "$db" "$tmp/fixed" >"$tmp/out2" 2>"$tmp/err2"
check "the corrected report is stored" [ $? -eq 0 ]
check "it is named a revision of the first, with its agency and year" grep -qF "$tmp/fixed/010-fixed.txt: stored, a revision of $(echo $k010 | cut -c1-12) (320813:人民政府, 2024)" "$tmp/err2"
check "the summary counts 1 revision" grep -q '^1 documents: 1 stored, .*, 1 revisions$' "$tmp/out2"
check "it is the current 2024 report of 320813" [ "$(sql "SELECT doc_key FROM current_reports WHERE division_code = '320813' AND year = 2024")" = "$kfix" ]
check "the first stays, not current" [ "$(sql "SELECT current FROM reports WHERE doc_key = '$k010'")" = f ]
check "its record carries the corrected number and the date" [ "$(sql "SELECT published_on FROM reports WHERE doc_key = '$kfix'")" = 2025-01-20 ]

# 112 is the same 2024 report of 淮安市洪泽区 (its PDF in reading order), not
# dated: stored later, but the dated one stays current
cp $real/112.raw.txt "$tmp/again/"
"$ogi" ingest -q --db "$db" "$tmp/again" >"$tmp/out3" 2>"$tmp/err3"
check "an undated copy is a revision of the current one" grep -qF "112.raw.txt: stored, a revision of $(echo $kfix | cut -c1-12) (320813:人民政府, 2024)" "$tmp/err3"
check "the later published stays current over the later received" [ "$(sql "SELECT doc_key FROM current_reports WHERE division_code = '320813' AND year = 2024")" = "$kfix" ]
check "exactly one current report per (agency, year)" [ "$(sql "SELECT count(*) FROM (SELECT agency_id, year FROM reports WHERE agency_id IS NOT NULL AND status <> 'rejected' GROUP BY 1, 2 HAVING count(*) FILTER (WHERE current) <> 1) x")" = 0 ]
check "three 2024 reports of 320813 are kept" [ "$(sql "SELECT count(*) FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE a.division_code = '320813' AND r.year = 2024")" = 3 ]
finish
