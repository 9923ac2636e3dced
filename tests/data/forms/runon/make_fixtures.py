#!/usr/bin/env python3
"""Makes the runon fixtures: an HTML page saved as a crawler saves it.

usage: make_fixtures.py STYLE IN.html > OUT.txt

The page source is first laid out in one of four styles, then its text is
taken the way a crawler takes it: Python's html.parser, tags dropped, the
contents of <script> and <style> dropped, entities decoded
(convert_charrefs=True, so &nbsp; becomes U+00A0), and the text nodes
joined with nothing between them, keeping the newlines that are in the
page source.

STYLE:
  tr     the source as given (generated pages: one <tr> per line)
  td     every <tr>, <td>, <th> and </tr> on a line of its own
  table  every <table>...</table> on one line (newlines inside dropped)
  page   the whole page on one line (every newline dropped)
"""
import re
import sys
from html.parser import HTMLParser


class Stripper(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def strip(html):
    s = Stripper()
    s.feed(html)
    s.close()
    return "".join(s.out)


def layout(style, src):
    if style == "tr":
        return src
    if style == "td":
        return re.sub(r"(<t[rdh][\s>]|</tr>)", r"\n\1", src)
    if style == "table":
        return re.sub(r"<table.*?</table>",
                      lambda m: m.group(0).replace("\n", ""), src,
                      flags=re.S)
    if style == "page":
        return src.replace("\r", "").replace("\n", "")
    raise SystemExit("unknown style " + style)


if __name__ == "__main__":
    style, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        src = f.read()
    sys.stdout.write(strip(layout(style, src)))
