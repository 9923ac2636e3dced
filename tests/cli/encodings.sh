#!/bin/sh
# encodings.sh - reports in every encoding ogi reads give the records of
# their UTF-8 text. The bytes are made by the real iconv tool (never with
# -c, which would drop characters): the five seed reports in GB18030,
# UTF-16LE and UTF-16BE with a BOM and UTF-8 with a BOM; Big5 for a
# traditional-character text (tests/data/encodings/000_traditional.txt,
# seed 0 through opencc s2tw: the seeds' simplified characters have no
# Big5 codes); generated whole agency pages re-declared as gbk and
# converted to GBK, judged by formcmp against their truth as the UTF-8
# pages are; w3m's own GBK text dumps of those pages, read as they
# are and after iconv turns them back into UTF-8; and html2text's text of
# the UTF-8 and the GBK pages, with -utf8 and without it (then it reads
# their bytes as ISO-8859-1).
#
# A record is compared in every cell (state and value), its meta,
# sections and findings; spans, doc_key, byte count and source.encoding
# differ by nature, and source.encoding must name the encoding.
# Usage: tests/cli/encodings.sh PATH/TO/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
judge=$(dirname "$ogi")/tests/formcmp
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# same_record PLAIN VARIANT ENCODING: the records agree, and the variant's
# source.encoding is ENCODING.
same_record() {
    "$ogi" parse --json --cells "$1" >"$tmp/a.json" 2>/dev/null
    "$ogi" parse --json --cells "$2" >"$tmp/b.json" 2>/dev/null
    python3 - "$tmp/a.json" "$tmp/b.json" "$3" <<'EOF'
import json, sys
def record(path):
    r = json.load(open(path, encoding="utf-8"))
    r.pop("doc_key", None)
    src = r.get("source", {})
    for k in ("bytes", "encoding", "name"):
        src.pop(k, None)
    for c in (r.get("cells") or {}).values():
        c.pop("span", None)
    return r
a, b = record(sys.argv[1]), record(sys.argv[2])
enc = json.load(open(sys.argv[2], encoding="utf-8"))["source"].get("encoding")
if enc != sys.argv[3]:
    sys.exit("source.encoding %r, want %r" % (enc, sys.argv[3]))
if a != b:
    sys.exit("records differ")
if a.get("status") != "rejected" and not a.get("cells"):
    sys.exit("no cells to compare")
EOF
}

