/*
 * test_read_runon.c - the reader of text with no separators between cells
 * (lib/form/read_runon.c; internal API).
 *
 * The table model is checked directly, row by row, as a string of cells
 * ("L[规章] R[000]": L label, V value, B blank, R run of digits), so the
 * tests do not depend on the splitter that later cuts the runs. Inputs are
 * short texts written here and the crawler texts of tests/data/forms/runon
 * (how they were made: that folder's README.md).
 *
 * Usage, as the parser does it:
 *
 *     const ogi__reader_t *r = ogi__reader_find("runon");
 *     if (r->probe(&text, l0, l1) > 0) {
 *         ogi__table_init(&tb, arena, &text);
 *         r->read(&tb, &text, l0, l1);
 *     }
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golden.h"
#include "ogi.h"
#include "ogi/arena.h"
#include "ogi/text.h"
#include "reader_int.h"

#define FORMS "tests/data/forms/runon/"

typedef struct {
    ogi_arena_t *arena;
    ogi_text_t text;
    ogi__table_t tb;
    char *buf; /* the input, kept alive for the text */
} fx_t;

/* Decodes s[0..n) (taking ownership of the malloc'd s) and reads all its
 * lines with the runon reader. */
static void
read_all(fx_t *fx, char *s, size_t n)
{
    char why[128];
    fx->buf = s;
    fx->arena = ogi_arena_new(0);
    assert_non_null(fx->arena);
    assert_int_equal(ogi_text_decode(fx->arena, s, n, OGI_TEXT_MAX_DEFAULT,
                                     &fx->text, why, sizeof(why)),
                     0);
    const ogi__reader_t *r = ogi__reader_find("runon");
    assert_non_null(r);
    ogi__table_init(&fx->tb, fx->arena, &fx->text);
    assert_int_equal(r->read(&fx->tb, &fx->text, 0, fx->text.nlines), 0);
}

static void
read_str(fx_t *fx, const char *s)
{
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    assert_non_null(copy);
    memcpy(copy, s, n + 1);
    read_all(fx, copy, n);
}

static void
read_file(fx_t *fx, const char *name)
{
    char path[256];
    size_t n;
    snprintf(path, sizeof(path), FORMS "%s", name);
    char *s = ogi_test_slurp(path, &n);
    if (!s)
        fail_msg("could not read \"%s\"", path);
    read_all(fx, s, n);
}

static void
done(fx_t *fx)
{
    ogi_arena_destroy(&fx->arena);
    free(fx->buf);
}

/* Row i of the model as "L[a] R[123] ...", into buf. */
static const char *
row_str(const fx_t *fx, size_t i, char *buf, size_t size)
{
    static const char kind[] = "LVBMR";
    const ogi__row_t *r = &fx->tb.rows[i];
    size_t o = 0;
    buf[0] = '\0';
    for (uint32_t k = 0; k < r->count && o < size; k++) {
        const ogi__cell_t *c = &fx->tb.cells[r->first + k];
        int w = snprintf(buf + o, size - o, "%s%c[%.*s]", k ? " " : "",
                         kind[c->kind], (int)c->n, c->s);
        if (w < 0)
            break;
        o += (size_t)w;
    }
    return buf;
}

/* The model's rows are exactly want[0..n). */
static void
expect_rows(const fx_t *fx, const char *const *want, size_t n)
{
    char buf[2048];
    for (size_t i = 0; i < fx->tb.nrows && i < n; i++)
        if (strcmp(row_str(fx, i, buf, sizeof(buf)), want[i]) != 0)
            fail_msg("row %zu: got \"%s\", want \"%s\"", i, buf, want[i]);
    if (fx->tb.nrows != n)
        fail_msg("%zu rows, want %zu", fx->tb.nrows, n);
}

/* 1 when s ends with the cells of want (a table run onto one line puts
 * its header words before a row's label, in the same row). */
static int
row_ends_with(const char *s, const char *want)
{
    size_t n = strlen(s), w = strlen(want);
    return n >= w && strcmp(s + n - w, want) == 0 &&
           (n == w || s[n - w - 1] == ' ');
}

/* want[0..n) end rows of the model, in this order (other rows between
 * them allowed). */
