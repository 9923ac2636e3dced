/*
 * test_label.c - label normalisation and scoring against the skeleton
 * (lib/core/label_int.h, lib/core/label.c; internal API).
 *
 * Usage example, as the table reader does it:
 *
 *     ogi__label_t in;
 *     ogi__label_norm(line, line_len, &in);     numbering + core
 *     for each row r of the table:
 *         s = ogi__label_score_row(&in, OGI_T3, r, r == next_expected);
 *     take the best row if its score is high enough
 *
 * Rows are looked up by key, never by index, so that the tests survive a
 * change to the skeleton's row order. Input text is what ogi_text_decode
 * hands on: full width folded ("（三）" -> "(三)"), dashes '-', curly quotes
 * '"'. Full-width forms are tested as well, since the skeleton itself is
 * written full width.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "label_int.h"
#include "ogi/skeleton.h"

/* Index of the row with this key in table id; fails the test if absent. */
static size_t
row_of(ogi_table_id_t id, const char *key)
{
    const ogi_skel_table_t *t = ogi_skeleton_table(id);
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(t->rows[r].key, key) == 0)
            return r;
    print_error("no row \"%s\" in table %d\n", key, (int)id);
    fail();
    return 0;
}

/* Index of a group row (key "") by its printed label. */
static size_t
group_of(ogi_table_id_t id, const char *label)
{
    const ogi_skel_table_t *t = ogi_skeleton_table(id);
    for (size_t r = 0; r < t->nrows; r++)
        if (strcmp(t->rows[r].label, label) == 0)
            return r;
    print_error("no group \"%s\" in table %d\n", label, (int)id);
    fail();
    return 0;
}

static ogi__label_t
norm(const char *s)
{
    ogi__label_t l;
    memset(&l, 0x5A, sizeof(l)); /* garbage: every field must be written */
    ogi__label_norm(s, strlen(s), &l);
    return l;
}

/* Score of text s against the Table 3 row with this key. */
static int
score3(const char *s, const char *key, int expected)
{
    ogi__label_t l = norm(s);
    return ogi__label_score_row(&l, OGI_T3, row_of(OGI_T3, key), expected);
}

/* The best-scoring Table 3 row for s (its index), and its score. Ties go
 * to the first row, so a tie with the right row shows as a failure when
 * the other row comes first; *second gets the runner-up's score. */
static size_t
best3(const char *s, int expected, int *score, int *second)
{
    ogi__label_t l = norm(s);
    const ogi_skel_table_t *t = ogi_skeleton_table(OGI_T3);
    size_t best = 0;
    int bs = -1, ss = -1;
    for (size_t r = 0; r < t->nrows; r++) {
        int sc = ogi__label_score_row(&l, OGI_T3, r, expected);
        if (sc > bs) {
            ss = bs;
            bs = sc;
            best = r;
        } else if (sc > ss) {
            ss = sc;
        }
    }
    if (score)
        *score = bs;
    if (second)
        *second = ss;
    return best;
}

static void
assert_best3(const char *s, const char *key, int min_score)
{
    int bs, ss;
    size_t r = best3(s, 0, &bs, &ss);
    const ogi_skel_table_t *t = ogi_skeleton_table(OGI_T3);
    if (r != row_of(OGI_T3, key) || bs < min_score || ss >= bs)
        print_error("\"%s\": best \"%s\" %d (runner-up %d), want \"%s\" "
                    ">= %d\n",
                    s, t->rows[r].key, bs, ss, key, min_score);
    assert_int_equal(r, row_of(OGI_T3, key));
    assert_true(bs >= min_score);
    assert_true(ss < bs); /* no tie */
}

static void
assert_num(const char *s, int level, int value)
{
    ogi__label_t l = norm(s);
    if (l.num.level != level || l.num.value != value)
        print_error("\"%s\": level %d value %d, want %d %d\n", s, l.num.level,
                    l.num.value, level, value);
    assert_int_equal(l.num.level, level);
    if (level)
        assert_int_equal(l.num.value, value);
}

