#!/bin/sh
# ogi check and ogi rules from the command line. Prints TAP.
# Usage: tests/cli/check.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT


seed2=tests/data/reports/002_e734572c7f6275fe.txt
seed3=tests/data/reports/003_17bcadf2ed5508d0.txt
check "check --help exits 0" status_is 0 "$ogi" check --help
check "check without files is a usage error (2)" status_is 2 "$ogi" check
check "bad --min-severity is a usage error (2)" status_is 2 "$ogi" check --min-severity loud "$seed2"
check "bad --format is a usage error (2)" status_is 2 "$ogi" check --format xml "$seed2"
check "a missing file is an I/O error (2)" status_is 2 "$ogi" check "$tmp/none.txt"
check "a report with errors exits 1" status_is 1 "$ogi" check "$seed2"
check "a report without errors exits 0" status_is 0 "$ogi" check "$seed3"
check "compiler-style line for seed 2's 予以公开 total" sh -c "$ogi check $seed2 | grep -qF '$seed2: error: [D2] apply.granted.total: row total 92 differs from the sum of its columns 91'"
check "one summary line at the end" sh -c "$ogi check $seed2 | tail -1 | grep -q '^1 file checked'"
check "--min-severity error hides warnings" sh -c "! $ogi check --min-severity error tests/data/reports/*.txt | grep -q ': warning: '"
check "--format json gives one object per file" sh -c "[ \$($ogi check --format json tests/data/reports/*.txt | python3 -c 'import json,sys; print(sum(1 for l in sys.stdin if json.loads(l)[\"status\"]))') -eq 8 ]"
check "rules lists D2 as an error" sh -c "$ogi rules | grep -q '^D2 *error'"
check "README's rule table is the catalogue's" sh -c "$ogi rules --markdown > $tmp/rules.md && sed -n '/<!-- rules:begin -->/,/<!-- rules:end -->/p' README.md | sed '1d;\$d' | diff - $tmp/rules.md"
check "README's format tables are the skeleton's" sh -c "$ogi rules --tables > $tmp/tables.md && sed -n '/<!-- tables:begin -->/,/<!-- tables:end -->/p' README.md | sed '1d;\$d' | diff - $tmp/tables.md"
check "rules --tables lists both formats' Table 2 and Table 3's 2021 rows" sh -c "$ogi rules --tables | grep -q '第二十条第（九）项 (format 2019)' && $ogi rules --tables | grep -q '本年收费金额（单位：万元） | \`amount_wan\`' && $ogi rules --tables | grep -q '3.其他 (2021 only) | \`other.misc\`'"
# a folder as agencies' files arrive: reports and things that are not
mkdir -p "$tmp/dir/sub"
cp "$seed2" "$seed3" "$tmp/dir/"
printf 'hello world\n' >"$tmp/dir/sub/hello.txt"
printf 'nothing here\n' >"$tmp/dir/sub/note.txt"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$tmp/dir/scan.png"
check "a directory is checked file by file, its subfolders too" sh -c "$ogi check $tmp/dir | tail -4 | grep -q '^5 files checked'"
check "a directory holding non-reports exits 1" status_is 1 "$ogi" check "$tmp/dir"
check "the image is named with its form" sh -c "$ogi check $tmp/dir | grep -qF '$tmp/dir/scan.png: error: [P0] PNG image, not a report ogi reads'"
"$ogi" check "$tmp/dir" >"$tmp/dir.out" 2>&1
check "rejections are summarised by reason, most frequent first" sh -c "sed -n '/^3 not reports, by reason:/,\$p' $tmp/dir.out | tr -s ' ' > $tmp/reasons && sed -n 2p $tmp/reasons | grep -q '^ 2 no disclosure tables' && sed -n 3p $tmp/reasons | grep -q '^ 1 PNG image'"
finish
