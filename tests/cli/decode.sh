#!/bin/sh
# ogi parse --format pb and ogi decode, and Debian's protoc reading what ogi
# writes. Prints TAP. Usage: tests/cli/decode.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seed=tests/data/reports/002_e734572c7f6275fe.txt
"$ogi" parse --format pb "$seed" >"$tmp/s.pb"
check "protoc --decode=ogi.v1.Report reads ogi's frame" sh -c "protoc --proto_path=proto --decode=ogi.v1.Report ogi/v1/report.proto < $tmp/s.pb > $tmp/s.txt"
check "protoc sees the 予以公开 total 92" sh -c "grep -A40 'granted {' $tmp/s.txt | grep -A3 'total {' | grep -q 'value: 92'"
check "ogi decode prints the same record as ogi parse --json" sh -c "$ogi decode $tmp/s.pb > $tmp/a.json && $ogi parse --json $seed > $tmp/b.json && diff $tmp/a.json $tmp/b.json"
check "ogi decode reads stdin" sh -c "$ogi decode < $tmp/s.pb | grep -q '\"granted\"'"
printf 'not a protobuf at all\377\377\377' >"$tmp/junk"
check "garbage exits 1" status_is 1 "$ogi" decode "$tmp/junk"
check "a frame over --max-bytes exits 1" status_is 1 "$ogi" decode --max-bytes 100 "$tmp/s.pb"
check "an unknown --type is a usage error (2)" status_is 2 "$ogi" decode --type Nope "$tmp/s.pb"
check "decode --help exits 0" status_is 0 "$ogi" decode --help
check "--type Document decodes a frame" sh -c "printf '\n\001k' | $ogi decode --type Document | grep -q '\"doc_key\": \"k\"'"
finish
