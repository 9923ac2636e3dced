/*
 * text.c - normalisation of single characters, the map from normalised
 * back to raw offsets, and searching and squeezing normalised text (the
 * decoding itself is in text_decode.c).
 *
 * Reads only inside raw[0..len): every multi-byte read is checked against
 * an explicit end pointer, as the input is untrusted.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ogi/error.h"
#include "ogi/text.h"
#include "swar_int.h"

size_t
ogi_utf8_decode(const char *s, const char *end, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *e = (const unsigned char *)end;
    if (p >= e)
        return 0;
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        /* three bytes, most characters of a report (CJK): in one go */
        if (e - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
        uint32_t v3 = (uint32_t)(c & 0x0F) << 12 |
                      (uint32_t)(p[1] & 0x3F) << 6 | (uint32_t)(p[2] & 0x3F);
        if (v3 < 0x800 || (v3 >= 0xD800 && v3 <= 0xDFFF))
            return 0;
        *cp = v3;
        return 3;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)(e - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

size_t
ogi_utf8_len(const char *s, const char *end)
{
    uint32_t cp;
    size_t n = ogi_utf8_decode(s, end, &cp);
    return n ? n : 1;
}

int
ogi_text_fold(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return (int)(cp - 0xFEE0);
    switch (cp) {
        case 0x3000: /* ideographic space */
        case 0x00A0: /* no-break space */
        case 0x2002:
        case 0x2003:
        case 0x2009:
            return ' ';
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2015:
        case 0x2212:
        case 0xFE63:
            return '-';
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x300C: /* 「 */
        case 0x300D:
            return '"';
        case 0x2018:
        case 0x2019:
            return '\'';
        case 0x200B: /* zero-width space */
        case 0x200C:
        case 0x200D:
        case 0xFEFF:
        case 0x00AD: /* soft hyphen */
            return -1;
        default:
            return 0;
    }
}

size_t
ogi_text_fold_append(char *out, size_t o, size_t cap, const char *s,
                     int drop_space, size_t *chars)
{
    const char *e = s + strlen(s);
    while (s < e) {
        unsigned char c = (unsigned char)*s;
        /* ASCII and ideographs (U+4000-U+9FFF), most of a text, are kept
         * as they are: no decoding, no folding */
        if (c < 0x80 && o + 1 < cap) {
            if (!(drop_space && c == ' ')) {
                out[o++] = (char)c;
                if (chars)
                    (*chars)++;
            }
            s++;
            continue;
        }
        if (c >= 0xE4 && c <= 0xE9 && e - s >= 3 && o + 3 < cap &&
            ((unsigned char)s[1] & 0xC0) == 0x80 &&
            ((unsigned char)s[2] & 0xC0) == 0x80) {
            memcpy(out + o, s, 3);
            o += 3;
            if (chars)
                (*chars)++;
            s += 3;
            continue;
        }
        uint32_t cp;
        size_t l = ogi_utf8_decode(s, e, &cp);
        if (l == 0 || o + l >= cap)
            return (size_t)-1;
        int f = ogi_text_fold(cp);
        if (drop_space && (f == ' ' || cp == ' '))
            f = -1;
        if (f > 0)
            out[o++] = (char)f;
        else if (f == 0) {
            memcpy(out + o, s, l);
            o += l;
        }
        if (f >= 0 && chars)
            (*chars)++;
        s += l;
    }
    out[o] = '\0';
    return o;
}

size_t
ogi_text_shift_raw(const ogi_text_shift_t *map, size_t n, size_t off)
{
    size_t lo = 0, hi = n; /* past the last entry at or before off */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (map[mid].norm <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? map[lo - 1].raw + (off - map[lo - 1].norm) : off;
}

/* The last shift at or before normalised offset i (< t->len): shifts[0] is
 * at 0 and they grow, and the block index narrows the range. Halved
 * without a branch on the comparison, which in Chinese text with a shift
 * at every full-width comma is a coin toss. */
static inline size_t
shift_at(const ogi_text_t *t, size_t i)
{
    size_t lo = 0, n = t->nshifts;
    size_t b = i >> OGI_TEXT_BLOCK_BITS;
    if (b < t->nshift_blocks) {
        /* the last at or before i is no later than the last at or before
         * the next block's start */
        lo = t->shift_block[b];
        n = (b + 1 < t->nshift_blocks ? t->shift_block[b + 1] + 1u
                                      : t->nshifts) -
            lo;
    }
    while (n > 1) {
        size_t half = n / 2;
        lo = t->shifts[lo + half].norm <= i ? lo + half : lo;
        n -= half;
    }
    return lo;
}

size_t
ogi_text_shift_at(const ogi_text_t *t, size_t i)
{
    return shift_at(t, i);
}

size_t
ogi_text_shift_from(const ogi_text_t *t, size_t i, size_t from)
{
    if (from >= t->nshifts || t->shifts[from].norm > i)
        return shift_at(t, i);
    size_t lo = from, step = 1;
    while (lo + step < t->nshifts && t->shifts[lo + step].norm <= i) {
        lo += step;
        step *= 2;
    }
    size_t hi = lo + step < t->nshifts ? lo + step : t->nshifts;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->shifts[mid].norm <= i)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t
ogi_text_line_of(const ogi_text_t *t, size_t off)
{
    size_t lo = 0, hi = t->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

uint32_t
ogi_text_raw_offset(const ogi_text_t *t, size_t i)
{
    if (i >= t->len)
        return (uint32_t)t->raw_len;
    size_t lo = shift_at(t, i);
    return t->shifts[lo].raw + (uint32_t)(i - t->shifts[lo].norm);
}

void
ogi_text_raw_span(const ogi_text_t *t, size_t i, size_t n, uint32_t *a,
                  uint32_t *b)
{
    if (i >= t->len) {
        *a = *b = (uint32_t)t->raw_len;
        return;
    }
    size_t lo = shift_at(t, i);
    *a = t->shifts[lo].raw + (uint32_t)(i - t->shifts[lo].norm);
    size_t j = i + n;
    if (j >= t->len) {
        *b = (uint32_t)t->raw_len;
        return;
    }
    /* the last at or before j: on from i's */
    while (lo + 1 < t->nshifts && t->shifts[lo + 1].norm <= j)
        lo++;
    *b = t->shifts[lo].raw + (uint32_t)(j - t->shifts[lo].norm);
}

char *
ogi_text_squeeze(ogi_arena_t *arena, const char *s, size_t n, size_t *out_len)
{
    char *p = ogi_arena_alloc(arena, n + 1);
    if (!p)
        return NULL;
    /* n + 1 bytes always hold the squeezed text: it never grows */
    size_t o = ogi_text_squeeze_into(s, n, p, n + 1);
    if (out_len)
        *out_len = o;
    return p;
}

/* Whether the l bytes at p (their first and last already found equal to
 * lit's) are lit: the bytes between compared. A CJK character, the
 * literal most searched for, has one byte between, compared without a
 * call. */
static inline int
find_inner_eq(const char *p, const char *lit, size_t l)
{
    return l == 3 ? p[1] == lit[1] : memcmp(p + 1, lit + 1, l - 2) == 0;
}

const char *
ogi_text_find_len(const char *s, size_t n, const char *lit, size_t l)
{
    if (l == 0 || l > n)
        return l == 0 ? s : NULL;
    if (l == 1)
        return memchr(s, lit[0], n);
    size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    /* sixteen positions at a time, kept when both the first and the last
     * byte of lit are where they should be: in CJK text that pair is rare
     * (a lead byte alone is every third byte), so few are compared */
    const __m128i first = _mm_set1_epi8(lit[0]);
    const __m128i last = _mm_set1_epi8(lit[l - 1]);
    /* and the second byte: a CJK character's lead and last bytes match
     * those of many others */
    const __m128i second = _mm_set1_epi8(lit[1]);
    /* thirty-two positions a turn while they last, in position order */
    for (; n - i >= l - 1 + 32; i += 32) {
        const char *q = s + i;
        __m128i a0 = _mm_loadu_si128((const __m128i *)(const void *)q);
        __m128i b0 =
            _mm_loadu_si128((const __m128i *)(const void *)(q + l - 1));
        __m128i c0 = _mm_loadu_si128((const __m128i *)(const void *)(q + 1));
        __m128i a1 = _mm_loadu_si128((const __m128i *)(const void *)(q + 16));
        __m128i b1 =
            _mm_loadu_si128((const __m128i *)(const void *)(q + 16 + l - 1));
        __m128i c1 = _mm_loadu_si128((const __m128i *)(const void *)(q + 17));
        uint32_t m = (uint32_t)_mm_movemask_epi8(
                         _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(a0, first),
                                                     _mm_cmpeq_epi8(b0, last)),
                                       _mm_cmpeq_epi8(c0, second))) |
                     (uint32_t)_mm_movemask_epi8(
                         _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(a1, first),
                                                     _mm_cmpeq_epi8(b1, last)),
                                       _mm_cmpeq_epi8(c1, second)))
                         << 16;
        while (m) {
            unsigned k = (unsigned)__builtin_ctz(m);
            if (find_inner_eq(q + k, lit, l))
                return q + k;
            m &= m - 1;
        }
    }
    for (; n - i >= l - 1 + 16; i += 16) {
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i b =
            _mm_loadu_si128((const __m128i *)(const void *)(s + i + l - 1));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)));
        while (m) {
            unsigned k = (unsigned)__builtin_ctz(m);
            if (find_inner_eq(s + i + k, lit, l))
                return s + i + k;
            m &= m - 1;
        }
    }
    if (n - i >= l && n >= l - 1 + 16) {
        /* the last places as one block reaching back over places already
         * tested, those masked off */
        size_t base = n - (l - 1) - 16;
        __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + base));
        __m128i b =
            _mm_loadu_si128((const __m128i *)(const void *)(s + base + l - 1));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
                         _mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))) &
                     (0xFFFFu << (i - base));
        while (m) {
            unsigned k = (unsigned)__builtin_ctz(m);
            if (find_inner_eq(s + base + k, lit, l))
                return s + base + k;
            m &= m - 1;
        }
        return NULL;
    }
