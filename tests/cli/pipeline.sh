#!/bin/sh
# The pipeline with real processes, real sockets and a real PostgreSQL:
# push twice, typed cells, faults (a worker and the sink killed, the
# database restarted), back-pressure, poison documents, garbage on every
# socket, clean stops. Prints TAP. Usage: tests/cli/pipeline.sh build/ogi
ogi=${1:-build/ogi}
bin=$(dirname "$ogi")
faults=$bin/ogi-faults
zsend=$bin/tests/zsend
. "$(dirname "$0")/lib/tap.sh"
ok() { check "$@"; }
tmp=$(mktemp -d)
pids=""
data=$tmp/pg

cleanup() {
    for p in $pids; do kill -9 "$p" 2>/dev/null; done
    # the workers a respawn loop started: every process using our sockets
    pkill -9 -f "$tmp/sock/be" 2>/dev/null
    "$ogi" db stop --data "$data" >/dev/null 2>&1
    [ -n "$KEEP" ] || rm -rf "$tmp"
}
trap cleanup EXIT


if ! "$ogi" db start --data "$data" >"$tmp/start.log" 2>&1; then
    echo "not ok 1 - a private PostgreSQL starts"
    cat "$tmp/start.log"
    echo "1..1"
    exit 1
fi
db=$(sed -n 's/^conninfo: //p' "$tmp/start.log" | tail -1)
sql() { psql -X -q -t -A "$db" -c "$1" 2>/dev/null; }

# the sockets in a directory only we can enter (ogi db start lets the
# server's user through $tmp)
mkdir -m 700 "$tmp/sock"
FE=ipc://$tmp/sock/fe
BE=ipc://$tmp/sock/be
SK=ipc://$tmp/sock/sk
start_broker() {
    "$faults" broker --frontend "$FE" --backend "$BE" --sink "$SK" \
        --max-crashes 2 2>"$tmp/broker.log" &
    broker=$!
    pids="$pids $broker"
}
start_sink() {
    "$faults" sink --records "$SK" --frontend "$FE" --db "$db" --batch 200 \
        2>>"$tmp/sink.log" &
    sink=$!
    pids="$pids $sink"
}
start_worker() {
    "$faults" worker --backend "$BE" --sink "$SK" --threads 2 \
        --parse-timeout 3000 2>>"$tmp/worker.log" &
    worker=$!
    pids="$pids $worker"
}
push() { # push with test timeouts: resend after 1 s
    "$ogi" push -q --frontend "$FE" --timeout 1000 "$@"
}
start_broker
start_sink
start_worker

# --- the five seeds, twice ---
mkdir -p "$tmp/seeds"
cp tests/data/reports/00*.txt "$tmp/seeds/"
push "$tmp/seeds" >"$tmp/p1.out" 2>&1
ok "push of the five seeds exits 0" [ $? -eq 0 ]
ok "push reports 5 stored" grep -q '^5 documents: 5 stored' "$tmp/p1.out"
ok "5 documents and 5 reports in the database" \
    [ "$(sql 'select count(*) from documents'),$(sql 'select count(*) from reports')" = "5,5" ]
push "$tmp/seeds" >"$tmp/p2.out" 2>&1
ok "the second push exits 0" [ $? -eq 0 ]
ok "the second push reports 5 duplicates" grep -q '0 stored, 5 duplicates' "$tmp/p2.out"
ok "still 5 documents" [ "$(sql 'select count(*) from documents')" = 5 ]
seed2=$(sha256sum tests/data/reports/002_e734572c7f6275fe.txt | cut -d' ' -f1)
# the golden values of seed 2 (tests/data/golden), read off the report
ok "seed 2's 予以公开 row: 91 0 0 0 0 0 92" [ "$(sql "select concat_ws(' ',natural_person,commercial,research,public_interest,legal_service,other_org,total) from apply where doc_key='$seed2' and row_key='granted'")" = "91 0 0 0 0 0 92" ]
ok "seed 2's procurement: 293 projects, 26102 万元" [ "$(sql "select projects || ' ' || amount::numeric(20,0) || ' ' || amount_unit from active_2019_a20_9 where doc_key='$seed2'")" = "293 26102 wan_yuan" ]
ok "seed 2's 行政复议 block: 4 4 6 0 14" [ "$(sql "select concat_ws(' ',upheld,corrected,other,pending,total) from appeal where doc_key='$seed2' and block='review'")" = "4 4 6 0 14" ]
seed4=$(sha256sum tests/data/reports/004_38ec84bebc7328d3.txt | cut -d' ' -f1)
ok "seed 4's blank 3.其他 row is NULL, not 0" [ "$(sql "select count(*) from apply where doc_key='$seed4' and row_key='other.misc' and natural_person is null and total is null")" = 1 ]
ok "seed 2's two D2 errors are stored" [ "$(sql "select count(*) from findings where doc_key='$seed2' and rule='D2' and severity='error'")" = 2 ]

