#!/bin/sh
# The daemons under a service manager (systemd Type=notify), without
# systemd: a datagram socket stands for $NOTIFY_SOCKET and records what
# they say: READY=1 once running, WATCHDOG=1 at half of $WATCHDOG_USEC,
# STOPPING=1 on SIGTERM. Prints TAP. Usage: tests/cli/notify.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
chmod 700 "$tmp"
pids=""
cleanup() {
    for p in $pids; do kill -9 "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT

# listen NAME: records every datagram on $tmp/NAME.sock, one per line
listen() {
    python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a") as out:
    while True:
        m = s.recv(4096).decode()
        out.write(m.replace("\n", " ") + "\n")
        out.flush()
' "$tmp/$1.sock" "$tmp/$1.said" &
    pids="$pids $!"
    i=0
    while [ ! -S "$tmp/$1.sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}
said() { grep -c "$2" "$tmp/$1.said" 2>/dev/null; }

for d in broker worker; do
    listen "$d"
    case $d in
        broker) set -- broker --frontend "ipc://$tmp/fe" --backend "ipc://$tmp/be" --sink "ipc://$tmp/sk" ;;
        worker) set -- worker --backend "ipc://$tmp/be" --sink "ipc://$tmp/sk" ;;
    esac
    NOTIFY_SOCKET=$tmp/$d.sock WATCHDOG_USEC=400000 "$ogi" "$@" 2>"$tmp/$d.log" &
    pid=$!
    pids="$pids $pid"
    sleep 1.5
    check "the $d says READY=1 once" [ "$(said "$d" 'READY=1')" = 1 ]
    check "the $d pings the watchdog at half its interval (>= 4 in 1.5 s)" [ "$(said "$d" '^WATCHDOG=1')" -ge 4 ]
    check "the $d says nothing of stopping before asked" [ "$(said "$d" 'STOPPING=1')" = 0 ]
    kill -TERM "$pid"
    wait "$pid"
    check "the $d exits 0 on SIGTERM" [ $? -eq 0 ]
    sleep 0.2
    check "having said STOPPING=1 once" [ "$(said "$d" 'STOPPING=1')" = 1 ]
    check "after READY=1" sh -c "grep -n 'READY=1' '$tmp/$d.said' | head -1 | cut -d: -f1 | { read r; s=\$(grep -n STOPPING=1 '$tmp/$d.said' | cut -d: -f1); [ \"\$r\" -lt \"\$s\" ]; }"
done

# without a watchdog, no pings; without NOTIFY_SOCKET, nothing breaks
listen plain
NOTIFY_SOCKET=$tmp/plain.sock "$ogi" worker --backend "ipc://$tmp/be" --sink "ipc://$tmp/sk" 2>/dev/null &
pid=$!
pids="$pids $pid"
sleep 1
check "without WATCHDOG_USEC no pings" [ "$(said plain '^WATCHDOG=1')" = 0 ]
check "but READY=1" [ "$(said plain 'READY=1')" = 1 ]
kill -TERM "$pid"
wait "$pid"
"$ogi" worker --backend "ipc://$tmp/be" --sink "ipc://$tmp/sk" 2>/dev/null &
pid=$!
sleep 0.5
kill -TERM "$pid"
wait "$pid"
check "without NOTIFY_SOCKET the worker runs and stops (exit 0)" [ $? -eq 0 ]
finish