#endif
    for (; n - i >= l; i++)
        if (s[i] == lit[0] && s[i + l - 1] == lit[l - 1] &&
            find_inner_eq(s + i, lit, l))
            return s + i;
    return NULL;
}

int
ogi_text_is_page_number(const char *s, size_t n)
{
    const char *p = s, *e = s + n;
    while (p < e && ogi_text_is_space((unsigned char)*p))
        p++;
    while (e > p && ogi_text_is_space((unsigned char)e[-1]))
        e--;
    int dashed = 0, paged = 0;
    if (e - p >= 3 && memcmp(p, "第", 3) == 0) {
        paged = 1;
        p += 3;
    }
    while (p < e && (*p == '-' || *p == ' ')) {
        dashed |= *p == '-';
        p++;
    }
    size_t digits = 0;
    while (p < e && *p >= '0' && *p <= '9' && digits < 5) {
        p++;
        digits++;
    }
    int trailing = 0;
    while (p < e && (*p == '-' || *p == ' ')) {
        trailing |= *p == '-';
        p++;
    }
    if (paged && e - p >= 3 && memcmp(p, "页", 3) == 0)
        return digits > 0 && p + 3 == e;
    return digits > 0 && p == e && dashed && trailing;
}

size_t
ogi_text_line_squeezed(const ogi_text_t *t, size_t l, char *buf, size_t size,
                       const char **out)
{
    const ogi_squeezed_t *q = &t->sq;
    if (size == 0 || l >= t->nlines) {
        *out = q->s + q->len;
        return 0;
    }
    const char *p = q->s + q->line[l];
    size_t n = q->line[l + 1] - q->line[l];
    /* the spaces kept between letters or digits are dropped here; most
     * lines have none and are read in place (squeezing marked those that
     * do) */
    if (q->spaced ? q->spaced[l] != 0 : memchr(p, ' ', n) != NULL) {
        size_t o = 0;
        for (size_t i = 0; i < n && o < size; i++)
            if (p[i] != ' ')
                buf[o++] = p[i];
        p = buf;
        n = o;
    }
    if (n >= size) {
        /* cut at a character boundary */
        n = size - 1;
        while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
            n--;
    }
    *out = p;
    return n;
}

