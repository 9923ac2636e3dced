#!/bin/sh
# Options from OGI_* variables (README, "Configuration"): a broker, sink
# and worker started with variables only, a push given its endpoint by
# OGI_FRONTEND, a command-line option over its variable, per-command
# names, unknown variables and bad values refused naming the variable.
# Prints TAP. Usage: tests/cli/env.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
pids=""
data=$tmp/pg

cleanup() {
    for p in $pids; do kill -9 "$p" 2>/dev/null; done
    "$ogi" db stop --data "$data" >/dev/null 2>&1
    [ -n "$KEEP" ] || rm -rf "$tmp"
}
trap cleanup EXIT

# --- refusals need no daemons ---
OGI_FRONTED=ipc://x timeout 10 "$ogi" broker >/dev/null 2>"$tmp/typo.err"
check "a misspelt OGI_FRONTED makes the broker exit 2" [ $? -eq 2 ]
check "the refusal names OGI_FRONTED" grep -q 'unknown variable OGI_FRONTED\b' "$tmp/typo.err"
check "and the closest known name, OGI_FRONTEND" grep -q 'did you mean OGI_FRONTEND?' "$tmp/typo.err"
OGI_SINK_KEYS=x timeout 10 "$ogi" worker >/dev/null 2>"$tmp/typo2.err"
check "a misspelt OGI_SINK_KEYS makes the worker exit 2 suggesting OGI_SINK_KEY" \
    sh -c "[ $? -eq 2 ] && grep -q 'OGI_SINK_KEYS.*OGI_SINK_KEY?' '$tmp/typo2.err'"
OGI_PUSH_FRONTEND=ipc://x OGI_DB=x OGI_FORMS_N=3 OGI_KEYS=/k "$ogi" push --help >/dev/null 2>&1
check "variables of other commands, per-command names and the tests' are known" [ $? -eq 0 ]
OGI_DRAIN_TIMEOUT=soon timeout 10 "$ogi" broker >/dev/null 2>"$tmp/bad.err"
check "a bad OGI_DRAIN_TIMEOUT makes the broker exit 2" [ $? -eq 2 ]
check "the message names the variable OGI_DRAIN_TIMEOUT and its value" \
    grep -q 'OGI_DRAIN_TIMEOUT="soon"' "$tmp/bad.err"
OGI_LOG_FORMAT=xml timeout 10 "$ogi" sink >/dev/null 2>"$tmp/badfmt.err"
check "a bad OGI_LOG_FORMAT makes the sink exit 2 naming it" \
    sh -c "[ $? -eq 2 ] && grep -q 'OGI_LOG_FORMAT=\"xml\"' '$tmp/badfmt.err'"
OGI_INSECURE=maybe "$ogi" push x >/dev/null 2>"$tmp/flag.err"
check "a flag variable that is not 1/0/true/false/yes/no is refused naming it" \
    sh -c "[ $? -eq 2 ] && grep -q 'OGI_INSECURE \"maybe\"' '$tmp/flag.err'"
OGI_WORKER_THREADS=many OGI_THREADS=lots "$ogi" worker -n 1 --help >/dev/null 2>&1
check "a short option (-n) overrides OGI_WORKER_THREADS and OGI_THREADS" [ $? -eq 0 ]
OGI_THREADS=lots "$ogi" worker --help >/dev/null 2>"$tmp/threads.err"
check "without it, OGI_THREADS is read by the worker (and refused here)" \
    sh -c "[ $? -eq 2 ] && grep -q 'OGI_THREADS=\"lots\"' '$tmp/threads.err'"
OGI_THREADS=lots OGI_WORKER_THREADS=3 "$ogi" worker --help >/dev/null 2>&1
check "OGI_WORKER_THREADS overrides OGI_THREADS for the worker" [ $? -eq 0 ]