static void
assert_core(const char *s, const char *core)
{
    ogi__label_t l = norm(s);
    if (strcmp(l.core, core) != 0)
        print_error("\"%s\": core \"%s\", want \"%s\"\n", s, l.core, core);
    assert_string_equal(l.core, core);
    assert_int_equal(l.len, strlen(core));
}

/* ---- numbering ---- */

static void
numbering_level1(void **state)
{
    (void)state;
    assert_num("一、本年新收政府信息公开申请数量", 1, 1);
    assert_core("一、本年新收政府信息公开申请数量",
                "本年新收政府信息公开申请数量");
    assert_num("四、结转下年度继续办理", 1, 4);
    assert_num("三、 本 年 度 办 理 结 果", 1, 3);          /* seed 3 */
    assert_num("三\n、\n本\n年\n度\n办\n理\n结\n果", 1, 3); /* seed 2 */
    assert_core("三\n、\n本\n年\n度\n办\n理\n结\n果", "本年度办理结果");
    assert_num("六.其他", 1, 6);
    assert_num("十、", 1, 10);
    assert_num("十二、某事项", 1, 12);
    assert_num("二十一、某事项", 1, 21);
    /* a numeral that is part of a word is not numbering */
    assert_num("一般情况", 0, 0);
    assert_core("一般情况", "一般情况");
}

static void
numbering_level2(void **state)
{
    (void)state;
    assert_num("(三)不予公开", 2, 3);
    assert_core("(三)不予公开", "不予公开");
    assert_num("（三）不予公开", 2, 3); /* full width */
    assert_core("（三）不予公开", "不予公开");
    assert_num("(七)总计", 2, 7);
    assert_core("(七)总计", "总计");
    assert_num("(七) 总计", 2, 7); /* seed 3 */
    assert_num("(一)、予以公开", 2, 1);
    assert_core("(一)、予以公开", "予以公开");
    assert_num("(六)其他处理", 2, 6);
    /* 第二十条第(一)项: the numeral is inside, not at the start */
    assert_num("第二十条第(一)项", 0, 0);
    assert_core("第二十条第(一)项", "第二十条第一项");
}

static void
numbering_level3(void **state)
{
    (void)state;
    assert_num("1.属于国家秘密", 3, 1);
    assert_core("1.属于国家秘密", "属于国家秘密");
    assert_num("1．属于国家秘密", 3, 1); /* full-width stop */
    assert_core("1．属于国家秘密", "属于国家秘密");
    assert_num("1、属于国家秘密", 3, 1);
    assert_core("1、属于国家秘密", "属于国家秘密");
    assert_num("1. 属于国家秘密", 3, 1); /* a space after (seed 3) */
    assert_core("1. 属于国家秘密", "属于国家秘密");
    assert_num("8.属于行政查询事项", 3, 8);
    assert_num("4. 保护第三方合", 3, 4);
    assert_num("12.其他", 3, 12);
}

/* OCR drops the stop after a row's number or reads it as a space: one or
 * two digits right before the label's first ideograph still number it,
 * and the row is found. Three digits or more are the text's. */
static void
numbering_stop_dropped(void **state)
{
    (void)state;
    assert_num("4保护第三方合法权益", 3, 4);
    assert_core("4保护第三方合法权益", "保护第三方合法权益");
    assert_num("2 其他法律行政法规茜止公开", 3, 2);
    assert_num("12其他", 3, 12);
    assert_num("123其他", 0, 0);
    assert_core("123其他", "123其他");
    assert_best3("2 其他法律行政法规茜止公开", "denied.law_forbidden", 80);
    assert_best3("3 补正后申请内容仍不明确", "unable.unclear", 100);
    assert_best3("1属于国家秘密", "denied.state_secret", 100);
}

/* Numbers that belong to the text are not numbering, and stay in the core. */
static void
not_numbering(void **state)
{
    (void)state;
    assert_num("2020年本行政区域政府信息公开发布总数量", 0, 0);
    assert_core("2020年本行政区域", "2020年本行政区域");
    assert_num("2020年…", 0, 0);
    assert_num("12.5", 0, 0);
    assert_core("12.5", "125");
    assert_num("1.5万元", 0, 0);
    assert_num("本年新收", 0, 0);
    assert_num("", 0, 0);
    assert_num("1", 0, 0);
    assert_num("(一", 0, 0);
}

