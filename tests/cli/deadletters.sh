#!/bin/sh
# ogi dead-letters list|show|retry on real dead letters in a real private
# PostgreSQL: two Word 97 DOC reports whose converter crashes (a wvHtml on
# PATH that kills the sandboxed converter process with SIGSEGV, as a
# converter bug would), and a file above the size limit, of which only the
# head is kept. They are listed and shown; retried while the converter is
# still broken they stay, with one more attempt; retried with the real
# wvHtml, in this process and through running daemons (--via), they leave
# the dead letters and are stored as reports.
# Prints TAP. Usage: tests/cli/deadletters.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
data=$tmp/pg
# the converters' scratch directories go to a TMPDIR of this test's own,
# so that it can check none is left behind
mkdir "$tmp/t"
TMPDIR=$tmp/t
export TMPDIR
pids=""
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    for p in $pids; do wait "$p" 2>/dev/null; done
    "$ogi" db stop --data "$data" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

# skip DESCRIPTION: a test that cannot run here
skip() {
    n=$((n + 1))
    echo "ok $n - $1 # SKIP"
}

if ! "$ogi" db start --data "$data" >"$tmp/start.log" 2>&1; then
    echo "not ok 1 - a private PostgreSQL starts"
    cat "$tmp/start.log"
    echo "1..1"
    exit 1
fi
db=$(sed -n 's/^conninfo: //p' "$tmp/start.log" | tail -1)
sql() { psql "$db" -XAtq -c "$1"; }
dl() { "$ogi" dead-letters "$@" --db "$db"; }

have_wv=0
command -v wvHtml >/dev/null 2>&1 && have_wv=1

