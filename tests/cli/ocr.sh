#!/bin/sh
# ocr.sh - reports that reach ogi through OCR: page images of a PDF read
# back by tesseract (chi_sim), as plain text.
#
# The PDFs of tests/data/pdf/pdf/ (A4 across) and pdf_portrait/ (A4
# upright) are the LibreOffice PDFs of the generated agency pages of
# tests/data/pdf/html/ (with their truth). Their pages were rendered by
# pdftoppm at 150, 200 or 300 dpi and read by tesseract 5.3 with --psm 6
# or the default --psm 3 (tests/tools/ocr_fixtures.sh, run by hand: OCR
# is too slow for `make test`; tests/data/ocr/SETTINGS says which file
# was made how). The text is committed in tests/data/ocr/pdf/ and
# tests/data/ocr/pdf_portrait/, named as its page, and judged cell by
# cell against the truth (tests/tools/formcmp.c). OCR's damage is in it
# as the engine left it: o for 0, I or | beside a digit, a row's number
# cut from its label ("4 .保护"), a wrong character in a label, stray
# quotes and bars among the values, lines of a header band run together.
# The cells read right must reach each floor: what ogi reaches today;
# raise a floor when it improves.
#
# Usage: tests/cli/ocr.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/formcmp.sh"
data=$(cd "$(dirname "$0")/../data" && pwd)
judge=$(dirname "$ogi")/tests/formcmp
rate=0.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

floor_of() {
    case $1 in
        ocr_pdf) echo 41.2 ;;
        ocr_pdf_portrait) echo 39.8 ;;
        *) echo 100 ;;
    esac
}

if [ ! -x "$judge" ]; then
    check "formcmp is built ($judge: make unit-tests)" false
    finish
    exit
fi

for dir in pdf pdf_portrait; do
    form=ocr_$dir
    nhtml=$(ls "$data/pdf/html"/*_html_s*.txt | wc -l)
    nocr=$(ls "$data/ocr/$dir"/*_html_s*.txt | wc -l)
    check "$form: an OCR text for each of the $nhtml pages" \
        [ "$nocr" -eq "$nhtml" ]
    judge_form "$form" "$data/pdf/html" "$data/ocr/$dir" "$(floor_of "$form")"
done
finish
