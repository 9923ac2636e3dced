#!/bin/sh
# office_fixtures.sh - the Word files of tests/data/office/, made with the
# real tools, so that the tests need no LibreOffice.
#
#   gen/NAME.docx, gen/NAME.doc   generated agency pages (`ogi gen --layouts
#                                 html --error-rate 0.3`), opened by
#                                 LibreOffice Writer as HTML and saved as
#                                 DOCX ("MS Word 2007 XML") and DOC ("MS
#                                 Word 97"); gen/NAME.truth.json is the
#                                 generator's truth (formcmp makes it again
#                                 from the seed in NAME)
#   word/word.raw.docx            a report as Word writes one, built from
#                                 raw WordprocessingML with zip: merged
#                                 header cells (w:vMerge, w:gridSpan),
#                                 headings numbered by numbering.xml (a
#                                 heading style's list and w:numPr), tracked
#                                 changes (w:ins, w:del), content controls
#                                 (w:sdt); word/word.truth.json is its truth,
#                                 written by hand from the content below
#                                 (tests/tools/score.py's format)
#   word/worddoc.raw.doc          the same saved by LibreOffice as DOC
#   other/report.xlsx, .xls, .odt what the form sniffing must tell from
#                                 Word files (LibreOffice Calc, package
#                                 libreoffice-calc-nogui, and Writer)
#
# Usage: tests/tools/office_fixtures.sh OGI OUT_DIR [COUNT] [SEED]
#   (tests/data/office was made with: build/ogi tests/data/office 10 20260101)
set -eu
ogi=$1
out=$2
count=${3:-10}
seed=${4:-20260101}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
profile="-env:UserInstallation=file://$tmp/profile"
mkdir -p "$out/gen" "$out/word" "$out/other" "$tmp/in"

# ---- generated reports through LibreOffice ----
"$ogi" gen --count "$count" --seed "$seed" --layouts html --error-rate 0.3 \
    --quiet --out "$tmp/gen"
