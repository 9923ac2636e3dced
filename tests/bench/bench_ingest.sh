#!/bin/sh
# End-to-end benchmark: N distinct generated reports through `ogi ingest`
# (2 worker threads) into a private PostgreSQL, and, in the same run,
# (b) a plain COPY of the very rows ingest wrote into the same tables (the
# database's own ceiling for this schema) and (c) a COPY of the raw
# documents alone, key and bytes (lz4): the floor of storing them at all.
# Prints the three and the ratios; asserts nothing.
# Usage: tests/bench/bench_ingest.sh [build/ogi]   (INGEST_DOCS=20000)
ogi=${1:-build/ogi}
n=${INGEST_DOCS:-20000}
tmp=$(mktemp -d)
data=$tmp/pg
trap '"$ogi" db stop --data "$data" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"

now() { date +%s.%N; }

"$ogi" gen --quiet --count "$n" --seed 20260101 --out "$tmp/docs" || exit 1
mkdir -p "$tmp/truth"
mv "$tmp"/docs/*.truth.json "$tmp/truth/" 2>/dev/null ||
    find "$tmp/docs" -name '*.truth.json' -exec mv {} "$tmp/truth/" \;
bytes=$(du -sb "$tmp/docs" | cut -f1)
"$ogi" db start --data "$data" >"$tmp/start.log" 2>&1 || {
    cat "$tmp/start.log"
    exit 1
}
db=$(sed -n 's/^conninfo: //p' "$tmp/start.log" | tail -1)
sql() { psql -X -q -t -A "$db" -c "$1"; }

t0=$(now)
"$ogi" ingest -q --threads 2 ${INGEST_ARGS:-} --db "$db" "$tmp/docs" >"$tmp/ingest.out" || {
    cat "$tmp/ingest.out"
    exit 1
}
t1=$(now)
stored=$(sql "select count(*) from documents")

# every stored report parsed again (ogi reparse --all: read, parse with 2
# threads, replace in batches)
t6=$(now)
"$ogi" reparse -q --all --threads 2 --db "$db" >"$tmp/reparse.out" || {
    cat "$tmp/reparse.out"
    exit 1
}
t7=$(now)

# the ceiling: the same rows, written back with COPY in one transaction
tables="documents records rejections"
mkdir -p "$tmp/copy"
chmod 777 "$tmp/copy"
for t in $tables; do
    sql "copy $t to '$tmp/copy/$t' (format binary)" || exit 1
done
sql "truncate documents cascade" 2>/dev/null
script="begin;"
for t in $tables; do
    script="$script copy $t from '$tmp/copy/$t' (format binary);"
done
t2=$(now)
sql "$script commit;" || exit 1
t3=$(now)

# the floor: the raw documents alone, keyed, into a table of their own
sql "create table bench_raw (doc_key text primary key, raw bytea compression lz4 not null)" || exit 1
sql "copy (select doc_key, raw from documents) to '$tmp/copy/raw' (format binary)" || exit 1
t4=$(now)
sql "copy bench_raw from '$tmp/copy/raw' (format binary)" || exit 1
t5=$(now)

awk -v n="$stored" -v b="$bytes" -v a="$t0" -v z="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v f="$t5" -v g="$t6" -v h="$t7" 'BEGIN {
    ing = n / (z - a); cp = n / (d - c); raw = n / (f - e);
    printf "(a) ingest: %d documents (%.1f MB) in %.2f s: %.0f documents/s, 2 worker threads\n", n, b / 1e6, z - a, ing;
    printf "(b) COPY of the same rows into the same tables: %.2f s: %.0f documents/s\n", d - c, cp;
    printf "(c) COPY of the raw documents alone (key and bytes, lz4): %.2f s: %.0f documents/s\n", f - e, raw;
    printf "reparse --all of the %d stored documents: %.2f s: %.0f documents/s (1,000,000 would take %.1f min)\n", n, h - g, n / (h - g), 1e6 / (n / (h - g)) / 60;
    printf "ingest reaches %.0f%% of (b) (target: at least 80%%) and %.0f%% of (c) (target: at least 50%%)\n", 100 * ing / cp, 100 * ing / raw;
}'