/* ---- core ---- */

static void
core_quotes(void **state)
{
    (void)state;
    ogi__label_t a = norm("危及“三安全一稳定”");
    ogi__label_t b = norm("危及\"三安全一稳定\"");
    ogi__label_t c = norm("3.危及'三安全一稳定'");
    assert_string_equal(a.core, "危及三安全一稳定");
    assert_string_equal(a.core, b.core);
    assert_string_equal(a.core, c.core);
    assert_int_equal(a.len, b.len);
    assert_int_equal(a.chars, 8);
    assert_int_equal(b.chars, 8);
}

static void
core_whitespace(void **state)
{
    (void)state;
    assert_core("自 然 人", "自然人");
    assert_core("商业\n企业", "商业企业");
    assert_core("科研\n    机构", "科研机构");
    assert_core("商 业 企 业", "商业企业");
    assert_core("结\n    果\n    维\n    持", "结果维持"); /* seed 2, table 4 */
    assert_core("本年新\n制作数量", "本年新制作数量");
    assert_core("\t 社会公益组织 \t\n", "社会公益组织");
    assert_core("自\xe3\x80\x80然人", "自然人"); /* U+3000, unfolded */
}

static void
core_punctuation(void **state)
{
    (void)state;
    assert_core("部分公开（区分处理的，只计这一情形，不计其他情形）",
                "部分公开区分处理的只计这一情形不计其他情形");
    assert_core("部分公开(区分处理的,只计这一情形,不计其他情形)",
                "部分公开区分处理的只计这一情形不计其他情形");
    assert_core("本年收费金额(单位:万元)", "本年收费金额单位万元");
    assert_core("本年收费金额（单位：万元）", "本年收费金额单位万元");
    assert_core("本年增/减", "本年增减");
    assert_core("**强化组织领导**", "强化组织领导");
    assert_core("· 根据", "根据");
    assert_core("# 标题", "标题");
    assert_core("…", "");
    assert_core("行政机关不再处理其政府信息公开申请。",
                "行政机关不再处理其政府信息公开申请");
}

/* Letters and digits are kept (ASCII and full width alike). */
static void
core_letters_digits(void **state)
{
    (void)state;
    assert_core("ABC-12", "ABC12");
    assert_core("ＡＢＣ１２", "ABC12");
}

static void
chars_counts_code_points(void **state)
{
    (void)state;
    ogi__label_t l = norm("自 然 人");
    assert_int_equal(l.chars, 3);
    assert_int_equal(l.len, 9);
    l = norm("ABC1");
    assert_int_equal(l.chars, 4);
    assert_int_equal(l.len, 4);
    l = norm("1.A中é"); /* numbering not counted; 1 + 3 + 2 bytes */
    assert_int_equal(l.chars, 3);
    assert_int_equal(l.len, 6);
    l = norm("");
    assert_int_equal(l.chars, 0);
    assert_int_equal(l.len, 0);
    assert_string_equal(l.core, "");
    l = norm("1.");
    assert_int_equal(l.chars, 0);
    assert_int_equal(l.len, 0);
}

/* Bytes that are not UTF-8 are skipped, never copied. */
static void
invalid_bytes_skipped(void **state)
{
    (void)state;
    assert_core("自\x80然\xff人", "自然人");
    assert_core("自然\xe4\xb8", "自然"); /* cut short at the end */
}

/* A label longer than the core buffer is cut on a character boundary and
 * stays NUL-terminated; only s[0..n) is read. */
static void
long_label_bounded(void **state)
{
    (void)state;
    char big[3 * 1000 + 1];
    for (size_t i = 0; i < 1000; i++)
        memcpy(big + 3 * i, "中", 3);
    big[3000] = '\0';
    ogi__label_t l;
    memset(&l, 0x5A, sizeof(l));
    ogi__label_norm(big, 3000, &l);
    assert_true(l.len < OGI__LABEL_MAX);
    assert_true(l.len > 0);
    assert_int_equal(l.len % 3, 0); /* whole characters only */
    assert_int_equal(strlen(l.core), l.len);
    assert_int_equal(l.chars, l.len / 3);

    /* n bounds the read: only "1" of "1.属于" is seen */
    ogi__label_norm("1.属于", 1, &l);
    assert_int_equal(l.num.level, 0);
    assert_string_equal(l.core, "1");
}

