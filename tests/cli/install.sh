#!/bin/sh
# make install into a private prefix: the binary runs, the systemd units
# point at it and pass `systemd-analyze verify`, their hardening rates at
# most 3 ("OK") in `systemd-analyze security`, the sysusers.d file makes
# the ogi user, the migrations and the configuration example are there.
# Prints TAP. Usage: tests/cli/install.sh build/ogi
ogi=${1:-build/ogi}
build=$(dirname "$ogi")
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

make --no-print-directory -s install BUILD="$build" PREFIX="$prefix" >"$tmp/install.log" 2>&1
check "make install PREFIX=... exits 0" [ $? -eq 0 ]
check "the installed binary runs" sh -c "$prefix/bin/ogi --version | grep -q '^ogi '"
for u in ogi-broker.service ogi-sink.service ogi-worker@.service; do
    f=$prefix/lib/systemd/system/$u
    check "$u is installed, ExecStart at the installed binary" grep -q "^ExecStart=$prefix/bin/ogi " "$f"
    if command -v systemd-analyze >/dev/null; then
        check "$u passes systemd-analyze verify" sh -c "cd $prefix/lib/systemd/system && systemd-analyze verify $u"
        score=$(systemd-analyze security --offline=true "$f" 2>/dev/null |
            sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p')
        check "$u is rated at most 3 by systemd-analyze security ($score)" awk -v s="${score:-99}" 'BEGIN { exit !(s <= 3) }'
    else
        check "$u: # SKIP systemd-analyze not installed" true
    fi
done
check "the sysusers.d file creates the ogi user" grep -q '^u ogi ' "$prefix/lib/sysusers.d/ogi.conf"
if command -v systemd-sysusers >/dev/null; then
    mkdir -p "$tmp/root/etc"
    check "systemd-sysusers makes the user from it" sh -c "systemd-sysusers --root=$tmp/root $prefix/lib/sysusers.d/ogi.conf && grep -q '^ogi:' $tmp/root/etc/passwd"
fi
check "the migrations are installed" [ "$(ls "$prefix/share/ogi/sql/"*.sql | wc -l)" -eq "$(ls deploy/sql/*.sql | wc -l)" ]
check "the configuration example is installed" [ -f "$prefix/share/doc/ogi/ogi.env.example" ]
make --no-print-directory -s install BUILD="$build" PREFIX=/usr DESTDIR="$tmp/dest" >/dev/null 2>&1
check "DESTDIR stages the same tree under it" sh -c "[ -x $tmp/dest/usr/bin/ogi ] && grep -q '^ExecStart=/usr/bin/ogi ' $tmp/dest/usr/lib/systemd/system/ogi-sink.service"
finish
