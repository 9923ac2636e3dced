#!/bin/sh
# The pipeline over tcp with CURVE keys: broker, sink and a worker with
# their own key pairs, producers admitted by their public keys. A
# producer with an unknown key is refused; a network endpoint without
# keys is refused unless --insecure; an acknowledgement sent by a client
# that is not the sink is dropped. Real processes, sockets and PostgreSQL.
# Prints TAP. Usage: tests/cli/curve.sh build/ogi
ogi=${1:-build/ogi}
bin=$(dirname "$ogi")
zsend=$bin/tests/zsend
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
pids=""
data=$tmp/pg
cleanup() {
    for p in $pids; do kill -9 "$p" 2>/dev/null; done
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
sql() { psql -X -q -t -A "$db" -c "$1" 2>/dev/null; }
# four free loopback ports
set -- $(python3 -c 'import socket
s=[socket.socket() for _ in range(4)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
FE=tcp://127.0.0.1:$1
BE=tcp://127.0.0.1:$2
SK=tcp://127.0.0.1:$3
MP=$4 # the broker's metrics
# waits up to 15 s for the broker's counter NAME to reach 1
metric_reaches_1() {
    python3 - "$MP" "$1" <<'PY'
import sys, time, urllib.request
port, name = sys.argv[1], sys.argv[2]
end = time.time() + 15
while time.time() < end:
    try:
        text = urllib.request.urlopen("http://127.0.0.1:%s/metrics" % port, timeout=1).read().decode()
        for line in text.splitlines():
            if line.startswith(name + " ") and float(line.split()[-1]) >= 1:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)
PY
}

k=$tmp/keys
mkdir -p "$k/broker-admits" "$k/sink-admits"
for name in broker sink worker agency stranger; do
    "$ogi" keygen "$k/$name" >/dev/null || exit 1
done
check "keygen writes the secret key readable by its owner only" [ "$(stat -c %a "$k/agency.key")" = 600 ]
check "keygen keeps an existing key" status_is 1 "$ogi" keygen "$k/agency"
cp "$k/agency.pub" "$k/worker.pub" "$k/sink.pub" "$k/broker-admits/"
cp "$k/worker.pub" "$k/broker.pub" "$k/sink-admits/"

"$ogi" broker --frontend "$FE" --backend "$BE" --sink "$SK" \
    --key "$k/broker.key" --authorized-keys "$k/broker-admits" \
    --sink-key "$k/sink.pub" --metrics "127.0.0.1:$MP" 2>"$tmp/broker.log" &
broker=$!
pids="$pids $broker"
"$ogi" sink --records "$SK" --frontend "$FE" --db "$db" --batch 100 \
    --key "$k/sink.key" --authorized-keys "$k/sink-admits" \
    --broker-key "$k/broker.pub" 2>"$tmp/sink.log" &
sink=$!
pids="$pids $sink"
"$ogi" worker --backend "$BE" --sink "$SK" --key "$k/worker.key" \
    --broker-key "$k/broker.pub" --sink-key "$k/sink.pub" 2>"$tmp/worker.log" &
worker=$!
pids="$pids $worker"

mkdir -p "$tmp/seeds"
cp tests/data/reports/00*.txt "$tmp/seeds/"
"$ogi" push -q --frontend "$FE" --timeout 1000 --key "$k/agency.key" \
    --broker-key "$k/broker.pub" "$tmp/seeds" >"$tmp/p1.out" 2>&1
check "an agency with an admitted key pushes over tcp (exit 0)" [ $? -eq 0 ]
check "its five reports are stored" grep -q '^5 documents: 5 stored' "$tmp/p1.out"
check "5 documents in the database" [ "$(sql "select count(*) from documents")" = 5 ]

mkdir -p "$tmp/other"
printf 'x\n' | cat tests/data/reports/hongze-district-2024.txt - >"$tmp/other/a.txt"
"$ogi" push -q --frontend "$FE" --timeout 500 --give-up 3 --key "$k/stranger.key" \
    --broker-key "$k/broker.pub" "$tmp/other" >"$tmp/p2.out" 2>&1
check "a producer with an unknown key gets nothing acknowledged (exit 1)" [ $? -eq 1 ]
check "nothing of it is stored" [ "$(sql "select count(*) from documents")" = 5 ]
check "the broker logs the refusal" grep -q 'refused a client from 127.0.0.1: its key is not authorized' "$tmp/broker.log"

"$ogi" push -q --frontend "$FE" --give-up 2 "$tmp/other" >"$tmp/p3.out" 2>&1
check "push to tcp without keys is refused (exit 2)" [ $? -eq 2 ]
check "saying what it needs" grep -q 'needs --key and --broker-key, or --insecure' "$tmp/p3.out"
check "a broker on tcp without keys is refused (exit 2)" status_is 2 "$ogi" broker --frontend tcp://127.0.0.1:1 --backend tcp://127.0.0.1:1 --sink "$SK"
cp "$k/agency.key" "$tmp/open.key"
chmod 644 "$tmp/open.key"
"$ogi" push --frontend "$FE" --key "$tmp/open.key" --broker-key "$k/broker.pub" "$tmp/other" >"$tmp/p4.out" 2>&1
check "a secret key readable by others is refused (exit 2)" [ $? -eq 2 ]
check "saying how to fix it" grep -q 'can be read by others (chmod 600 it)' "$tmp/p4.out"

# an admitted producer that sends an acknowledgement: only the sink may
fake=$(sha256sum "$tmp/other/a.txt" | cut -d' ' -f1)
printf 'producer_id: "p0" items { sequence: 1 doc_key: "%s" outcome: OUTCOME_STORED }\n' "$fake" |
    protoc --proto_path=proto --encode=ogi.v1.Ack ogi/v1/wire.proto >"$tmp/ack.pb"
key() { sed -n "s/^ *$2 = \"\\(.*\\)\"\$/\\1/p" "$1"; }
ZSEND_SERVER_KEY=$(key "$k/broker.pub" public-key) \
    ZSEND_PUBLIC=$(key "$k/agency.key" public-key) \
    ZSEND_SECRET=$(key "$k/agency.key" secret-key) \
    "$zsend" dealer "$FE" "ACK1" "@$tmp/ack.pb" >/dev/null 2>&1
check "the broker counts the acknowledgement that did not come from the sink" metric_reaches_1 ogi_acks_forged_total
kill -TERM "$broker"
wait "$broker"
check "the broker stops cleanly (exit 0)" [ $? -eq 0 ]
check "it dropped the acknowledgement that did not come from the sink" grep -q ' 1 acknowledgements not from the sink dropped' "$tmp/broker.log"
kill -TERM "$sink" "$worker" 2>/dev/null
wait "$sink" "$worker" 2>/dev/null

# --insecure runs on tcp, with a warning
"$ogi" broker --frontend "$FE" --backend "$BE" --sink "$SK" --insecure 2>"$tmp/insecure.log" &
ib=$!
pids="$pids $ib"
sleep 0.5
check "--insecure starts a broker on tcp" kill -0 "$ib"
check "and warns that anyone can submit" grep -q 'is not authenticated (--insecure)' "$tmp/insecure.log"
kill -TERM "$ib"
wait "$ib" 2>/dev/null
finish