static void
expect_in_order(const fx_t *fx, const char *const *want, size_t n)
{
    char buf[2048];
    size_t i = 0;
    for (size_t k = 0; k < n; k++) {
        while (i < fx->tb.nrows &&
               !row_ends_with(row_str(fx, i, buf, sizeof(buf)), want[k]))
            i++;
        if (i == fx->tb.nrows)
            fail_msg("row \"%s\" not found in order", want[k]);
        i++;
    }
}

#define EXPECT_ROWS(fx, ...)                                                   \
    do {                                                                       \
        static const char *const want_[] = {__VA_ARGS__};                      \
        expect_rows(fx, want_, sizeof(want_) / sizeof(want_[0]));              \
    } while (0)

#define EXPECT_IN_ORDER(fx, ...)                                               \
    do {                                                                       \
        static const char *const want_[] = {__VA_ARGS__};                      \
        expect_in_order(fx, want_, sizeof(want_) / sizeof(want_[0]));          \
    } while (0)

/* The runon probe over all lines of s. */
static int
probe_str(const char *s)
{
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_text_t t;
    char why[128];
    assert_int_equal(ogi_text_decode(a, s, strlen(s), OGI_TEXT_MAX_DEFAULT, &t,
                                     why, sizeof(why)),
                     0);
    int p = ogi__reader_find("runon")->probe(&t, 0, t.nlines);
    ogi_arena_destroy(&a);
    return p;
}

/* ---- short texts ---- */

static void
test_label_and_run(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "（一）予以公开7000007\n");
    EXPECT_ROWS(&fx, "L[(一)予以公开] R[7000007]");
    done(&fx);
}

static void
test_two_rows_on_one_line(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "规章000行政规范性文件505\n");
    EXPECT_ROWS(&fx, "L[规章] R[000]", "L[行政规范性文件] R[505]");
    done(&fx);
}

/* A label, placeholder marks glued to it, no-break spaces, more cells
 * (a crawler's page, each empty cell one "&nbsp;"): the marks are the
 * row's first cells, not a rule nor the label's text; "///" is "//"
 * then "/" ("///" is no one cell's placeholder). */
static void
test_marks_glued_to_label(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "1.本机关不掌握相关政府信息///\xc2\xa0\xc2\xa0\xc2\xa0-\n"
                  "2.申请人逾期未按收费通知要求缴纳费用-----\xc2\xa0"
                  "000\n");
    EXPECT_ROWS(&fx, "L[1.本机关不掌握相关政府信息] V[//] V[/] B[   ] V[-]",
                "L[2.申请人逾期未按收费通知要求缴纳费用] V[---] V[--] B[ ] "
                "R[000]");
    done(&fx);
}

/* Marks of three cells run together, "-", "&mdash;" and "--": the text
 * folds "—" to "-", and the page's own characters tell the cells apart
 * ("-—--" is three cells, not "---" then "-"); a run of one mark is cut
 * into cells of at most three. */
static void
test_folded_marks_apart(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "（二）部分公开94-—--不适用\xc2\xa0不适用94\n"
                  "规章-----\xc2\xa0"
                  "0\n");
    EXPECT_ROWS(&fx,
                "L[(二)部分公开] R[94] V[-] V[-] V[--] V[不适用] B[ ] "
                "V[不适用] R[94]",
                "L[规章] V[---] V[--] B[ ] R[0]");
    done(&fx);
}

/* "无" after a row's values and a space, before the next row's numbering
 * or label: the row's last cell, not the next label's text; after a
 * sentence it stays text. */
static void
test_place_word_before_numbering(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "5.要求行政机关确认00000 无（六）其他处理4 0/004\n"
                  "本年度无（六）其他\n"
                  "规章--\xc2\xa0不适用行政规范性文件3017\n");
    EXPECT_ROWS(&fx, "L[5.要求行政机关确认] R[00000] V[无]",
                "L[(六)其他处理] R[4] R[0] V[/] R[004]",
                "L[本年度无(六)] L[其他]", "L[规章] V[--] B[ ] V[不适用]",
                "L[行政规范性文件] R[3017]");
    done(&fx);
}

static void
test_numbering_stays_in_label(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "（三）不予公开1.属于国家秘密00000000\n"
                  "2、其他法律行政法规禁止公开0000000\n"
                  "3．危及“三安全一稳定”1000102\n");
    EXPECT_ROWS(&fx, "L[(三)不予公开] L[1.属于国家秘密] R[00000000]",
                "L[2、其他法律行政法规禁止公开] R[0000000]",
                "L[3.危及\"三安全一稳定\"] R[1000102]");
    done(&fx);
}

