#!/bin/sh
# Runs every test binary of the given build directories and prints one
# closing line "N passed, N failed". cmocka binaries report in TAP; a binary
# that crashes or times out counts as one failure more.
# Usage: tests/run.sh BUILD_DIR...
set -u
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_one() { # label, command...
    label=$1
    shift
    # the forms test runs pandoc on hundreds of pages: give it more time
    case $label in *forms.sh) limit=1200 ;; *) limit=300 ;; esac
    CMOCKA_MESSAGE_OUTPUT=TAP timeout "$limit" "$@" >"$log" 2>&1
    rc=$?
    p=$(grep -c '^ok ' "$log")
    f=$(grep '^not ok ' "$log" | grep -vc '# SKIP')
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1 # crashed, timed out or failed outside a test case
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -ne 0 ]; then
        echo "FAIL $label (exit $rc)"
        grep -v '^ok ' "$log" | head -40
    else
        echo "ok   $label ($p)"
    fi
}

for b in "$@"; do
    for t in "$b"/tests/test_*; do
        [ -x "$t" ] || continue
        run_one "$t" "$t"
    done
    for r in "$b"/tests/replay_*; do
        [ -x "$r" ] || continue
        name=${r##*/replay_}
        run_one "$r" "$r" "tests/fuzz/corpus/$name"
    done
done
for s in tests/cli/*.sh; do
    [ -f "$s" ] || continue
    run_one "$s" sh "$s" build/ogi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