size_t
ogi_text_squeeze_into(const char *s, size_t n, char *buf, size_t size)
{
    if (size == 0)
        return 0;
    /* copy everything but spaces; bytes of multi-byte characters are never
     * spaces, so a plain byte loop is right for UTF-8 too */
    size_t o = 0, lim = size - 1;
    for (size_t i = 0; i < n;) {
        size_t stop = n;
        if (n - i >= 8 && lim - o >= 8) {
            /* a word without a byte <= 0x20 holds no space: copied whole;
             * a word of spaces (pdftotext's alignment): skipped whole */
            uint64_t x = ogi__word_load(s + i);
            if (!ogi__word_any_below(x, 0x21)) {
                memcpy(buf + o, s + i, 8);
                o += 8;
                i += 8;
                continue;
            }
            if (ogi__word_all(x, ' ')) {
                i += 8;
                continue;
            }
            stop = i + 8;
        }
        for (; i < stop; i++) {
            char c = s[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                c == '\v')
                continue;
            if (o == lim) {
                /* do not leave half a character behind */
                while (o > 0 && ((unsigned char)buf[o - 1] & 0xC0) == 0x80)
                    o--;
                if (o > 0 && (unsigned char)buf[o - 1] >= 0xC0)
                    o--;
                buf[o] = '\0';
                return size;
            }
            buf[o++] = c;
        }
    }
    buf[o] = '\0';
    return o;
}

