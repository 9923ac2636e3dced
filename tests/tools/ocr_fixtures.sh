#!/bin/sh
# ocr_fixtures.sh - reports as an OCR engine reads them: the committed
# PDFs of tests/data/pdf/ rendered to page images and read back by the
# real tesseract, for tests/cli/ocr.sh. OCR is too slow for `make test`,
# so the text is committed and this script says how it was made; run it
# by hand when the PDFs change.
#
# Usage: tests/tools/ocr_fixtures.sh [DATA_PDF_DIR] [OUTDIR]
#
#   DATA_PDF_DIR   tests/data/pdf (its pdf/ and pdf_portrait/ hold the
#                  LibreOffice PDFs of the generated pages in html/,
#                  made by tests/tools/pdf_fixtures.sh)
#   OUTDIR         tests/data/ocr; OUTDIR/pdf/NAME.txt and
#                  OUTDIR/pdf_portrait/NAME.txt are named as their page
#                  so that `formcmp ocr DATA_PDF_DIR/html OUTDIR/pdf`
#                  pairs them with the page's truth
#
# Each PDF's pages are rendered in grey by pdftoppm at a resolution that
# varies from file to file (150, 200 or 300 dpi: scans come at all of
# them) and read by tesseract with its Simplified Chinese model, with
# --psm 6 (one block of text) for some files and the default --psm 3
# (automatic page segmentation) for the others: both are what people
# run. The pages' text is concatenated in page order. The file's settings
# are written to OUTDIR/SETTINGS.
#
# Needs pdftoppm (poppler-utils), tesseract 5 and its chi_sim model
# (Debian packages tesseract-ocr and tesseract-ocr-chi-sim). The same
# PDFs and the same tesseract give the same text.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$here/data/pdf}
out=${2:-$here/data/ocr}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
: > "$tmp/settings"

# dpi and page segmentation mode of the i-th file of a directory, shifted
# by the directory so that every pairing occurs
dpi_of() {
    case $(($1 % 3)) in
        0) echo 150 ;;
        1) echo 200 ;;
        *) echo 300 ;;
    esac
}
psm_of() {
    if [ $(($1 % 2)) -eq 0 ]; then echo 6; else echo 3; fi
}

shift_by=0
for dir in pdf pdf_portrait; do
    mkdir -p "$out/$dir"
    i=0
    for f in "$src/$dir"/*.txt; do
        b=$(basename "$f" .txt)
        dpi=$(dpi_of $((i + shift_by)))
        psm=$(psm_of "$i")
        rm -f "$tmp"/pg-*
        pdftoppm -r "$dpi" -gray -png "$f" "$tmp/pg"
        for p in "$tmp"/pg-*.png; do
            tesseract "$p" "${p%.png}" -l chi_sim --psm "$psm" \
                >/dev/null 2>&1
        done
        # pdftoppm numbers the pages with leading zeros: the glob's order
        # is the pages' order
        cat "$tmp"/pg-*.txt > "$out/$dir/$b.txt"
        printf '%s/%s.txt dpi %s psm %s\n' "$dir" "$b" "$dpi" "$psm" \
            >> "$tmp/settings"
        i=$((i + 1))
    done
    shift_by=1
done
cp "$tmp/settings" "$out/SETTINGS"
