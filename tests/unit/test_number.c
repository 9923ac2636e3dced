/*
 * test_number.c - one cell's text as a number (include/ogi/number.h,
 * lib/core/number.c), against the README ("The report format": what a cell
 * holds; "The forms ogi reads").
 *
 * The text reaching ogi_number_parse is already normalised by
 * ogi_text_decode: full-width digits and signs are ASCII, every dash is
 * '-'. Usage example:
 *
 *     ogi_num_t v;
 *     switch (ogi_number_parse(cell, cell_len, &v)) {
 *     case OGI_NUM_VALUE:        v.value / 10^v.scale, v.unit, v.sign
 *     case OGI_NUM_PLACEHOLDER:  "-", "/", "无": NA
 *     case OGI_NUM_NONE:         text
 *     }
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/number.h"
#include "ogi/report.h"

/* Parses s and checks every field of a value. */
static void
check_value(const char *s, int64_t value, unsigned scale, unsigned unit,
            unsigned sign)
{
    ogi_num_t n;
    memset(&n, 0xA5, sizeof(n)); /* garbage: every field must be written */
    ogi_num_kind_t k = ogi_number_parse(s, strlen(s), &n);
    if (k != OGI_NUM_VALUE || n.value != value || n.scale != scale ||
        n.unit != unit || n.sign != sign)
        print_error("\"%s\": kind %d value %lld scale %u unit %u sign %u\n", s,
                    (int)k, (long long)n.value, n.scale, n.unit, n.sign);
    assert_int_equal(k, OGI_NUM_VALUE);
    assert_int_equal(n.kind, OGI_NUM_VALUE);
    assert_true(n.value == value);
    assert_int_equal(n.scale, scale);
    assert_int_equal(n.unit, unit);
    assert_int_equal(n.sign, sign);
}

static void
check_kind(const char *s, ogi_num_kind_t want)
{
    ogi_num_t n;
    memset(&n, 0xA5, sizeof(n));
    ogi_num_kind_t k = ogi_number_parse(s, strlen(s), &n);
    if (k != want)
        print_error("\"%s\": kind %d, want %d (value %lld)\n", s, (int)k,
                    (int)want, (long long)n.value);
    assert_int_equal(k, want);
    assert_int_equal(n.kind, want);
}

static void
check_none(const char *s)
{
    check_kind(s, OGI_NUM_NONE);
}

/* ---- values ---- */

static void
plain_integers(void **state)
{
    (void)state;
    check_value("0", 0, 0, OGI_UNIT_NONE, 0);
    check_value("12", 12, 0, OGI_UNIT_NONE, 0);
    check_value("7", 7, 0, OGI_UNIT_NONE, 0);
    check_value("4267", 4267, 0, OGI_UNIT_NONE, 0);
    check_value("007", 7, 0, OGI_UNIT_NONE, 0);
    check_value("999999999999999", INT64_C(999999999999999), 0, OGI_UNIT_NONE,
                0); /* 15 digits: the most accepted */
}

static void
signed_deltas(void **state)
{
    (void)state;
    check_value("+2", 2, 0, OGI_UNIT_NONE, 1);
    check_value("+566", 566, 0, OGI_UNIT_NONE, 1);
    check_value("+1740", 1740, 0, OGI_UNIT_NONE, 1);
    check_value("-5", -5, 0, OGI_UNIT_NONE, 1);
    check_value("-0", 0, 0, OGI_UNIT_NONE, 1);
    check_value("+0", 0, 0, OGI_UNIT_NONE, 1);
}

