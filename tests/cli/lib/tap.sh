# tap.sh - sourced by the command-line tests: TAP output and helpers.
# Each test prints "ok N - ..." or "not ok N - ..." and ends with
# finish, which prints the plan and returns non-zero on any failure.
n=0
fails=0

# check DESCRIPTION COMMAND...: one test, passing when COMMAND succeeds.
check() {
    desc=$1
    shift
    n=$((n + 1))
    if "$@" >/dev/null 2>&1; then
        echo "ok $n - $desc"
    else
        echo "not ok $n - $desc"
        fails=$((fails + 1))
    fi
}

# status_is STATUS COMMAND...: COMMAND exits with STATUS.
status_is() {
    want=$1
    shift
    "$@" >/dev/null 2>&1
    [ $? -eq "$want" ]
}

finish() {
    echo "1..$n"
    [ "$fails" -eq 0 ]
}
