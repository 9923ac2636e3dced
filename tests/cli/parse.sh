#!/bin/sh
# ogi parse from the command line: exit codes, help, JSON shape. Prints TAP.
# Usage: tests/cli/parse.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT


seed=tests/data/reports/002_e734572c7f6275fe.txt
check "--help exits 0 and names parse" sh -c "$ogi --help | grep -q 'parse PATH'"
check "--version prints the version" sh -c "$ogi --version | grep -q '^ogi [0-9]'"
check "parse --help exits 0" status_is 0 "$ogi" parse --help
check "no command is a usage error (2)" status_is 2 "$ogi"
check "unknown command is a usage error (2)" status_is 2 "$ogi" frobnicate
check "parse without files is a usage error (2)" status_is 2 "$ogi" parse
check "unknown option is a usage error (2)" status_is 2 "$ogi" parse --bogus "$seed"
check "a missing file is an I/O error (2)" status_is 2 "$ogi" parse "$tmp/none.txt"
check "every file a report: exit 0" status_is 0 "$ogi" parse tests/data/reports/*.txt
printf 'hello world\n' >"$tmp/hello.txt"
check "a non-report gives exit 1" status_is 1 "$ogi" parse "$seed" "$tmp/hello.txt"
check "the non-report is reported rejected" sh -c "$ogi parse $tmp/hello.txt | grep -q rejected"
check "--json prints one valid JSON object with status has_errors (seed 2 has D2 errors)" sh -c "$ogi parse --json $seed | python3 -c 'import json,sys; r=json.load(sys.stdin); assert r[\"ogi\"]==1 and r[\"status\"]==\"has_errors\"'"
check "--json record has the seed's 予以公开 total 92" sh -c "$ogi parse --json $seed | python3 -c 'import json,sys; assert json.load(sys.stdin)[\"apply\"][\"granted\"][\"total\"]==92'"
check "--jsonl prints one line per file" sh -c "[ \$($ogi parse --jsonl tests/data/reports/*.txt | wc -l) -eq 8 ]"
check "doc_key is the SHA-256 of the bytes" sh -c "[ \"\$($ogi parse --json $seed | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"doc_key\"])')\" = \"\$(sha256sum $seed | cut -d' ' -f1)\" ]"
check "stdin as -" sh -c "$ogi parse --json - < $seed | grep -q '\"granted\"'"
check "--max-bytes rejects larger input" sh -c "$ogi parse --max-bytes 100 $seed | grep -q 'exceeds the limit'"
check "--cells adds spans" sh -c "$ogi parse --json --cells $seed | grep -q '\"span\"'"
mkdir -p "$tmp/dir"
cp tests/data/reports/00*.txt "$tmp/dir/"
cp "$tmp/hello.txt" "$tmp/dir/"
check "a directory gives one record per file" sh -c "[ \$($ogi parse --jsonl $tmp/dir 2>/dev/null | wc -l) -eq 6 ]"
check "a directory's non-reports are counted by reason on stderr with --jsonl" sh -c "$ogi parse --jsonl $tmp/dir 2>&1 >/dev/null | grep -q '^1 not report, by reason:'"
finish