/* 减 N and 增 N, with or without a space (seed 3). */
static void
chinese_signs(void **state)
{
    (void)state;
    check_value("减 22", -22, 0, OGI_UNIT_NONE, 1);
    check_value("减22", -22, 0, OGI_UNIT_NONE, 1);
    check_value("减 1", -1, 0, OGI_UNIT_NONE, 1);
    check_value("减 144", -144, 0, OGI_UNIT_NONE, 1);
    check_value("增 3", 3, 0, OGI_UNIT_NONE, 1);
    check_value("减5 ", -5, 0, OGI_UNIT_NONE, 1);
    check_none("其他"); /* lead byte E5, as 增's and 减's */
    check_none("审结 ");
    check_none("计");
    check_none("自然人");
    check_kind("\xEF\xBF\xBD", OGI_NUM_PLACEHOLDER);
    check_none("8.属于行政查询事项"); /* a numbered label */
    check_none("2.重复申请");
    check_value("3次", 3, 0, OGI_UNIT_NONE, 0);
    check_value("1.5万元", 15, 1, OGI_UNIT_WAN_YUAN, 0);
    check_value("增3", 3, 0, OGI_UNIT_NONE, 1);
    check_value("减  7", -7, 0, OGI_UNIT_NONE, 1);
}

static void
thousands_separators(void **state)
{
    (void)state;
    check_value("1,234", 1234, 0, OGI_UNIT_NONE, 0);
    check_value("1,234,567", 1234567, 0, OGI_UNIT_NONE, 0);
    check_value("12,345", 12345, 0, OGI_UNIT_NONE, 0);
    check_value("-1,000", -1000, 0, OGI_UNIT_NONE, 1);
    check_value("1,234.56", 123456, 2, OGI_UNIT_NONE, 0);
    check_value("1,000元", 1000, 0, OGI_UNIT_YUAN, 0);
}

static void
decimals(void **state)
{
    (void)state;
    check_value("16769302.17", INT64_C(1676930217), 2, OGI_UNIT_NONE, 0);
    check_value("9184322.81", INT64_C(918432281), 2, OGI_UNIT_NONE, 0);
    check_value("96171.6", 961716, 1, OGI_UNIT_NONE, 0);
    check_value("0.5", 5, 1, OGI_UNIT_NONE, 0);
    check_value("3.00", 300, 2, OGI_UNIT_NONE, 0);
    check_value("-0.25", -25, 2, OGI_UNIT_NONE, 1);
    check_value("1.123456", 1123456, 6, OGI_UNIT_NONE, 0);
}

static void
units(void **state)
{
    (void)state;
    check_value("251000元", 251000, 0, OGI_UNIT_YUAN, 0);
    check_value("26102万元", 26102, 0, OGI_UNIT_WAN_YUAN, 0);
    check_value("2.5万元", 25, 1, OGI_UNIT_WAN_YUAN, 0);
    check_value("16769302.17元", INT64_C(1676930217), 2, OGI_UNIT_YUAN, 0);
    /* count units are dropped */
    check_value("12件", 12, 0, OGI_UNIT_NONE, 0);
    check_value("3条", 3, 0, OGI_UNIT_NONE, 0);
    check_value("5项", 5, 0, OGI_UNIT_NONE, 0);
    check_value("0件", 0, 0, OGI_UNIT_NONE, 0);
    check_value("+2件", 2, 0, OGI_UNIT_NONE, 1);
    check_value("减 3件", -3, 0, OGI_UNIT_NONE, 1);
    /* a unit a space apart, as PDF converters set a change of script */
    check_value("5965000 元", 5965000, 0, OGI_UNIT_YUAN, 0);
    check_value("2.5  万元", 25, 1, OGI_UNIT_WAN_YUAN, 0);
    check_value("12 件", 12, 0, OGI_UNIT_NONE, 0);
}

static void
surrounding_whitespace(void **state)
{
    (void)state;
    check_value("\t2", 2, 0, OGI_UNIT_NONE, 0); /* seeds 0, 1, 2, 4 */
    check_value("  12  ", 12, 0, OGI_UNIT_NONE, 0);
    check_value("\t 减 22 \t", -22, 0, OGI_UNIT_NONE, 1);
    check_value("\n1,234\n", 1234, 0, OGI_UNIT_NONE, 0);
    check_value(" 251000元\t", 251000, 0, OGI_UNIT_YUAN, 0);
}

