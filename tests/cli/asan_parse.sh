#!/bin/sh
# asan_parse.sh - every text form through the whole parser under
# AddressSanitizer and UBSan, and a batch read the same as one file at a
# time.
#
# The unit tests run under ASan, but only the inputs they were written
# for. Here the sanitizer build of ogi (build-asan/ogi, beside the plain
# build: `make test` builds both) parses the test data of every form, the
# real pages of tests/data/realhtml saved by each real tool
# (tests/tools/html_forms.sh) and the generated PDFs as pdftotext writes
# them with and without -layout: a read past a buffer in a reader shows
# here as a sanitizer report, even when the output happens to be right.
# Then the plain build parses each folder in one batch and file by file:
# a document must read the same whatever was parsed before it on the
# thread (a reader's state, a memo, a loop variable kept from the last
# document would show as a difference).
#
# Usage: tests/cli/asan_parse.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$root/tests/data
asan=$(cd "$(dirname "$ogi")/.." && pwd)/build-asan/ogi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the corpus: one folder per source, text forms only (PDF, DOCX and DOC
# go through converters in a sandboxed child; tests/cli/pdf.sh and
# office.sh read them)
mkdir -p "$tmp/in"
for d in real realhtml $(cd "$data" && echo forms/*) quirks split encodings \
    html reports inputs ocr/pdf ocr/pdf_portrait; do
    [ -d "$data/$d" ] || continue
    name=$(printf '%s' "$d" | tr / _)
    mkdir -p "$tmp/in/$name"
    for f in "$data/$d"/*; do
        case $f in
            *.json | *.pdf | *.docx | *.doc | *README.md | *SETTINGS) continue ;;
        esac
        [ -f "$f" ] && cp "$f" "$tmp/in/$name/"
    done
done
# generated pages beside the real ones: more tables per form
mkdir -p "$tmp/pages"
"$ogi" gen --count 16 --seed 9090 --layouts html --error-rate 0.3 --quiet \
    --out "$tmp/gen" >/dev/null 2>&1
cp "$tmp"/gen/*.txt "$tmp/pages/" 2>/dev/null
for f in "$data"/realhtml/*.html; do
    cp "$f" "$tmp/pages/$(basename "$f" .html).txt"
done
for form in w3m lynx html2text pandoc_plain pandoc_gfm pandoc_md strip \
    strip_flat strip_nodes strip_nodes_flat; do
    sh "$root/tests/tools/html_forms.sh" "$form" "$tmp/pages" \
        "$tmp/in/pages_$form" >/dev/null 2>&1
done
if command -v pdftotext >/dev/null 2>&1; then
    mkdir -p "$tmp/in/pdf_layout" "$tmp/in/pdf_raw"
    for f in "$data"/pdf/pdf/*.txt "$data"/pdf/pdf_portrait/*.txt; do
        b=$(basename "$(dirname "$f")")_$(basename "$f")
        pdftotext -layout "$f" "$tmp/in/pdf_layout/$b" 2>/dev/null
        pdftotext "$f" "$tmp/in/pdf_raw/$b" 2>/dev/null
    done
fi
nfiles=$(find "$tmp/in" -type f | wc -l)
for d in "$tmp"/in/*/; do
    echo "# $(basename "$d"): $(find "$d" -type f | wc -l) files"
done
check "the corpus holds text of every form ($nfiles files)" \
    test "$nfiles" -ge 300

# the sanitizers: a report makes the run fail; a rejected file (exit 1)
# is an answer, not a fault
if [ -x "$asan" ]; then
    bad=0
    for d in "$tmp"/in/*/; do
        name=$(basename "$d")
        ASAN_OPTIONS=detect_leaks=1:exitcode=86 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
            "$asan" parse --json --cells "$d" >/dev/null 2>"$tmp/asan.err"
        rc=$?
        if [ "$rc" -gt 1 ] || grep -q -e 'Sanitizer' -e 'runtime error' \
            "$tmp/asan.err"; then
            bad=$((bad + 1))
            echo "# $name: exit $rc"
            grep -m 12 -e 'ERROR' -e 'runtime error' -e '#[0-9] ' \
                "$tmp/asan.err" | sed 's/^/#   /'
        fi
    done
    check "ogi under ASan and UBSan parses $nfiles files of every form cleanly" \
        test "$bad" -eq 0
else
    check "the sanitizer build is there ($asan: make SANITIZE=address build-asan/ogi)" false
fi

# batch against one file at a time, by the plain build
differ=0
for d in "$tmp"/in/*/; do
    name=$(basename "$d")
    "$ogi" parse --jsonl --cells "$d" >"$tmp/batch.jsonl" 2>/dev/null
    : >"$tmp/single.jsonl"
    for f in $(find "$d" -type f | LC_ALL=C sort); do
        "$ogi" parse --jsonl --cells "$f" >>"$tmp/single.jsonl" 2>/dev/null
    done
    if ! cmp -s "$tmp/batch.jsonl" "$tmp/single.jsonl"; then
        differ=$((differ + 1))
        echo "# $name: a batch reads differently from its files one by one"
    fi
done
check "each folder parsed in one batch reads as its files one by one" \
    test "$differ" -eq 0

finish