# --- garbage on every socket: counted, dropped, daemons keep running ---
"$zsend" dealer "$FE" "garbage" >/dev/null 2>&1
"$zsend" dealer "$FE" "DOC1" "#500" >/dev/null 2>&1
"$zsend" dealer "$FE" "DOC1" "x" "y" "z" >/dev/null 2>&1
"$zsend" dealer "$BE" "RDY1" "#64" >/dev/null 2>&1
"$zsend" dealer "$BE" "#9" >/dev/null 2>&1
"$zsend" push "$SK" "REC1" "#2000" >/dev/null 2>&1
"$zsend" push "$SK" "#33" >/dev/null 2>&1
head -c 40000000 /dev/zero >"$tmp/big"
"$zsend" push "$SK" "REC1" "@$tmp/big" >/dev/null 2>&1
"$zsend" dealer "$FE" "DOC1" "@$tmp/big" >/dev/null 2>&1
rm -f "$tmp/big"
sleep 1
ok "the broker survives garbage" kill -0 "$broker"
ok "the sink survives garbage" kill -0 "$sink"
ok "the worker survives garbage" kill -0 "$worker"
mkdir -p "$tmp/after"
printf '%s\n' "after the garbage" | cat tests/data/reports/001_1cb59e66f00bcffe.txt - >"$tmp/after/a.txt"
push "$tmp/after" >"$tmp/after.out" 2>&1
ok "a push after the garbage is stored" grep -q '1 stored' "$tmp/after.out"

# --- a Record forged under the key of a report not yet pushed ---
mkdir -p "$tmp/real"
printf '%s\n' "the real one" | cat tests/data/reports/003_17bcadf2ed5508d0.txt - >"$tmp/real/r.txt"
realkey=$(sha256sum "$tmp/real/r.txt" | cut -d' ' -f1)
printf 'report { doc_key: "%s" status: STATUS_OK }\nraw: "forged bytes"\n' "$realkey" |
    protoc --proto_path=proto --encode=ogi.v1.Record ogi/v1/wire.proto >"$tmp/forged.pb"
