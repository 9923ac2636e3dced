#!/bin/sh
# html_pages.sh - whole agency pages read as HTML (lib/form/form_html.c):
#
#   1. Saved pages (tests/data/html/, README.md there): a few cells of
#      each, read off the page by hand, and the report's year and agency.
#   2. A page whose tables are pictures is rejected, naming why.
#   3. Reports from `ogi gen --layouts html`, each page wrapped again in a
#      site's chrome by the script below (an old site's layout tables
#      with uppercase tags and no </td>; HTML5 header, nav, aside and
#      footer with scripts, hidden blocks and related links that hold
#      report-like text and numbers; Word's markup in the tables; a
#      search form around everything), judged cell by cell with their
#      truth by formcmp: every report exact, as for the bare pages (the
#      chrome is the same page's, the body unchanged).
#
# Usage: tests/cli/html_pages.sh PATH/TO/ogi
#   OGI_HTML_N     generated reports (default 120)
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
judge=$(dirname "$ogi")/tests/formcmp
data=$root/tests/data/html
count=${OGI_HTML_N:-120}
rate=0.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---- 1. the saved pages: cells read off each page by hand ----

# cells FILE PATH=VALUE...: the JSON record of FILE has every VALUE at
# PATH (dotted, from the record's root)
cells() {
    f=$1
    shift
    "$ogi" parse --json "$data/$f" >"$tmp/rec.json" 2>/dev/null || return 1
    python3 - "$tmp/rec.json" "$@" <<'EOF'
import json, sys
rec = json.load(open(sys.argv[1], encoding="utf-8"))
bad = 0
for want in sys.argv[2:]:
    path, value = want.split("=", 1)
    got = rec
    for k in path.split("."):
        got = got.get(k) if isinstance(got, dict) else None
    if str(got) != value:
        print("# %s: want %s, got %s" % (path, value, got))
        bad = 1
sys.exit(bad)
EOF
}

# a gov.cn-style article: the title in an <h1> outside the body, an
# info table, search form, nav, share and print buttons, related links
# to other years' reports, a hidden block with a table of figures
check "govcn_article.html: year, agency and cells read off the page" \
    cells govcn_article.html meta.year=2024 meta.format=2021 \
    meta.agency=白林市凤河市人民政府 \
    active.a20_1.normative_docs.issued=1 \
    active.a20_1.normative_docs.in_force=81 \
    active.a20_5.license.decisions=13603 \
    active.a20_6.penalty.decisions=365 active.a20_6.coercion.decisions=609 \
    apply.new_received.natural_person=11 apply.new_received.total=12 \
    apply.unable.not_held.commercial=1 apply.unable.not_held.total=3 \
    apply.rejected.publication.natural_person=1 \
    apply.result_total.total=12 appeal.review.total=0
# a page Word saved (另存为网页): Mso classes, <o:p>, conditional
# comments, single-quoted and bare attributes, the closing empty row
check "word_saved.html: year, agency and cells read off the page" \
    cells word_saved.html meta.year=2019 meta.format=2019 \
    meta.agency=沙泉市人民政府 \
    active.a20_1.rules.total_published=12 \
    active.a20_1.normative_docs.total_published=7 \
    active.a20_5.license.prev_items=176 active.a20_5.license.decisions=10841 \
    active.a20_5.other_services.delta_items=5 \
    active.a20_5.other_services.decisions=5454 \
    active.a20_6.penalty.delta_items=-80 \
    active.a20_6.penalty.decisions=17785 \
    active.a20_6.coercion.decisions=637 apply.new_received.total=0

# an old site laid out with tables: the report in a layout cell, tags in
# capitals, no </td> or </tr>, spans in single quotes
check "layout_table.html: year, agency and cells read off the page" \
    cells layout_table.html meta.year=2025 meta.format=2021 \
    meta.agency=临桥市泰滨县人民政府 \
    active.a20_1.normative_docs.issued=9 \
    active.a20_1.normative_docs.in_force=39 \
    active.a20_5.license.decisions=3870 \
    active.a20_6.penalty.decisions=3380 active.a20_6.coercion.decisions=66 \
    active.a20_8.admin_fees.amount_wan=2188.76 \
    apply.new_received.natural_person=5 \
    apply.carried_over.natural_person=1 apply.granted.total=2 \
    apply.partial.natural_person=2 apply.result_total.total=6

# ---- 2. tables published as pictures ----

"$ogi" parse "$data/image_tables.html" >"$tmp/img.out" 2>&1
rc=$?
check "image_tables.html: ogi parse rejects it (exit 1)" test "$rc" -eq 1
check "image_tables.html: the reason says the tables are images" \
    grep -q "HTML: the report's tables are images" "$tmp/img.out"
"$ogi" check "$data/image_tables.html" >"$tmp/img.out" 2>&1
rc=$?
check "image_tables.html: ogi check reports it as an error" \
    sh -c "test $rc -eq 1 && grep -q 'tables are images' '$tmp/img.out'"

# ---- 3. generated pages in more chrome ----

if [ ! -x "$judge" ]; then
    check "formcmp is built ($judge: make unit-tests)" false
    finish
    exit
fi
if ! "$ogi" gen --count "$count" --seed 4242 --layouts html \
    --error-rate "$rate" --quiet --out "$tmp/html" >/dev/null 2>&1; then
    check "ogi gen writes $count html reports" false
    finish
    exit
fi

