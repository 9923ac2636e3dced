#!/usr/bin/env python3
"""pdf_tally.py - where the PDF text readers lose cells.

Converts DIR/pdf/*.pdf and DIR/pdf_portrait/*.pdf (made as
tests/tools/pdf_fixtures.sh makes them, named NAME.pdf or NAME.txt after
the generated pages of DIR/html/) with the real pdftotext, with -layout and
without, into DIR/pdf_layout/, DIR/pdf_raw/, DIR/pdf_portrait_layout/ and
DIR/pdf_portrait_raw/, judges each form with formcmp (ALLDIFF set: one
line per differing row) and tallies the wrong cells by table and by row,
and the cells excused by P6.

Usage: tests/tools/pdf_tally.py [--formcmp build/tests/formcmp] [--top N]
                                [--rows] DIR [FORM...]
"""
import argparse
import collections
import os
import re
import subprocess
import sys

FORMS = ["pdf_layout", "pdf_raw", "pdf_portrait_layout", "pdf_portrait_raw"]


def convert(d, form):
    src = os.path.join(d, form.rsplit("_", 1)[0])
    out = os.path.join(d, form)
    os.makedirs(out, exist_ok=True)
    layout = form.endswith("_layout")
    for f in sorted(os.listdir(src)):
        name = re.sub(r"\.(pdf|txt)$", ".txt", f)
        dst = os.path.join(out, name)
        if os.path.exists(dst) and \
                os.path.getmtime(dst) >= os.path.getmtime(os.path.join(src, f)):
            continue
        cmd = ["pdftotext"] + (["-layout"] if layout else []) + \
            [os.path.join(src, f), dst]
        subprocess.run(cmd, check=False, stderr=subprocess.DEVNULL)


def row_of(first):
    """The row's path (table.row...) of a difference "path: want..."."""
    path = first.split(":", 1)[0]
    parts = path.split(".")
    return ".".join(parts[:-1]) if len(parts) > 2 else path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--formcmp", default="build/tests/formcmp")
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--rows", action="store_true",
                    help="list each differing row with its report")
    ap.add_argument("dir")
    ap.add_argument("forms", nargs="*")
    a = ap.parse_args()
    env = dict(os.environ, ALLDIFF="1")
    for form in a.forms or FORMS:
        convert(a.dir, form)
        p = subprocess.run([a.formcmp, "--error-rate", "0.3", "--show", "0",
                            form, os.path.join(a.dir, "html"),
                            os.path.join(a.dir, form)],
                           capture_output=True, text=True, env=env)
        head = [l for l in p.stdout.splitlines() if l.startswith("form ")]
        print(head[0] if head else "form %s: formcmp failed" % form)
        by_table = collections.Counter()
        by_row = collections.Counter()
        reports = collections.defaultdict(set)
        p6 = p6rows = 0
        for line in p.stderr.splitlines():
            m = re.match(r"(DIFF|P6) (\S+) (\d+) (.*)", line)
            if not m:
                continue
            kind, name, k, first = m.group(1), m.group(2), int(m.group(3)), \
                m.group(4)
            if kind == "P6":
                p6 += k
                p6rows += 1
                continue
            row = row_of(first) if first != "none" else "(no record)"
            by_table[row.split(".")[0]] += k
            by_row[row] += k
            reports[row].add(name)
            if a.rows:
                print("  %s %d %s" % (name, k, first))
        print("  wrong cells %d; P6-excused cells %d (%d rows)"
              % (sum(by_table.values()), p6, p6rows))
        print("  by table: " + ", ".join("%s %d" % kv
                                        for kv in by_table.most_common()))
        for row, n in by_row.most_common(a.top):
            print("    %5d  %-45s in %d reports" % (n, row, len(reports[row])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