/* ---------------------------------------------------------------------
 * Bounded byte-string helpers
 * ------------------------------------------------------------------ */

/* The literals ogi_text_find_any takes in one pass; more are searched one
 * by one. */
#define FIND_ANY_MAX 8

/* The first of lits[0..n) (lengths len[], two or more) that [x, end)
 * starts with; each tested by its first two bytes before the rest (most
 * places where one might start hold another character), a CJK
 * character's third without a call. */
static const char *
match_any(const char *x, const char *end, const char *const *lits,
          const size_t *len, size_t n, size_t *mlen)
{
    for (size_t k = 0; k < n; k++)
        if ((size_t)(end - x) >= len[k] && x[0] == lits[k][0] &&
            x[1] == lits[k][1] &&
            (len[k] == 3 ? x[2] == lits[k][2]
                         : memcmp(x, lits[k], len[k]) == 0)) {
            *mlen = len[k];
            return x;
        }
    return NULL;
}

/* A text this short is searched for many literals (or literals of one
 * byte) place by place: a search of its own for each would cost more than
 * reading it once. */
#define FIND_ANY_SHORT     256
#define FIND_ANY_SHORT_MAX 16 /* literals at most, for their lengths */

/* ogi_text_find_any over [p, end) (p < end), place by place: at each place
 * whose byte starts a literal, the literals in order, so that the earliest
 * match wins and the first listed among those there. */
static const char *
find_any_short(const char *p, const char *end, const char *const *lits,
               size_t n, size_t *mlen)
{
    /* the literals' lengths and first bytes (an empty literal is at
     * every place) */
    size_t len[FIND_ANY_SHORT_MAX];
    uint64_t first[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < n; k++) {
        len[k] = strlen(lits[k]);
        unsigned c = (unsigned char)lits[k][0];
        if (c == 0)
            first[0] = first[1] = first[2] = first[3] = ~UINT64_C(0);
        first[c >> 6] |= UINT64_C(1) << (c & 63);
    }
    for (const char *x = p; x < end; x++) {
        unsigned c = (unsigned char)*x;
        if (!((first[c >> 6] >> (c & 63)) & 1))
            continue;
        size_t left = (size_t)(end - x);
        for (size_t k = 0; k < n; k++) {
            size_t l = len[k];
            if (left >= l && (l < 2 || x[1] == lits[k][1]) &&
                memcmp(x, lits[k], l) == 0) {
                *mlen = l;
                return x;
            }
        }
    }
    return NULL;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* Bit k for place q + k (of sixteen) whose bytes at j0 and j1 are one of
 * the np pairs f[k], g[k]. */
static inline unsigned
pairs_at(const char *q, size_t j0, size_t j1, const __m128i *f,
         const __m128i *g, size_t np)
{
    __m128i a0 = _mm_loadu_si128((const __m128i *)(const void *)(q + j0));
    __m128i a1 = _mm_loadu_si128((const __m128i *)(const void *)(q + j1));
    __m128i m = _mm_setzero_si128();
    for (size_t k = 0; k < np; k++)
        m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(a0, f[k]),
                                          _mm_cmpeq_epi8(a1, g[k])));
    return (unsigned)_mm_movemask_epi8(m);
}