for f in "$tmp"/gen/*_html_s*.txt; do
    b=$(basename "$f" .txt)
    cp "$f" "$tmp/in/$b.html"
    cp "$tmp/gen/$b.truth.json" "$out/gen/"
done
soffice "$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$out/gen" \
    "$tmp"/in/*.html >/dev/null
soffice "$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to 'doc:MS Word 97' --outdir "$out/gen" "$tmp"/in/*.html \
    >/dev/null

# ---- other office files ----
printf '项目,数量\n行政许可,12\n' >"$tmp/in/report.csv"
soffice "$profile" --headless --infilter="CSV:44,34,76,1" \
    --convert-to xlsx --outdir "$out/other" "$tmp/in/report.csv" >/dev/null
soffice "$profile" --headless --infilter="CSV:44,34,76,1" \
    --convert-to "xls:MS Excel 97" \
    --outdir "$out/other" "$tmp/in/report.csv" >/dev/null
printf '<html><body><p>清河县2023年政府信息公开工作年度报告</p></body></html>\n' \
    >"$tmp/in/report.html"
soffice "$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to 'odt:writer8' --outdir "$out/other" "$tmp/in/report.html" \
    >/dev/null

# ---- a report as Word writes one ----
w=$tmp/word
mkdir -p "$w/_rels" "$w/word/_rels"
python3 - "$w" <<'EOF'
import sys
root = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def r(text):
    return '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % esc(text)

def p(*runs, style=None, num=None):
    ppr = ""
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    if num:
        ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % num
    body = "".join(x if x.startswith("<") else r(x) for x in runs)
    return '<w:p><w:pPr>%s<w:jc w:val="left"/></w:pPr>%s</w:p>' % (ppr, body)

def changed(old, new):
    # a tracked change: old deleted, new inserted
    return ('<w:del w:id="1" w:author="审核" w:date="2024-01-10T09:00:00Z"><w:r><w:delText>%s</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="审核" w:date="2024-01-10T09:00:00Z">%s</w:ins>' % (esc(old), r(new)))

def tc(*paras, span=1, vm=None):
    pr = '<w:tcW w:w="0" w:type="auto"/>'
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vm == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vm:
        pr += '<w:vMerge/>'
    ps = "".join(x if x.startswith("<w:p>") else p(x) for x in paras) or "<w:p/>"
    return '<w:tc><w:tcPr>%s<w:vAlign w:val="center"/></w:tcPr>%s</w:tc>' % (pr, ps)

def cont(span=1):
    return tc(span=span, vm="continue")

def tr(*cells):
    return '<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>%s</w:tr>' % "".join(cells)

def tbl(ncols, *rows):
    grid = "".join('<w:gridCol w:w="800"/>' for _ in range(ncols))
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            '<w:tblGrid>%s</w:tblGrid>%s</w:tbl>' % (grid, "".join(rows)))

def nums(v):
    return [tc(str(x)) for x in v]

def sdt(content):
    return ('<w:sdt><w:sdtPr><w:alias w:val="正文"/><w:id w:val="42"/></w:sdtPr>'
            '<w:sdtContent>%s</w:sdtContent></w:sdt>' % content)

H1 = dict(style="Heading1")             # numbered by its style: 一、
H2 = dict(num=(1, 1))                   # numbered directly: （一）
L = dict(num=(0, 2))                    # a decimal list: 1.

# Table 3's figures (2021 format): natural person, commercial, research,
# public interest, legal service, other, total
T3 = [
    ("一、本年新收政府信息公开申请数量", [20, 3, 0, 1, 0, 2, 26]),
    ("二、上年结转政府信息公开申请数量", [2, 0, 0, 0, 0, 0, 2]),
]
res = [
    ("（一）予以公开", None, [10, 1, 0, 1, 0, 1, 13]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, [2, 0, 0, 0, 0, 0, 2]),
    ("（三）不予公开", "1.属于国家秘密", [1, 0, 0, 0, 0, 0, 1]),
    ("（三）不予公开", "2.其他法律行政法规禁止公开", [0] * 7),
    ("（三）不予公开", "3.危及“三安全一稳定”", [0] * 7),
    ("（三）不予公开", "4.保护第三方合法权益", [1, 0, 0, 0, 0, 0, 1]),
    ("（三）不予公开", "5.属于三类内部事务信息", [0] * 7),
    ("（三）不予公开", "6.属于四类过程性信息", [0] * 7),
    ("（三）不予公开", "7.属于行政执法案卷", [0] * 7),
    ("（三）不予公开", "8.属于行政查询事项", [0] * 7),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", [3, 1, 0, 0, 0, 0, 4]),
    ("（四）无法提供", "2.没有现成信息需要另行制作", [1, 0, 0, 0, 0, 0, 1]),
    ("（四）无法提供", "3.补正后申请内容仍不明确", [0] * 7),
    ("（五）不予处理", "1.信访举报投诉类申请", [1, 0, 0, 0, 0, 0, 1]),
    ("（五）不予处理", "2.重复申请", [0] * 7),
    ("（五）不予处理", "3.要求提供公开出版物", [0] * 7),
    ("（五）不予处理", "4.无正当理由大量反复申请", [0] * 7),
    ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", [0] * 7),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("（六）其他处理", "3.其他", [1, 0, 0, 0, 0, 0, 1]),
    ("（七）总计", None, [20, 2, 0, 1, 0, 1, 24]),
]
t3rows = [
    tr(tc("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", span=3, vm="restart"),
       tc("申请人情况", span=7)),
    tr(cont(3), tc("自然人", vm="restart"), tc(p("法人或"), p("其他组织"), span=5), tc("总计", vm="restart")),
    tr(cont(3), cont(), tc("商业企业"), tc("科研机构"), tc("社会公益组织"), tc("法律服务机构"),
       tc("其他"), cont()),
]
for label, v in T3:
    t3rows.append(tr(tc(label, span=3), *nums(v)))
prev = None
for i, (group, sub, v) in enumerate(res):
    first = tc("三、本年度办理结果", vm="restart") if i == 0 else cont()
    if sub is None:
        t3rows.append(tr(first, tc(group, span=2), *nums(v)))
    else:
        g = tc(group, vm="restart") if group != prev else cont()
        t3rows.append(tr(first, g, tc(sub), *nums(v)))
    prev = group
t3rows.append(tr(tc("四、结转下年度继续办理", span=3), *nums([2, 1, 0, 0, 0, 1, 4])))

t2 = tbl(4,
    tr(tc("第二十条第（一）项", span=4)),
    tr(tc("信息内容"), tc("本年制发件数"), tc("本年废止件数"), tc("现行有效件数")),
    tr(tc("规章"), tc("0"), tc("0"), tc("3")),
    tr(tc("行政规范性文件"), tc("5"), tc("1"), tc("42")),
    tr(tc("第二十条第（五）项", span=4)),
    tr(tc("信息内容"), tc("本年处理决定数量", span=3)),
    tr(tc("行政许可"), tc(p(changed("1502", "1520")), span=3)),
    tr(tc("第二十条第（六）项", span=4)),
    tr(tc("信息内容"), tc("本年处理决定数量", span=3)),
    tr(tc("行政处罚"), tc("87", span=3)),
    sdt(tr(tc("行政强制"), tc("4", span=3))),
    tr(tc("第二十条第（八）项", span=4)),
    tr(tc("信息内容"), tc("本年收费金额（单位：万元）", span=3)),
    tr(tc("行政事业性收费"), tc("12.5", span=3)),
)
t4 = tbl(15,
    tr(tc("行政复议", span=5), tc("行政诉讼", span=10)),
    tr(*[tc(x, vm="restart") for x in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")],
       tc("未经复议直接起诉", span=5), tc("复议后起诉", span=5)),
    tr(*[cont() for _ in range(5)],
       *[tc(x) for x in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2]),
    tr(*nums([2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0])),
)

body = "".join([
    p('<w:sdt><w:sdtPr><w:alias w:val="机关名称"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>' % r("清河县交通运输局"),
      "2023年政府信息公开工作年度报告"),
    p("本报告根据《中华人民共和国政府信息公开条例》要求编制。"),
    p("总体情况", **H1),
    p("主动公开", **H2),
    p("2023年，本局", changed("未", ""), "在门户网站主动公开政府信息", r("386"), "条。"),
    p("依申请公开", **H2),
    sdt(p("全年收到政府信息公开申请26件，办结24件。")),
    p("主动公开政府信息情况", **H1),
    t2,
    p("收到和处理政府信息公开申请情况", **H1),
    tbl(10, *t3rows),
    p("政府信息公开行政复议、行政诉讼情况", **H1),
    t4,
    p("存在的主要问题及改进情况", **H1),
    p("公开内容不够全面。", **L),
    p("解读形式较为单一。", **L),
    p("其他需要报告的事项", **H1),
    p("本年度未收取信息处理费。"),
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
])
doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<w:document %s xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
       '<w:body>%s</w:body></w:document>' % (W, body))

def lvl(i, fmt, text, start=1):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
            '<w:lvlJc w:val="left"/><w:suff w:val="nothing"/></w:lvl>' % (i, start, fmt, text))

numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering %s>'
    '<w:abstractNum w:abstractNumId="0">%s%s%s</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '</w:numbering>' % (W, lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"),
                        lvl(2, "decimal", "%3.")))
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '</w:styles>' % W)
files = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '</Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>',
    "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        '</Relationships>',
    "word/document.xml": doc,
    "word/numbering.xml": numbering,
    "word/styles.xml": styles,
}
for name, text in files.items():
    with open(root + "/" + name, "w", encoding="utf-8") as f:
        f.write(text)
EOF
rm -f "$out/word/word.raw.docx"
(cd "$w" && zip -q -X -r "$tmp/word.docx" '[Content_Types].xml' _rels word)
cp "$tmp/word.docx" "$out/word/word.raw.docx"
# the same saved by LibreOffice as DOC (its tracked change kept as one)
soffice "$profile" --headless --convert-to 'doc:MS Word 97' \
    --outdir "$tmp" "$tmp/word.docx" >/dev/null
cp "$tmp/word.doc" "$out/word/worddoc.raw.doc"
cat >"$out/word/word.truth.json" <<'EOF'
{
 "source": "tests/tools/office_fixtures.sh: a DOCX written as Word writes one (merged header cells, numbered headings, tracked changes, content controls); truth from the content put in",
 "agency": "清河县交通运输局",
 "year": 2023,
 "format": "2021",
 "layout": "docx-word",
 "table2": {
  "规章": ["0", "0", "3"],
  "行政规范性文件": ["5", "1", "42"],
  "行政许可": ["1520"],
  "行政处罚": ["87"],
  "行政强制": ["4"],
  "行政事业性收费": ["12.5"]
 },
 "table3": {
  "一、本年新收政府信息公开申请数量": [20, 3, 0, 1, 0, 2, 26],
  "二、上年结转政府信息公开申请数量": [2, 0, 0, 0, 0, 0, 2],
  "（一）予以公开": [10, 1, 0, 1, 0, 1, 13],
  "（二）部分公开": [2, 0, 0, 0, 0, 0, 2],
  "（三）不予公开/1.属于国家秘密": [1, 0, 0, 0, 0, 0, 1],
  "（三）不予公开/2.其他法律行政法规禁止公开": [0, 0, 0, 0, 0, 0, 0],
  "（三）不予公开/3.危及“三安全一稳定”": [0, 0, 0, 0, 0, 0, 0],
  "（三）不予公开/4.保护第三方合法权益": [1, 0, 0, 0, 0, 0, 1],
  "（三）不予公开/5.属于三类内部事务信息": [0, 0, 0, 0, 0, 0, 0],
  "（三）不予公开/6.属于四类过程性信息": [0, 0, 0, 0, 0, 0, 0],
  "（三）不予公开/7.属于行政执法案卷": [0, 0, 0, 0, 0, 0, 0],
  "（三）不予公开/8.属于行政查询事项": [0, 0, 0, 0, 0, 0, 0],
  "（四）无法提供/1.本机关不掌握相关政府信息": [3, 1, 0, 0, 0, 0, 4],
  "（四）无法提供/2.没有现成信息需要另行制作": [1, 0, 0, 0, 0, 0, 1],
  "（四）无法提供/3.补正后申请内容仍不明确": [0, 0, 0, 0, 0, 0, 0],
  "（五）不予处理/1.信访举报投诉类申请": [1, 0, 0, 0, 0, 0, 1],
  "（五）不予处理/2.重复申请": [0, 0, 0, 0, 0, 0, 0],
  "（五）不予处理/3.要求提供公开出版物": [0, 0, 0, 0, 0, 0, 0],
  "（五）不予处理/4.无正当理由大量反复申请": [0, 0, 0, 0, 0, 0, 0],
  "（五）不予处理/5.要求行政机关确认或重新出具已获取信息": [0, 0, 0, 0, 0, 0, 0],
  "（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": [0, 0, 0, 0, 0, 0, 0],
  "（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": [0, 0, 0, 0, 0, 0, 0],
  "（六）其他处理/3.其他": [1, 0, 0, 0, 0, 0, 1],
  "（七）总计": [20, 2, 0, 1, 0, 1, 24],
  "四、结转下年度继续办理": [2, 1, 0, 0, 0, 1, 4]
 },
 "table4": [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0]
}
EOF
sed 's/"layout": "docx-word"/"layout": "doc-word"/' "$out/word/word.truth.json" \
    >"$out/word/worddoc.truth.json"
echo "office fixtures in $out"
