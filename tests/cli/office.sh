#!/bin/sh
# office.sh - Word files (DOCX, DOC) read as reports, judged cell by cell.
#
# tests/data/office/ (made by tests/tools/office_fixtures.sh, so that no
# LibreOffice is needed here): gen/ holds generated agency pages (`ogi gen
# --count 10 --seed 20260101 --layouts html --error-rate 0.3`) saved by
# LibreOffice Writer as DOCX and DOC; formcmp makes each page again from
# its seed and compares every cell of the record with the generator's
# truth. Every report must be exact (100% of cells): the DOCX converter
# writes the tables' own spans, and wvHtml keeps the DOC's tables whole.
# word/ holds a DOCX written as Word writes one (merged header cells,
# numbered headings, tracked changes, content controls) with a truth
# written by hand, judged by tests/tools/score.py. other/ holds what the
# form sniffing must tell from Word files (XLSX, XLS, ODT).
#
# Prints the accuracy and the throughput (reports/s, not asserted) as TAP
# comments.
#
# Usage: tests/cli/office.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$root/tests/data/office
judge=$(dirname "$ogi")/tests/formcmp
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the converters' scratch directories go to a TMPDIR of this test's own,
# so that what other programs leave in /tmp does not count
mkdir "$tmp/t"
TMPDIR=$tmp/t
export TMPDIR

# one TAP line: result (ok, not ok, skip), description
tap() {
    n=$((n + 1))
    case $1 in
        ok) echo "ok $n - $2" ;;
        skip) echo "ok $n - $2 # SKIP" ;;
        *)
            echo "not ok $n - $2"
            fails=$((fails + 1))
            ;;
    esac
}

# contains FILE TEXT: FILE holds TEXT
contains() {
    grep -qF -- "$2" "$1"
}

have_wv=0
command -v wvHtml >/dev/null 2>&1 && have_wv=1

# ---- generated reports, saved by LibreOffice ----
if [ ! -x "$judge" ]; then
    tap fail "formcmp is built ($judge: make unit-tests)"
elif ! "$ogi" gen --count 10 --seed 20260101 --layouts html \
    --error-rate 0.3 --quiet --out "$tmp/html" >/dev/null 2>&1; then
    tap fail "ogi gen writes the 10 html reports"