static void
test_numbering_after_a_run(void **state)
{
    (void)state;
    fx_t fx;
    /* no newline and no empty cell between two rows: the digit before
     * "." and the label numbers the label, the rest is the run */
    read_str(&fx, "1.本机关不掌握相关政府信息60001072.没有现成信息需要另行制作"
                  "1000102\n");
    EXPECT_ROWS(&fx, "L[1.本机关不掌握相关政府信息] R[6000107]",
                "L[2.没有现成信息需要另行制作] R[1000102]");
    done(&fx);
}

static void
test_other_rows_2021(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理"
                  "其政府信息公开申请3000003\n3.其他1000001\n");
    EXPECT_ROWS(&fx,
                "L[(六)其他处理] L[1.申请人无正当理由逾期不补正、行政机关不再"
                "处理其政府信息公开申请] R[3000003]",
                "L[3.其他] R[1000001]");
    done(&fx);
}

static void
test_stray_space_and_newline(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "（一）予以公开7 000007\n（二）部分公开40\n00206\n");
    EXPECT_ROWS(&fx, "L[(一)予以公开] R[7] R[000007]",
                "L[(二)部分公开] R[40] R[00206]");
    done(&fx);
    /* the row's values on the next line, its first cell the empty one:
     * the "&nbsp;" opening the line is a gap of the row */
    read_str(&fx, "（一）予以公开\n\xc2\xa0" "7000007\n");
    EXPECT_ROWS(&fx, "L[(一)予以公开] B[ ] R[7000007]");
    done(&fx);
}

static void
test_one_cell_per_line(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "\n规章\n0\n0\n0\n\n\n行政规范性文件\n15\n15\n52\n");
    EXPECT_ROWS(&fx, "L[规章] R[0] R[0] R[0]",
                "L[行政规范性文件] R[15] R[15] R[52]");
    done(&fx);
}

static void
test_signs_decimals_placeholders(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "信息内容上一年项目数量本年增/减处理决定数量\n"
                  "行政许可272-711113\n"
                  "其他对外管理服务事项40+3126\n"
                  "行政事业性收费7730.28\n"
                  "行政强制--9\n"
                  "行政事业性收费12减 1\n"
                  "政府集中采购33251000元\n");
    EXPECT_ROWS(
        &fx, "L[信息内容] L[上一年项目数量] L[本年增/减] L[处理决定数量]",
        "L[行政许可] R[272] R[-711113]",
        "L[其他对外管理服务事项] R[40] R[+3126]",
        "L[行政事业性收费] R[7730.28]", "L[行政强制] V[--] R[9]",
        "L[行政事业性收费] R[12] R[减 1]", "L[政府集中采购] R[33251000元]");
    done(&fx);
}

/* Marks of different kinds side by side are a cell each ("/-": "/" then
 * "-"), a mark between placeholder words stands for a cell as they do
 * ("无-不适用"), not text opening a row, and a long run of one mark is
 * cut into cells of three. */
