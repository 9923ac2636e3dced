#!/bin/sh
# Real reports in the forms people hold them (tests/data/real/, truth read
# by a person): every table cell, the year and the format exact, one TAP
# line per report. Usage: tests/cli/real.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
out=$(python3 tests/tools/score.py --ogi "$ogi" --corpus tests/data/real -v)
for id in $(ls tests/data/real | sed -n 's/\.truth\.json$//p'); do
    line=$(printf '%s\n' "$out" | grep "^$id ")
    if printf '%s\n' "$line" |
        awk '{split($4, c, "/"); exit !(c[1] == c[2] && $6 == "ok")}'; then
        check "real report $id exact: $line" true
    else
        printf '%s\n' "$out" | sed -n "/^$id /,/^[0-9l]/p" | sed -n '2,11p' |
            sed 's/^/# /'
        check "real report $id exact: $line" false
    fi
done
printf '%s\n' "$out" | grep -E '^(layout|cells) ' | sed 's/^/# /'
finish