seeds="000_797bd12820c43427 001_1cb59e66f00bcffe 002_e734572c7f6275fe
003_17bcadf2ed5508d0 004_38ec84bebc7328d3"
for s in $seeds; do
    src=tests/data/reports/$s.txt
    mkdir -p "$tmp/gb" "$tmp/le" "$tmp/be" "$tmp/u8"
    iconv -f UTF-8 -t GB18030 "$src" >"$tmp/gb/$s.txt"
    { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$src"; } >"$tmp/le/$s.txt"
    { printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$src"; } >"$tmp/be/$s.txt"
    { printf '\357\273\277'; cat "$src"; } >"$tmp/u8/$s.txt"
    check "$s in GB18030: the UTF-8 record, source gb18030" \
        same_record "$src" "$tmp/gb/$s.txt" gb18030
    check "$s in UTF-16LE with a BOM: the UTF-8 record, source utf-16le" \
        same_record "$src" "$tmp/le/$s.txt" utf-16le
    check "$s in UTF-16BE with a BOM: the UTF-8 record, source utf-16be" \
        same_record "$src" "$tmp/be/$s.txt" utf-16be
    check "$s in UTF-8 with a BOM: the UTF-8 record, source utf-8" \
        same_record "$src" "$tmp/u8/$s.txt" utf-8
done

# Big5: traditional characters, which the parser does not read as a
# report: the record (a rejection) is still the UTF-8 text's, with its
# reason, and its narrative (checked by decoding apart in test_form_text)
tw=tests/data/encodings/000_traditional.txt
check "the traditional text converts to Big5 with no character dropped" \
    sh -c "iconv -f UTF-8 -t BIG5 $tw > $tmp/tw.big5"
check "traditional text in Big5: the UTF-8 record, source big5" \
    same_record "$tw" "$tmp/tw.big5" big5
iconv -f UTF-8 -t BIG5-HKSCS "$tw" >"$tmp/tw.hk"
check "traditional text in Big5-HKSCS: the UTF-8 record, source big5" \
    same_record "$tw" "$tmp/tw.hk" big5

# GBK pages: generated whole agency pages, re-declared and converted
count=${OGI_ENC_PAGES:-20}
if [ ! -x "$judge" ]; then
    check "formcmp is built ($judge: make unit-tests)" false
    finish
    exit
fi
"$ogi" gen --count "$count" --seed 20250301 --layouts html \
    --error-rate 0.3 --quiet --out "$tmp/html" >/dev/null 2>&1
mkdir -p "$tmp/gbk" "$tmp/w3m8" "$tmp/w3mg" "$tmp/w3mgu" "$tmp/w3mgp"
bad=0
for f in "$tmp"/html/*_html_*.txt; do
    b=${f##*/}
    sed 's/<meta charset="utf-8">/<meta charset="gbk">/' "$f" |
        iconv -f UTF-8 -t GBK >"$tmp/gbk/$b" || bad=$((bad + 1))
    w3m -dump -T text/html -O UTF-8 -cols 80 "$f" >"$tmp/w3m8/$b"
    w3m -dump -T text/html -O GBK -cols 80 "$f" >"$tmp/w3mg/$b"
    iconv -f GBK -t UTF-8 "$tmp/w3mg/$b" >"$tmp/w3mgu/$b" || bad=$((bad + 1))
    # the GBK page dumped as UTF-8: w3m gives — and “ ” GBK's two columns
    w3m -dump -T text/html -O UTF-8 -cols 80 "$tmp/gbk/$b" >"$tmp/w3mgp/$b"
done
check "$count pages convert to GBK and back with nothing dropped" \
    test "$bad" -eq 0
check "the GBK pages declare gbk and are not UTF-8" sh -c \
    "grep -l 'charset=\"gbk\"' $tmp/gbk/*.txt | wc -l | grep -qx $count &&
     ! iconv -f UTF-8 -t UTF-8 $tmp/gbk/000000_html_s20250301.txt >/dev/null 2>&1"

# judge DIR FORM: formcmp's summary line for the files of DIR
judge_line() {
    "$judge" --error-rate 0.3 --show 0 "$2" "$tmp/html" "$1" 2>&1 |
        grep '^form '
}
u=$(judge_line "$tmp/html" html)
g=$(judge_line "$tmp/gbk" html)
echo "# UTF-8 pages: $u"
echo "# GBK pages:   $g"
check "GBK pages read as the UTF-8 pages ($g)" test -n "$u" -a "$u" = "$g"
first=$(ls "$tmp/gbk" | head -1)
check "a GBK page's record says gb18030" sh -c \
    "$ogi parse --json $tmp/gbk/$first | grep -q '\"encoding\": \"gb18030\"'"
check "a GBK page gives its UTF-8 page's record" \
    same_record "$tmp/html/$first" "$tmp/gbk/$first" gb18030

# w3m's GBK dumps: w3m writes some characters otherwise in GBK (— as --,
# curly quotes as straight ones), so they are judged against the same
# dumps turned into UTF-8 by iconv, and the UTF-8 dumps' figure is shown
w8=$(judge_line "$tmp/w3m8" w3m)
wg=$(judge_line "$tmp/w3mg" w3m)
wgu=$(judge_line "$tmp/w3mgu" w3m)
echo "# w3m -O UTF-8:             $w8"
echo "# w3m -O GBK:               $wg"
echo "# w3m -O GBK, iconv'd back: $wgu"
check "w3m's GBK dumps read as the same dumps in UTF-8 ($wg)" \
    test -n "$wg" -a "$wg" = "$wgu"
# where GBK has no code (a dash, a curly quote) w3m writes ?: a cell of
# ? reads as the placeholder it was, so the GBK dumps read as well as
# the UTF-8 ones
check "w3m's GBK dumps read as its UTF-8 dumps ($wg)" \
    test -n "$wg" -a "${wg#form w3m: }" = "${w8#form w3m: }"
wgp=$(judge_line "$tmp/w3mgp" w3m)
echo "# w3m of the GBK pages:     $wgp"
check "w3m's dumps of the GBK pages read as those of the UTF-8 pages ($wgp)" \
    test -n "$wgp" -a "${wgp#form w3m: }" = "${w8#form w3m: }"
all=0
for f in "$tmp"/w3mg/*.txt; do
    b=${f##*/}
    same_record "$tmp/w3mgu/$b" "$f" gb18030 >/dev/null 2>&1 || all=$((all + 1))
done
check "every w3m GBK dump gives the record of its UTF-8 form" test "$all" -eq 0

# html2text without -utf8 reads the page's bytes as ISO-8859-1 and writes
# those characters as UTF-8: the text encoded twice, read back (P10), and
# wrapped counting bytes, so characters are cut as with -utf8
# (its columns laid out in the bytes it wrote, two a byte of the page);
# and of the GBK pages, whose cut characters leave a lone GBK byte
mkdir -p "$tmp/h2t" "$tmp/h2tb" "$tmp/h2tg"
for f in "$tmp"/html/*_html_*.txt; do
    b=${f##*/}
    html2text -utf8 "$f" >"$tmp/h2t/$b"
    html2text "$f" >"$tmp/h2tb/$b"
    html2text "$tmp/gbk/$b" >"$tmp/h2tg/$b"
done
hu=$(judge_line "$tmp/h2t" html2text)
hb=$(judge_line "$tmp/h2tb" html2text_latin1)
hg=$(judge_line "$tmp/h2tg" html2text_latin1)
echo "# html2text -utf8:          $hu"
echo "# html2text (no -utf8):     $hb"
echo "# html2text of GBK pages:   $hg"
pct=$(echo "$hb" | sed -n 's/.*(\([0-9.]*\)%).*/\1/p')
check "html2text without -utf8 read back: at least 99.8% of cells ($hb)" \
    awk "BEGIN { exit !(${pct:-0} >= 99.8) }"
pct=$(echo "$hg" | sed -n 's/.*(\([0-9.]*\)%).*/\1/p')
check "html2text of the GBK pages read back: at least 99.02% of cells ($hg)" \
    awk "BEGIN { exit !(${pct:-0} >= 99.02) }"
check "html2text without -utf8: P10 says the text was encoded twice" sh -c \
    "$ogi check $tmp/h2tb/$first | grep -q 'P10.*ISO-8859-1'"
finish