/* ---- skeleton labels ---- */

static void
skeleton_labels(void **state)
{
    (void)state;
    size_t partial = row_of(OGI_T3, "partial");
    const ogi__label_t *l = ogi__label_row(OGI_T3, partial, 0);
    assert_non_null(l);
    assert_int_equal(l->num.level, 2);
    assert_int_equal(l->num.value, 2);
    assert_string_equal(l->core, "部分公开区分处理的只计这一情形不计其他情形");
    l = ogi__label_row(OGI_T3, partial, 1); /* its variant */
    assert_non_null(l);
    assert_string_equal(l->core, "部分公开");
    assert_int_equal(l->num.level, 2);
    assert_null(ogi__label_row(OGI_T3, partial, 2));

    l = ogi__label_row(OGI_T3, row_of(OGI_T3, "denied.security_stability"), 0);
    assert_non_null(l);
    assert_string_equal(l->core, "危及三安全一稳定");
    assert_int_equal(l->num.level, 3);
    assert_int_equal(l->num.value, 3);

    l = ogi__label_row(OGI_T3, row_of(OGI_T3, "new_received"), 0);
    assert_int_equal(l->num.level, 1);
    assert_int_equal(l->num.value, 1);

    /* every row of every table has a label */
    for (int t = 0; t < OGI_TABLE_COUNT; t++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)t);
        for (size_t r = 0; r < sk->nrows; r++) {
            l = ogi__label_row((ogi_table_id_t)t, r, 0);
            assert_non_null(l);
            assert_true(l->len > 0);
        }
    }
    /* columns too */
    l = ogi__label_col(OGI_T3, 0, 0);
    assert_non_null(l);
    assert_string_equal(l->core, "自然人");
    l = ogi__label_col(OGI_T2_21_8, 0, 0);
    assert_non_null(l);
    assert_string_equal(l->core, "本年收费金额单位万元");
}

static void
label_starts(void **state)
{
    (void)state;
    ogi__label_t a = norm("4.保护第三方合法权益");
    ogi__label_t b = norm("保护第三方合");
    ogi__label_t e = norm("");
    assert_true(ogi__label_starts(&a, &b));
    assert_false(ogi__label_starts(&b, &a));
    assert_false(ogi__label_starts(&a, &e)); /* b must be non-empty */
}

/* ---- scoring against Table 3 ---- */

/* Every row's printed label (with its numbering) matches its own row best,
 * with the top score; without the numbering it still matches (short rows
 * only when expected). */
static void
own_label_scores_highest(void **state)
{
    (void)state;
    const ogi_skel_table_t *t = ogi_skeleton_table(OGI_T3);
    for (size_t r = 0; r < t->nrows; r++) {
        char buf[512];
        snprintf(buf, sizeof(buf), "%s%s", t->rows[r].number, t->rows[r].label);
        int bs, ss;
        size_t b = best3(buf, 0, &bs, &ss);
        if (b != r || ss >= bs)
            print_error("\"%s\": best row %zu (%d, runner-up %d), want %zu\n",
                        buf, b, bs, ss, r);
        assert_int_equal(b, r);
        assert_true(ss < bs);
        assert_true(bs >= 110); /* exact and same numbering */

        /* unnumbered: exact core, lower than numbered */
        int un = ogi__label_score_row(&(ogi__label_t){0}, OGI_T3, r, 0);
        assert_int_equal(un, 0); /* an empty label matches nothing */
        ogi__label_t l = norm(t->rows[r].label);
        int s0 = ogi__label_score_row(&l, OGI_T3, r, 1);
        assert_true(s0 >= 100);
        assert_true(s0 < bs);
    }
}

/* The rows a label may match, kept with its normalisation: every row's
 * printed label names its own row, asked once or again (the second time
 * from the memo), and the same rows as ogi__label_rows_may; another
 * table's label names none of Table 3's rows but for a shared word. */