/* Only s[0..n) is read: the buffer has no NUL, and digits follow n. */
static void
reads_only_n_bytes(void **state)
{
    (void)state;
    ogi_num_t n;
    assert_int_equal(ogi_number_parse("12345", 2, &n), OGI_NUM_VALUE);
    assert_true(n.value == 12);
    assert_int_equal(ogi_number_parse("1,2345", 5, &n), OGI_NUM_VALUE);
    assert_true(n.value == 1234);
    assert_int_equal(ogi_number_parse("7元5", 4, &n), OGI_NUM_VALUE);
    assert_int_equal(n.unit, OGI_UNIT_YUAN);

    /* heap copies exactly as long as the text: ASan sees any overread */
    static const char *const cells[] = {"1,234", "12.", "1,23", "减",   "+",
                                        "12元",  "-",   "1.5",  "减 2", "无"};
    for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
        size_t len = strlen(cells[i]);
        char *buf = malloc(len);
        assert_non_null(buf);
        memcpy(buf, cells[i], len);
        ogi_num_t a, b;
        ogi_number_parse(buf, len, &a);
        ogi_number_parse(cells[i], len, &b);
        assert_int_equal(a.kind, b.kind);
        assert_true(a.value == b.value);
        free(buf);
    }
}

/* ---- placeholders ---- */

static void
placeholders(void **state)
{
    (void)state;
    check_kind("-", OGI_NUM_PLACEHOLDER); /* also — – − － once folded */
    check_kind("--", OGI_NUM_PLACEHOLDER);
    check_kind("/", OGI_NUM_PLACEHOLDER);
    check_kind("无", OGI_NUM_PLACEHOLDER);
    check_kind("不适用", OGI_NUM_PLACEHOLDER);
    check_kind(" - ", OGI_NUM_PLACEHOLDER);
    check_kind("\t无\t", OGI_NUM_PLACEHOLDER);
    /* a character an encoder could not map: w3m -O GBK writes — as ? */
    check_kind("?", OGI_NUM_PLACEHOLDER);
    check_kind("??", OGI_NUM_PLACEHOLDER);
    check_kind("\xEF\xBF\xBD", OGI_NUM_PLACEHOLDER);
    check_none("8.属于行政查询事项"); /* a numbered label */
    check_none("2.重复申请");
    check_value("3次", 3, 0, OGI_UNIT_NONE, 0);
    check_value("1.5万元", 15, 1, OGI_UNIT_WAN_YUAN, 0); /* U+FFFD */
    check_none("?3");
    check_none("3?");
    check_none("???");
}

/* ---- not numbers ---- */

static void
empty_is_not_a_number(void **state)
{
    (void)state;
    ogi_num_t n;
    memset(&n, 0xA5, sizeof(n));
    assert_int_equal(ogi_number_parse("", 0, &n), OGI_NUM_NONE);
    assert_int_equal(n.kind, OGI_NUM_NONE);
    assert_true(n.value == 0);
    check_none("   ");
    check_none("\t\t");
    check_none(" \n ");
}

static void
text_is_not_a_number(void **state)
{
    (void)state;
    check_none("abc");
    check_none("2020年"); /* a year */
    check_none("第1项");  /* a reference */
    check_none("100%");   /* a percentage */
    check_none("4.");     /* a numbering, not a value */
    check_none("1.");
    check_none("12.");
    check_none(".5");
    check_none("1.2.3");
    check_none("12元5"); /* a unit in the middle */
    check_none("12件件");
    check_none("元");
    check_none("万元");
    check_none("12万"); /* 万 alone is not a unit */
    check_none("2020 年");
    check_none("12 元5");
    check_none("1 2");
    check_none("12a");
    check_none("0458-3608992"); /* a phone number (em dash folded) */
}

static void
signs_without_digits(void **state)
{
    (void)state;
    check_none("+");
    check_none("减");
    check_none("增");
    check_none("减 ");
    check_none("+-2");
    check_none("--2");
    check_none("减减2");
}