# a converter that crashes: wvHtml kills the sandboxed process that ran it
mkdir -p "$tmp/broken" "$tmp/in"
printf '#!/bin/sh\nkill -SEGV $PPID\nexit 1\n' >"$tmp/broken/wvHtml"
chmod +x "$tmp/broken/wvHtml"
set -- "$root"/tests/data/office/gen/*.doc
cp "$1" "$tmp/in/a.doc"
cp "$2" "$tmp/in/b.doc"
cp "$root/tests/data/reports/002_e734572c7f6275fe.txt" "$tmp/in/report.txt"
head -c 9000000 /dev/zero | tr '\0' 'x' >"$tmp/in/big9.txt"
ka=$(sha256sum "$tmp/in/a.doc" | cut -d' ' -f1)
kb=$(sha256sum "$tmp/in/b.doc" | cut -d' ' -f1)
kbig=$(sha256sum "$tmp/in/big9.txt" | cut -d' ' -f1)

PATH="$tmp/broken:$PATH" "$ogi" ingest -q --db "$db" "$tmp/in" \
    >"$tmp/ingest.out" 2>"$tmp/ingest.err"
check "ingest with a crashing DOC converter exits 1" [ $? -eq 1 ]
check "the crashed converters leave no scratch directory behind" \
    [ "$(ls -A "$tmp/t" | wc -l)" = 0 ]
check "the two DOCs and the big file are the dead letters" \
    [ "$(sql "SELECT string_agg(doc_key, ',' ORDER BY doc_key) FROM dead_letters")" = "$(printf '%s\n' "$ka" "$kb" "$kbig" | sort | paste -sd,)" ]

# ---- list ----
dl list >"$tmp/list.out" 2>"$tmp/list.err"
check "list exits 0" [ $? -eq 0 ]
check "list ends with the count" [ "$(tail -1 "$tmp/list.out")" = "3 dead letters" ]
check "list: a.doc's line has its key's head, one attempt, its form, name and reason" \
    grep -qE "^[0-9]+  $(echo "$ka" | cut -c1-12)  20[0-9-]{8}T[0-9:]{8}Z  1  application/msword  a\.doc  DOC: converter crashed \(signal 11\)$" "$tmp/list.out"
check "list --reason takes the converter's crashes only (any case)" \
    [ "$(dl list --reason 'CONVERTER crashed' | tail -1)" = "2 dead letters" ]
check "list --since tomorrow takes none" \
    [ "$(dl list --since "$(date -u -d tomorrow +%F)" | tail -1)" = "0 dead letters" ]
check "list --since yesterday takes all" \
    [ "$(dl list --since "$(date -u -d yesterday +%F)" | tail -1)" = "3 dead letters" ]
dl list --since 'no time' >/dev/null 2>"$tmp/since.err"
check "list --since with no time exits 2" [ $? -eq 2 ]
check "... naming what is wrong" grep -q 'no time' "$tmp/since.err"

dl list --json >"$tmp/list.json"
check "list --json: one JSON object a line, every field, as stored" python3 - "$tmp/list.json" "$ka" "$kbig" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 3, rows
by = {r["doc_key"]: r for r in rows}
a = by[sys.argv[2]]
assert a["source_name"] == "a.doc" and a["attempts"] == 1, a
assert a["content_type"] == "application/msword", a
assert a["reason"] == "DOC: converter crashed (signal 11)", a
assert isinstance(a["id"], int) and a["created_at"].endswith("Z"), a
big = by[sys.argv[3]]
assert big["raw_bytes"] == 65536 and "exceeds the limit" in big["reason"], big
EOF

# ---- show ----
ida=$(sql "SELECT id FROM dead_letters WHERE doc_key = '$ka'")
dl show "$(echo "$ka" | cut -c1-10)" >"$tmp/show.out" 2>&1
check "show by the start of the doc_key exits 0" [ $? -eq 0 ]
check "show: every field" sh -c "grep -qx 'id:           $ida' $tmp/show.out &&
    grep -qx 'doc_key:      $ka' $tmp/show.out &&
    grep -qx 'attempts:     1' $tmp/show.out &&
    grep -qx 'content_type: application/msword' $tmp/show.out &&
    grep -qx 'source_name:  a.doc' $tmp/show.out &&
    grep -qx 'raw:          $(wc -c <"$tmp/in/a.doc") bytes (the whole document)' $tmp/show.out &&
    grep -qx 'reason:       DOC: converter crashed (signal 11)' $tmp/show.out"
dl show "$ida" --raw "$tmp/a.raw" >/dev/null 2>&1
check "show ID --raw FILE writes the document's bytes" cmp -s "$tmp/a.raw" "$tmp/in/a.doc"
check "show --raw - writes them to stdout" sh -c "'$ogi' dead-letters show $ida --raw - --db '$db' | cmp -s - '$tmp/in/a.doc'"
dl show "$(echo "$kbig" | cut -c1-12)" >"$tmp/showbig.out" 2>&1
check "show says the big file's dead letter is only its head" \
    grep -qx 'raw:          65536 bytes (the head of a larger document: it cannot be retried)' "$tmp/showbig.out"
check "show --json parses, whole true" sh -c "'$ogi' dead-letters show $ida --json --db '$db' | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[\"whole\"] is True and d[\"doc_key\"] == \"$ka\"'"
check "show of no dead letter exits 2" status_is 2 dl show ffffffffff
check "show of something that names none exits 2" status_is 2 dl show 'x;drop'

# ---- retry while the converter is still broken ----
PATH="$tmp/broken:$PATH" "$ogi" dead-letters retry --db "$db" "$ida" \
    >"$tmp/r1.out" 2>"$tmp/r1.err"
check "retry while still broken exits 1" [ $? -eq 1 ]
check "... naming the document and the new reason" \
    grep -q "$ida $(echo "$ka" | cut -c1-12) a.doc: failed again (attempts 2): DOC: converter crashed (signal 11)" "$tmp/r1.err"
check "... it stays, with one more attempt" \
    [ "$(sql "SELECT attempts FROM dead_letters WHERE doc_key = '$ka'")" = 2 ]
check "... and is not stored" [ "$(sql "SELECT count(*) FROM documents WHERE doc_key = '$ka'")" = 0 ]
check "... the summary says so" grep -q '^1 dead letter retried: 0 stored, 0 rejected (not reports), 0 already stored, 1 failed again, 0 not retried$' "$tmp/r1.out"

dl retry "$(echo "$kbig" | cut -c1-8)" >"$tmp/rbig.out" 2>"$tmp/rbig.err"
check "retry of the big file's head exits 1" [ $? -eq 1 ]
check "... it is not retried, and says why" grep -q "big9.txt: not retried: only the first 65536 bytes of the document are kept" "$tmp/rbig.err"
check "... and stays as it was" [ "$(sql "SELECT attempts FROM dead_letters WHERE doc_key = '$kbig'")" = 1 ]

# ---- usage ----
check "retry with nothing named exits 2" status_is 2 dl retry
check "retry of an ID and --all exits 2" status_is 2 dl retry "$ida" --all
check "retry of no dead letter exits 2, nothing tried" status_is 2 dl retry "$ida" 99999
check "... (a.doc untouched)" [ "$(sql "SELECT attempts FROM dead_letters WHERE doc_key = '$ka'")" = 2 ]
check "an unknown subcommand exits 2" status_is 2 "$ogi" dead-letters resend
check "--help exits 0" status_is 0 "$ogi" dead-letters --help

if [ "$have_wv" = 0 ]; then
    skip "retry with the real wvHtml (not installed)"
    finish
    exit $?
fi

# ---- retry with the real converter, in this process ----
dl retry --all --reason 'converter crashed' --threads 1 >"$tmp/r2.out" 2>"$tmp/r2.err"
rc=$?
check "retry --all --reason with the real converter exits 0" [ "$rc" -eq 0 ]
check "... both DOCs left the dead letters" \
    [ "$(sql "SELECT count(*) FROM dead_letters WHERE doc_key IN ('$ka', '$kb')")" = 0 ]
check "... and are stored as reports, named as first submitted" \
    [ "$(sql "SELECT string_agg(d.source_name, ',' ORDER BY d.source_name) FROM documents d JOIN reports r USING (doc_key) WHERE doc_key IN ('$ka', '$kb') AND r.status IN ('ok', 'has_errors')")" = "a.doc,b.doc" ]
check "... the stored records are the DOCs' (two reports, with their tables)" \
    [ "$(sql "SELECT count(DISTINCT doc_key) FROM apply WHERE doc_key IN ('$ka', '$kb')")" = 2 ]
check "... the big file stays" [ "$(sql "SELECT count(*) FROM dead_letters")" = 1 ]
check "... each named on stdout" sh -c "grep -q 'a.doc: stored as a report, left the dead letters' $tmp/r2.out && grep -q 'b.doc: stored as a report, left the dead letters' $tmp/r2.out"
check "... the summary" grep -q '^2 dead letters retried: 2 stored, 0 rejected (not reports), 0 already stored, 0 failed again, 0 not retried$' "$tmp/r2.out"

# ---- through running daemons (--via) ----
# a third DOC, dead-lettered through the daemons with the broken converter
cp "$3" "$tmp/c.doc"
kc=$(sha256sum "$tmp/c.doc" | cut -d' ' -f1)
mkdir -m 700 "$tmp/sock"
FE=ipc://$tmp/sock/fe
BE=ipc://$tmp/sock/be
SK=ipc://$tmp/sock/sk
"$ogi" broker --frontend "$FE" --backend "$BE" --sink "$SK" 2>"$tmp/broker.log" &
pids="$pids $!"
"$ogi" sink --records "$SK" --frontend "$FE" --db "$db" --batch 10 2>"$tmp/sink.log" &
pids="$pids $!"
PATH="$tmp/broken:$PATH" "$ogi" worker --backend "$BE" --sink "$SK" \
    --threads 1 2>"$tmp/worker1.log" &
w1=$!
pids="$pids $w1"
"$ogi" push -q --frontend "$FE" --give-up 30 "$tmp/c.doc" >/dev/null 2>&1
check "a DOC pushed to daemons with the broken converter is a dead letter" \
    [ "$(sql "SELECT attempts FROM dead_letters WHERE doc_key = '$kc'")" = 1 ]
dl retry --via "$FE" --give-up 30 "$(echo "$kc" | cut -c1-16)" >"$tmp/r3.out" 2>"$tmp/r3.err"
check "retry --via while the workers' converter is broken exits 1" [ $? -eq 1 ]
check "... it stays, with one more attempt and the reason" \
    [ "$(sql "SELECT attempts || ' ' || reason FROM dead_letters WHERE doc_key = '$kc'")" = "2 DOC: converter crashed (signal 11)" ]
kill "$w1"
wait "$w1" 2>/dev/null
"$ogi" worker --backend "$BE" --sink "$SK" --threads 1 2>"$tmp/worker2.log" &
pids="$pids $!"
dl retry --via "$FE" --give-up 30 --all >"$tmp/r4.out" 2>"$tmp/r4.err"
check "retry --via --all with the workers' real converter exits 1 (the big file's head cannot be retried)" [ $? -eq 1 ]
check "... the DOC left the dead letters, stored by the daemons' sink" \
    [ "$(sql "SELECT (SELECT count(*) FROM dead_letters WHERE doc_key = '$kc') || ' ' || (SELECT count(*) FROM reports WHERE doc_key = '$kc' AND status <> 'rejected')")" = "0 1" ]
check "... the summary" grep -q '^2 dead letters retried: 1 stored, 0 rejected (not reports), 0 already stored, 0 failed again, 1 not retried$' "$tmp/r4.out"
[ -n "$OGI_TEST_VERBOSE" ] && cat "$tmp"/r*.out "$tmp"/r*.err >&2
finish
