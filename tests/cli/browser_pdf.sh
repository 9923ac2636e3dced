#!/bin/sh
# browser_pdf.sh - reports published as a PDF printed from the agency's
# web page by a browser, and that PDF as people turn it into text.
#
# Generated agency pages (`ogi gen --layouts html`, with their truth) are
# printed by headless Chromium (--print-to-pdf, A4, no header or footer,
# no network): its PDFs lay a table out otherwise than LibreOffice's
# (tests/cli/pdf.sh): every cell's text wraps within the width the page
# gave its column, row labels wrap over three or four lines with their
# numbering ("1.") on a line of its own, and a narrow column's values sit
# between those lines. Each PDF is read three ways and judged cell by
# cell (tests/tools/formcmp.c): by ogi itself (form browser_pdf), and as
# `pdftotext -layout` and plain `pdftotext` write it. The cells read
# right must reach each floor: what ogi reaches today; raise a floor
# when it improves.
#
# Usage: tests/cli/browser_pdf.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
. "$(dirname "$0")/lib/formcmp.sh"
judge=$(dirname "$ogi")/tests/formcmp
count=12
seed=6600
rate=0.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

floor_of() {
    case $1 in
        browser_pdf) echo 100 ;;
        browser_pdf_layout) echo 98.3 ;;
        browser_pdf_raw) echo 88.3 ;;
        *) echo 100 ;;
    esac
}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] || ! command -v pdftotext >/dev/null 2>&1; then
    check "chromium and pdftotext are installed (scripts/deps.sh test)" false
    finish
    exit
fi
if [ ! -x "$judge" ]; then
    check "formcmp is built ($judge: make unit-tests)" false
    finish
    exit
fi

"$ogi" gen --count "$count" --seed "$seed" --layouts html \
    --error-rate "$rate" --quiet --out "$tmp/html" >/dev/null 2>&1
mkdir -p "$tmp/page" "$tmp/browser_pdf" "$tmp/browser_pdf_layout" \
    "$tmp/browser_pdf_raw"
printed=0
for f in "$tmp"/html/*.txt; do
    name=$(basename "$f" .txt)
    cp "$f" "$tmp/page/$name.html"
    # the PDF is named as its page (.txt) so that formcmp pairs them
    HOME=$tmp timeout 60 "$browser" --headless --no-sandbox --disable-gpu \
        --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync \
        --user-data-dir="$tmp/chrome" --proxy-server=127.0.0.1:9 \
        --no-pdf-header-footer --print-to-pdf="$tmp/browser_pdf/$name.txt" \
        "file://$tmp/page/$name.html" >/dev/null 2>&1
    [ -s "$tmp/browser_pdf/$name.txt" ] || continue
    printed=$((printed + 1))
    pdftotext -layout "$tmp/browser_pdf/$name.txt" \
        "$tmp/browser_pdf_layout/$name.txt" 2>/dev/null
    pdftotext "$tmp/browser_pdf/$name.txt" \
        "$tmp/browser_pdf_raw/$name.txt" 2>/dev/null
done
check "chromium prints each of the $count pages to PDF ($printed)" \
    test "$printed" -eq "$count"

for form in browser_pdf browser_pdf_layout browser_pdf_raw; do
    judge_form "$form" "$tmp/html" "$tmp/$form" "$(floor_of "$form")"
done
finish