# every variable the example configuration names (commented or not) is known
env_args=$(sed -n 's/^#\{0,1\} *\(OGI_[A-Z0-9_]*\)=.*/\1=x/p' deploy/ogi.env.example)
check "deploy/ogi.env.example names at least 20 variables" [ "$(echo "$env_args" | wc -l)" -ge 20 ]
for cmd in broker worker sink push ingest; do
    env $env_args "$ogi" $cmd --help >/dev/null 2>"$tmp/known.err"
    check "ogi $cmd knows every variable of deploy/ogi.env.example" \
        sh -c "! grep -q 'unknown variable' '$tmp/known.err'"
done

# --- the pipeline from variables only ---
if ! "$ogi" db start --data "$data" >"$tmp/start.log" 2>&1; then
    echo "not ok $((n + 1)) - a private PostgreSQL starts"
    cat "$tmp/start.log"
    echo "1..$((n + 1))"
    exit 1
fi
db=$(sed -n 's/^conninfo: //p' "$tmp/start.log" | tail -1)
sql() { psql -X -q -t -A "$db" -c "$1" 2>/dev/null; }
mkdir -m 700 "$tmp/sock"
export OGI_FRONTEND=ipc://$tmp/sock/fe
export OGI_BACKEND=ipc://$tmp/sock/be
export OGI_SINK=ipc://$tmp/sock/sk
export OGI_DB="$db"
export OGI_WORKER_THREADS=1
export OGI_LOG_FORMAT=json
"$ogi" broker 2>"$tmp/broker.log" &
broker=$!
pids="$pids $!"
"$ogi" sink 2>"$tmp/sink.log" &
pids="$pids $!"
"$ogi" worker 2>"$tmp/worker.log" &
pids="$pids $!"
mkdir -p "$tmp/seeds"
cp tests/data/reports/00*.txt "$tmp/seeds/"
OGI_TIMEOUT=1000 OGI_GIVE_UP=60 OGI_QUIET=yes "$ogi" push "$tmp/seeds" >"$tmp/p1.out" 2>&1
check "a push given its endpoint by OGI_FRONTEND stores the five seeds" \
    sh -c "[ $? -eq 0 ] && grep -q '^5 documents: 5 stored' '$tmp/p1.out'"
check "5 reports in the database the sink found by OGI_DB" [ "$(sql 'select count(*) from reports')" = 5 ]
check "the worker ran with OGI_DB set (another command's variable)" kill -0 $(echo $pids | cut -d' ' -f3)

# a command-line option overrides its variable
OGI_FRONTEND=ipc://$tmp/sock/nobody OGI_GIVE_UP=2 OGI_TIMEOUT=500 \
    "$ogi" push -q --frontend "ipc://$tmp/sock/fe" "$tmp/seeds" >"$tmp/p2.out" 2>&1
check "--frontend on the command line overrides OGI_FRONTEND" \
    sh -c "[ $? -eq 0 ] && grep -q '0 stored, 5 duplicates' '$tmp/p2.out'"
OGI_WINDOW=abc "$ogi" push -q --window 4 "$tmp/seeds" >"$tmp/p3.out" 2>&1
check "a bad OGI_WINDOW is not read when --window is given" \
    sh -c "[ $? -eq 0 ] && grep -q '5 duplicates' '$tmp/p3.out'"
OGI_FRONTEND=ipc://$tmp/sock/nobody OGI_PUSH_FRONTEND=ipc://$tmp/sock/fe \
    "$ogi" push -q "$tmp/seeds" >"$tmp/p4.out" 2>&1
check "OGI_PUSH_FRONTEND (per command) overrides OGI_FRONTEND" \
    sh -c "[ $? -eq 0 ] && grep -q '5 duplicates' '$tmp/p4.out'"
OGI_QUIET=no OGI_GIVE_UP=2 OGI_TIMEOUT=500 OGI_FRONTEND=ipc://$tmp/sock/nobody \
    "$ogi" push "$tmp/seeds" >"$tmp/p5.out" 2>&1
check "a push to an endpoint nobody serves (from OGI_FRONTEND) gives up, exit 1" [ $? -eq 1 ]

kill -TERM "$broker"
wait "$broker"
check "OGI_LOG_FORMAT=json: the broker logs JSON lines" \
    sh -c "[ -s '$tmp/broker.log' ] && ! grep -qv '^{' '$tmp/broker.log'"

finish