static void
rows_kept_with_label(void **state)
{
    (void)state;
    const ogi_skel_table_t *t = ogi_skeleton_table(OGI_T3);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t r = 0; r < t->nrows; r++) {
            char buf[512];
            snprintf(buf, sizeof(buf), "%s%s", t->rows[r].number,
                     t->rows[r].label);
            ogi__label_t scratch;
            ogi__label_rows_t *slot;
            const ogi__label_t *in =
                ogi__label_norm_rows(buf, strlen(buf), &scratch, &slot);
            assert_non_null(slot);
            /* the label as ogi__label_norm gives it */
            ogi__label_t want;
            ogi__label_norm(buf, strlen(buf), &want);
            assert_int_equal(in->len, want.len);
            assert_memory_equal(in->core, want.core, want.len);
            assert_int_equal(in->num.level, want.num.level);
            uint32_t rows = ogi__label_rows_in(slot, in, OGI_T3);
            if (!(rows & (1u << r)))
                print_error("\"%s\": rows %#x lack its own row %zu\n", buf,
                            rows, r);
            assert_true(rows & (1u << r));
            assert_int_equal(rows, ogi__label_rows_may(in, OGI_T3));
        }
    }
    /* a table's sets whole are its rows' one by one */
    const ogi__label_set_t *sets = ogi__label_row_sets(OGI_T3);
    for (size_t r = 0; r < t->nrows; r++) {
        ogi__label_set_t one;
        ogi__label_row_set(OGI_T3, r, &one);
        assert_ptr_equal(sets[r].v, one.v);
        assert_int_equal(sets[r].n, one.n);
        assert_true(sets[r].n >= 1);
        assert_int_equal(sets[r].shortkey, one.shortkey);
        assert_true(sets[r].bloom == one.bloom);
    }
    ogi__label_t scratch;
    ogi__label_rows_t *slot;
    const char *caption = "第二十条第（一）项";
    const ogi__label_t *in =
        ogi__label_norm_rows(caption, strlen(caption), &scratch, &slot);
    assert_int_equal(ogi__label_rows_in(slot, in, OGI_T3), 0);
    /* past what the memo keeps: computed each time, all the same */
    char big[400];
    memset(big, ' ', sizeof(big));
    const char *lbl = "（六）其他处理";
    memcpy(big + sizeof(big) - strlen(lbl), lbl, strlen(lbl));
    in = ogi__label_norm_rows(big, sizeof(big), &scratch, &slot);
    assert_null(slot);
    assert_ptr_equal(in, &scratch);
    assert_true(ogi__label_rows_in(slot, in, OGI_T3) &
                (1u << row_of(OGI_T3, "other.all")));
}

/* The same holds for every other table. */
static void
own_label_other_tables(void **state)
{
    (void)state;
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_skel_table_t *t = ogi_skeleton_table((ogi_table_id_t)id);
        for (size_t r = 0; r < t->nrows; r++) {
            char buf[512];
            snprintf(buf, sizeof(buf), "%s%s", t->rows[r].number,
                     t->rows[r].label);
            ogi__label_t l = norm(buf);
            int own = ogi__label_score_row(&l, (ogi_table_id_t)id, r, 0);
            if (own < 100)
                print_error("\"%s\" scores %d on its own row\n", buf, own);
            assert_true(own >= 100);
            for (size_t o = 0; o < t->nrows; o++) {
                if (o == r)
                    continue;
                int other = ogi__label_score_row(&l, (ogi_table_id_t)id, o, 0);
                if (other >= own)
                    print_error("\"%s\": row %zu scores %d >= own %d\n", buf, o,
                                other, own);
                assert_true(other < own);
            }
            /* variants match their row as well */
            for (size_t v = 0; t->rows[r].variants && t->rows[r].variants[v];
                 v++) {
                snprintf(buf, sizeof(buf), "%s%s", t->rows[r].number,
                         t->rows[r].variants[v]);
                l = norm(buf);
                assert_true(
                    ogi__label_score_row(&l, (ogi_table_id_t)id, r, 0) >= 100);
            }
        }
    }
}

