/* number.c - one cell's text to a number, a placeholder, or nothing. */
#include "ogi_int.h"

#include <string.h>

#include "ogi/number.h"
#include "ogi/report.h"
#include "ogi/text.h"

#define MAX_INT_DIGITS OGI_NUMBER_DIGITS_MAX
#define MAX_DECIMALS   6
#define MAX_DIGITS     18 /* in all: 10^18 < 2^63 */

static int
starts(const char *s, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(end - s) >= n && memcmp(s, lit, n) == 0;
}

#define LIT(s) {s, sizeof(s) - 1}

/* Placeholders for "nothing": — and - are the same after normalisation.
 * A cell of ? or U+FFFD held a character an encoder or decoder could not
 * map (w3m writing GBK turns — into ?): never a digit, so a placeholder. */
static const struct {
    const char *text;
    size_t len;
} placeholders[] = {LIT("-"),  LIT("--"), LIT("---"),    LIT("/"), LIT("//"),
                    LIT("\\"), LIT("无"), LIT("不适用"), LIT("空"),
                    LIT("?"),  LIT("??"), LIT("\xEF\xBF\xBD")};

/* Trailing units: amount units set the cell unit, count units are dropped. */
static const struct {
    const char *text;
    size_t len;
    int unit;
} units[] = {
    {"万元", sizeof("万元") - 1, OGI_UNIT_WAN_YUAN},
    {"元", sizeof("元") - 1, OGI_UNIT_YUAN},
    {"件", sizeof("件") - 1, 0},
    {"条", sizeof("条") - 1, 0},
    {"项", sizeof("项") - 1, 0},
    {"个", sizeof("个") - 1, 0},
    {"次", sizeof("次") - 1, 0},
    {"份", sizeof("份") - 1, 0},
};

/* 1 when s[0..n) is one of the placeholders. */
static int
is_placeholder(const char *s, size_t n)
{
    for (size_t i = 0; i < OGI_ARRAY_LEN(placeholders); i++)
        if (n == placeholders[i].len && memcmp(s, placeholders[i].text, n) == 0)
            return 1;
    return 0;
}

/* ogi_number_parse of any text, out already zeroed: the cases its fast
 * paths do not settle. Out of line, so that those paths (most calls) pay
 * for none of its registers. */
