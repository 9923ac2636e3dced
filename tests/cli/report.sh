#!/bin/sh
# ogi report: the summary page of real reports (tests/data/real 008
# 淮安市 2024, 009 淮安市洪泽区 2023, 010 淮安市洪泽区 2024, 106 上海市科学技术
# 委员会 2024) in a private PostgreSQL, opened in headless Chromium with
# no network: every chart must draw as many bars or points as its data
# has, the screenshot must not be blank, each agency link must reach its
# findings. Prints TAP.
# Usage: tests/cli/report.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
data=$tmp/pg
cleanup() {
    "$ogi" db stop --data "$data" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "not ok 1 - chromium is installed (scripts/deps.sh test)"
    echo "1..1"
    exit 1
fi
if ! "$ogi" db start --data "$data" >"$tmp/start.log" 2>&1; then
    echo "not ok 1 - a private PostgreSQL starts"
    cat "$tmp/start.log"
    echo "1..1"
    exit 1
fi
db=$(sed -n 's/^conninfo: //p' "$tmp/start.log" | tail -1)
sql() { psql "$db" -XAtq -c "$1" 2>&1; }
real=tests/data/real
# chrome DOM: the page after its scripts ran, read with no network at all
dom() {
    HOME=$tmp timeout 60 "$browser" --headless --no-sandbox --disable-gpu \
        --user-data-dir="$tmp/chrome" --proxy-server=127.0.0.1:9 \
        --virtual-time-budget=5000 --dump-dom "file://$1" 2>/dev/null
}
# chart ID: "expected rendered" of the chart's container in a DOM dump
chart() {
    python3 - "$1" "$2" <<'EOF'
import re, sys
dom = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'<div class="chart" id="%s"([^>]*)>' % sys.argv[2], dom)
if not m:
    print("absent")
else:
    a = dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1)))
    print(a.get("data-expected", "-"), a.get("data-rendered", "-"))
EOF
}

mkdir -p "$tmp/a" "$tmp/b"
cp $real/008.raw.txt $real/009.raw.txt $real/106.raw.md "$tmp/a/"
cp $real/010.raw.txt "$tmp/b/"
"$ogi" ingest -q --db "$db" "$tmp/a" >/dev/null 2>&1
"$ogi" report --year 2024 --db "$db" --out "$tmp/first.html" 2>"$tmp/err0"
check "a page before 洪泽区 2024 is in" [ $? -eq 0 -a -s "$tmp/first.html" ]
check "it names 淮安市洪泽区 among those that have not published for 2024" \
    grep -q '<td class="n">2024</td><td>[^<]*洪泽区人民政府</td><td>320813:人民政府</td>' "$tmp/first.html"

"$ogi" ingest -q --db "$db" "$tmp/b" >/dev/null 2>&1
"$ogi" report --db "$db" --out "$tmp/all.html" 2>"$tmp/err1"
check "ogi report writes the page" [ $? -eq 0 -a -s "$tmp/all.html" ]
check "it reviews the latest year, 2024, of 3 current reports" \
    grep -q 'year 2024, 3 current reports, 5 charts' "$tmp/err1"
# (ECharts' own code holds such markup in strings: look outside scripts)
check "the page asks for nothing outside itself" python3 -c "
import re, sys
html = open(sys.argv[1], encoding='utf-8').read()
outside = re.sub(r'(?s)<script[^>]*>.*?</script>', '', html)
assert html.count('<script') == 3, html.count('<script')
assert not re.search(r'(?i)<(script|img|link|iframe|object|embed)[^>]*(src|href)=', outside)
assert not re.search(r'(?i)<script[^>]*src=', html)
assert not re.search(r'(?i)(src|href)=\"(https?:)?//', outside)
" "$tmp/all.html"
check "ECharts comes with its licence and notice" \
    sh -c "grep -q 'Apache License' '$tmp/all.html' && grep -q 'Copyright 2017-2024 The Apache Software Foundation' '$tmp/all.html'"
check "labels are Chinese" \
    sh -c "grep -q '政府信息公开申请的收到与办理' '$tmp/all.html' && grep -q '行政复议与行政诉讼' '$tmp/all.html' && grep -q '未发布报告的机关' '$tmp/all.html'"