/* Exact label with the same numbering beats exact without, beats wrong. */
static void
numbering_ranks(void **state)
{
    (void)state;
    int right = score3("1.属于国家秘密", "denied.state_secret", 0);
    int none = score3("属于国家秘密", "denied.state_secret", 0);
    int wrong = score3("2.属于国家秘密", "denied.state_secret", 0);
    int wrong_level = score3("(一)属于国家秘密", "denied.state_secret", 0);
    assert_int_equal(right, 120);
    assert_int_equal(none, 100);
    assert_true(right > none);
    assert_true(wrong < none);
    assert_true(wrong < right);
    assert_true(wrong_level < right);
    /* full-width numbering as in the template */
    assert_int_equal(score3("（一）予以公开", "granted", 0), right);
    assert_int_equal(score3("(一)予以公开", "granted", 0), right);
    assert_int_equal(
        score3("一、本年新收政府信息公开申请数量", "new_received", 0), right);
}

/* A wrong number lowers the score below what the right number gets, for an
 * exact, a cut-short and a typo label alike. */
static void
wrong_number_lowers(void **state)
{
    (void)state;
    assert_true(
        score3("3.其他法律行政法规禁止公开", "denied.law_forbidden", 0) <
        score3("2.其他法律行政法规禁止公开", "denied.law_forbidden", 0));
    assert_true(score3("5.保护第三方合", "denied.third_party", 0) <
                score3("4.保护第三方合", "denied.third_party", 0));
    assert_true(score3("5.保护第三方合", "denied.third_party", 0) <
                score3("保护第三方合", "denied.third_party", 0));
    assert_true(score3("3.其他法律行政止公开", "denied.law_forbidden", 0) <
                score3("2.其他法律行政止公开", "denied.law_forbidden", 0));
    assert_true(score3("(二)予以公开", "granted", 0) <
                score3("(一)予以公开", "granted", 0));
}

/* "4. 保护第三方合" and "法权益" later (seed 3, a page break). */
static void
cut_short_label(void **state)
{
    (void)state;
    assert_best3("4.保护第三方合", "denied.third_party", 60);
    assert_best3("4. 保护第三方合", "denied.third_party", 60);
    assert_best3("保护第三方合", "denied.third_party", 60);
    int cut = score3("4.保护第三方合", "denied.third_party", 0);
    int full = score3("4.保护第三方合法权益", "denied.third_party", 0);
    assert_true(cut < full);
    /* a longer piece scores at least as well as a shorter one */
    assert_true(score3("4.保护第三方合法", "denied.third_party", 0) >= cut);
    /* two characters are enough only with the row's own number: "属于"
     * alone begins five rows */
    assert_true(score3("4.保护", "denied.third_party", 0) > 0);
    assert_int_equal(score3("保护", "denied.third_party", 0), 0);
    assert_int_equal(score3("5.保护", "denied.third_party", 0), 0);
    int bs;
    best3("属于", 0, &bs, NULL);
    assert_int_equal(bs, 0);
    assert_int_equal(score3("4.保", "denied.third_party", 0), 0);
}

/* "其他法律行政止公开": two characters dropped, one kept wrong. */
static void
typo_label(void **state)
{
    (void)state;
    assert_best3("2.其他法律行政止公开", "denied.law_forbidden", 60);
    assert_best3("其他法律行政止公开", "denied.law_forbidden", 50);
    assert_best3("2.其他法律行政法规禁止公开", "denied.law_forbidden", 110);
    /* one character wrong (卷 -> 件), or one too many */
    assert_best3("7.属于行政执法案件", "denied.enforcement_file", 50);
    assert_best3("属于行政执法案件", "denied.enforcement_file", 50);
    assert_best3("7.属于行政执法案卷宗", "denied.enforcement_file", 50);
}

/* The label with extra text around it still matches. */
static void
label_with_extra_text(void **state)
{
    (void)state;
    assert_best3("(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
                 "partial", 110);
    assert_best3("(二)部分公开", "partial", 110);
}

/* "其他" and "总计" recur everywhere: alone they match only when expected
 * or numbered. */
