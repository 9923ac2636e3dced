#!/bin/sh
# Continuous submission through the daemons: `ogi broker`, `ogi worker`
# (2 threads) and `ogi sink` into a private PostgreSQL, on ipc:// sockets
# in a directory only we can enter (as tests/cli/pipeline.sh runs them);
# one producer (bench_latency.c) sends distinct generated reports at a
# fixed rate and prints submit-to-acknowledgement latency. Asserts nothing.
# Usage: tests/bench/bench_latency.sh [BUILD]
#   LATENCY_RATE documents/s (100), LATENCY_SECONDS (60),
#   LATENCY_SINK_ARGS more arguments for the sink (e.g. --batch-ms 5)
build=${1:-build}
ogi=$build/ogi
bench=$build/bench/bench_latency
rate=${LATENCY_RATE:-100}
seconds=${LATENCY_SECONDS:-60}
n=$(awk -v r="$rate" -v s="$seconds" 'BEGIN { printf "%d", r * s + 0.5 }')
tmp=$(mktemp -d)
data=$tmp/pg
pids=""
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    for p in $pids; do wait "$p" 2>/dev/null; done
    "$ogi" db stop --data "$data" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
chmod 755 "$tmp"

# one more than the timed documents: the first warms the pipeline up
"$ogi" gen --quiet --count $((n + 1)) --seed 20260301 --out "$tmp/docs" || exit 1
"$ogi" db start --data "$data" >"$tmp/start.log" 2>&1 || {
    cat "$tmp/start.log"
    exit 1
}
db=$(sed -n 's/^conninfo: //p' "$tmp/start.log" | tail -1)

mkdir -m 700 "$tmp/sock"
FE=ipc://$tmp/sock/fe
BE=ipc://$tmp/sock/be
SK=ipc://$tmp/sock/sk
"$ogi" broker --frontend "$FE" --backend "$BE" --sink "$SK" 2>"$tmp/broker.log" &
pids="$pids $!"
"$ogi" sink --records "$SK" --frontend "$FE" --db "$db" ${LATENCY_SINK_ARGS:-} \
    2>"$tmp/sink.log" &
pids="$pids $!"
"$ogi" worker --backend "$BE" --sink "$SK" --threads 2 2>"$tmp/worker.log" &
pids="$pids $!"

"$bench" "$FE" "$tmp/docs" "$rate" "$seconds" || {
    for f in broker sink worker; do
        echo "--- $f.log"
        tail -5 "$tmp/$f.log"
    done
    exit 1
}
stored=$(psql -X -q -t -A "$db" -c "select count(*) from documents" 2>/dev/null)
echo "  the database holds ${stored:-?} documents (the warm-up one included)"