static ogi_num_kind_t __attribute__((noinline))
parse_general(const char *s, size_t n, ogi_num_t *out)
{
    const char *p = s, *end = s + n;
    /* (a byte above a space, as most first and last bytes are, is none) */
    while (p < end && (unsigned char)*p <= ' ' &&
           (*p == ' ' || *p == '\t' || *p == '\n'))
        p++;
    while (end > p && (unsigned char)end[-1] <= ' ' &&
           (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n'))
        end--;
    if (p == end)
        return OGI_NUM_NONE;

    /* a number starts with a digit or a sign: most words fail here */
    unsigned char c0 = (unsigned char)*p;
    if (!ogi_text_is_digit(c0) && c0 != '+' && c0 != '-' && c0 < 0x80 &&
        c0 != '/' && c0 != '\\' && c0 != '?')
        return OGI_NUM_NONE;
    /* a word of other characters (a label's, most of them) is a number
     * only as a placeholder of one or three characters (无, 不适用, 空)
     * or after 增 or 减 (lead byte E5) */
    if (c0 >= 0x80 && end - p != 3 && end - p != 9 && c0 != 0xE5)
        return OGI_NUM_NONE;
    /* no placeholder starts with a digit */
    if (!ogi_text_is_digit(c0) && is_placeholder(p, (size_t)(end - p)))
        return out->kind = OGI_NUM_PLACEHOLDER;

    int neg = 0;
    if (*p == '+' || *p == '-') {
        neg = *p == '-';
        out->sign = 1;
        p++;
    } else if (c0 == 0xE5 && (starts(p, end, "增") || starts(p, end, "减"))) {
        neg = starts(p, end, "减");
        out->sign = 1;
        p += strlen("增");
        while (p < end && *p == ' ')
            p++;
    }
    if (p == end || !ogi_text_is_digit(*p))
        return OGI_NUM_NONE;

    int64_t v = 0;
    int int_digits = 0, scale = 0, in_frac = 0;
    /* the integer's leading digits, most of a count: no decimals yet, so
     * only their own limit applies */
    while (p < end && ogi_text_is_digit(*p)) {
        if (++int_digits > MAX_INT_DIGITS)
            return OGI_NUM_NONE;
        v = v * 10 + (*p - '0');
        p++;
    }
    while (p < end) {
        char c = *p;
        if (ogi_text_is_digit(c)) {
            if (in_frac) {
                if (scale == MAX_DECIMALS)
                    return OGI_NUM_NONE;
                scale++;
            } else if (++int_digits > MAX_INT_DIGITS) {
                return OGI_NUM_NONE;
            }
            if (int_digits + scale > MAX_DIGITS)
                return OGI_NUM_NONE; /* value * 10^scale must fit int64 */
            v = v * 10 + (c - '0');
            p++;
        } else if (c == ',' && !in_frac && int_digits > 0 && end - p > 3 &&
                   ogi_text_is_digit(p[1]) && ogi_text_is_digit(p[2]) &&
                   ogi_text_is_digit(p[3]) &&
                   (end - p == 4 || !ogi_text_is_digit(p[4]))) {
            p++; /* thousands separator: exactly three digits follow */
        } else if (c == '.' && !in_frac && p + 1 < end &&
                   ogi_text_is_digit(p[1])) {
            in_frac = 1;
            p++;
        } else {
            break;
        }
    }
    if (p < end) {
        /* a unit set a space apart ("5965000 元": text that changes
         * script, as PDF converters write it) */
        while (p < end && *p == ' ')
            p++;
        size_t i;
        for (i = 0; i < OGI_ARRAY_LEN(units); i++) {
            size_t len = units[i].len;
            if ((size_t)(end - p) == len &&
                memcmp(p, units[i].text, len) == 0) {
                out->unit = (uint8_t)units[i].unit;
                break;
            }
        }
        if (i == OGI_ARRAY_LEN(units))
            return OGI_NUM_NONE;
    }
    out->value = neg ? -v : v;
    out->scale = (uint8_t)scale;
    return out->kind = OGI_NUM_VALUE;
}

/* ogi_number_parse of a text that starts with a byte above ASCII, out
 * already zeroed: a word (a label's, most of them), a number only after
 * 增 or 减 (lead byte E5, that of no placeholder), else a placeholder word
 * or nothing, which, with no whitespace to trim, its bytes tell. */
static ogi_num_kind_t __attribute__((noinline))
parse_word(const char *s, size_t n, ogi_num_t *out)
{
    if ((unsigned char)s[0] == 0xE5) {
        if (!starts(s, s + n, "增") && !starts(s, s + n, "减"))
            return OGI_NUM_NONE;
    } else if ((unsigned char)s[n - 1] > ' ') {
        return is_placeholder(s, n) ? (out->kind = OGI_NUM_PLACEHOLDER)
                                    : OGI_NUM_NONE;
    }
    return parse_general(s, n, out);
}

/* ogi_number_parse of a text that starts with a digit and ends with a
 * byte above ASCII, out already zeroed: a number with a unit after it
 * ("5965000元"), whose last character every unit ends with, or nothing
 * (a numbered label: "8.属于行政查询事项"). */
static ogi_num_kind_t __attribute__((noinline))
parse_digits_word(const char *s, size_t n, ogi_num_t *out)
{
    for (size_t i = 0; n >= 3 && i < OGI_ARRAY_LEN(units); i++)
        if (memcmp(s + n - 3, units[i].text + units[i].len - 3, 3) == 0)
            return parse_general(s, n, out);
    return OGI_NUM_NONE;
}

ogi_num_kind_t
ogi_number_parse(const char *s, size_t n, ogi_num_t *out)
{
    memset(out, 0, sizeof(*out));
    if (n == 0)
        return OGI_NUM_NONE;
    /* most cells are a count of a few digits and most words a label's:
     * told here by their first and last bytes, which, above a space, say
     * that no whitespace needs trimming (the general path reads them the
     * same way) */
    unsigned char c0 = (unsigned char)s[0], cl = (unsigned char)s[n - 1];
    if (c0 < 0x80 && c0 > ' ' && !ogi_text_is_digit(c0) && c0 != '+' &&
        c0 != '-' && c0 != '/' && c0 != '\\' && c0 != '?')
        return OGI_NUM_NONE;
    if (cl > ' ' && c0 >= 0x80 && n != 3 && n != 9 && c0 != 0xE5)
        return OGI_NUM_NONE;
    if (c0 >= 0x80)
        return parse_word(s, n, out);
    if (ogi_text_is_digit(c0) && ogi_text_is_digit(cl) &&
        ogi_number_digits(s, n, &out->value))
        return out->kind = OGI_NUM_VALUE;
    if (ogi_text_is_digit(c0) && cl >= 0x80)
        return parse_digits_word(s, n, out);
    return parse_general(s, n, out);
}
