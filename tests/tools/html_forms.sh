#!/bin/sh
# html_forms.sh - html reports saved as text the ways people save them.
#
#   w3m           w3m -dump -T text/html -O UTF-8 (80 columns, or 120 for
#                 every other report, as people widen it)
#   lynx          lynx -dump -nolist -display_charset=utf-8
#   html2text     html2text -utf8 (Debian's 1.3.2a: it wraps counting bytes
#                 and can cut a UTF-8 character in half; kept, it is what
#                 people get)
#   pandoc_plain  pandoc -f html -t plain --columns=200 (at its default
#                 width of 72 pandoc writes "[TABLE]" in place of a table
#                 it cannot fit, Table 3 and Table 4 of most reports: their
#                 cells are gone from the text, and ogi says so in its P1
#                 finding; 200 is what a person widens it to)
#   pandoc_gfm    pandoc -f html -t gfm
#   pandoc_md     pandoc -f html -t markdown (pandoc's own Markdown, what
#                 `pandoc page.html -o page.md` writes: Word's spans kept
#                 as [text]{style=...}, grid and multiline tables, fenced
#                 divs; markdown_strict and commonmark write tables as raw
#                 HTML and read as pandoc_gfm does)
#   strip         tests/tools/strip_tags.py (a crawler joining text nodes)
#   strip_flat    tests/tools/strip_tags.py --flat (a crawler that also
#                 collapses white space: the whole page on one line)
#   strip_nodes   tests/tools/strip_tags.py --nodes (a crawler that writes
#                 each text node stripped on a line of its own, empty ones
#                 dropped: BeautifulSoup's get_text("\n", strip=True))
#   strip_nodes_flat  tests/tools/strip_tags.py --nodes-flat (the same
#                 nodes one space apart: get_text(" ", strip=True), the
#                 whole page on one line, a blank cell nothing at all)
#   html2markdown html2markdown.py3 FILE utf-8 (Python's html2text, Debian's
#                 python3-html2text, default options: the Markdown many
#                 crawlers and LLM pipelines save; pipe tables without
#                 outer bars, a rowspan's cell in its first row only)
#
# Usage: html_forms.sh FORM SRC_DIR OUT_DIR   converts SRC_DIR/*.txt into
#                                             OUT_DIR/ (same names), on
#                                             2 cores (JOBS=N to change)
#        html_forms.sh --one FORM OUT_DIR FILE...   (used by xargs)
# Exit 1 when a converter is missing or fails on some file.
set -u
tools=$(cd "$(dirname "$0")" && pwd)

convert() { # form file out
    case $1 in
        w3m)
            cols=80
            case ${2##*/} in
                *[13579]_html_*) cols=120 ;;
            esac
            w3m -dump -T text/html -O UTF-8 -cols "$cols" "$2" >"$3"
            ;;
        # .txt names: lynx is told the file is html
        lynx) lynx -dump -nolist -force_html -display_charset=utf-8 "$2" >"$3" ;;
        html2text) html2text -utf8 "$2" >"$3" ;;
        pandoc_plain) pandoc -f html -t plain --columns=200 "$2" -o "$3" ;;
        pandoc_gfm) pandoc -f html -t gfm "$2" -o "$3" ;;
        pandoc_md) pandoc -f html -t markdown "$2" -o "$3" ;;
        strip) python3 "$tools/strip_tags.py" "$2" "$3" ;;
        strip_flat) python3 "$tools/strip_tags.py" --flat "$2" "$3" ;;
        strip_nodes) python3 "$tools/strip_tags.py" --nodes "$2" "$3" ;;
        strip_nodes_flat) python3 "$tools/strip_tags.py" --nodes-flat "$2" "$3" ;;
        html2markdown) html2markdown.py3 "$2" utf-8 >"$3" ;;
        *) echo "html_forms.sh: unknown form \"$1\"" >&2; return 2 ;;
    esac
}

# the program a form needs
tool_of() {
    case $1 in
        pandoc_*) echo pandoc ;;
        strip*) echo python3 ;;
        html2markdown) echo html2markdown.py3 ;;
        *) echo "$1" ;;
    esac
}

if [ "${1:-}" = --one ]; then
    form=$2 out=$3
    shift 3
    rc=0
    case $form in html2markdown)
        # one python for the whole batch: the command's own main() on each
        # file, as `html2markdown.py3 FILE utf-8` runs it
        py=$(sed -n '1s/^#! *//p' "$(command -v html2markdown.py3)")
        # -I: the script comes on standard input, so Python would put the
        # working directory first on its path (a gettext.py there would
        # stand in for the standard library's)
        ${py:-python3} -I - "$out" "$@" <<'PY' || {
import sys
from html2text import cli
out = sys.argv[1]
rc = 0
for f in sys.argv[2:]:
    sys.argv = ["html2markdown", f, "utf-8"]
    try:
        with open(out + "/" + f.rsplit("/", 1)[-1], "w") as o:
            sys.stdout = o
            cli.main()
    except Exception as e:
        print("html2markdown failed on %s: %s" % (f, e), file=sys.stderr)
        rc = 1
    finally:
        sys.stdout = sys.__stdout__
sys.exit(rc)
PY
            echo "html_forms.sh: html2markdown failed on a file" >&2
            exit 1
        }
        exit 0
        ;;
    esac
    case $form in strip | strip_*)
        # one python for the whole batch
        flat=
        [ "$form" = strip_flat ] && flat=--flat
        [ "$form" = strip_nodes ] && flat=--nodes
        [ "$form" = strip_nodes_flat ] && flat=--nodes-flat
        python3 "$tools/strip_tags.py" $flat --out-dir "$out" "$@" || {
            echo "html_forms.sh: strip failed on a file of \"$1\"..." >&2
            exit 1
        }
        exit 0
        ;;
    esac
    for f in "$@"; do
        convert "$form" "$f" "$out/${f##*/}" 2>/dev/null || {
            echo "html_forms.sh: $form failed on \"$f\"" >&2
            rc=1
        }
    done
    exit $rc
fi

if [ $# -ne 3 ]; then
    echo "usage: html_forms.sh FORM SRC_DIR OUT_DIR" >&2
    exit 2
fi
form=$1 src=$2 out=$3
t=$(tool_of "$form")
if ! command -v "$t" >/dev/null 2>&1; then
    echo "html_forms.sh: $t is not installed (scripts/deps.sh test)" >&2
    exit 1
fi
mkdir -p "$out" || exit 1
ls "$src" | grep '\.txt$' | sed "s|^|$src/|" |
    xargs -n 25 -P "${JOBS:-2}" sh "$0" --one "$form" "$out"
