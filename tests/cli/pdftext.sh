#!/bin/sh
# pdftext.sh - reports saved as text by pdftotext, read by ogi's readers
# (lib/form/read_row_lines.c for -layout, lib/form/read_order.c for the
# reading order pdftotext writes without it).
#
# The PDFs of tests/data/pdf/pdf/ (A4 across) and pdf_portrait/ (A4
# upright, wide tables cut at the paper's edge), made by LibreOffice from
# the generated agency pages of tests/data/pdf/html/ (with their truth;
# tests/tools/pdf_fixtures.sh), are converted by the real pdftotext, with
# -layout and without, and judged cell by cell against the truth
# (tests/tools/formcmp.c). The cells read right must reach each floor:
# what the readers reach today; raise a floor when they improve.
# tests/tools/pdf_tally.py tallies where a larger sample loses its cells
# (by table and row, and the rows P6 excuses).
#
# Usage: tests/cli/pdftext.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/formcmp.sh"
data=$(cd "$(dirname "$0")/../data/pdf" && pwd)
judge=$(dirname "$ogi")/tests/formcmp
rate=0.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

floor_of() {
    case $1 in
        pdf_layout) echo 98.5 ;;
        pdf_raw) echo 95.8 ;;
        pdf_portrait_layout) echo 98.9 ;;
        pdf_portrait_raw) echo 96.4 ;;
        *) echo 100 ;;
    esac
}

if ! command -v pdftotext >/dev/null 2>&1; then
    check "pdftotext is installed (poppler-utils)" false
    finish
    exit
fi
if [ ! -x "$judge" ]; then
    check "formcmp is built ($judge: make unit-tests)" false
    finish
    exit
fi

for dir in pdf pdf_portrait; do
    for kind in layout raw; do
        form=${dir}_$kind
        mkdir -p "$tmp/$form"
        ok=1
        for f in "$data/$dir"/*.txt; do
            out=$tmp/$form/$(basename "$f")
            if [ "$kind" = layout ]; then
                pdftotext -layout "$f" "$out" 2>/dev/null || ok=0
            else
                pdftotext "$f" "$out" 2>/dev/null || ok=0
            fi
        done
        check "$form: pdftotext converts every PDF" [ "$ok" -eq 1 ]
        judge_form "$form" "$data/html" "$tmp/$form" "$(floor_of "$form")"
    done
done
finish
