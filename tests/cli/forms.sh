#!/bin/sh
# forms.sh - the forms property test: html reports from `ogi gen --layouts
# html`, saved as text by the tools people use (w3m, lynx, html2text,
# pandoc plain, gfm and its own Markdown, a crawler's tag stripper, one
# that also collapses white space, one that writes each text node on a
# line, Python's html2text Markdown) and as the page itself, parsed, and
# compared with their truth cell by cell and for the format and year
# (tests/tools/formcmp.c judges; tests/tools/html_forms.sh converts, on 2
# cores).
#
# One TAP line per form: a form passes when every report is exact, or when
# the cells it reads right are at least its floor (below). Each form's
# figures and first failures (with the command that reproduces them) are
# printed as TAP comments. The page itself (html) is read as a page: its
# DOM, the report's body found in the site around it (lib/form/form_html.c).
#
# Usage: tests/cli/forms.sh PATH/TO/ogi
#   OGI_FORMS_N     reports per form (default 300; make proptest: 2000)
#   OGI_FORMS_SEED  the first seed (default 20250101)
#   OGI_FORMS_SHOW  failures shown per form (default 3)
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
judge=$(dirname "$ogi")/tests/formcmp
conv=$root/tests/tools/html_forms.sh
count=${OGI_FORMS_N:-300}
seed=${OGI_FORMS_SEED:-20250101}
show=${OGI_FORMS_SHOW:-3}
rate=0.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one TAP line: result (ok, not ok), description
tap() {
    n=$((n + 1))
    case $1 in
        ok) echo "ok $n - $2" ;;
        *)
            echo "not ok $n - $2"
            fails=$((fails + 1))
            ;;
    esac
}

if [ ! -x "$judge" ]; then
    tap fail "formcmp is built ($judge: make unit-tests)"
    finish
    exit
fi
if ! "$ogi" gen --count "$count" --seed "$seed" --layouts html \
    --error-rate "$rate" --quiet --out "$tmp/html" >/dev/null 2>&1; then
    tap fail "ogi gen writes $count html reports"
    finish
    exit
fi

# What each form's readers reach today, in cells read right: a form below
# its floor fails. Every report exact is the aim (a form that reaches it
# passes as such); raise a floor when its readers improve. A floor sits
# just below the lowest of what 300 and 2,000 pages reach, so that
# `make proptest` guards the same figures on its larger sample.
floor_of() {
    case $1 in
        html) echo 100 ;;
        w3m) echo 99.97 ;;
        lynx) echo 99.9 ;;
        html2text) echo 99.65 ;;
        pandoc_plain) echo 99.9 ;;
        pandoc_gfm) echo 99.9 ;;
        pandoc_md) echo 99.98 ;;
        strip) echo 99.85 ;;
        strip_flat) echo 99.85 ;;
        strip_nodes) echo 99.99 ;;
        strip_nodes_flat) echo 99.95 ;;
        html2markdown) echo 99.9 ;;
        *) echo 100 ;;
    esac
}

for form in html w3m lynx html2text pandoc_plain pandoc_gfm pandoc_md strip \
    strip_flat strip_nodes strip_nodes_flat html2markdown; do
    dir=$tmp/$form
    repro="rm -rf /tmp/x && $ogi gen --count 1 --seed %S --layouts html --error-rate $rate --out /tmp/x"
    if [ "$form" = html ]; then
        dir=$tmp/html
        repro="$repro && $ogi parse --json /tmp/x/*.txt"
    else
        repro="$repro && sh tests/tools/html_forms.sh $form /tmp/x /tmp/x/$form && $ogi parse --json /tmp/x/$form/*.txt"
        if ! sh "$conv" "$form" "$tmp/html" "$dir" 2>"$tmp/$form.err"; then
            sed 's/^/# /' "$tmp/$form.err" | head -5
            tap fail "form $form: the conversion works"
            continue
        fi
    fi
    "$judge" --error-rate "$rate" --show "$show" --repro "$repro" \
        "$form" "$tmp/html" "$dir" >"$tmp/$form.out" 2>&1
    rc=$?
    # the figures first, then the first failures
    { grep '^form ' "$tmp/$form.out"; grep -v '^form ' "$tmp/$form.out"; } |
        sed 's/^/# /'
    line=$(grep '^form ' "$tmp/$form.out")
    floor=$(floor_of "$form")
    pct=$(printf '%s\n' "$line" | sed -n 's/.*(\([0-9.]*\)%).*/\1/p')
    if [ "$rc" -eq 0 ]; then
        tap ok "form $form: every report exact"
    elif [ "$rc" -eq 1 ] && [ -n "$pct" ] &&
        awk -v p="$pct" -v f="$floor" 'BEGIN { exit !(p >= f) }'; then
        tap ok "form $form: cells read at least $floor% (not yet every report exact: ${line#form $form: })"
    else
        tap fail "form $form: cells read at least $floor%, every report exact the aim"
    fi
done
finish
