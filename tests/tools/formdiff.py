#!/usr/bin/env python3
"""formdiff.py - tally formcmp's differences by table, row kind and the
states wanted and got (want num/got empty, ...), to find the kinds of rows
a form's readers lose most cells on.

Usage: ALLDIFF=1 build/tests/formcmp FORM HTML_DIR TEXT_DIR 2>&1 >/dev/null |
       python3 tests/tools/formdiff.py [--files]
"""
import re
import sys
from collections import Counter, defaultdict

by_kind = Counter()
by_table = Counter()
files = defaultdict(list)
file_cells = Counter()
name = "?"
for line in sys.stdin:
    if line.startswith("FILE "):
        name = line.split()[1]
        continue
    # formcmp's line: DIFF NAME CELLS FIRST-DIFFERENCE
    m = re.match(r"DIFF (\S+) (\d+) (\S+): want (\S+) \S+, got (\S+) \S+",
                 line)
    if not m:
        m2 = re.match(r"DIFF (\S+) (\d+) (.*)", line)
        if m2:
            by_kind[("?", m2.group(3)[:40])] += int(m2.group(2))
        continue
    name = m.group(1)
    path, want, got, bad = m.group(3), m.group(4), m.group(5), int(m.group(2))
    parts = path.split(".")
    row = ".".join(parts[:-1])
    by_table[parts[0]] += bad
    by_kind[(row, "%s>%s" % (want, got))] += bad
    files[(row, "%s>%s" % (want, got))].append(name)
    file_cells[name] += bad
print("by table:", ", ".join("%s %d" % kv for kv in by_table.most_common()))
for (row, st), n in by_kind.most_common(40):
    ex = sorted(set(files[(row, st)]))[:3] if "--files" in sys.argv else ""
    print("%5d  %-40s %-14s %s" % (n, row, st, " ".join(ex)))
states = Counter()
per_file = Counter()
for (row, st), v in files.items():
    pass
for (row, st), n in by_kind.items():
    states[st] += n
for k, names in files.items():
    for nm in names:
        per_file[nm] += 0
print("by states:", ", ".join("%s %d" % kv for kv in states.most_common(12)))
print("by file:", ", ".join("%s %d" % (k[:6], v) for k, v in file_cells.most_common(30)))
