#!/bin/sh
# pdf_fixtures.sh - PDFs made by the real tools, for the PDF converter's
# tests (tests/cli/pdf.sh) and its measurement.
#
# Usage: tests/tools/pdf_fixtures.sh OGI OUTDIR [COUNT] [SEED]
#
#   OUTDIR/html/NAME.txt   whole agency HTML pages from `ogi gen` (with
#                          their .truth.json), error rate 0.3
#   OUTDIR/pdf/NAME.txt    each page printed to PDF by LibreOffice
#                          (soffice --convert-to pdf, a private profile) on
#                          A4 paper across (an @page rule added to the
#                          page), where the tables fit; named as its page
#                          so that `formcmp pdf OUTDIR/html OUTDIR/pdf`
#                          pairs them
#   OUTDIR/pdf_portrait/NAME.txt
#                          the same on A4 upright, as the page is: a
#                          table wider than the paper runs over its edge
#                          and LibreOffice leaves out what lies beyond
#   OUTDIR/rotated/NAME.txt
#                          the first of pdf/ with its pages turned a
#                          quarter (qpdf --rotate=+90): text that runs
#                          down the page as shown
#   OUTDIR/bad/            PDFs ogi must reject, each for its reason:
#     image.pdf            a page as a picture only (pdftoppm + img2pdf)
#     encrypted.pdf        needs a password (qpdf --encrypt)
#     truncated.pdf        a PDF cut short
#     garbage.pdf          %PDF- then bytes that are no PDF
#     no_unicode.pdf       fonts without their Unicode map (/ToUnicode
#                          taken out with qpdf --qdf, sed and fix-qdf)
#     many_pages.pdf       502 pages (qpdf --pages), over ogi's bound
#
# Needs soffice (libreoffice-writer-nogui), pdftoppm (poppler-utils),
# img2pdf and qpdf (Debian packages of those names). The files are made,
# never downloaded; the same COUNT and SEED give the same reports.
set -eu
ogi=$1
out=$2
count=${3:-10}
seed=${4:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out/html" "$out/pdf" "$out/pdf_portrait" "$out/rotated" "$out/bad"

"$ogi" gen --count "$count" --seed "$seed" --layouts html --error-rate 0.3 \
    --quiet --out "$tmp/gen"
# the pages are in gen/ or gen/html/, depending on the generator's layouts
src=$tmp/gen
[ -d "$src/html" ] && src=$src/html
mkdir -p "$tmp/src" "$tmp/wide"
for f in "$src"/*.txt; do
    b=$(basename "$f" .txt)
    cp "$f" "$out/html/$b.txt"
    cp "${f%.txt}.truth.json" "$out/html/$b.truth.json" 2>/dev/null || true
    cp "$f" "$tmp/src/$b.html"
    sed 's#<head>#<head><style>@page { size: 297mm 210mm; margin: 15mm }</style>#' \
        "$f" > "$tmp/wide/$b.html"
done

soffice() {
    command soffice --headless \
        "-env:UserInstallation=file://$tmp/profile" "$@" >/dev/null 2>&1
}
soffice --convert-to pdf --outdir "$tmp/pdf" "$tmp"/wide/*.html
soffice --convert-to pdf --outdir "$tmp/portrait" "$tmp"/src/*.html
for f in "$tmp"/pdf/*.pdf; do
    b=$(basename "$f" .pdf)
    cp "$f" "$out/pdf/$b.txt"
    cp "$tmp/portrait/$b.pdf" "$out/pdf_portrait/$b.txt"
done

first=$(ls "$out/pdf" | head -1)
qpdf --rotate=+90 "$out/pdf/$first" "$out/rotated/$first"

# the rejected ones, from a small page of text
printf '<html><meta charset="utf-8"><body><p>%s</p><p>%s</p></body></html>\n' \
    '凤溪区人民政府2024年政府信息公开工作年度报告' \
    '一、总体情况' > "$tmp/small.html"
soffice --convert-to pdf --outdir "$tmp" "$tmp/small.html"
pdftoppm -r 40 -png -f 1 -l 1 "$tmp/small.pdf" "$tmp/page"
img2pdf -o "$out/bad/image.pdf" "$tmp"/page*.png
qpdf --encrypt secret owner 256 -- "$tmp/small.pdf" "$out/bad/encrypted.pdf"
size=$(wc -c < "$tmp/small.pdf")
head -c $((size / 3)) "$tmp/small.pdf" > "$out/bad/truncated.pdf"
qpdf --qdf --object-streams=disable "$tmp/small.pdf" "$tmp/qdf.pdf"
sed 's#/ToUnicode [0-9]* 0 R##' "$tmp/qdf.pdf" > "$tmp/nomap.pdf"
fix-qdf "$tmp/nomap.pdf" > "$out/bad/no_unicode.pdf"
set --
i=0
while [ $i -lt 251 ]; do
    set -- "$@" "$tmp/small.pdf"
    i=$((i + 1))
done
qpdf --empty --object-streams=generate --compress-streams=y --pages "$@" -- \
    "$out/bad/many_pages.pdf"
{
    printf '%%PDF-1.7\n'
    i=0
    while [ $i -lt 64 ]; do
        printf 'obj %d << /Garbage [%d] >> stream\001\002\003 endobj\n' $i $((i * 7919))
        i=$((i + 1))
    done
} > "$out/bad/garbage.pdf"