static void
short_labels(void **state)
{
    (void)state;
    assert_int_equal(score3("其他", "other.misc", 0), 0);
    assert_true(score3("其他", "other.misc", 1) >= 100);
    assert_true(score3("3.其他", "other.misc", 0) >= 110);
    assert_true(score3("3. 其 他", "other.misc", 0) >= 110);
    assert_int_equal(score3("5.其他", "other.misc", 0), 0);
    assert_int_equal(score3("5.其他", "other.misc", 1), 0);

    assert_int_equal(score3("总计", "result_total", 0), 0);
    assert_true(score3("总计", "result_total", 1) >= 100);
    assert_true(score3("(七)总计", "result_total", 0) >= 110);
    assert_true(score3("（七）总计", "result_total", 0) >= 110);
    assert_true(score3("(七) 总计", "result_total", 0) >= 110);
    assert_int_equal(score3("(六)总计", "result_total", 0), 0);

    /* alone and unexpected, no Table 3 row takes them */
    int bs;
    best3("其他", 0, &bs, NULL);
    assert_int_equal(bs, 0);
    best3("总计", 0, &bs, NULL);
    assert_int_equal(bs, 0);

    /* a longer label that contains 其他 is not "其他" */
    assert_int_equal(score3("其他处理", "other.misc", 1), 0);
    assert_best3("(六)其他处理", "other.all", 110);
}

/* Captions and fragments that are no row's label. */
static void
unrelated_text(void **state)
{
    (void)state;
    static const char *const junk[] = {
        "收到和处理政府信息公开申请情况",
        "申请人情况",
        "形，不计其他情形）",
        "形,不计其他情形)",
        "2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息"
        "类）：4267",
        "法权益",
        "自然人",
    };
    const ogi_skel_table_t *t = ogi_skeleton_table(OGI_T3);
    for (size_t j = 0; j < sizeof(junk) / sizeof(junk[0]); j++) {
        ogi__label_t l = norm(junk[j]);
        for (size_t r = 0; r < t->nrows; r++)
            for (int expected = 0; expected <= 1; expected++) {
                int s = ogi__label_score_row(&l, OGI_T3, r, expected);
                if (s >= 50)
                    print_error("\"%s\" scores %d on \"%s%s\"\n", junk[j], s,
                                t->rows[r].number, t->rows[r].label);
                assert_true(s < 50);
            }
    }
}

/* A row index past the table scores 0. */
static void
row_out_of_range(void **state)
{
    (void)state;
    ogi__label_t l = norm("1.属于国家秘密");
    const ogi_skel_table_t *t = ogi_skeleton_table(OGI_T3);
    assert_int_equal(ogi__label_score_row(&l, OGI_T3, t->nrows, 1), 0);
    assert_int_equal(ogi__label_score_row(&l, OGI_T3, t->nrows + 100, 1), 0);
    /* and group rows can be recognised by their own label */
    size_t g = group_of(OGI_T3, "不予公开");
    l = norm("(三)不予公开");
    assert_true(ogi__label_score_row(&l, OGI_T3, g, 0) >= 110);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbering_level1),
        cmocka_unit_test(numbering_level2),
        cmocka_unit_test(numbering_level3),
        cmocka_unit_test(numbering_stop_dropped),
        cmocka_unit_test(not_numbering),
        cmocka_unit_test(core_quotes),
        cmocka_unit_test(core_whitespace),
        cmocka_unit_test(core_punctuation),
        cmocka_unit_test(core_letters_digits),
        cmocka_unit_test(chars_counts_code_points),
        cmocka_unit_test(invalid_bytes_skipped),
        cmocka_unit_test(long_label_bounded),
        cmocka_unit_test(skeleton_labels),
        cmocka_unit_test(label_starts),
        cmocka_unit_test(own_label_scores_highest),
        cmocka_unit_test(own_label_other_tables),
        cmocka_unit_test(rows_kept_with_label),
        cmocka_unit_test(numbering_ranks),
        cmocka_unit_test(wrong_number_lowers),
        cmocka_unit_test(cut_short_label),
        cmocka_unit_test(typo_label),
        cmocka_unit_test(label_with_extra_text),
        cmocka_unit_test(short_labels),
        cmocka_unit_test(unrelated_text),
        cmocka_unit_test(row_out_of_range),
    };
    return cmocka_run_group_tests_name("label", tests, NULL, NULL);
}
