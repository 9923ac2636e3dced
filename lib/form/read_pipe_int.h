/*
 * read_pipe_int.h - the line tests of the pipe reader (read_pipe.c): a
 * line's first byte past its blanks, the bars of a row, the rule under
 * a header. Private to lib/form.
 */
#ifndef OGI_READ_PIPE_INT_H
#define OGI_READ_PIPE_INT_H

#include <stddef.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "reader_int.h"

/* First non-blank byte of line l at or after start, or the line's end. */
static inline size_t
skip_blank(const ogi_text_t *t, size_t i, size_t end)
{
    while (i < end && (t->s[i] == ' ' || t->s[i] == '\t'))
        i++;
    return i;
}

/* The first place in s[i..n) that holds byte c0, c1, c2 or c3 (a byte
 * named twice for fewer), or n: sixteen bytes at a time, as most of a
 * row's bytes are text and none of the marks looked for. */
static inline size_t
find4(const char *s, size_t i, size_t n, char c0, char c1, char c2, char c3)
{
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i v0 = _mm_set1_epi8(c0), v1 = _mm_set1_epi8(c1);
    const __m128i v2 = _mm_set1_epi8(c2), v3 = _mm_set1_epi8(c3);
    for (; n - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, v0), _mm_cmpeq_epi8(v, v1)),
            _mm_or_si128(_mm_cmpeq_epi8(v, v2), _mm_cmpeq_epi8(v, v3)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return i + (unsigned)__builtin_ctz(bits);
    }
#endif
    for (; i < n; i++)
        if (s[i] == c0 || s[i] == c1 || s[i] == c2 || s[i] == c3)
            return i;
    return n;
}

/* Bars in s[a..b) that are not escaped with a backslash, counted up to
 * max (a caller asking whether there are so many stops there). */
static inline size_t
count_bars(const char *s, size_t a, size_t b, size_t max)
{
    size_t n = 0;
    for (size_t i = a; n < max;) {
        i = find4(s, i, b, '|', '\\', '|', '\\');
        if (i >= b)
            break;
        if (s[i] == '|')
            n++;
        /* past a bar, or past a backslash and the byte it escapes */
        i += s[i] == '\\' && i + 1 < b ? 2 : 1;
    }
    return n;
}

/* 1 when line l is a pipe row: it starts or ends with a bar and holds at
 * least two (a one-column row "| x |" included); or, with bare (the
 * table has a |---|---| rule, as GFM asks of a table whose rows lack
 * their outer bars: Python's html2text writes "规章| 0| 0| 0"), it holds
 * a bar anywhere. */
static inline int
is_pipe_row(const ogi_text_t *t, size_t l, int bare)
{
    size_t a = skip_blank(t, t->lines[l].start, t->lines[l].end);
    size_t b = t->lines[l].end;
    while (b > a && (t->s[b - 1] == ' ' || t->s[b - 1] == '\t'))
        b--;
    if (b <= a)
        return 0;
    if (bare)
        return count_bars(t->s, a, b, 1) >= 1;
    if (t->s[a] != '|' && t->s[b - 1] != '|')
        return 0;
    return count_bars(t->s, a, b, 2) >= 2;
}

/* 1 when line l is the rule under a header: bars, dashes, colons and
 * spaces only, with a dash. */
static inline int
is_rule(const ogi_text_t *t, size_t l)
{
    int dash = 0, bar = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    /* sixteen bytes at a time (a rule is as long as its table's rows),
     * the last sixteen overlapping those before */
    const char *s = t->s;
    size_t a = t->lines[l].start, e = t->lines[l].end;
    /* most lines are text: settled by their first byte */
    if (a < e && s[a] != '|' && s[a] != '-' && s[a] != ':' && s[a] != ' ' &&
        s[a] != '\t')
        return 0;
    if (e - a >= 16)
        for (size_t i = a;; i += 16) {
            if (e - i < 16)
                i = e - 16;
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i d = _mm_cmpeq_epi8(v, _mm_set1_epi8('-'));
            __m128i b = _mm_cmpeq_epi8(v, _mm_set1_epi8('|'));
            __m128i ok = _mm_or_si128(
                _mm_or_si128(d, b),
                _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')),
                                 _mm_cmpeq_epi8(v, _mm_set1_epi8(' '))),
                    _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
            if (_mm_movemask_epi8(ok) != 0xFFFF)
                return 0;
            dash |= _mm_movemask_epi8(d) != 0;
            bar |= _mm_movemask_epi8(b) != 0;
            if (i + 16 == e)
                return dash && bar;
        }
#endif
    for (size_t i = t->lines[l].start; i < t->lines[l].end; i++) {
        char c = t->s[i];
        if (c == '-')
            dash = 1;
        else if (c == '|')
            bar = 1;
        else if (c != ':' && c != ' ' && c != '\t')
            return 0;
    }
    return dash && bar;
}

/* 1 when line l is a rule of three or more dashes and nothing else: the
 * rule under a one-column table's header (Python's html2text writes
 * "---" below a caption row), or a thematic break. Markdown escapes a
 * cell or a line of text that is dashes ("\--"), so such a line holds
 * no value (it is no "-" or "--" of a cell not applicable). */
static inline int
is_dash_rule(const ogi_text_t *t, size_t l)
{
    size_t a = skip_blank(t, t->lines[l].start, t->lines[l].end);
    size_t n = 0;
    for (size_t i = a; i < t->lines[l].end; i++) {
        if (t->s[i] == '-')
            n++;
        else if (t->s[i] != ' ' && t->s[i] != '\t')
            return 0;
    }
    return n >= 3;
}

#endif /* OGI_READ_PIPE_INT_H */