/*
 * The first place at or after *i (in blocks of sixteen, while the block
 * and j1 bytes after it are inside total) whose bytes at j0 and j1 are
 * one of the np pairs f[k], g[k]; *i is left at the block holding it, or
 * at the first block not read when there is none (NULL).
 */
static inline const char *
scan_pairs(const char *p, size_t *i, size_t total, size_t j0, size_t j1,
           const __m128i *f, const __m128i *g, size_t np)
{
    size_t at = *i, skip = at & 15u;
    /* a scan resumed inside a block reads that block again, its places
     * before at masked off */
    at -= skip;
    /* two blocks a turn while they last, then one */
    for (; total - at >= 32 + j1; at += 32) {
        uint32_t bits = (pairs_at(p + at, j0, j1, f, g, np) |
                         pairs_at(p + at + 16, j0, j1, f, g, np) << 16) &
                        (0xFFFFFFFFu << skip);
        skip = 0;
        if (bits) {
            *i = at;
            return p + at + (unsigned)__builtin_ctz(bits);
        }
    }
    for (; total - at >= 16 + j1; at += 16) {
        unsigned bits = pairs_at(p + at, j0, j1, f, g, np) & (0xFFFFu << skip);
        skip = 0;
        if (bits) {
            *i = at;
            return p + at + (unsigned)__builtin_ctz(bits);
        }
    }
    *i = at;
    return NULL;
}
#endif

const char *
ogi_text_find_any(const char *p, const char *end, const char *const *lits,
                  size_t n, size_t *mlen)
{
    size_t len[FIND_ANY_MAX];
    int one_pass = p < end && n > 0 && n <= FIND_ANY_MAX;
    for (size_t k = 0; one_pass && k < n; k++) {
        len[k] = strlen(lits[k]);
        one_pass = len[k] >= 2;
    }
    if (one_pass) {
        /* every place where two bytes are those of a literal, in order,
         * each tested against the literals in order: the earliest match,
         * the first listed of those there. The two are the second and the
         * third when every literal has three (a CJK word's first two
         * bytes are those of sixty-four characters, its second and third
         * those of a few), else the first two */
        size_t total = (size_t)(end - p), i = 0, minlen = len[0];
        for (size_t k = 1; k < n; k++)
            if (len[k] < minlen)
                minlen = len[k];
        /* and for literals of twelve bytes or more (four CJK characters)
         * the second and the eleventh, the second bytes of the first and
         * fourth characters, rarer together still (a word's first two
         * characters are often a common word of their own: 申请人情况) */
        size_t j0 = minlen >= 3 ? 1 : 0, j1 = minlen >= 12 ? 10 : j0 + 1;
#if defined(__SSE2__) && defined(__GNUC__)
        /* the distinct pairs (literals of a kind often share them) */
        __m128i f[FIND_ANY_MAX], g[FIND_ANY_MAX];
        f[0] = _mm_set1_epi8(lits[0][j0]);
        g[0] = _mm_set1_epi8(lits[0][j1]);
        size_t np = 1;
        for (size_t k = 1; k < n; k++) {
            size_t j = 0;
            while (j < k &&
                   !(lits[j][j0] == lits[k][j0] && lits[j][j1] == lits[k][j1]))
                j++;
            if (j < k)
                continue;
            f[np] = _mm_set1_epi8(lits[k][j0]);
            g[np] = _mm_set1_epi8(lits[k][j1]);
            np++;
        }
        /* padded with the first to four or eight, so that the tests of a
         * block are unrolled */
        size_t width = np <= 4 ? 4 : FIND_ANY_MAX;
        for (; np < width; np++) {
            f[np] = f[0];
            g[np] = g[0];
        }
        for (;;) {
            const char *x =
                width == 4
                    ? scan_pairs(p, &i, total, j0, j1, f, g, 4)
                    : scan_pairs(p, &i, total, j0, j1, f, g, FIND_ANY_MAX);
            if (!x)
                break;
            /* a candidate: the literals tested, the scan resumed after */
            if (match_any(x, end, lits, len, n, mlen))
                return x;
            i = (size_t)(x - p) + 1;
        }
        if (total >= 16 + j1 && i < total) {
            /* the last places as one block reaching back over places
             * already tested (masked off): every place the shortest
             * literal fits at is in it, j1 being below its length */
            size_t base = total - 16 - j1;
            unsigned bits = pairs_at(p + base, j0, j1, f, g, width) &
                            (0xFFFFu << (i - base));
            for (; bits; bits &= bits - 1) {
                const char *x = p + base + (unsigned)__builtin_ctz(bits);
                if (match_any(x, end, lits, len, n, mlen))
                    return x;
            }
            return NULL;
        }
#endif
        /* places the shortest literal fits at */
        for (; i < total && total - i >= minlen; i++)
            if (match_any(p + i, end, lits, len, n, mlen))
                return p + i;
        return NULL;
    }
    if (p < end && (size_t)(end - p) <= FIND_ANY_SHORT &&
        n <= FIND_ANY_SHORT_MAX)
        return find_any_short(p, end, lits, n, mlen);
    const char *best = NULL;
    for (size_t i = 0; i < n; i++) {
        /* a match that starts before best ends before best + its length */
        const char *lim = end;
        if (best && (size_t)(end - best) > strlen(lits[i]))
            lim = best + strlen(lits[i]);
        const char *q = ogi_text_find_in(p, lim, lits[i]);
        if (q && (!best || q < best)) {
            best = q;
            *mlen = strlen(lits[i]);
        }
    }
    return best;
}

