#!/bin/sh
# ogi across machines: network namespaces joined by veth pairs stand for
# four machines (broker and sink; two workers; an agency's producer), all
# over tcp with CURVE keys. During 10,000 documents every process of one
# worker's machine is killed; every document must be stored exactly once.
# A producer with an unknown key is refused; a Record or an Ack forged
# with a valid key is dropped and counted; nothing forged is stored.
# Traffic stays on the test's own links (10.77.x.x). Needs root and
# `ip netns`; skipped (with a reason) where they are missing.
# Prints TAP. Usage: tests/cli/netns.sh build/ogi
ogi=$(cd "$(dirname "${1:-build/ogi}")" && pwd)/$(basename "${1:-build/ogi}")
zsend=$(dirname "$ogi")/tests/zsend
. "$(dirname "$0")/lib/tap.sh"
if [ "$(id -u)" != 0 ] || ! command -v ip >/dev/null ||
    ! ip netns add ogi-probe-$$ 2>/dev/null; then
    echo "ok 1 - # SKIP network namespaces need root and ip netns"
    echo "1..1"
    exit 0
fi
ip netns del ogi-probe-$$
tmp=$(mktemp -d)
tag=o$$
ns_hub=${tag}h
ns_w1=${tag}a
ns_w2=${tag}b
ns_ag=${tag}c
data=$tmp/pg
cleanup() {
    for ns in $ns_hub $ns_w1 $ns_w2 $ns_ag; do
        pids=$(ip netns pids "$ns" 2>/dev/null)
        [ -n "$pids" ] && kill -9 $pids 2>/dev/null
        ip netns del "$ns" 2>/dev/null
    done
    "$ogi" db stop --data "$data" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

# the machines: the hub (broker, sink) linked to each of the others
for ns in $ns_hub $ns_w1 $ns_w2 $ns_ag; do
    ip netns add "$ns" || exit 1
    ip -n "$ns" link set lo up
done
k=1
for ns in $ns_w1 $ns_w2 $ns_ag; do
    ip link add "${tag}h$k" netns "$ns_hub" type veth peer name "${tag}p$k" netns "$ns" || exit 1
    ip -n "$ns_hub" addr add "10.77.$k.1/24" dev "${tag}h$k"
    ip -n "$ns" addr add "10.77.$k.2/24" dev "${tag}p$k"
    ip -n "$ns_hub" link set "${tag}h$k" up
    ip -n "$ns" link set "${tag}p$k" up
    k=$((k + 1))
done
check "the agency's machine has its one link to the hub and no other route" sh -c "ip -n $ns_ag -4 addr show | grep -q 'inet 10.77.3.2/24' && [ \$(ip -n $ns_ag route | wc -l) -eq 1 ]"

if ! "$ogi" db start --data "$data" >"$tmp/start.log" 2>&1; then
    echo "not ok 2 - a private PostgreSQL starts"
    cat "$tmp/start.log"
    echo "1..2"
    exit 1
fi
db=$(sed -n 's/^conninfo: //p' "$tmp/start.log" | tail -1)
sql() { psql -X -q -t -A "$db" -c "$1" 2>/dev/null; }

keys=$tmp/keys
mkdir -p "$keys/broker-admits" "$keys/sink-admits"
for name in broker sink w1 w2 agency stranger; do
    "$ogi" keygen "$keys/$name" >/dev/null || exit 1
done
cp "$keys/agency.pub" "$keys/w1.pub" "$keys/w2.pub" "$keys/sink.pub" "$keys/broker-admits/"
cp "$keys/w1.pub" "$keys/w2.pub" "$keys/broker.pub" "$keys/sink-admits/"

# the hub listens on its links; the sink and the broker find each other
# on the hub's own loopback
in_ns() { ns=$1; shift; ip netns exec "$ns" "$@"; }
in_ns "$ns_hub" "$ogi" sink --records tcp://0.0.0.0:5562 --frontend tcp://127.0.0.1:5560 \
    --db "$db" --batch 500 --key "$keys/sink.key" --authorized-keys "$keys/sink-admits" \
    --broker-key "$keys/broker.pub" 2>"$tmp/sink.log" &
hub_sink=$!
in_ns "$ns_hub" "$ogi" broker --frontend tcp://0.0.0.0:5560 --backend tcp://0.0.0.0:5561 \
    --sink tcp://127.0.0.1:5562 --key "$keys/broker.key" \
    --authorized-keys "$keys/broker-admits" --sink-key "$keys/sink.pub" \
    --metrics 127.0.0.1:9464 2>"$tmp/broker.log" &
hub_broker=$!
start_worker() { # namespace key hub-address
    in_ns "$1" "$ogi" worker --threads 2 --backend "tcp://$3:5561" --sink "tcp://$3:5562" \
        --key "$keys/$2.key" --broker-key "$keys/broker.pub" --sink-key "$keys/sink.pub" \
        2>>"$tmp/$2.log" &
}
start_worker "$ns_w1" w1 10.77.1.1
start_worker "$ns_w2" w2 10.77.2.1
sleep 1

mkdir -p "$tmp/many"
i=0
for f in tests/data/reports/*.txt; do
    j=0
    while [ $j -lt 1250 ]; do
        { cat "$f"; echo "编号 $i-$j"; } >"$tmp/many/d$i-$j.txt"
        j=$((j + 1))
    done
    i=$((i + 1))
done
in_ns "$ns_ag" "$ogi" push -q --frontend tcp://10.77.3.1:5560 --timeout 3000 --window 256 \
    --key "$keys/agency.key" --broker-key "$keys/broker.pub" "$tmp/many" >"$tmp/many.out" 2>&1 &
pusher=$!
# a lost machine: every process of the first worker's namespace
sleep 3
kill -9 $(ip netns pids "$ns_w1") 2>/dev/null
wait "$pusher"
check "the push over tcp through a lost worker machine exits 0" [ $? -eq 0 ]
check "it counts 10000 stored" grep -q '^10000 documents: 10000 stored' "$tmp/many.out"
check "every one of the 10000 is in the database, once" [ "$(sql "select count(*), count(distinct doc_key) from documents")" = "10000|10000" ]
check "the first worker's machine is gone" [ -z "$(ip netns pids "$ns_w1")" ]

# a producer with an unknown key
mkdir -p "$tmp/x"
printf 'x\n' | cat tests/data/reports/hongze-district-2024.txt - >"$tmp/x/a.txt"
in_ns "$ns_ag" "$ogi" push -q --frontend tcp://10.77.3.1:5560 --timeout 500 --give-up 3 \
    --key "$keys/stranger.key" --broker-key "$keys/broker.pub" "$tmp/x" >"$tmp/stranger.out" 2>&1
check "a producer with an unknown key is refused (exit 1, nothing acknowledged)" [ $? -eq 1 ]
check "the broker logs the refusal" grep -q 'refused a client from 10.77.3.2: its key is not authorized' "$tmp/broker.log"

# forgeries with a valid key: a worker's Record under another document's
# key, an agency's Ack
key() { sed -n "s/^ *$2 = \"\\(.*\\)\"\$/\\1/p" "$1"; }
realkey=$(sha256sum "$tmp/x/a.txt" | cut -d' ' -f1)
printf 'report { doc_key: "%s" status: STATUS_OK }\nraw: "forged"\n' "$realkey" |
    protoc --proto_path=proto --encode=ogi.v1.Record ogi/v1/wire.proto >"$tmp/rec.pb"
ZSEND_SERVER_KEY=$(key "$keys/sink.pub" public-key) ZSEND_PUBLIC=$(key "$keys/w2.key" public-key) \
    ZSEND_SECRET=$(key "$keys/w2.key" secret-key) \
    in_ns "$ns_w2" "$zsend" push tcp://10.77.2.1:5562 "REC1" "@$tmp/rec.pb" >/dev/null 2>&1
printf 'producer_id: "p0" items { sequence: 1 doc_key: "%s" outcome: OUTCOME_STORED }\n' "$realkey" |
    protoc --proto_path=proto --encode=ogi.v1.Ack ogi/v1/wire.proto >"$tmp/ack.pb"
ZSEND_SERVER_KEY=$(key "$keys/broker.pub" public-key) ZSEND_PUBLIC=$(key "$keys/agency.key" public-key) \
    ZSEND_SECRET=$(key "$keys/agency.key" secret-key) \
    in_ns "$ns_ag" "$zsend" dealer tcp://10.77.3.1:5560 "ACK1" "@$tmp/ack.pb" >/dev/null 2>&1
# each forgery has arrived when the sink has logged it and the broker's
# counter shows it (at most 15 s)
waited=0
until grep -q 'is not the SHA-256 of its 6 bytes' "$tmp/sink.log" || [ $waited -ge 150 ]; do
    sleep 0.1
    waited=$((waited + 1))
done
check "the sink counted and logged the forged record" grep -q 'is not the SHA-256 of its 6 bytes' "$tmp/sink.log"
check "the forged record is not stored" [ "$(sql "select count(*) from documents where doc_key = '$realkey'")" = 0 ]
check "the broker counts the forged acknowledgement" in_ns "$ns_hub" python3 -c '
import sys, time, urllib.request
end = time.time() + 15
while time.time() < end:
    try:
        t = urllib.request.urlopen("http://127.0.0.1:9464/metrics", timeout=1).read().decode()
        if any(l.startswith("ogi_acks_forged_total ") and float(l.split()[-1]) >= 1 for l in t.splitlines()):
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)'
for p in $(ip netns pids "$ns_hub"); do kill -TERM "$p"; done
wait "$hub_broker" "$hub_sink" 2>/dev/null
check "the broker dropped the forged acknowledgement" grep -q ' 1 acknowledgements not from the sink dropped' "$tmp/broker.log"
check "the broker lost the worker and handed its documents on" grep -q 'requeued, [0-9]* poison, [1-9][0-9]* workers lost' "$tmp/broker.log"
check "nothing but the 10000 is stored" [ "$(sql "select count(*) from documents")" = 10000 ]
finish