static void
test_mixed_placeholders(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "7.属于行政执法案卷0000/-0\n"
                  "2.重复申请2-/0002\n"
                  "5.要求行政机关确认或重新出具已获取信息0-0不适用无-不适用\n");
    EXPECT_ROWS(&fx, "L[7.属于行政执法案卷] R[0000] V[/] R[-0]",
                "L[2.重复申请] R[2] V[-] V[/] R[0002]",
                "L[5.要求行政机关确认或重新出具已获取信息] R[0] R[-0] "
                "V[不适用] V[无] V[-] V[不适用]");
    done(&fx);
    /* more than three marks run together beside a value, or between
     * blanks: cells of at most three marks each, for the splitter to
     * read as one or more placeholders ("-", "--", "-", "-" wrote
     * "-----") */
    read_str(&fx, "5.要求行政机关确认或重新出具已获取信息-----0无/\n"
                  "2.重复申请无00/ ---- 0\n");
    EXPECT_ROWS(&fx,
                "L[5.要求行政机关确认或重新出具已获取信息] V[---] V[--] R[0] "
                "V[无] V[/]",
                "L[2.重复申请] V[无] R[00] V[/] V[---] V[-] R[0]");
    done(&fx);
    /* hyphens and a dash run together: where the page's mark changes, a
     * new cell ("--" then "—", folded alike), two dashes one cell */
    read_str(&fx, "7.属于行政执法案卷\xc2\xa0" "1--\xe2\x80\x94\xc2\xa0--无无1\n"
                  "8.属于行政查询事项1\xe2\x80\x94\xe2\x80\x94-0\n");
    EXPECT_ROWS(&fx,
                "L[7.属于行政执法案卷] B[ ] R[1] V[--] V[-] B[ ] V[--] V[无] "
                "V[无] R[1]",
                "L[8.属于行政查询事项] R[1] V[--] V[-] R[0]");
    done(&fx);
    /* or between a blank and the line's end: the row's last cells, not
     * a label of the next row ("--", "-", "--" wrote "-----") */
    read_str(&fx, "尚未审结总计不适用\xc2\xa0\xc2\xa0无\xc2\xa0 -----\n"
                  "-----\n");
    EXPECT_ROWS(&fx, "L[尚未审结] L[总计] V[不适用] B[  ] V[无] B[ ] V[---] V[--]",
                "L[-----]");
    done(&fx);
    /* placeholder words one after another, the last before the next
     * row's label: each a cell */
    read_str(&fx, "3.补正后申请内容仍不明确无0无不适用不适用/不适用（五）不予处理"
                  "1.信访举报投诉类申请0\n"
                  "4.无正当理由大量反复申请0-0不适用不适用\n");
    EXPECT_ROWS(&fx,
                "L[3.补正后申请内容仍不明确] V[无] R[0] V[无] V[不适用] "
                "V[不适用] V[/] V[不适用]",
                "L[(五)不予处理] L[1.信访举报投诉类申请] R[0]",
                "L[4.无正当理由大量反复申请] R[0] R[-0] V[不适用] V[不适用]");
    done(&fx);
}

static void
test_headers_run_together(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "信息内容本年制发件数本年废止件数现行有效件数\n"
                  " 自然人法人或其他组织总计\n"
                  "  商业企业科研机构社会公益组织法律服务机构其他 \n"
                  "信息内容采购项目数量采购总金额（万元）\n"
                  "信息内容本年收费金额（单位：万元）\n");
    EXPECT_ROWS(&fx,
                "L[信息内容] L[本年制发件数] L[本年废止件数] L[现行有效件数]",
                "L[自然人] L[法人或其他组织] L[总计]",
                "L[商业企业] L[科研机构] L[社会公益组织] L[法律服务机构] "
                "L[其他]",
                "L[信息内容] L[采购项目数量] L[采购总金额(万元)]",
                "L[信息内容] L[本年收费金额(单位:万元)]");
    done(&fx);
}

static void
test_table_on_one_line(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
             "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
             "规章000行政规范性文件123105第二十条第（五）项信息内容"
             "本年处理决定数量行政许可2486\n");
    EXPECT_ROWS(&fx,
                "L[第二十条第(一)项] L[信息内容] L[本年制发件数] "
                "L[本年废止件数] L[现行有效件数] L[规章] R[000]",
                "L[行政规范性文件] R[123105]",
                "L[第二十条第(五)项] L[信息内容] L[本年处理决定数量] "
                "L[行政许可] R[2486]");
    done(&fx);
}

static void
test_narrative_is_one_label(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx, "2019年，我县共收到政府信息公开申请75件。\n"
                  "规章000\n"
                  "截至2019年底，办结68件。第二十条第（五）项行政许可2486\n");
    EXPECT_ROWS(&fx, "L[2019年,我县共收到政府信息公开申请75件。]",
                "L[规章] R[000]", "L[截至2019年底,办结68件。]",
                "L[第二十条第(五)项] L[行政许可] R[2486]");
    assert_true(fx.tb.rows[0].prosey);
    assert_true(fx.tb.rows[2].prosey);
    done(&fx);
}

static void
test_appeal_run(void **state)
{
    (void)state;
    fx_t fx;
    read_str(&fx,
             "行政复议行政诉讼\n"
             "结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n"
             "     结果维持结果纠正其他结果尚未审结总计\n"
             "100120000000000\n");
    EXPECT_ROWS(&fx, "L[行政复议] L[行政诉讼]",
                "L[结果维持] L[结果纠正] L[其他结果] L[尚未审结] L[总计] "
                "L[未经复议直接起诉] L[复议后起诉]",
                "L[结果维持] L[结果纠正] L[其他结果] L[尚未审结] L[总计] "
                "R[100120000000000]");
    done(&fx);
}

