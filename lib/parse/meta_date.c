/*
 * meta_date.c - years and the publication date of a report (meta.c).
 *
 * A year is 1990-2099 followed by 年; a date is written with digits
 * ("2021年2月5日", "2021-02-05", "2021.2.5", "2021/02/05") or with
 * Chinese numerals ("二〇二一年二月五日") and must exist in the calendar.
 * Everything is read through explicit end pointers. Thread-safe.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#include "meta_int.h"
#include "ogi/error.h"
#include "ogi/text.h"

/* ---------------------------------------------------------------------
 * Data tables
 * ------------------------------------------------------------------ */

static const char *const date_labels[] = {"发布日期", "发布时间", "公开日期"};

static const char *const period_words[] = {"统计期限", "统计期间", "统计时限",
                                           "统计时间", "统计周期", "统计区间",
                                           "统计时段"};

/* ---------------------------------------------------------------------
 * Years and dates
 * ------------------------------------------------------------------ */

/*
 * The first year "19xx年"/"20xx年" (1990-2099; spaces allowed before 年) in
 * [p, end): returns it and sets *at to its first digit and *after past 年;
 * 0 when there is none.
 */
int
ogi__meta_find_year(const char *p, const char *end, const char **at,
                    const char **after)
{
    for (const char *q = p; end - q >= 4; q++) {
        if (!ogi_text_is_digit((unsigned char)q[0]) ||
            (q > p && ogi_text_is_digit((unsigned char)q[-1])))
            continue;
        if (!ogi_text_is_digit((unsigned char)q[1]) ||
            !ogi_text_is_digit((unsigned char)q[2]) ||
            !ogi_text_is_digit((unsigned char)q[3]))
            continue;
        if (end - q > 4 && ogi_text_is_digit((unsigned char)q[4]))
            continue;
        int y = (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 +
                (q[3] - '0');
        if (y < 1990 || y > 2099)
            continue;
        const char *r = q + 4;
        while (r < end && (*r == ' ' || *r == '\t'))
            r++;
        if (ogi_text_has_prefix(r, end, "年")) {
            *at = q;
            *after = r + strlen("年");
            return y;
        }
    }
    return 0;
}

typedef struct {
    int y, m, d;
} ymd_t;

static int
date_valid(const ymd_t *d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    if (d->y < 1990 || d->y > 2099 || d->m < 1 || d->m > 12 || d->d < 1)
        return 0;
    if (d->d > mdays[d->m - 1])
        return 0;
    int leap = (d->y % 4 == 0 && d->y % 100 != 0) || d->y % 400 == 0;
    return !(d->m == 2 && d->d == 29 && !leap);
}

/* 1 to max ASCII digits at p into *v (a longer run is cut after max, and
 * callers check what follows); returns the end, or NULL. */
const char *
ogi__meta_read_uint(const char *p, const char *end, int max, int *v)
{
    int n = 0, x = 0;
    while (p < end && ogi_text_is_digit((unsigned char)*p) && n < max) {
        x = x * 10 + (*p++ - '0');
        n++;
    }
    if (n == 0)
        return NULL;
    *v = x;
    return p;
}

/* "2021年2月5日", "2021-02-05", "2021.2.5", "2021/02/05" at p: the end of
 * the date, or NULL. */
static const char *
parse_date_digits(const char *p, const char *end, ymd_t *d)
{
    const char *q = ogi__meta_read_uint(p, end, 4, &d->y);
    if (!q || q - p != 4 || q >= end)
        return NULL;
    if (ogi_text_has_prefix(q, end, "年")) {
        q = ogi__meta_read_uint(q + strlen("年"), end, 2, &d->m);
        if (!q || !ogi_text_has_prefix(q, end, "月"))
            return NULL;
        q = ogi__meta_read_uint(q + strlen("月"), end, 2, &d->d);
        if (!q)
            return NULL;
        return ogi_text_has_prefix(q, end, "日") ? q + strlen("日") : q;
    }
    char sep = *q;
    if (sep != '-' && sep != '.' && sep != '/')
        return NULL;
    q = ogi__meta_read_uint(q + 1, end, 2, &d->m);
    if (!q || q >= end || *q != sep)
        return NULL;
    return ogi__meta_read_uint(q + 1, end, 2, &d->d);
}

/* A Chinese numeral digit (〇 ○ 零 一 … 九, or an ASCII 0/O written in
 * their place) at p: its value with *len set, or -1. */
static int
cjk_digit(const char *p, const char *end, size_t *len)
{
    static const char *const digits[] = {"〇", "一", "二", "三", "四",
                                         "五", "六", "七", "八", "九"};
    if (p < end && (*p == '0' || *p == 'O' || *p == 'o')) {
        *len = 1;
        return 0;
    }
    for (int i = 0; i < 10; i++) {
        if (ogi_text_has_prefix(p, end, digits[i])) {
            *len = strlen(digits[i]);
            return i;
        }
    }
    if (ogi_text_has_prefix(p, end, "○") || ogi_text_has_prefix(p, end, "零")) {
        *len = 3;
        return 0;
    }
    return -1;
}

/* A Chinese numeral from 1 to 39 (五, 十, 十二, 二十五, 三十一) at p: its
 * end with *v set, or NULL. */
static const char *
cjk_small(const char *p, const char *end, int *v)
{
    size_t n = 0;
    int a = cjk_digit(p, end, &n);
    if (a > 0)
        p += n;
    else
        a = -1;
    if (ogi_text_has_prefix(p, end, "十")) {
        p += strlen("十");
        int tens = a > 0 ? a : 1;
        int b = cjk_digit(p, end, &n);
        if (b > 0)
            p += n;
        *v = tens * 10 + (b > 0 ? b : 0);
        return p;
    }
    if (a <= 0)
        return NULL;
    *v = a;
    return p;
}

/* "二〇二一年二月五日" at p: the end of the date, or NULL. */
static const char *
parse_date_cjk(const char *p, const char *end, ymd_t *d)
{
    d->y = 0;
    for (int i = 0; i < 4; i++) {
        size_t n = 0;
        int v = cjk_digit(p, end, &n);
        if (v < 0)
            return NULL;
        d->y = d->y * 10 + v;
        p += n;
    }
    if (!ogi_text_has_prefix(p, end, "年"))
        return NULL;
    p = cjk_small(p + strlen("年"), end, &d->m);
    if (!p || !ogi_text_has_prefix(p, end, "月"))
        return NULL;
    p = cjk_small(p + strlen("月"), end, &d->d);
    if (!p || !ogi_text_has_prefix(p, end, "日"))
        return NULL;
    return p + strlen("日");
}

/* A valid date in any accepted form at p: its end, or NULL. */
static const char *
parse_date(const char *p, const char *end, ymd_t *d)
{
    const char *q = parse_date_digits(p, end, d);
    if (!q)
        q = parse_date_cjk(p, end, d);
    return q && date_valid(d) ? q : NULL;
}

/* "YYYY-MM-DD" in the arena, or NULL when out of memory. */
static char *
format_date(ogi_arena_t *arena, const ymd_t *d)
{
    char buf[11];
    int parts[3] = {d->y, d->m, d->d};
    int widths[3] = {4, 2, 2};
    size_t o = 0;
    for (int i = 0; i < 3; i++) {
        if (i > 0)
            buf[o++] = '-';
        int v = parts[i];
        for (int k = widths[i] - 1; k >= 0; k--) {
            buf[o + (size_t)k] = (char)('0' + v % 10);
            v /= 10;
        }
        o += (size_t)widths[i];
    }
    return ogi_arena_strndup(arena, buf, o);
}

/* ---------------------------------------------------------------------
 * Year and publication date
 * ------------------------------------------------------------------ */

/* The year of the statistical period ("统计期限自2021年1月1日起"), or 0. */
int
ogi__meta_period_year(const ogi__meta_squeezed_t *sq)
{
    const char *at, *after, *p = sq->s;
    size_t ml = 0;
    /* a few mentions at most: each find_any pass may scan the whole text */
    for (int tries = 0;
         tries < 4 && (p = ogi_text_find_any(p, sq->end, period_words,
                                             OGI_ARRAY_LEN(period_words), &ml));
         tries++) {
        p += ml;
        const char *lim = sq->end - p > 60 ? p + 60 : sq->end;
        int y = ogi__meta_find_year(p, lim, &at, &after);
        if (y)
            return y;
    }
    return 0;
}

/* The year reported on when the title gives none: the statistical period
 * ("统计期限自2021年1月1日起"), else the first year in the first section
 * (its first 3000 bytes, and never in the last section, whose signature
 * date names the next year). */
int
ogi__meta_year_from_text(const ogi__meta_squeezed_t *sq, int period)
{
    const char *at, *after;
    if (period)
        return period;
    const char *lim = sq->tail > sq->body ? sq->tail : sq->end;
    if (lim - sq->body > 3000)
        lim = sq->body + 3000;
    return ogi__meta_find_year(sq->body, lim, &at, &after);
}

/*
 * The publication date: the last line after the last heading that is
 * nothing but a date ("2021年2月5日", "二〇二一年二月五日"), else a header
 * "发布日期：2020-01-31" before the first heading (never one pasted into
 * the body). *out stays NULL when neither exists.
 */
int
ogi__meta_date_extract(ogi_report_t *r, const ogi_text_t *t,
                       size_t first_heading, size_t last_heading)
{
    char buf[64];
    ymd_t d;
    for (size_t i = t->nlines; i-- > last_heading && i < t->nlines;) {
        const ogi_line_t *l = &t->lines[i];
        size_t n = ogi_text_squeeze_into(t->s + l->start, l->end - l->start,
                                         buf, sizeof(buf));
        if (n == 0 || n >= sizeof(buf))
            continue;
        if (parse_date(buf, buf + n, &d) == buf + n) {
            r->meta.published_on = format_date(r->arena, &d);
            return r->meta.published_on ? 0 : OGI_ENOMEM;
        }
    }
    for (size_t i = 0; i < first_heading && i < t->nlines; i++) {
        const ogi_line_t *l = &t->lines[i];
        const char *p = t->s + l->start, *end = t->s + l->end;
        size_t ml = 0;
        const char *k = ogi_text_find_any(p, end, date_labels,
                                          OGI_ARRAY_LEN(date_labels), &ml);
        if (!k)
            continue;
        size_t n = ogi_text_squeeze_into(k + ml, (size_t)(end - (k + ml)), buf,
                                         sizeof(buf));
        if (n >= sizeof(buf))
            n = sizeof(buf) - 1;
        const char *q = buf;
        if (q < buf + n && *q == ':')
            q++;
        if (parse_date(q, buf + n, &d)) {
            r->meta.published_on = format_date(r->arena, &d);
            return r->meta.published_on ? 0 : OGI_ENOMEM;
        }
    }
    return 0;
}