"$zsend" push "$SK" "REC1" "@$tmp/forged.pb" >/dev/null 2>&1
sleep 1
ok "the forged record is not stored" [ "$(sql "select count(*) from documents where doc_key='$realkey'")" = 0 ]
ok "the sink logs the forgery" grep -q "doc_key ${realkey%"${realkey#????????????????}"}... is not the SHA-256" "$tmp/sink.log"
push "$tmp/real" >"$tmp/real.out" 2>&1
ok "the real report, pushed after the forgery, is stored" grep -q '^1 documents: 1 stored' "$tmp/real.out"
ok "with its own bytes" [ "$(sql "select count(*) from documents where doc_key='$realkey' and encode(sha256(raw), 'hex') = '$realkey'")" = 1 ]

# --- faults: 2000 documents; kill -9 a worker, then the sink; restart
# --- PostgreSQL; every document stored exactly once ---
mkdir -p "$tmp/many"
i=0
for f in tests/data/reports/*.txt; do
    j=0
    while [ $j -lt 250 ]; do
        { cat "$f"; echo "编号 $i-$j"; } >"$tmp/many/d$i-$j.txt"
        j=$((j + 1))
    done
    i=$((i + 1))
done
push --window 64 "$tmp/many" >"$tmp/many.out" 2>&1 &
pusher=$!
sleep 1
kill -9 "$worker"
start_worker
sleep 1
kill -9 "$sink"
start_sink
sleep 1
"$ogi" db stop --data "$data" >/dev/null 2>&1
sleep 1
"$ogi" db start --data "$data" >/dev/null 2>&1
wait "$pusher"
ok "push through the faults exits 0" [ $? -eq 0 ]
ok "push counts 2000 stored" grep -q '^2000 documents: 2000 stored' "$tmp/many.out"
(cd "$tmp/many" && sha256sum *.txt | cut -d' ' -f1 | sort) >"$tmp/want.keys"
sql "select doc_key from documents" | sort >"$tmp/have.keys"
missing=$(comm -23 "$tmp/want.keys" "$tmp/have.keys" | wc -l)
ok "every one of the 2000 is stored ($missing missing)" [ "$missing" -eq 0 ]
ok "and stored once: documents hold distinct keys only" [ "$(sql 'select count(*) - count(distinct doc_key) from documents')" = 0 ]

# --- back-pressure: with the sink stopped, push holds at most W ---
kill -TERM "$sink"
wait "$sink" 2>/dev/null
mkdir -p "$tmp/bp"
for k in $(seq 1 300); do
    { cat tests/data/reports/003_17bcadf2ed5508d0.txt; echo "bp $k"; } >"$tmp/bp/b$k.txt"
done
push --window 16 "$tmp/bp" >"$tmp/bp.out" 2>&1 &
pusher=$!
sleep 1
rss1=$(awk '/VmRSS/ {print $2}' /proc/$pusher/status)
sleep 3
rss2=$(awk '/VmRSS/ {print $2}' /proc/$pusher/status)
ok "nothing is stored while the sink is down" [ "$(sql "select count(*) from documents where source_name like 'b%'")" = 0 ]
ok "push's memory stays flat while it waits (${rss1} kB -> ${rss2} kB)" [ $((rss2 - rss1)) -lt 2048 ]
start_sink
wait "$pusher"
ok "when the sink returns, the run completes (exit 0)" [ $? -eq 0 ]
ok "all 300 stored" grep -q '^300 documents: 300 stored' "$tmp/bp.out"

# --- poison: documents that crash or hang workers end in dead letters ---
( while kill -0 "$broker" 2>/dev/null; do
      "$faults" worker --backend "$BE" --sink "$SK" --threads 2 \
          --parse-timeout 3000 2>/dev/null
  done ) &
pids="$pids $!"
mkdir -p "$tmp/poison"
{ cat tests/data/reports/000_797bd12820c43427.txt; echo OGI-FAULT-CRASH; } >"$tmp/poison/crash.txt"
{ cat tests/data/reports/000_797bd12820c43427.txt; echo OGI-FAULT-HANG; } >"$tmp/poison/hang.txt"
for k in $(seq 1 20); do
    { cat tests/data/reports/004_38ec84bebc7328d3.txt; echo "ok $k"; } >"$tmp/poison/ok$k.txt"
done
push "$tmp/poison" >"$tmp/poison.out" 2>"$tmp/poison.err"
ok "push with poison documents completes (exit 1: some not stored)" [ $? -eq 1 ]
[ -n "$OGI_TEST_VERBOSE" ] && cat "$tmp/poison.out" "$tmp/poison.err" >&2
ok "the 20 good documents are stored" grep -q '20 stored' "$tmp/poison.out"
ok "both poison documents are in dead letters, raw bytes kept" [ "$(sql "select count(*) from dead_letters where octet_length(raw) > 1000")" = 2 ]
ok "push names the poison documents" grep -q 'crash.txt: poison' "$tmp/poison.err"

# --- clean stop ---
for p in $sink $broker; do kill -TERM "$p" 2>/dev/null; done
wait "$sink" 2>/dev/null
ok "the sink drains and exits 0 on SIGTERM" [ $? -eq 0 ]
wait "$broker" 2>/dev/null
ok "the broker counted the garbage it dropped" grep -q 'messages dropped' "$tmp/broker.log"
finish
