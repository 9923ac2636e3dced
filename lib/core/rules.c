/* rules.c - the rule catalogue (README "Rules", generated from it). */
#include "ogi_int.h"

#include <string.h>

#include "ogi/rules.h"

#define E OGI_SEV_ERROR
#define W OGI_SEV_WARNING
#define I OGI_SEV_INFO

static const ogi_rule_t rules[] = {
    /* the parser */
    {"P0", E, "parser", "the document is not a report, is unreadable or too large"},
    {"P1", W, "parser", "a table was not found"},
    {"P2", W, "parser", "a row label is missing; its values were placed by row order"},
    {"P3", W, "parser", "a row has more or fewer cells than columns"},
    {"P4", W, "parser", "the unit of an amount is not stated; the likely unit is named"},
    {"P5", I, "parser", "digits of adjacent cells ran together; the one split the arithmetic allows was placed"},
    {"P6", W, "parser", "the text allows several readings of a row's cells (digits of adjacent cells run together, blank cells that left no trace, a cell the layout cut short); the most plausible was placed, or the cell left missing, and the others are named"},
    {"P7", W, "parser", "the format version is stated neither by the tables nor by the year"},
    {"P8", W, "parser", "digits of adjacent cells ran together and no split fits the arithmetic; left unsplit"},
    {"P9", I, "parser", "broken UTF-8 sequences were replaced"},
    {"P10", I, "parser", "the text was encoded twice (read as ISO-8859-1 or windows-1252 and written again as UTF-8); its own encoding was read"},
    /* official and definitional (§5a) */
    {"O1", E, "table", "Table 3, each column: 一 + 二 = 三 (（七）总计) + 四"},
    {"D1", E, "table", "Table 3, each column: （七）总计 = the sum of the result rows"},
    {"D2", E, "table", "Table 3, each row: the six applicant columns add up to 总计"},
    {"D3", E, "table", "Table 4, each block: 维持 + 纠正 + 其他 + 尚未审结 = 总计"},
    {"V1", E, "table", "cells are integers >= 0 (本年增/减 signed; amounts decimals >= 0)"},
    {"V2", E, "table", "the tables have the shape of the detected format version"},
    /* common sense within one report (§5b) */
    {"C1", W, "table", "2019 (五)(六)(八): 上一年项目数量 + 本年增/减 >= 0"},
    {"C2", W, "table", "2019 (一): 本年新公开数量 <= 对外公开总数量"},
    {"C3", W, "table", "2021 (一): 本年制发件数 <= 现行有效件数 + 本年废止件数"},
    {"C4", W, "table", "2019 (九): 采购项目数量 is 0 exactly when 采购总金额 is 0"},
    {"C5", W, "table", "2021 (八): an amount in 万元 that looks typed in 元"},
    {"C6", W, "table", "Table 3: no cell exceeds 一 + 二 of its column"},
    {"C7", W, "table", "many blank or placeholder cells in Tables 3 and 4"},
    {"C8", W, "narrative", "a narrative total (共 N … 其中 a, b, c) equals the sum of its parts"},
    /* narrative against the tables (§5c) */
    {"N1", W, "narrative", "applications received (收到/受理 … N 件) match Table 3"},
    {"N2", W, "narrative", "applications answered (答复/办结 N 件) match （七）总计"},
    {"N3", W, "narrative", "applications carried forward (结转下年度 N 件) match Table 3"},
    {"N4", W, "narrative", "administrative reviews (行政复议 N 件) match Table 4"},
    {"N5", W, "narrative", "lawsuits (行政诉讼 N 件) match Table 4"},
    {"N6", W, "narrative", "figures for 规范性文件, 行政许可, 行政处罚, 收费 and 采购 match Table 2"},
    /* the document (§5e) */
    {"S1", W, "document", "all six sections are present, in order"},
    {"S2", W, "document", "published by 1月31日 (department) or 3月31日 (government) of the next year"},
    {"S3", W, "document", "the statistical period is the year of the title and tables"},
    {"S4", I, "document", "2021 format: section 六 reports on 信息处理费"},
    {"S5", W, "document", "section 五 is not empty and not just 无"},
    /* across years: the same agency, consecutive years (§5d) */
    {"X1", W, "years", "Table 3, each column: 上年结转 of a year = 结转下年度 of the year before"},
    {"X2", W, "years", "2019 format (五)(六)(八): 上一年项目数量 = last year's 上一年项目数量 + 本年增/减"},
    {"X3", W, "years", "2021 format (一): 现行有效件数 = last year's + 本年制发件数 - 本年废止件数 (soft)"},
    {"X4", I, "years", "a key total of Tables 3, 4 or the decisions of Table 2 rose over 5 times or fell below 1/5 of last year's"},
    /* the document: its format against its year (§5d) */
    {"X5", W, "document", "reports on 2019-2020 use the 2019 format, later ones the 2021 format"},
    /* the metadata */
    {"M1", I, "document", "the agency resolves to one administrative division and department"},
};

const ogi_rule_t *
ogi_rules_all(size_t *n)
{
    *n = OGI_ARRAY_LEN(rules);
    return rules;
}

const ogi_rule_t *
ogi_rules_find(const char *id)
{
    for (size_t i = 0; i < OGI_ARRAY_LEN(rules); i++)
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    return NULL;
}
