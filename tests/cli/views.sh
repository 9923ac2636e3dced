#!/bin/sh
# Reporting views (deploy/sql/011_reporting.sql): sums over the current
# reports of real reports whose every cell a person read
# (tests/data/real/*.truth.json): 008 淮安市 2024, 009 淮安市洪泽区 2023,
# 010 淮安市洪泽区 2024, 106 上海市科学技术委员会 2024. Expected values are
# added up by hand from the truth files (Table 3's 总计 column, Table 4 in
# truth order review, suit_direct, suit_after_review). A private
# PostgreSQL. Prints TAP.
# Usage: tests/cli/views.sh build/ogi
ogi=${1:-build/ogi}
. "$(dirname "$0")/lib/tap.sh"
tmp=$(mktemp -d)
data=$tmp/pg
cleanup() {
    "$ogi" db stop --data "$data" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

if ! "$ogi" db start --data "$data" >"$tmp/start.log" 2>&1; then
    echo "not ok 1 - a private PostgreSQL starts"
    cat "$tmp/start.log"
    echo "1..1"
    exit 1
fi
db=$(sed -n 's/^conninfo: //p' "$tmp/start.log" | tail -1)
sql() { psql "$db" -XAtq -c "$1" 2>&1; }
# eq DESCRIPTION EXPECTED SQL: the query prints exactly EXPECTED
eq() {
    got=$(sql "$3")
    if [ "$got" = "$2" ]; then
        check "$1" true
    else
        check "$1 (want '$2', got '$got')" false
    fi
}
real=tests/data/real

mkdir -p "$tmp/a" "$tmp/b" "$tmp/c"
cp $real/008.raw.txt $real/009.raw.txt $real/106.raw.md "$tmp/a/"
cp $real/010.raw.txt "$tmp/b/"
"$ogi" ingest -q --db "$db" "$tmp/a" >"$tmp/out1" 2>&1
check "008, 009 and 106 are stored" grep -q '^3 documents: 3 stored' "$tmp/out1"

# 洪泽区 published for 2023; 淮安市, another agency of 江苏省, has 2024
eq "missing_reports: 洪泽区 has no 2024 report while 淮安市 has one" \
    "2024|320813:人民政府|county|江苏省|淮安市|洪泽区|2023|1" \
    "SELECT year, agency_key, division_level, province, prefecture, county, last_year, others_published FROM missing_reports"

"$ogi" ingest -q --db "$db" "$tmp/b" >"$tmp/out2" 2>&1
check "010 is stored" grep -q '^1 documents: 1 stored' "$tmp/out2"
eq "missing_reports: none once 洪泽区 2024 is in" "0" \
    "SELECT count(*) FROM missing_reports"

eq "report_overview: one row per current report" \
    "310000 province 上海市 - - 2024,320800 prefecture 江苏省 淮安市 - 2024,320813 county 江苏省 淮安市 洪泽区 2023,320813 county 江苏省 淮安市 洪泽区 2024" \
    "SELECT string_agg(concat_ws(' ', division_code, division_level, province, coalesce(prefecture, '-'), coalesce(county, '-'), year), ',' ORDER BY division_code, year) FROM report_overview"
eq "report_overview: 009's two Table 4 totals printed 0 are errors" "t" \
    "SELECT errors >= 2 AND status = 'has_errors' FROM report_overview WHERE division_code = '320813' AND year = 2023"

# Table 3, 江苏省 2024 = 008 + 010 (总计 column)
#   new_received 3119 + 95, carried_over 34 + 0, granted 1362 + 50,
#   partial 454 + 9, denied (2+31+5+6+8+12+9+105) + (1+1+1) = 178 + 3,
#   unable (769+11+1) + (31+1) = 781 + 32, rejected (62+25+0+0+1) + 1,
#   other (71+6+110) + 0, result_total 3050 + 95, carry_forward 103 + 0
eq "apply_by_region: 江苏省 2024 summed over its divisions" \
    "2|3214|34|1412|463|181|813|89|187|3145|103" \
    "SELECT sum(reports), sum(new_received), sum(carried_over), sum(granted), sum(partial), sum(denied), sum(unable), sum(rejected), sum(other), sum(result_total), sum(carry_forward) FROM apply_by_region WHERE province = '江苏省' AND year = 2024"
eq "apply_by_region: 淮安市 2024 by prefecture, counties apart" \
    "3214|95" \
    "SELECT sum(new_received), sum(new_received) FILTER (WHERE division_level = 'county') FROM apply_by_region WHERE prefecture = '淮安市' AND year = 2024"
# 009: denied 1+1+1, unable 10+3, rejected 1
eq "apply_by_region: 洪泽区 2023" "21|0|0|4|3|13|1|0|21|0" \
    "SELECT new_received, carried_over, granted, partial, denied, unable, rejected, other, result_total, carry_forward FROM apply_by_region WHERE division_code = '320813' AND year = 2023"
# 106: other 10+0+4; its carry_forward total is blank (NULL, not 0)
eq "apply_by_region: 上海市 2024, a blank total stays NULL" "34|2|9|0|2|10|0|14|35|" \
    "SELECT new_received, carried_over, granted, partial, denied, unable, rejected, other, result_total, carry_forward FROM apply_by_region WHERE province = '上海市' AND year = 2024"

# Table 4, 江苏省 2024: review 72/64/178/37/351 + 1/1/0/0/2,
# suit_direct 13/4/8/1/26 + 1/0/0/0/1, suit_after_review 12/1/1/6/20 + 2/0/1/0/3
eq "appeal_by_region: 江苏省 2024" "73|65|178|37|353|14|4|8|1|27|14|1|2|6|23" \
    "SELECT sum(review_upheld), sum(review_corrected), sum(review_other), sum(review_pending), sum(review_total), sum(suit_direct_upheld), sum(suit_direct_corrected), sum(suit_direct_other), sum(suit_direct_pending), sum(suit_direct_total), sum(suit_after_review_upheld), sum(suit_after_review_corrected), sum(suit_after_review_other), sum(suit_after_review_pending), sum(suit_after_review_total) FROM appeal_by_region WHERE province = '江苏省' AND year = 2024"

# Table 2, 江苏省 2024: 行政许可 447228 + 9487, 行政处罚 3985758 + 2776,
# 行政强制 88283 + 84; 规章 in force 11 + 0, 规范性文件 issued 8 + 3,
# repealed 26 + 0, in force 66 + 8
eq "active_by_region: 江苏省 2024 decisions and normative documents" \
    "456715|3988534|88367|11|11|26|74" \
    "SELECT sum(license_decisions), sum(penalty_decisions), sum(coercion_decisions), sum(rules_in_force_2021), sum(normative_docs_issued_2021), sum(normative_docs_repealed_2021), sum(normative_docs_in_force_2021) FROM active_by_region WHERE province = '江苏省' AND year = 2024"
eq "active_by_region: 2021-format reports have no 2019 figures" "" \
    "SELECT sum(rules_new_made_2019) FROM active_by_region"

# 009's Table 4 prints 总计 0 for reviews (10+1 = 11) and suits after
# review (5): two D3 errors naming the totals
eq "findings_by_rule: 洪泽区 2023 has two D3 errors" "2|1" \
    "SELECT findings, reports FROM findings_by_rule WHERE agency_key = '320813:人民政府' AND year = 2023 AND rule = 'D3' AND severity = 'error'"
eq "arithmetic_failures: 009's D3 cells with their printed values" \
    "D3 appeal.review.total 0,D3 appeal.suit_after_review.total 0" \
    "SELECT string_agg(concat_ws(' ', rule, path, value), ',' ORDER BY path) FROM arithmetic_failures WHERE division_code = '320813' AND year = 2023"
# 106: 新收 34 + 结转 2 = 36, but 总计 35 + 结转下年 (blank) = 35
eq "arithmetic_failures: 106's O1 names its results total, 35" \
    "O1|apply|result_total|total|35" \
    "SELECT rule, table_name, row_key, column_key, value FROM arithmetic_failures WHERE province = '上海市' AND rule = 'O1' AND path = 'apply.result_total.total'"
eq "arithmetic_failures: 008 and 010 add up" "0" \
    "SELECT count(*) FROM arithmetic_failures WHERE year = 2024 AND province = '江苏省'"

# a corrected 2024 report of 洪泽区 (96 new applications, dated later)
# replaces 010 in every sum
{
    sed 's/^\(一、本年新收政府信息公开申请数量 *\)95\( .*\) 95$/\196\2 96/' $real/010.raw.txt
    printf '\n淮安市洪泽区人民政府\n2025年1月20日\n'
} >"$tmp/c/010-fixed.txt"
"$ogi" ingest -q --db "$db" "$tmp/c" >"$tmp/out3" 2>&1
eq "apply_by_region: only the current revision counts" "3215|2" \
    "SELECT sum(new_received), sum(reports) FROM apply_by_region WHERE province = '江苏省' AND year = 2024"

eq "every reporting view and column is commented in Chinese and English" "0" \
    "SELECT count(*) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 WHERE c.relname IN ('report_overview', 'apply_by_region', 'appeal_by_region', 'active_by_region', 'findings_by_rule', 'missing_reports', 'arithmetic_failures') AND (col_description(c.oid, a.attnum) IS NULL OR col_description(c.oid, a.attnum) !~ '[一-龥]' OR col_description(c.oid, a.attnum) !~ '[A-Za-z]{3}' OR obj_description(c.oid, 'pg_class') IS NULL)"
eq "ogi_reporting may read every reporting view" "7" \
    "SELECT count(*) FROM unnest(ARRAY['report_overview', 'apply_by_region', 'appeal_by_region', 'active_by_region', 'findings_by_rule', 'missing_reports', 'arithmetic_failures']) v WHERE has_table_privilege('ogi_reporting', v, 'SELECT')"
# ogi export: CSV in UTF-8 with BOM, RFC 4180, the same filters
"$ogi" export apply_by_region --province 江苏省 --year 2024 --db "$db" --out "$tmp/a.csv" 2>"$tmp/export.err"
check "export writes the CSV" [ $? -eq 0 -a -s "$tmp/a.csv" ]
check "the CSV starts with the UTF-8 byte order mark" [ "$(head -c 3 "$tmp/a.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "its lines end in CRLF" [ "$(grep -c "$(printf '\r')\$" "$tmp/a.csv")" = 3 ]
# the header and the two divisions of 江苏省 2024: 淮安市 (008) and 洪泽区
# (the corrected 010: 96)
check "a header and one row per division, in code order" python3 -c "
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
assert [(r['division_code'], r['new_received'], r['granted'], r['carry_forward']) for r in rows] == [('320800', '3119', '1362', '103'), ('320813', '96', '50', '0')], rows
assert rows[0]['prefecture'] == '淮安市' and rows[0]['county'] == ''
" "$tmp/a.csv"
"$ogi" export apply_by_region --division 320800 --db "$db" >"$tmp/b.csv"
check "--division 320800 keeps 淮安市 and its counties, every year" [ "$(tail -n +2 "$tmp/b.csv" | cut -d, -f1,2 | tr -d '\r' | tr '\n' ' ')" = "2023,320813 2024,320800 2024,320813 " ]
"$ogi" export findings --division 320813 --db "$db" >"$tmp/f.csv"
check "findings with quotes and commas read back as many rows as stored" [ "$(python3 -c "
import csv, sys
print(len(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))) - 1)" "$tmp/f.csv")" = "$(sql "SELECT count(*) FROM findings f JOIN reports r USING (doc_key) JOIN agencies a ON a.id = r.agency_id WHERE a.division_code = '320813'")" ]
"$ogi" export arithmetic_failures --format jsonl --year 2023 --db "$db" >"$tmp/af.jsonl"
check "JSON lines: 洪泽区 2023's two D3 cells, numbers as numbers" python3 -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
assert sorted((r['rule'], r['path'], r['value']) for r in rows) == [('D3', 'appeal.review.total', 0), ('D3', 'appeal.suit_after_review.total', 0)], rows
" "$tmp/af.jsonl"
check "a relation not on the list is refused" status_is 2 "$ogi" export documents --db "$db"
check "a name with SQL in it is refused" status_is 2 "$ogi" export "apply; DROP TABLE apply" --db "$db"
check "--province with --division is refused" status_is 2 "$ogi" export apply --province 江苏省 --division 320800 --db "$db"
check "a division of 4 digits is refused, the code named" sh -c "'$ogi' export apply --division 3208 --db '$db' 2>&1 >/dev/null | grep -q 'invalid --division \"3208\": give a 6-digit'"
check "an empty --province is refused" status_is 2 "$ogi" export apply --province "" --db "$db"
check "apply is still there" [ "$(sql "SELECT count(*) > 0 FROM apply")" = t ]
finish
