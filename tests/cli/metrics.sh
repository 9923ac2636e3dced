#!/bin/sh
# The daemons as a service: /metrics scraped during a run and checked
# against the database, /health following the database down and back,
# events logged once (text and JSON lines). A real private PostgreSQL,
# broker, sink and worker over ipc. Prints TAP.
# Usage: tests/cli/metrics.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
data=$tmp/pg
pids=""
cleanup() {
    for p in $pids; do kill -9 "$p" 2>/dev/null; done
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

# three free loopback ports
set -- $(python3 -c '
import socket
ss = [socket.socket() for _ in range(3)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))')
PB=$1 PS=$2 PW=$3

mkdir -m 700 "$tmp/sock"
FE=ipc://$tmp/sock/fe
BE=ipc://$tmp/sock/be
SK=ipc://$tmp/sock/sk
"$ogi" broker --frontend "$FE" --backend "$BE" --sink "$SK" \
    --metrics "$PB" 2>"$tmp/broker.log" &
pids="$pids $!"
# a stand-in for systemd's notify socket, for the sink
python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a") as out:
    while True:
        out.write(s.recv(4096).decode().replace("\n", " ") + "\n")
        out.flush()
' "$tmp/sock/notify" "$tmp/notify.said" &
pids="$pids $!"
i=0
while [ ! -S "$tmp/sock/notify" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
NOTIFY_SOCKET=$tmp/sock/notify WATCHDOG_USEC=2000000 \
"$ogi" sink --records "$SK" --frontend "$FE" --db "$db" --batch 4 \
    --metrics "127.0.0.1:$PS" --log-format json 2>"$tmp/sink.log" &
sink=$!
pids="$pids $sink"
"$ogi" worker --backend "$BE" --sink "$SK" --threads 2 \
    --metrics "$PW" 2>"$tmp/worker.log" &
worker=$!
pids="$pids $worker"

# scrape PORT PATH: the body (and the status on the first line)
scrape() {
    curl -s -o "$tmp/body" -w '%{http_code}\n' "http://127.0.0.1:$1$2" 2>/dev/null
    cat "$tmp/body" 2>/dev/null
}
status() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health" 2>/dev/null; }
# metric PORT NAME[{labels}]: its value (sum over series when no labels)
metric() {
    curl -s "http://127.0.0.1:$1/metrics" | awk -v n="$2" '
        $1 == n || (index(n, "{") == 0 && index($1, n "{") == 1) { s += $2; f = 1 }
        END { if (f) printf "%.10g\n", s; else print "none" }'
}
# wait_for SECONDS COMMAND...: polls until COMMAND succeeds
wait_for() {
    t=$1
    shift
    i=0
    while [ $i -lt $((t * 10)) ]; do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
healthy() { [ "$(status "$1")" = 200 ]; }

check "the broker's /health answers 200" wait_for 10 healthy "$PB"
check "the sink's /health answers 200" wait_for 10 healthy "$PS"
check "the worker's /health answers 200" wait_for 10 healthy "$PW"
check "the sink told the service manager READY=1 once" [ "$(grep -c 'READY=1' "$tmp/notify.said")" = 1 ]
check "a port alone is bound to loopback" sh -c "ss -ltn 2>/dev/null | grep -q '127.0.0.1:$PB ' || ! command -v ss"
check "an unknown path is 404" [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PB/nothing")" = 404 ]

# the exposition, read as Prometheus reads it (format 0.0.4)
valid() {
    curl -s "http://127.0.0.1:$1/metrics" | python3 -c '
import re, sys
fam = {}; typ = {}; order = []; hist = {}
sample = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\")*)\})? (\S+)$")
for line in sys.stdin.read().splitlines():
    if line.startswith("# HELP "):
        name = line.split()[2]; assert name not in fam, "two HELP " + name; fam[name] = 1
        continue
    if line.startswith("# TYPE "):
        _, _, name, t = line.split(); assert name in fam and name not in typ; typ[name] = t
        continue
    m = sample.match(line); assert m, "bad line: " + line
    name, labels, value = m.group(1), m.group(3) or "", m.group(7)
    float(value.replace("+Inf", "inf"))
    base = re.sub(r"_(bucket|sum|count)$", "", name)
    if base in typ and typ[base] == "histogram":
        key = re.sub(r",?le=\"[^\"]*\"", "", labels)
        h = hist.setdefault((base, key), {"b": [], "count": None})
        if name.endswith("_bucket"):
            le = re.search(r"le=\"([^\"]*)\"", labels).group(1)
            h["b"].append((float(le.replace("+Inf", "inf")), float(value)))
        elif name.endswith("_count"):
            h["count"] = float(value)
    else:
        assert name in typ, "no TYPE for " + name
        if typ[name] == "counter": assert name.endswith("_total"), name
for (base, key), h in hist.items():
    les = [b[0] for b in h["b"]]; counts = [b[1] for b in h["b"]]
    assert les == sorted(les) and les[-1] == float("inf"), base
    assert counts == sorted(counts), base + " buckets not cumulative"
    assert counts[-1] == h["count"], base + " +Inf bucket is not the count"
'
}
check "the broker's exposition is well formed" valid "$PB"
check "the sink's exposition is well formed" valid "$PS"
check "the worker's exposition is well formed" valid "$PW"
check "the content type names version 0.0.4" sh -c "curl -sI http://127.0.0.1:$PS/metrics | grep -qi 'content-type: text/plain; version=0.0.4'"

# --- a run: the seeds and two files that are not reports ---
mkdir -p "$tmp/in"
cp tests/data/reports/*.txt "$tmp/in/"
printf 'hello world\n' >"$tmp/in/hello.txt"
: >"$tmp/in/empty.txt"
total=$(ls "$tmp/in" | wc -l)
"$ogi" push -q --frontend "$FE" --window 3 --give-up 60 "$tmp/in" >"$tmp/p1.out" 2>"$tmp/p1.err" &
push=$!
# during the run: the broker's gauges are readable while documents flow
check "during the run the broker reports its queue and credit" sh -c "
    curl -s http://127.0.0.1:$PB/metrics | grep -q '^ogi_broker_queue_documents ' &&
    curl -s http://127.0.0.1:$PB/metrics | grep -q '^ogi_broker_credit_documents '"
wait $push
check "the push settles every document" grep -q "^$total documents: " "$tmp/p1.out"
reports_ok=$(sql "select count(*) from reports")
reports_rej=$(sql "select count(*) from rejected_documents")
docs=$(sql "select count(*) from documents")
sink_settled() { [ "$(metric "$PS" ogi_batch_records_sum)" = "$total" ]; }
wait_for 5 sink_settled
check "documents stored = reports in the database ($reports_ok)" \
    [ "$(metric "$PS" ogi_documents_stored_total)" = "$reports_ok" ]
check "documents rejected = rejected reports in the database ($reports_rej)" \
    [ "$(metric "$PS" ogi_documents_rejected_total)" = "$reports_rej" ]
check "stored + rejected = rows in documents ($docs)" \
    [ "$(( $(metric "$PS" ogi_documents_stored_total) + $(metric "$PS" ogi_documents_rejected_total) ))" = "$docs" ]
check "both non-reports are counted by reason class" sh -c "
    [ \"\$(curl -s http://127.0.0.1:$PS/metrics | grep -c '^ogi_documents_rejected_total{reason=')\" -ge 1 ]"
check "the empty file is counted as empty" [ "$(metric "$PS" 'ogi_documents_rejected_total{reason="empty"}')" = 1 ]
check "records received = documents pushed ($total)" [ "$(metric "$PS" ogi_records_received_total)" = "$total" ]
check "records per batch: the batches add up to the records" \
    [ "$(metric "$PS" ogi_batch_records_count)" = "$(metric "$PS" ogi_batches_total)" ]
check "a commit latency observed per batch" \
    [ "$(metric "$PS" ogi_batch_commit_seconds_count)" = "$(metric "$PS" ogi_batches_total)" ]
check "no duplicates, no dead letters" \
    [ "$(metric "$PS" ogi_documents_duplicate_total),$(metric "$PS" ogi_documents_dead_lettered_total),$(sql 'select count(*) from dead_letters')" = "0,0,0" ]
# a document that is no report keeps one finding, the reason it is none
findings_db=$(sql "select rule || ' ' || count(*) from (select rule from findings union all select rule from rejected_documents) f group by rule order by rule")
findings_m=$(curl -s "http://127.0.0.1:$PS/metrics" | sed -n 's/^ogi_findings_total{rule="\([^"]*\)"} \([0-9]*\)$/\1 \2/p' | sort)
same_findings() { [ -n "$findings_db" ] && [ "$findings_db" = "$findings_m" ]; }
check "findings by rule = the findings table" same_findings
check "the broker received every document once" [ "$(metric "$PB" ogi_documents_received_total)" = "$total" ]
check "the broker forwarded acknowledgements" [ "$(metric "$PB" ogi_acks_forwarded_total)" -ge 1 ]
check "the broker sees one worker alive" [ "$(metric "$PB" ogi_workers_alive)" = 1 ]
check "the broker's queue is empty after the run" [ "$(metric "$PB" ogi_broker_queue_documents),$(metric "$PB" ogi_broker_queue_bytes),$(metric "$PB" ogi_broker_held_bytes)" = "0,0,0" ]
check "the worker parsed every document" [ "$(metric "$PW" ogi_documents_parsed_total)" = "$total" ]
check "a parse time per document" [ "$(metric "$PW" ogi_parse_seconds_count)" = "$total" ]

# --- again: duplicates ---
"$ogi" push -q --frontend "$FE" --give-up 60 "$tmp/in" >"$tmp/p2.out" 2>&1
dups() { [ "$(metric "$PS" ogi_documents_duplicate_total)" = "$total" ]; }
check "the second push counts $total duplicates" wait_for 5 dups
check "stored unchanged" [ "$(metric "$PS" ogi_documents_stored_total)" = "$reports_ok" ]

# --- the database away and back ---
"$ogi" db stop --data "$data" >/dev/null 2>&1
unhealthy() { [ "$(status "$PS")" = 503 ]; }
check "the sink's /health is 503 while the database is stopped" wait_for 10 unhealthy
check "and says why" sh -c "curl -s http://127.0.0.1:$PS/health | grep -q 'database unreachable'"
check "the broker stays healthy" healthy "$PB"
sleep 4 # several retries
check "the sink logs the database unreachable once, not per retry" \
    [ "$(grep -c 'database unreachable' "$tmp/sink.log")" = 1 ]
"$ogi" db start --data "$data" >/dev/null 2>&1
check "the sink's /health is 200 again after the restart" wait_for 15 healthy "$PS"
check "the sink fed its watchdog through the run, the database restart included" \
    [ "$(grep -c '^WATCHDOG=1' "$tmp/notify.said")" -ge 6 ]
check "the sink logs the database back, once" \
    [ "$(grep -c 'database back after' "$tmp/sink.log")" = 1 ]
check "a reconnection is counted" [ "$(metric "$PS" ogi_db_reconnects_total)" -ge 1 ]
check "database errors are counted" [ "$(metric "$PS" ogi_db_errors_total)" -ge 1 ]
check "every sink log line is JSON with time, level, component and msg" python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1]):
    o = json.loads(line); n += 1
    assert o["time"].endswith("Z") and o["level"] in ("error", "warn", "info", "debug")
    assert o["component"] == "sink" and o["msg"]
assert n >= 2' "$tmp/sink.log"
check "the broker's lines are text: time, level, component" \
    grep -Eq '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z info broker: metrics on ' "$tmp/broker.log"

# --- a worker lost ---
kill -9 "$worker"
lost() { [ "$(metric "$PB" ogi_workers_lost_total)" = 1 ]; }
check "the broker counts the lost worker" wait_for 10 lost
check "and logs it once" [ "$(grep -c 'lost: ' "$tmp/broker.log")" = 1 ]
check "no worker alive" [ "$(metric "$PB" ogi_workers_alive)" = 0 ]

# --- no worker: documents wait in the broker's queue ---
mkdir -p "$tmp/more"
for f in 002_e734572c7f6275fe 003_17bcadf2ed5508d0 004_38ec84bebc7328d3; do
    { cat "tests/data/reports/$f.txt"; echo; } >"$tmp/more/$f.txt"
done
raw=$(cat "$tmp/more"/* | wc -c)
"$ogi" push -q --frontend "$FE" --give-up 60 "$tmp/more" >"$tmp/p3.out" 2>&1 &
push=$!
queued() { [ "$(metric "$PB" ogi_broker_queue_documents)" = 3 ]; }
check "with no worker the 3 documents wait in the broker's queue" wait_for 10 queued
check "the queue's bytes hold at least their $raw bytes" [ "$(metric "$PB" ogi_broker_queue_bytes)" -ge "$raw" ]
check "no credit" [ "$(metric "$PB" ogi_broker_credit_documents)" = 0 ]
"$ogi" worker --backend "$BE" --sink "$SK" 2>>"$tmp/worker.log" &
pids="$pids $!"
wait $push
check "a new worker drains the queue and the push completes" [ $? -eq 0 ]
check "the queue is empty again" [ "$(metric "$PB" ogi_broker_queue_documents),$(metric "$PB" ogi_broker_queue_bytes)" = "0,0" ]
check "3 more stored, as the database says" [ "$(metric "$PS" ogi_documents_stored_total)" = "$(sql "select count(*) from reports where status <> 'rejected'")" ]

# --- ogi ingest --metrics, and bad values ---
"$ogi" ingest -q --db "$db" --metrics 0 "$tmp/in" >/dev/null 2>"$tmp/ingest.err"
check "ogi ingest --metrics runs and says where" grep -Eq 'info ingest: metrics on http://127.0.0.1:[1-9][0-9]*/metrics' "$tmp/ingest.err"
"$ogi" sink --db "$db" --metrics 127.0.0.1:99999 >/dev/null 2>"$tmp/bad.err"
check "--metrics with a bad port exits 2" [ $? -eq 2 ]
check "naming the option" grep -q 'invalid --metrics' "$tmp/bad.err"
"$ogi" broker --log-format xml >/dev/null 2>"$tmp/bad.err"
check "--log-format xml exits 2" [ $? -eq 2 ]
check "naming the option" grep -q 'invalid --log-format "xml"' "$tmp/bad.err"
"$ogi" ingest --threads 0 "$tmp/in" >"$tmp/bad.out" 2>"$tmp/bad.err"
check "ogi ingest --threads 0 exits 2" [ $? -eq 2 ]
check "naming the option, with nothing on stdout" sh -c "grep -q 'invalid --threads \"0\"' '$tmp/bad.err' && [ ! -s '$tmp/bad.out' ]"
"$ogi" ingest --db "host=$tmp/nowhere dbname=x" "$tmp/in" >"$tmp/bad.out" 2>"$tmp/bad.err"
check "ogi ingest without its database exits 2" [ $? -eq 2 ]
check "saying why, with no empty summary before" sh -c "grep -q 'error ingest: could not connect' '$tmp/bad.err' && [ ! -s '$tmp/bad.out' ]"
finish