static void
test_odd_bytes(void **state)
{
    (void)state;
    /* never a crash on what is not a table: lone signs, dots, numbering
     * at the end of a line, digits at both ends */
    static const char *const in[] = {
        "-",     "--",     "+",        "1.",         "1、",
        "7.",    "规章1.", "1.5.",     "-1-2-3",     "0000000.",
        "第3页", "GB2312", "元",       "12元万元",   "(万元",
        "/ /",   "一、",   "规章 / 0", "1,234,5678", "\t规章000",
    };
    for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
        fx_t fx;
        read_str(&fx, in[i]);
        (void)probe_str(in[i]);
        done(&fx);
    }
}

/* ---- the probe ---- */

/* The probe's first look (runs of digits glued or long) reads the bytes
 * sixteen at a time: its verdict is the same wherever a run falls among
 * them, across a block's edge or at the region's first bytes. */
static void
test_probe_any_offset(void **state)
{
    (void)state;
    /* two lines of header words run together: run-on when a value line
     * shows digits run together too */
    const char *head =
        "行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结总计\n";
    static const struct {
        const char *line;
        int runon;
    } cases[] = {
        {"00000000000", 1}, /* eleven digits: more than any cell holds */
        {"0000000000", 0},  /* ten */
        {"规章0", 1},       /* a label glued to its value */
        {"规章 0", 0},
        {"规章--0", 1}, /* placeholder marks glued to a value */
        {"规章 - 0", 0},
    };
    char buf[512];
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
        for (int k = 0; k <= 40; k++) {
            snprintf(buf, sizeof(buf), "%s%*s%s\n", head, k, "", cases[c].line);
            int p = probe_str(buf);
            if (cases[c].runon)
                assert_true(p > OGI__PROBE_FALLBACK);
            else
                assert_int_equal(p, 0);
        }
    /* a bar on any line declines the region, wherever it stands */
    for (int k = 0; k <= 40; k++) {
        snprintf(buf, sizeof(buf), "%s规章0\n%*s|\n", head, k, "x");
        assert_int_equal(probe_str(buf), 0);
    }
}

