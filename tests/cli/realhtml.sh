#!/bin/sh
# realhtml.sh - real reports as agencies publish them and as people save
# them (tests/data/realhtml/, truth read by a person).
#
# First the files as found (HTML pages, crawler page text, PDF-to-Markdown
# and OCR output), then every HTML page among them saved as text by the
# real tools (tests/tools/html_forms.sh: w3m, lynx, html2text, pandoc
# plain, gfm and markdown, a crawler's tag stripper, one that also
# collapses white space, one that writes each text node on a line).
# One TAP line per form: its cells read right (tests/tools/score.py)
# must reach the form's floor, what ogi's readers reach today;
# every cell exact is the aim, and a floor is raised as readers improve.
# Each form's figures and the reports it gets wrong are TAP comments.
#
# Usage: tests/cli/realhtml.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$root/tests/data/realhtml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

floor_of() {
    case $1 in
        found) echo 99.9 ;;
        w3m) echo 100 ;;
        lynx) echo 100 ;;
        html2text) echo 100 ;;
        pandoc_plain) echo 100 ;;
        pandoc_gfm) echo 100 ;;
        pandoc_md) echo 100 ;;
        strip) echo 100 ;;
        strip_flat) echo 100 ;;
        strip_nodes) echo 100 ;;
        strip_nodes_flat) echo 100 ;;
        *) echo 100 ;;
    esac
}

# judge FORM DIR: score DIR against its truths, one TAP line
judge() {
    out=$(python3 "$root/tests/tools/score.py" --ogi "$ogi" --corpus "$2" 2>&1)
    last=$(printf '%s\n' "$out" | tail -1)
    pct=$(printf '%s\n' "$last" | sed -n 's/^cells [0-9]*\/[0-9]* (\([0-9.]*\)%).*/\1/p')
    floor=$(floor_of "$1")
    printf '%s\n' "$out" | grep -v '^layout ' | grep -v ' cells \([0-9]*\)/\1 meta ok' |
        sed "s/^/# $1: /"
    if [ -n "$pct" ] && awk -v p="$pct" -v f="$floor" 'BEGIN { exit !(p >= f) }'; then
        check "form $1: $last (floor $floor%)" true
    else
        check "form $1: ${last:-no figure} (floor $floor%)" false
    fi
}

judge found "$data"

# the HTML pages, each as NNN.raw.txt beside its truth
mkdir -p "$tmp/html"
for f in "$data"/*.raw.html; do
    id=$(basename "$f" .raw.html)
    cp "$f" "$tmp/html/$id.raw.txt"
done
for form in w3m lynx html2text pandoc_plain pandoc_gfm pandoc_md strip \
    strip_flat strip_nodes strip_nodes_flat; do
    if ! sh "$root/tests/tools/html_forms.sh" "$form" "$tmp/html" \
        "$tmp/$form" 2>"$tmp/$form.err"; then
        sed 's/^/# /' "$tmp/$form.err" | head -5
        check "form $form: the pages convert" false
        continue
    fi
    for f in "$tmp/html"/*.raw.txt; do
        id=$(basename "$f" .raw.txt)
        cp "$data/$id.truth.json" "$tmp/$form/"
    done
    judge "$form" "$tmp/$form"
done
finish