check "no agency is missing once 洪泽区 2024 is in" \
    grep -q '尚无报告 (共 0 条)' "$tmp/all.html"

dom "$tmp/all.html" >"$tmp/all.dom"
check "Chromium ran the page's scripts" grep -q 'data-charts-done="1"' "$tmp/all.dom"
# expected bars and points, from the data: 2024 has two provinces (上海市,
# 江苏省) x six outcomes; Table 4 three blocks x four outcomes; one bar per
# rule with errors and per agency with findings; years 2023 and 2024 x
# three lines
rules=$(sql "SELECT count(DISTINCT rule) FROM findings_by_rule WHERE year = 2024 AND severity = 'error'")
agencies=$(sql "SELECT count(*) FROM report_overview WHERE year = 2024 AND errors + warnings > 0")
check "the data has rules with errors and agencies with findings" [ "$rules" -gt 0 -a "$agencies" -gt 0 ]
for want in "chart-apply 12" "chart-appeal 12" "chart-rules $rules" \
    "chart-agencies $agencies" "chart-trend 6"; do
    id=${want% *}
    k=${want#* }
    got=$(chart "$tmp/all.dom" "$id")
    check "$id drew $k bars or points (expected, rendered: $got)" [ "$got" = "$k $k" ]
done
check "every agency link reaches its findings" python3 -c "
import re, sys
dom = open(sys.argv[1], encoding='utf-8').read()
links = re.findall(r'href=\"#(agency-\d+)\"', dom)
assert len(links) == $agencies, links
for l in links:
    assert re.search(r'<h3 id=\"%s\">' % l, dom), l
" "$tmp/all.dom"
check "findings' quotes are escaped into the page" \
    grep -q '<td>section &quot;五、存在的主要问题及改进情况&quot; is missing</td>' "$tmp/all.html"
check "106's O1 error is on the page with its message" \
    grep -q '三 + 四 = 35 differs from 一 + 二 = 36' "$tmp/all.html"

HOME=$tmp timeout 60 "$browser" --headless --no-sandbox --disable-gpu \
    --user-data-dir="$tmp/chrome" --proxy-server=127.0.0.1:9 --hide-scrollbars \
    --virtual-time-budget=5000 --window-size=1200,1600 \
    --screenshot="$tmp/shot.png" "file://$tmp/all.html" >/dev/null 2>&1
check "the screenshot is not blank: drawn in many colours" python3 - "$tmp/shot.png" <<'EOF'
import struct, sys, zlib
png = open(sys.argv[1], 'rb').read()
assert png[:8] == b'\x89PNG\r\n\x1a\n'
pos, idat = 8, b''
while pos < len(png):
    n, kind = struct.unpack('>I4s', png[pos:pos + 8])
    body = png[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
assert depth == 8 and ctype in (2, 6), (depth, ctype)
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, colours, inked = bytearray(stride), set(), 0
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp * 4):
        px = bytes(line[x:x + 3])
        colours.add(px)
        inked += px != b'\xff\xff\xff'
    prev = line
assert inked > (w * h // 4) // 50, inked
assert len(colours) > 20, len(colours)
EOF

# 江苏省 alone: its regions are prefectures, here one (淮安市)
"$ogi" report --province 江苏省 --year 2024 --db "$db" --out "$tmp/js.html" 2>/dev/null
dom "$tmp/js.html" >"$tmp/js.dom"
check "--province 江苏省: one prefecture x six outcomes" [ "$(chart "$tmp/js.dom" chart-apply)" = "6 6" ]
check "--province 江苏省: no 上海市 on the page" sh -c "! grep -q '上海' '$tmp/js.html'"
check "--division 320813: the county's 2024 review" sh -c "'$ogi' report --division 320813 --db '$db' --out '$tmp/hz.html' 2>&1 | grep -q 'year 2024, 1 current reports'"
check "a year with no reports gives a page that says so" sh -c "'$ogi' report --year 2019 --db '$db' --out '$tmp/none.html' 2>/dev/null && grep -q '没有符合条件的报告' '$tmp/none.html'"
check "--out is required" status_is 2 "$ogi" report --db "$db"
check "a bad division is refused" status_is 2 "$ogi" report --division 32 --out "$tmp/x.html" --db "$db"
finish
