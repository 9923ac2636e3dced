#!/usr/bin/env python3
"""strip_tags.py - an HTML page as a crawler saves its text.

Drops <script> and <style> with their contents, decodes entities (&nbsp;
becomes U+00A0), and joins the text nodes with nothing between them: the
only line breaks are those in the page's source. This is how the run-on
form arises ("（一）予以公开7000007" from a row written on one line).

With --flat, every run of white space (line breaks, &nbsp; included)
becomes one space, as crawlers that normalise a page's text save it: the
whole report on one line, a paragraph break a space, a cell of &nbsp; a
lone space between its neighbours' digits ("230 000023").

With --nodes, each text node is stripped of white space (&nbsp;
included), those left empty are dropped, and the others are written one
a line, as crawlers that call BeautifulSoup's get_text("\n", strip=True)
save a page: every cell's text a line, a blank cell nothing at all, a
label cut into several <span>s several lines.

Usage: strip_tags.py [--flat|--nodes] FILE [OUT]   (OUT absent: stdout)
       strip_tags.py [--flat|--nodes] --out-dir DIR FILE...   (DIR/NAME)
"""
import os
import re
import sys
from html.parser import HTMLParser


class Stripper(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


FLAT = False
NODES = False


def strip(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        page = f.read()
    p = Stripper()
    p.feed(page)
    p.close()
    if NODES:
        return "".join(t.strip() + "\n" for t in p.parts if t.strip())
    text = "".join(p.parts)
    if FLAT:
        text = re.sub(r"\s+", " ", text).strip() + "\n"
    return text


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    global FLAT, NODES
    args = sys.argv[1:]
    if args and args[0] == "--flat":
        FLAT = True
        args = args[1:]
    elif args and args[0] == "--nodes":
        NODES = True
        args = args[1:]
    if len(args) >= 2 and args[0] == "--out-dir":
        # many files in one process: a python start-up per page is slow
        for path in args[2:]:
            write(os.path.join(args[1], os.path.basename(path)), strip(path))
        return 0
    if len(args) not in (1, 2):
        sys.stderr.write("usage: strip_tags.py [--flat|--nodes] FILE [OUT]\n"
                         "       strip_tags.py [--flat|--nodes] --out-dir DIR "
                         "FILE...\n")
        return 2
    text = strip(args[0])
    if len(args) == 2:
        write(args[1], text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
