#!/bin/sh
# bench_forms.sh - parse throughput over each text form of generated html
# reports: N reports made by `ogi gen --layouts html` into BUILD/forms/html/,
# saved as text by each tool (tests/tools/html_forms.sh) into
# BUILD/forms/FORM/, then BUILD/bench/bench_parse on each directory.
# Prints figures; asserts nothing. A form whose tool is missing is named
# and passed over.
# Usage: tests/bench/bench_forms.sh BUILD N [SECONDS]
set -u
build=${1:-build}
count=${2:-200}
secs=${3:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$build/forms
rm -rf "$dir"
mkdir -p "$dir" || exit 1
"$build/ogi" gen --count "$count" --seed 777 --layouts html --quiet \
    --out "$dir/html" >/dev/null || exit 1
# each form's goal in reports/s on one core: text 10,000, whole HTML
# pages 2,000; PDF and Word 20 (poppler or wvHtml in a child process per
# document), and PDF 50 pages/s
target() {
    case $1 in
        html | html_gbk) echo 2000 ;;
        pdf* | docx | doc) echo 20 ;;
        *) echo 10000 ;;
    esac
}
# the pages in GBK, as many agency sites still serve them
mkdir -p "$dir/html_gbk"
for f in "$dir"/html/*.txt; do
    sed 's/charset="\{0,1\}[Uu][Tt][Ff]-8"\{0,1\}/charset=gbk/' "$f" |
        iconv -f UTF-8 -t GBK >"$dir/html_gbk/${f##*/}" 2>/dev/null ||
        rm -f "$dir/html_gbk/${f##*/}"
done
for form in html html_gbk w3m lynx html2text pandoc_plain pandoc_gfm pandoc_md strip strip_flat; do
    if [ "$form" != html ] && [ "$form" != html_gbk ] &&
        ! sh "$root/tests/tools/html_forms.sh" "$form" "$dir/html" "$dir/$form"; then
        echo "form $form: not converted (see above)"
        continue
    fi
    echo "form $form ($count reports in $dir/$form):"
    "$build/bench/bench_parse" "$dir/$form" "$secs" "$(target "$form")" |
        grep -E '^(parse|target)' | sed 's/^/  /'
done
# the published forms, from the fixtures made once with LibreOffice
# (tests/tools/pdf_fixtures.sh, office_fixtures.sh)
# the Word fixtures sit together: one folder per form
for ext in docx doc; do
    mkdir -p "$dir/$ext"
    for f in "$root"/tests/data/office/gen/*."$ext"; do
        [ -e "$f" ] && ln -sf "$f" "$dir/$ext/"
    done
done
for fixtures in pdf/pdf pdf/pdf_portrait docx doc; do
    case $fixtures in
        pdf/*) src=$root/tests/data/$fixtures ;;
        *) src=$dir/$fixtures ;;
    esac
    [ -d "$src" ] || continue
    form=${fixtures#*/}
    n=$(ls "$src" | wc -l)
    echo "form $form ($n files in ${src#"$root"/}):"
    out=$("$build/bench/bench_parse" "$src" "$secs" "$(target "$form")")
    echo "$out" | grep -E '^(parse|target)' | sed 's/^/  /'
    case $form in
        pdf*)
            pages=0
            for f in "$src"/*; do
                p=$(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p')
                pages=$((pages + ${p:-0}))
            done
            rate=$(echo "$out" | sed -n 's/^parse: \([0-9]*\) reports\/s.*/\1/p')
            echo "  pages: $pages in $n PDFs: about $((rate * pages / n)) pages/s (target: 50)"
            ;;
    esac
done
