# formcmp.sh - sourced by the command-line tests that score a text form
# against generated reports' truth (tests/tools/formcmp.c); needs tap.sh,
# and $judge (the formcmp binary), $rate (the pages' error rate) and $tmp
# set by the script.

# judge_form FORM HTML_DIR TEXT_DIR FLOOR: TEXT_DIR's files, parsed and
# compared cell by cell with the truth of HTML_DIR's pages, read at least
# FLOOR% right. formcmp's lines become TAP comments (its summary first);
# one TAP line for the floor, one more when formcmp itself failed.
judge_form() {
    "$judge" --error-rate "$rate" --show 5 "$1" "$2" "$3" \
        >"$tmp/$1.out" 2>&1
    rc=$?
    { grep '^form ' "$tmp/$1.out"; grep -v '^form ' "$tmp/$1.out"; } |
        sed 's/^/# /'
    [ "$rc" -le 1 ] || check "$1: formcmp ran (exit $rc)" false
    line=$(grep '^form ' "$tmp/$1.out")
    pct=$(printf '%s\n' "$line" | sed -n 's/.*(\([0-9.]*\)%).*/\1/p')
    check "$1: cells read at least $4% (${line#form $1: })" \
        awk -v p="${pct:-0}" -v f="$4" 'BEGIN { exit !(p >= f) }'
}
