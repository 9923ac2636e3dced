#!/bin/sh
# ogi ingest on a folder as an office collects it: reports and files that
# are not reports, each of those named with its reason, counted by reason,
# stored with the form told from its bytes. A real private PostgreSQL.
# Prints TAP. Usage: tests/cli/ingest.sh build/ogi
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

mkdir -p "$tmp/in/town"
cp tests/data/reports/002_e734572c7f6275fe.txt tests/data/reports/003_17bcadf2ed5508d0.txt "$tmp/in/"
printf 'hello world\n' >"$tmp/in/town/hello.txt"
: >"$tmp/in/town/empty.txt"
# above the parser's limit (8 MiB), and above any frame's (32 MiB)
head -c 9000000 /dev/zero | tr '\0' 'x' >"$tmp/in/big9.txt"
head -c 40000000 /dev/zero >"$tmp/in/big40.bin"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$tmp/in/town/scan.png"
# a ZIP that is no Word file: a spreadsheet's first entry name
printf 'PK\003\004\024\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\023\0\0\0[Content_Types].xmlPK\003\004\024\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\017\0\0\0xl/workbook.xml' >"$tmp/in/town/book.xlsx"

"$ogi" ingest -q --db "$db" "$tmp/in" >"$tmp/out" 2>"$tmp/err"
check "ingest of a folder with non-reports exits 1" [ $? -eq 1 ]
check "the summary counts 2 stored and 6 rejected" grep -q '^8 documents: 2 stored, 0 duplicates, 6 rejected' "$tmp/out"
for f in big9.txt big40.bin; do
    check "$f is rejected for its size" sh -c "grep -F '$tmp/in/$f: rejected' $tmp/err | grep -q 'exceeds the limit of 8388608 bytes'"
done
check "both are dead letters: their hash, their size, their first 64 KiB" [ "$(sql "SELECT string_agg(doc_key || ' ' || length(raw) || ' ' || (reason LIKE 'input of ' || CASE WHEN source_name = 'big9.txt' THEN 9000000 ELSE 40000000 END || ' bytes%'), ',' ORDER BY source_name) FROM dead_letters")" = "$(sha256sum "$tmp/in/big40.bin" | cut -d' ' -f1) 65536 true,$(sha256sum "$tmp/in/big9.txt" | cut -d' ' -f1) 65536 true" ]
check "an empty file ends, rejected as empty" sh -c "grep -F '$tmp/in/town/empty.txt: rejected' $tmp/err | grep -q 'empty document'"
check "the image is named on stderr with its form" grep -qF "$tmp/in/town/scan.png: rejected" "$tmp/err"
check "its reason names the form" sh -c "grep -F '$tmp/in/town/scan.png' $tmp/err | grep -qF 'PNG image, not a report ogi reads'"
check "the text that is no report is named with its reason" sh -c "grep -F '$tmp/in/town/hello.txt' $tmp/err | grep -q 'not an annual report'"
check "the spreadsheet is named as one" sh -c "grep -F '$tmp/in/town/book.xlsx' $tmp/err | grep -q 'XLSX'"
check "rejections counted by reason" sh -c "sed -n '/^6 not stored as reports, by reason:/,/^findings/p' $tmp/out | grep -c '^ *1  ' | grep -qx 4"
check "content types told from the bytes are stored" [ "$(sql "SELECT string_agg(content_type, ',' ORDER BY source_name) FROM documents")" = "text/plain,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/plain,text/plain,image/png" ]
check "text documents are stored with their encoding" [ "$(sql "SELECT count(*) FROM documents WHERE content_type = 'text/plain' AND encoding = 'utf-8'")" = 4 ]
check "the documents that are no reports are kept apart, with their reason" [ "$(sql "SELECT count(*) FROM rejected_documents WHERE rule = 'P0' AND reason <> ''"),$(sql "SELECT count(*) FROM reports")" = "4,2" ]
finish
