/*
 * number.h - reading one cell's text as a number (README "The report format":
 * what a cell holds).
 *
 * Works on normalised text (full-width digits and signs already folded):
 * "+2" → 2, "减 22" → -22, "增 3" → 3, "1,234" → 1234, "16769302.17" →
 * 1676930217 with scale 2, "251000元" → 251000 with unit 元, trailing
 * count units (件 条 项 个 次) dropped. Placeholders (— - -- / 无 不适用)
 * are recognised as such. Pure functions: thread-safe.
 */
#ifndef OGI_NUMBER_H
#define OGI_NUMBER_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    OGI_NUM_NONE = 0,    /* not a number */
    OGI_NUM_VALUE,       /* a number */
    OGI_NUM_PLACEHOLDER, /* a placeholder for "nothing" */
} ogi_num_kind_t;

typedef struct {
    ogi_num_kind_t kind;
    int64_t value;   /* scaled by 10^scale */
    uint8_t scale;   /* digits after the decimal point */
    uint8_t unit;    /* ogi_unit_t written in the cell */
    uint8_t sign;    /* 1 when a sign (+ - 增 减) was written */
} ogi_num_t;

/* Classifies s[0..n) (surrounding whitespace ignored) into *out and returns
 * out->kind. Never reads outside s[0..n). */
ogi_num_kind_t ogi_number_parse(const char *s, size_t n, ogi_num_t *out);

/* Digits a count may have (value * 10^scale stays inside int64). */
#define OGI_NUMBER_DIGITS_MAX 15

/* 1 when s[0..n) is a count in digits alone (1 to OGI_NUMBER_DIGITS_MAX
 * of them, no sign, separator, scale, unit or space), with its value in
 * *value, just as ogi_number_parse reads it; else 0 (*value unset). Most
 * cells of a table are such counts: inline, so that the readers tell
 * them without the call. */
static inline int
ogi_number_digits(const char *s, size_t n, int64_t *value)
{
    if (n == 0 || n > OGI_NUMBER_DIGITS_MAX)
        return 0;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return 1;
}

#endif /* OGI_NUMBER_H */