/* A stray markdown rule after the (九) row (seed 3) is not a value, nor a
 * placeholder. */
static void
rule_lines(void **state)
{
    (void)state;
    check_none("--------");
    check_none("-----");
    check_none("------------");
}

static void
bad_grouping(void **state)
{
    (void)state;
    check_none("1,23");
    check_none("1,2345");
    check_none("1,2");
    check_none(",123");
    check_none("1,,234");
    check_none("1,234,56");
    check_none("1.234,567"); /* no separator inside decimals */
    check_none("1,");
}

/* Too many digits for an int64 at the largest scale is refused rather than
 * overflowing. */
static void
overflow_guard(void **state)
{
    (void)state;
    check_none("1234567890123456");     /* 16 digits */
    check_none("99999999999999999999"); /* 20 digits */
    check_none("-9999999999999999999999");
    check_none("1,234,567,890,123,456"); /* 16 digits with separators */
    check_none("1.1234567");             /* more decimals than kept */
}

/* 15 integer digits plus 6 decimals is 21 digits, beyond int64 (about
 * 9.2e18): such a value must be refused, not wrap around. */
static void
overflow_guard_with_decimals(void **state)
{
    (void)state;
    check_none("999999999999999.999999");
    check_none("99999999999999.99999");
    /* 18 significant digits still fit */
    check_value("999999999999.999999", INT64_C(999999999999999999), 6,
                OGI_UNIT_NONE, 0);
}

/* Counts of digits alone and a label's words are told by their first and
 * last bytes; what only looks like them at the ends is read in full. */
static void
digits_and_words_at_the_ends(void **state)
{
    (void)state;
    check_value("0", 0, 0, OGI_UNIT_NONE, 0);
    check_value("123456789012345", INT64_C(123456789012345), 0, OGI_UNIT_NONE,
                0); /* 15 digits, the most an integer keeps */
    check_value("1,234", 1234, 0, OGI_UNIT_NONE, 0);
    check_value("12.5", 125, 1, OGI_UNIT_NONE, 0);
    check_none("2 3");
    check_none("1a1");
    check_none("情");
    check_none("政府信息");
    check_none("增");
    check_value("增 3", 3, 0, OGI_UNIT_NONE, 1);
    check_value("减5 ", -5, 0, OGI_UNIT_NONE, 1);
    check_none("其他"); /* lead byte E5, as 增's and 减's */
    check_none("审结 ");
    check_none("计");
    check_none("自然人");
    check_kind("\xEF\xBF\xBD", OGI_NUM_PLACEHOLDER);
    check_none("8.属于行政查询事项"); /* a numbered label */
    check_none("2.重复申请");
    check_value("3次", 3, 0, OGI_UNIT_NONE, 0);
    check_value("1.5万元", 15, 1, OGI_UNIT_WAN_YUAN, 0);
    check_value("3 ", 3, 0, OGI_UNIT_NONE, 0);
    check_kind("无 ", OGI_NUM_PLACEHOLDER);
    check_kind(" 不适用", OGI_NUM_PLACEHOLDER);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_integers),
        cmocka_unit_test(signed_deltas),
        cmocka_unit_test(chinese_signs),
        cmocka_unit_test(thousands_separators),
        cmocka_unit_test(decimals),
        cmocka_unit_test(units),
        cmocka_unit_test(surrounding_whitespace),
        cmocka_unit_test(reads_only_n_bytes),
        cmocka_unit_test(placeholders),
        cmocka_unit_test(empty_is_not_a_number),
        cmocka_unit_test(text_is_not_a_number),
        cmocka_unit_test(signs_without_digits),
        cmocka_unit_test(rule_lines),
        cmocka_unit_test(bad_grouping),
        cmocka_unit_test(overflow_guard),
        cmocka_unit_test(overflow_guard_with_decimals),
        cmocka_unit_test(digits_and_words_at_the_ends),
    };
    return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
