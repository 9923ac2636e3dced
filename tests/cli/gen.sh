#!/bin/sh
# ogi gen from the command line: options, exit codes, files, determinism.
# Prints TAP. Usage: tests/cli/gen.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT


check "--help exits 0 and lists the layouts" sh -c "$ogi gen --help | grep -q 'pagebreak'"
check "ogi --help names gen" sh -c "$ogi --help | grep -q 'gen '"
check "no --out is a usage error (2)" status_is 2 "$ogi" gen --count 1
check "unknown option is a usage error (2)" status_is 2 "$ogi" gen --bogus --out "$tmp/a"
check "unknown layout is a usage error (2)" status_is 2 "$ogi" gen --layouts cell,nonesuch --out "$tmp/a"
check "bad --count is a usage error (2)" status_is 2 "$ogi" gen --count 0 --out "$tmp/a"
check "bad --seed is a usage error (2)" status_is 2 "$ogi" gen --seed -4 --out "$tmp/a"
check "bad --format is a usage error (2)" status_is 2 "$ogi" gen --format 2018 --out "$tmp/a"
check "--error-rate above 1 is a usage error (2)" status_is 2 "$ogi" gen --error-rate 1.5 --out "$tmp/a"
check "a stray argument is a usage error (2)" status_is 2 "$ogi" gen --out "$tmp/a" extra
: >"$tmp/file"
check "--out naming a file is an I/O error (2)" status_is 2 "$ogi" gen --out "$tmp/file"
check "--out under a file is an I/O error (2)" status_is 2 "$ogi" gen --out "$tmp/file/sub"

check "writes N reports and N truths (exit 0)" sh -c "$ogi gen --count 14 --seed 7 --layouts all --out $tmp/a && [ \$(ls $tmp/a/*.txt | wc -l) -eq 14 ] && [ \$(ls $tmp/a/*.truth.json | wc -l) -eq 14 ]"
check "report i is named with its layout and seed S+i" sh -c "ls $tmp/a | grep -q '^000002_pdf_s9.txt\$'"
check "each truth is a record with the gen object" sh -c "python3 -c '
import json, glob, sys
for p in glob.glob(\"$tmp/a/*.truth.json\"):
    r = json.load(open(p))
    assert r[\"ogi\"] == 1 and \"findings\" in r and \"apply\" in r, p
    assert r[\"gen\"][\"layout\"] in p, p
'"
check "the same options give the same bytes" sh -c "$ogi gen --count 14 --seed 7 --layouts all --out $tmp/b && diff -r $tmp/a $tmp/b"
check "another seed gives other reports" sh -c "$ogi gen --count 14 --seed 8 --layouts all --out $tmp/c && ! diff -q $tmp/a/000000_cell_s7.txt $tmp/c/000000_cell_s8.txt"
check "report i alone is the same as in a run" sh -c "$ogi gen --count 1 --seed 9 --layouts pdf --out $tmp/d && cmp $tmp/a/000002_pdf_s9.txt $tmp/d/000000_pdf_s9.txt"
check "--format 2019 makes 2019-format reports on 2019-2020" sh -c "$ogi gen --count 6 --format 2019 --out $tmp/e && python3 -c '
import json, glob
for p in glob.glob(\"$tmp/e/*.truth.json\"):
    m = json.load(open(p))[\"meta\"]
    assert m[\"format\"] == \"2019\" and m[\"year\"] in (2019, 2020), p
'"
check "--error-rate 1 injects an error in each report" sh -c "$ogi gen --count 10 --error-rate 1 --out $tmp/f && python3 -c '
import json, glob
assert all(json.load(open(p))[\"gen\"][\"error\"] != \"none\" for p in glob.glob(\"$tmp/f/*.truth.json\"))
'"
check "a generated report parses back to its truth's cells" sh -c "$ogi gen --count 1 --seed 3 --layouts cell --out $tmp/g && $ogi parse --json $tmp/g/*.txt > $tmp/g/out.json && python3 -c '
import json, glob
t = json.load(open(glob.glob(\"$tmp/g/*.truth.json\")[0]))
r = json.load(open(\"$tmp/g/out.json\"))
assert t[\"apply\"] == r[\"apply\"] and t[\"appeal\"] == r[\"appeal\"] and t[\"meta\"] == r[\"meta\"]
'"
# seed 84010's Table 3 has no total that is a number (every one blank or a
# placeholder): an error meant for a row total is then not injected, and
# the page is written all the same
check "a page whose Table 3 totals are all blank is written (seed 84010)" \
    "$ogi" gen --count 1 --seed 84010 --layouts html --error-rate 1 --quiet --out "$tmp/blank_totals"
check "no progress line when stderr is not a terminal" sh -c "[ -z \"\$($ogi gen --count 150 --out $tmp/h 2>&1 >/dev/null)\" ]"
finish
