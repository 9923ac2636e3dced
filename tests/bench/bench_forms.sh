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
for form in html w3m lynx html2text pandoc_plain pandoc_gfm strip; do
    if [ "$form" != html ] &&
        ! sh "$root/tests/tools/html_forms.sh" "$form" "$dir/html" "$dir/$form"; then
        echo "form $form: not converted (see above)"
        continue
    fi
    echo "form $form ($count reports in $dir/$form):"
    "$build/bench/bench_parse" "$dir/$form" "$secs" | grep -E '^parse' |
        sed 's/^/  /'
done