cat >"$tmp/wrap.py" <<'EOF'
# wrap.py VARIANT SRC DST: each page of SRC wrapped in a site's chrome
import os, re, sys

variant, src, dst = sys.argv[1:4]
os.makedirs(dst, exist_ok=True)

def body_of(s):
    a = s.index(">", s.index("<body")) + 1
    return s[:a], s[a:s.rindex("</body>")]

def layout(s):
    head, body = body_of(s)
    def table(m):
        t = re.sub(r"</t[dhr]>", "", m.group(0))
        t = re.sub(r"<(/?)(table|tr|td|th|tbody)\b",
                   lambda k: "<" + k.group(1) + k.group(2).upper(), t)
        return re.sub(r'(col|row)span="(\d+)"', r"\1Span='\2'", t)
    body = re.sub(r"<table.*?</table>", table, body, flags=re.S)
    return (head + "\n<TABLE width=1000 align=center border=0><TR>"
            "<TD><IMG src=/images/banner.jpg width=1000></TD></TR><TR><TD>"
            "<TABLE width=100%><TR><TD><A href=/>首页</A></TD><TD><A href=/x/>"
            "政府信息公开</A></TD><TD><A href=/y/>2018年政府信息公开工作年度报告"
            "</A></TD></TR></TABLE></TD></TR></TABLE>\n"
            "<TABLE width=1000 align=center><TR><TD width=200 valign=top>"
            "<TABLE><TR><TD>信息公开指南</TD></TR><TR><TD>访问量：8</TD></TR>"
            "</TABLE></TD><TD valign=top>\n" + body +
            "\n</TD></TR></TABLE>\n<TABLE width=1000><TR><TD>版权所有 "
            "2019-2025 网站标识码 3100000001</TD></TR></TABLE>\n</body></html>\n")

def html5(s):
    head, body = body_of(s)
    return (head + "\n<header><div class=\"logo\">人民政府</div><nav>"
            "<a href=\"/\">首页</a> <span>政府信息公开 总体情况 主动公开政府信息"
            "</span></nav></header>\n<script>var t='<table><tr><td>规章</td>"
            "<td>5</td><td>5</td><td>5</td></tr></table>';</script>\n"
            "<noscript><p>请开启脚本 行政许可 1 2 3</p></noscript>\n"
            "<div hidden><p>2017年政府信息公开工作年度报告</p></div>\n"
            "<main><article>\n" + body + "\n</article></main>\n"
            "<aside><h3>相关链接</h3><ul><li><a href=\"/a\">2018年政府信息公开"
            "工作年度报告</a></li></ul><table><tr><td>浏览</td><td>123</td>"
            "<td>456</td><td>789</td></tr></table></aside>\n"
            "<div style=\"DISPLAY: none\"><table><tr><td>行政处罚</td><td>7"
            "</td><td>7</td><td>7</td></tr></table></div>\n"
            "<footer><p>主办：人民政府办公室</p><p>网站标识码：1</p></footer>\n"
            "<template><p>其他需要报告的事项</p></template>\n"
            "</body></html>\n")

def word(s):
    s = re.sub(r"<table\b[^>]*>", "<table class=MsoNormalTable border=1 "
               "cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
               "mso-yfti-tbllook:1184'>", s)
    s = re.sub(r"</td>", "<span lang=EN-US><o:p></o:p></span></td>", s)
    s = re.sub(r"<tr>", "<tr style='mso-yfti-irow:0;height:15.6pt'>", s)
    s = s.replace("</table>", "<![if !supportMisalignedColumns]>\n<tr "
                  "height=0><td width=90 style='border:none'></td><td width=90 "
                  "style='border:none'></td></tr>\n<![endif]>\n</table>")
    s = s.replace("<head>", "<head>\n<!--[if gte mso 9]><xml><w:WordDocument>"
                  "<w:View>Print</w:View></w:WordDocument></xml><![endif]-->")
    return s

def form(s):
    head, body = body_of(s)
    return (head + "\n<form id=\"form1\" method=\"post\" action=\"./show.aspx\">"
            "<input type=\"hidden\" name=\"__VIEWSTATE\" value=\"dDwtMTI3\" />"
            "<div class=\"search\"><input type=\"text\" value=\"搜索\" />"
            "<button>检索</button></div>\n" + body +
            "\n</form>\n</body></html>\n")

wrap = {"layout": layout, "html5": html5, "word": word, "form": form}[variant]
for name in sorted(os.listdir(src)):
    if not name.endswith(".txt"):
        continue
    s = open(os.path.join(src, name), encoding="utf-8").read()
    open(os.path.join(dst, name), "w", encoding="utf-8").write(wrap(s))
EOF

for v in layout html5 word form; do
    if ! python3 "$tmp/wrap.py" "$v" "$tmp/html" "$tmp/$v" 2>"$tmp/$v.err"; then
        sed 's/^/# /' "$tmp/$v.err" | head -5
        check "chrome $v: the pages are wrapped" false
        continue
    fi
    "$judge" --error-rate "$rate" --show 3 "$v" "$tmp/html" "$tmp/$v" \
        >"$tmp/$v.out" 2>&1
    rc=$?
    { grep '^form ' "$tmp/$v.out"; grep -v '^form ' "$tmp/$v.out"; } |
        sed 's/^/# /'
    check "chrome $v: every report exact ($(grep '^form ' "$tmp/$v.out"))" \
        test "$rc" -eq 0
done
finish