const char *
ogi_text_suffix_any(const char *p, const char *end, const char *const *lits,
                    size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ogi_text_has_suffix(p, end, lits[i]))
            return lits[i];
    return NULL;
}

size_t
ogi_text_cjk_at(const char *p, const char *end)
{
    /* U+3400-U+9FFF: a lead E4-E9, or E3 and a second byte 90-BF, and
     * two continuation bytes (read as such rather than decoded: this is
     * asked of most characters of a report) */
    const unsigned char *u = (const unsigned char *)p;
    if (end - p < 3 || u[0] < 0xE3 || u[0] > 0xE9 ||
        (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return 0;
    return u[0] > 0xE3 || u[1] >= 0x90 ? 3 : 0;
}

int
ogi_text_cjk_before(const char *begin, const char *p)
{
    return p - begin >= 3 && ogi_text_cjk_at(p - 3, p) == 3;
}

int
ogi_text_cn_digit(const char *p, const char *end)
{
    static const char *const cn[] = {"一", "二", "三", "四", "五",
                                     "六", "七", "八", "九", "十"};
    if (end - p < 3)
        return 0;
    for (size_t k = 0; k < OGI_ARRAY_LEN(cn); k++)
        if (memcmp(p, cn[k], 3) == 0)
            return (int)k + 1;
    return 0;
}

size_t
ogi_text_count_chars(const char *p, const char *end)
{
    size_t c = 0;
    /* eight bytes at a time: their leads counted at once */
    for (; end - p >= 8; p += 8)
        c += ogi__word_leads(ogi__word_load(p));
    for (; p < end; p++)
        c += ((unsigned char)*p & 0xC0) != 0x80;
    return c;
}

int
ogi_text_has_digit(const char *p, const char *end)
{
    /* eight bytes at a time, since most of a text has no digit: the "has
     * a byte between" trick of Bit Twiddling Hacks, for bytes 0x30-0x39;
     * bytes >= 0x80 never match */
    const uint64_t ones = ~(uint64_t)0 / 255, high = ones * 128;
    size_t n = p < end ? (size_t)(end - p) : 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        uint64_t low = v & (ones * 127);
        if ((ones * (127 + '9' + 1) - low) & ~v &
            (low + ones * (127 - '0' + 1)) & high)
            return 1;
    }
    for (; i < n; i++)
        if (ogi_text_is_digit((unsigned char)p[i]))
            return 1;
    return 0;
}