static void
test_probe(void **state)
{
    (void)state;
    const char *runon = "信息内容本年制发件数本年废止件数现行有效件数\n"
                        "规章000\n行政规范性文件123105\n";
    assert_true(probe_str(runon) > OGI__PROBE_FALLBACK);
    assert_true(probe_str("行政复议行政诉讼\n结果维持结果纠正其他结果尚未审结"
                          "总计\n000000000000000\n") > OGI__PROBE_FALLBACK);
    /* other layouts */
    assert_int_equal(probe_str("规章\t0\t0\t0\n行政规范性文件\t12\t3\t105\n"),
                     0);
    assert_int_equal(probe_str("规章  0  0  0\n行政规范性文件  12  3  105\n"),
                     0);
    assert_int_equal(probe_str("│规章│0│0│0│\n│行政规范性文件│12│3│105│\n"), 0);
    assert_int_equal(probe_str("| 规章 | 0 | 0 | 0 |\n"), 0);
    /* narrative alone */
    assert_int_equal(probe_str("2019年，我县共收到申请75件，办结68件。\n"), 0);
    /* a page whose cells held "&nbsp;" around their values: the no-break
     * spaces the crawler kept set values apart on most rows, but they are
     * cells' text, not columns; the same rows set apart by plain spaces
     * are columns */
    assert_true(probe_str("信息内容本年制发件数本年废止件数现行有效件数\n"
                          "规章\xc2\xa0" "12\xc2\xa0" "0\xc2\xa0" "5\n"
                          "行政规范性文件30\xc2\xa0" "7\n"
                          "行政许可\xc2\xa0" "4\xc2\xa0\xc2\xa0" "9\n"
                          "行政处罚\xc2\xa0" "1\xc2\xa0" "2\n") >
                OGI__PROBE_FALLBACK);
    assert_int_equal(probe_str("信息内容本年制发件数本年废止件数现行有效件数\n"
                               "规章 12 0 5\n"
                               "行政规范性文件30 7\n"
                               "行政许可 4  9\n"
                               "行政处罚 1 2\n"),
                     0);
    /* a header run together, its values after "&nbsp;" and run together
     * (Table 4 on one line): nothing glued, yet run-on; after plain
     * spaces, columns */
    assert_true(probe_str("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
                          "\xc2\xa0" "0\xc2\xa0" "00\xc2\xa0" "1\n") >
                OGI__PROBE_FALLBACK);
    assert_int_equal(probe_str("行政复议行政诉讼结果维持结果纠正其他结果尚未审结"
                               "总计 0 00 1\n"),
                     0);
    /* headers run together over lines, values on a line of their own
     * where placeholder marks sit between digits: run-on too */
    assert_true(probe_str("行政复议行政诉讼\n"
                          "结果维持结果纠正其他结果尚未审结总计未经复议直接起诉"
                          "复议后起诉\n"
                          "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正"
                          "其他结果尚未审结总计\n"
                          "--0--01320/033--38-11\n") > OGI__PROBE_FALLBACK);
    /* a mark after a label, then columns of blanks (html2text's rows):
     * not run-on */
    assert_int_equal(probe_str("一、本年新收政府信息公开申请数量--   0      0   --"
                               "  37\n"
                               "二、上年结转政府信息公开申请数量/   0   0/0   0\n"),
                     0);
    /* a header run together with its first cells, placeholder marks */
    assert_true(probe_str("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
                          "--/--0--0000/000----\n") > OGI__PROBE_FALLBACK);
    /* Table 4 with no count at all (every cell blank or a placeholder,
     * written here from a page's cells: four "&nbsp;", "/", two
     * "&nbsp;", "不适用", "&nbsp;", "-", three "&nbsp;", "无", "不适用"):
     * its marks after an empty cell's "&nbsp;" are run-on as digits
     * would be; after plain spaces, columns */
    assert_true(probe_str("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
                          "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0/\xc2\xa0\xc2\xa0"
                          "不适用\xc2\xa0-\xc2\xa0\xc2\xa0\xc2\xa0无不适用\n") >
                OGI__PROBE_FALLBACK);
    assert_int_equal(probe_str("行政复议行政诉讼结果维持结果纠正其他结果尚未审结"
                               "总计    /  不适用 -   无 不适用\n"),
                     0);
    /* or glued to the header: "总计/-" */
    assert_true(probe_str("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
                          "/-\xc2\xa0\xc2\xa0---\xc2\xa0无无\n") >
                OGI__PROBE_FALLBACK);
}

/* ---- crawler texts of real page layouts ---- */

static void
test_file_rows_per_line(void **state)
{
    (void)state;
    fx_t fx;
    read_file(&fx, "official2021.tr.txt");
    EXPECT_IN_ORDER(
        &fx, "L[信息内容] L[本年制发件数] L[本年废止件数] L[现行有效件数]",
        "L[规章] R[000]", "L[行政规范性文件] R[123105]", "L[行政许可] R[2486]",
        "L[行政处罚] R[317]", "L[行政强制] R[45]",
        "L[信息内容] L[本年收费金额(单位:万元)]",
        "L[行政事业性收费] R[7730.28]",
        "L[一、本年新收政府信息公开申请数量] R[126140132146]",
        "L[三、本年度办理结果] L[(一)予以公开] R[587011067]",
        "L[(二)部分公开(区分处理的,只计这一情形,不计其他情形)] "
        "R[102000012]",
        "L[(三)不予公开] L[1.属于国家秘密] R[0000000]",
        "L[8.属于行政查询事项] R[1000001]",
        "L[(四)无法提供] L[1.本机关不掌握相关政府信息] R[364002143]",
        "L[(六)其他处理] L[1.申请人无正当理由逾期不补正、行政机关不再处理"
        "其政府信息公开申请] R[3000003]",
        "L[3.其他] R[1000001]", "L[(七)总计] R[124140131143]",
        "L[四、结转下年度继续办理] R[7100019]",
        "L[结果维持] L[结果纠正] L[其他结果] L[尚未审结] L[总计] "
        "L[结果维持] L[结果纠正] L[其他结果] L[尚未审结] L[总计] "
        "R[210031001200000]");
    done(&fx);
}