else
    for form in docx doc; do
        mkdir -p "$tmp/$form"
        for f in "$data"/gen/*."$form"; do
            b=$(basename "$f" ."$form")
            cp "$f" "$tmp/$form/$b.txt"
        done
        if [ "$form" = doc ] && [ "$have_wv" = 0 ]; then
            tap skip "LibreOffice DOC reports: every cell exact (wvHtml is not installed)"
            continue
        fi
        "$judge" --error-rate 0.3 --show 3 "$form" "$tmp/html" "$tmp/$form" \
            >"$tmp/$form.out" 2>&1
        rc=$?
        sed 's/^/# /' "$tmp/$form.out"
        if [ "$rc" -eq 0 ] && contains "$tmp/$form.out" "(100.00%)"; then
            tap ok "LibreOffice $form reports: every cell exact"
        else
            tap fail "LibreOffice $form reports: every cell exact"
        fi
    done
fi

# ---- a report as Word writes one ----
python3 "$root/tests/tools/score.py" --ogi "$ogi" --corpus "$data/word" \
    >"$tmp/word.out" 2>&1
sed 's/^/# /' "$tmp/word.out" | tail -2
if contains "$tmp/word.out" "cells 400/400 (100.0%) reports-exact 2/2"; then
    tap ok "Word-written DOCX and its DOC (spans, numbering, tracked changes, sdt): every cell exact"
else
    tap fail "Word-written DOCX and its DOC (spans, numbering, tracked changes, sdt): every cell exact"
fi
"$ogi" parse --json "$data/word/word.raw.docx" >"$tmp/word.json" 2>&1
if contains "$tmp/word.json" '"agency": "清河县交通运输局"' &&
    contains "$tmp/word.json" '"year": 2023'; then
    tap ok "Word-written DOCX: agency from a content control, year"
else
    tap fail "Word-written DOCX: agency from a content control, year"
fi

# ---- forms told apart ----
sniff() { # file, text its rejection names
    "$ogi" parse "$1" >"$tmp/sniff.out" 2>&1
    rc=$?
    if [ "$rc" -eq 1 ] && contains "$tmp/sniff.out" "rejected: $2,"; then
        tap ok "$(basename "$1") is rejected as $2"
    else
        tap fail "$(basename "$1") is rejected as $2"
        sed 's/^/# /' "$tmp/sniff.out"
    fi
}
sniff "$data/other/report.xlsx" "XLSX spreadsheet"
sniff "$data/other/report.xls" "XLS spreadsheet"
sniff "$data/other/report.odt" "OpenDocument file"

# ---- broken files ----
docx=$(ls "$data"/gen/*.docx | head -1)
doc=$(ls "$data"/gen/*.doc | head -1)
# its central directory cut off (the local headers still name the parts)
size=$(wc -c <"$docx")
head -c $((size - 300)) "$docx" >"$tmp/cut.docx"
"$ogi" parse "$tmp/cut.docx" >"$tmp/cut.out" 2>&1
if contains "$tmp/cut.out" "rejected: DOCX: not a readable ZIP ("; then
    tap ok "a cut DOCX is rejected as an unreadable ZIP"
else
    tap fail "a cut DOCX is rejected as an unreadable ZIP"
fi
PATH=/nonexistent "$ogi" parse "$doc" >"$tmp/nowv.out" 2>&1
if contains "$tmp/nowv.out" "rejected: DOC: wvHtml not installed (Debian package wv)"; then
    tap ok "a DOC without wvHtml is rejected naming the package"
else
    tap fail "a DOC without wvHtml is rejected naming the package"
    sed 's/^/# /' "$tmp/nowv.out"
fi
if [ "$have_wv" = 1 ]; then
    head -c 20000 "$doc" >"$tmp/cut.doc"
    "$ogi" parse "$tmp/cut.doc" >"$tmp/cutdoc.out" 2>&1
    if contains "$tmp/cutdoc.out" "rejected: DOC: wvHtml could not read it"; then
        tap ok "a cut DOC is rejected with wvHtml's reason"
    else
        tap fail "a cut DOC is rejected with wvHtml's reason"
        sed 's/^/# /' "$tmp/cutdoc.out"
    fi
    # a wvHtml that hangs (it and what it started) is killed after 20 s
    mkdir -p "$tmp/bin"
    nap=3$$ # a duration no other process sleeps
    printf '#!/bin/sh\nsleep %s &\nexec sleep %s\n' "$nap" "$nap" >"$tmp/bin/wvHtml"
    chmod +x "$tmp/bin/wvHtml"
    t0=$(date +%s)
    PATH="$tmp/bin:$PATH" "$ogi" parse "$doc" >"$tmp/hang.out" 2>&1
    t1=$(date +%s)
    if contains "$tmp/hang.out" "rejected: DOC: wvHtml timed out" &&
        [ $((t1 - t0)) -lt 29 ] &&
        ! pgrep -f "^sleep $nap\$" >/dev/null 2>&1; then
        tap ok "a hanging wvHtml is killed and the DOC rejected ($((t1 - t0)) s)"
    else
        tap fail "a hanging wvHtml is killed and the DOC rejected ($((t1 - t0)) s)"
        sed 's/^/# /' "$tmp/hang.out"
    fi
    left=$(ls -d "${TMPDIR:-/tmp}"/ogi-doc-* "${TMPDIR:-/tmp}"/ogi-conv-* 2>/dev/null | wc -l)
    tap "$([ "$left" -eq 0 ] && echo ok || echo fail)" \
        "no private DOC directory is left behind ($left)"
fi

# ---- throughput (printed, not asserted) ----
rate() { # form, files...
    form=$1
    shift
    set -- "$@" "$@" "$@" "$@" "$@" # 5 rounds
    t0=$(date +%s%N)
    "$ogi" parse --jsonl "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000))
    [ "$ms" -gt 0 ] || ms=1
    echo "# $form: $# reports in $ms ms: $(($# * 1000 / ms)) reports/s"
}
rate docx "$data"/gen/*.docx
[ "$have_wv" = 1 ] && rate doc "$data"/gen/*.doc
finish