static void
test_file_table_per_line(void **state)
{
    (void)state;
    fx_t fx;
    read_file(&fx, "official2019.table.txt");
    EXPECT_IN_ORDER(
        &fx,
        "L[第二十条第(一)项] L[信息内容] L[本年新制作数量] "
        "L[本年新公开数量] L[对外公开总数量] L[规章] R[000]",
        "L[规范性文件] R[7764]",
        "L[第二十条第(五)项] L[信息内容] L[上一年项目数量] L[本年增/减] "
        "L[处理决定数量] L[行政许可] R[315] R[-242871]",
        "L[其他对外管理服务事项] R[40] R[+3126]", "L[行政强制] R[12] R[-9]",
        "L[信息内容] L[采购项目数量] L[采购总金额(元)] L[政府集中采购] "
        "R[339184322.81]",
        "L[(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
        "申请人情况] L[自然人] L[法人或其他组织] L[总计] L[商业企业] "
        "L[科研机构] L[社会公益组织] L[法律服务机构] L[其他] "
        "L[一、本年新收政府信息公开申请数量] R[406002149]",
        "L[(三)不予公开] L[1.属于国家秘密] R[0000000] B[ ]",
        "L[2.其他法律行政法规禁止公开] R[0000000] B[ ]",
        "L[(六)其他处理] R[0000000] B[ ]", "L[(七)总计] R[406002149]",
        "L[四、结转下年度继续办理] R[2000002]",
        "L[尚未审结] L[总计] R[100120000000000]");
    done(&fx);
}

static void
test_file_whole_page_on_one_line(void **state)
{
    (void)state;
    fx_t fx;
    read_file(&fx, "official2021.page.txt");
    EXPECT_IN_ORDER(&fx, "L[规章] R[000]", "L[行政规范性文件] R[123105]",
                    "L[行政事业性收费] R[7730.28]", "L[3.其他] R[1000001]",
                    "L[(七)总计] R[124140131143]",
                    "L[四、结转下年度继续办理] R[7100019]");
    done(&fx);
}

static void
test_file_generated(void **state)
{
    (void)state;
    fx_t fx;
    read_file(&fx, "gen2021.tr.txt");
    EXPECT_IN_ORDER(&fx, "L[规章] R[021]", "L[行政规范性文件] R[30107]",
                    "L[行政许可] R[28929]", "L[(一)予以公开] R[30200000302] B[ ]",
                    "L[4.保护第三方合法权益] R[100000010] B[  ]",
                    "L[(七)总计] R[59200000592]");
    done(&fx);
}

static void
test_file_gaps_and_placeholders(void **state)
{
    (void)state;
    fx_t fx;
    /* the cells as the page has them (gen2021gaps.html): 4. is "—" 0 0 "-"
     * &nbsp; 0 "-"; 5. is 不适用 &nbsp; &nbsp; "—" 0 0 &nbsp;; 7. is four
     * &nbsp;, 0, "—", &nbsp;. A "-" before digits stays in the run (the
     * splitter decides: a placeholder here, a sign under 本年增/减); each
     * &nbsp; is one byte of a gap */
    read_file(&fx, "gen2021gaps.txt");
    EXPECT_IN_ORDER(&fx, "L[4.保护第三方合法权益] R[-00] V[-] B[ ] R[0] V[-]",
                    "L[5.属于三类内部事务信息] V[不适用] B[  ] R[-00] B[ ]",
                    "L[7.属于行政执法案卷] B[    ] R[0] V[-] B[ ]");
    done(&fx);
    /* 2019 (五): 39 "增 17" 184, and (六) 37 "减 4" 1 */
    read_file(&fx, "gen2019signs.txt");
    EXPECT_IN_ORDER(&fx, "L[行政许可] R[39] R[增 17184]",
                    "L[行政强制] R[37] R[减 41]");
    done(&fx);
}

/* A cell's figure, or -1 when it holds none. */
static double
cell_num(const ogi_report_t *r, const char *row, size_t col)
{
    long i = ogi_skeleton_row_index(OGI_T3, row);
    assert_true(i >= 0);
    const ogi_cell_t *c = ogi_report_cell(r, OGI_T3, (size_t)i, col);
    assert_non_null(c);
    return c->state == OGI_CELL_NUM ? ogi_cell_number(c) : -1;
}

static void
test_file_table_split_in_two(void **state)
{
    (void)state;
    /* gen2021split.html: Table 3 as two tables, each written on one line,
     * the second repeating the header (a table cut by a page break); the
     * first opens with some 300 bytes of header and few figures. Both
     * halves are read: values from the page's truth */
    size_t n;
    char *raw = ogi_test_slurp(FORMS "gen2021split.txt", &n);
    assert_non_null(raw);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, n, NULL, &r), 0);
    assert_non_null(r);
    /* the first half: 一 is 3 -- 不适用 0 _ 0 3, (一) 2 无 0 - 0 _ 2 */
    assert_true(cell_num(r, "new_received", 0) == 3);
    assert_true(cell_num(r, "new_received", 6) == 3);
    assert_true(cell_num(r, "granted", 0) == 2);
    assert_true(cell_num(r, "granted", 2) == 0);
    assert_true(cell_num(r, "granted", 4) == 0);
    assert_true(cell_num(r, "granted", 6) == 2);
    /* the second half: (七) 3 */
    assert_true(cell_num(r, "result_total", 6) == 3);
    ogi_arena_destroy(&a);
    free(raw);
}

static void
test_file_short_half(void **state)
{
    (void)state;
    /* gen2019split.html: as gen2021split, the first half of the 2019
     * Table 3 a few rows (一 to (三)1.) after its long header: too few
     * figures for a table line, but its header run together is one */
    size_t n;
    char *raw = ogi_test_slurp(FORMS "gen2019split.txt", &n);
    assert_non_null(raw);
    ogi_arena_t *a = ogi_arena_new(0);
    assert_non_null(a);
    ogi_report_t *r = NULL;
    assert_int_equal(ogi_parse_report(a, raw, n, NULL, &r), 0);
    assert_non_null(r);
    /* values from the page's truth */
    assert_true(cell_num(r, "new_received", 0) == 5);
    assert_true(cell_num(r, "new_received", 1) == 1);
    assert_true(cell_num(r, "new_received", 6) == 6);
    assert_true(cell_num(r, "granted", 0) == 3);
    assert_true(cell_num(r, "granted", 6) == 3);
    assert_true(cell_num(r, "result_total", 6) == 6);
    ogi_arena_destroy(&a);
    free(raw);
}

static void
test_file_rows_of_blanks(void **state)
{
    (void)state;
    fx_t fx;
    /* blankrows2019.html: a 2019 Table 3 on one line, each empty cell
     * <p>&nbsp;</p>, the 总计 of 1. left blank, and rows 2., 3. and （六）
     * with all seven cells empty. Each such row is its label and a gap of
     * seven no-break spaces, a row of its own; 1. is 14 and six */
    read_file(&fx, "blankrows2019.txt");
    EXPECT_IN_ORDER(&fx, "L[1.属于国家秘密] R[14] B[      ]",
                    "L[2.其他法律行政法规禁止公开] B[       ]",
                    "L[3.危及\"三安全一稳定\"] B[       ]",
                    "L[(六)其他处理] B[       ]");
    done(&fx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_label_and_run),
        cmocka_unit_test(test_two_rows_on_one_line),
        cmocka_unit_test(test_numbering_stays_in_label),
        cmocka_unit_test(test_numbering_after_a_run),
        cmocka_unit_test(test_other_rows_2021),
        cmocka_unit_test(test_stray_space_and_newline),
        cmocka_unit_test(test_one_cell_per_line),
        cmocka_unit_test(test_signs_decimals_placeholders),
        cmocka_unit_test(test_mixed_placeholders),
        cmocka_unit_test(test_headers_run_together),
        cmocka_unit_test(test_table_on_one_line),
        cmocka_unit_test(test_narrative_is_one_label),
        cmocka_unit_test(test_appeal_run),
        cmocka_unit_test(test_odd_bytes),
        cmocka_unit_test(test_probe),
        cmocka_unit_test(test_file_rows_per_line),
        cmocka_unit_test(test_file_table_per_line),
        cmocka_unit_test(test_file_whole_page_on_one_line),
        cmocka_unit_test(test_file_generated),
        cmocka_unit_test(test_file_gaps_and_placeholders),
        cmocka_unit_test(test_file_rows_of_blanks),
        cmocka_unit_test(test_file_table_split_in_two),
        cmocka_unit_test(test_file_short_half),
        cmocka_unit_test(test_probe_any_offset),
        cmocka_unit_test(test_marks_glued_to_label),
        cmocka_unit_test(test_place_word_before_numbering),
        cmocka_unit_test(test_folded_marks_apart),
    };
    return cmocka_run_group_tests_name("read_runon", tests, NULL, NULL);
}
