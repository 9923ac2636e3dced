/*
 * text.c - decoding and normalisation of a report's bytes.
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
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
        min = 0x800;
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

static int
add_shift(ogi_arena_t *a, ogi_text_t *t, size_t *cap, size_t norm, size_t raw)
{
    if (t->shifts[t->nshifts - 1].norm == norm) {
        t->shifts[t->nshifts - 1].raw = (uint32_t)raw;
        return 0;
    }
    if (t->nshifts == *cap) {
        /* grown on the heap, where realloc can extend in place; the arena
         * gets the exact array at the end (ogi_text_decode) */
        (void)a;
        ogi_text_shift_t *p = realloc(t->shifts, *cap * 2 * sizeof(*p));
        if (!p)
            return OGI_ENOMEM;
        t->shifts = p;
        *cap *= 2;
    }
    t->shifts[t->nshifts].norm = (uint32_t)norm;
    t->shifts[t->nshifts].raw = (uint32_t)raw;
    t->nshifts++;
    return 0;
}

/* Appends s[i..e) to o (at *n) squeezed: whitespace removed, one space
 * kept between two ASCII letters or digits. A run of whitespace is read
 * to its end even past e; returns where reading stopped (>= e). */
static size_t
squeeze_span(const char *s, size_t i, size_t e, size_t total, char *o,
             size_t *n)
{
    size_t k = *n;
    while (i < e) {
#if defined(__SSE2__) && defined(__GNUC__)
        /* sixteen bytes at a time, up to the first space among them (o
         * has room: it never runs ahead of s) */
        if (e - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            unsigned m = (unsigned)_mm_movemask_epi8(
                _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x20)), v));
            _mm_storeu_si128((__m128i *)(void *)(o + k), v);
            size_t run = m ? (size_t)__builtin_ctz(m) : 16;
            k += run;
            i += run;
            if (run == 16)
                continue;
        }
#endif
        /* the text is decoded: a byte <= 0x20 is a space, so a word without
         * one is copied whole */
        if (e - i >= 8 && !ogi__word_any_below(ogi__word_load(s + i), 0x21)) {
            memcpy(o + k, s + i, 8);
            k += 8;
            i += 8;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xE0 && i + 3 <= e) {
            /* a CJK character at once: its bytes are never spaces */
            memcpy(o + k, s + i, 3);
            k += 3;
            i += 3;
            continue;
        }
        if (c > 0x20) {
            o[k++] = (char)c;
            i++;
            continue;
        }
        size_t j = ogi__skip_spaces(s, i, total);
        if (k > 0 && j < total && ogi_text_is_alnum((unsigned char)o[k - 1]) &&
            ogi_text_is_alnum((unsigned char)s[j]))
            o[k++] = ' ';
        i = j;
    }
    *n = k;
    return i;
}

/*
 * How much of a text may be broken. html2text cuts a character wherever a
 * table's column ends and the next cell overwrites it: in its output about
 * one non-ASCII byte in thirty is part of a broken sequence at worst
 * (generated reports, 3.5%). In GBK text two thirds of the non-ASCII bytes
 * are, in Latin-1 all of them. One broken sequence per
 * OGI_TEXT_BROKEN_RATIO (8) non-ASCII bytes lies well between the two; a
 * report's hundreds of ideographs excuse a stray byte, a short text made
 * of little else does not. BROKEN_EARLY sequences at twice the ratio
 * settle it before the end.
 */
#define BROKEN_EARLY 1024

static int
add_broken(ogi_arena_t *a, ogi_text_t *t, size_t *cap, size_t norm,
           size_t raw)
{
    if (t->nbroken == *cap) {
        size_t c = *cap ? *cap * 2 : 32;
        uint32_t *p = ogi_arena_grow(a, t->broken, *cap * sizeof(*p),
                                     c * sizeof(*p));
        if (!p)
            return OGI_ENOMEM;
        t->broken = p;
        *cap = c;
    }
    if (t->nbroken == 0)
        t->broken_raw = raw;
    t->broken[t->nbroken++] = (uint32_t)norm;
    return 0;
}

static int
not_utf8(const ogi_text_t *t, char *why, size_t why_size)
{
    snprintf(why, why_size,
             "not valid UTF-8 at byte offset %zu (%zu broken sequences; GBK "
             "or another encoding is not supported yet)",
             t->broken_raw, t->nbroken);
    return OGI_ENCODING;
}

int
ogi_text_broken_at(const ogi_text_t *t, size_t i)
{
    size_t lo = 0, hi = t->nbroken;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->broken[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->nbroken && t->broken[lo] == i;
}

/* t->sq from t->s and t->lines, a line at a time so that each line's
 * start is known. */
static int
squeeze_lines(ogi_arena_t *arena, ogi_text_t *t)
{
    ogi_squeezed_t *q = &t->sq;
    q->s = ogi_arena_alloc(arena, t->len + 1);
    q->line = ogi_arena_alloc(arena, (t->nlines + 1) * sizeof(*q->line));
    if (!q->s || !q->line)
        return OGI_ENOMEM;
    size_t k = 0, i = 0;
    for (size_t l = 0; l < t->nlines; l++) {
        q->line[l] = (uint32_t)k;
        size_t e = l + 1 < t->nlines ? t->lines[l + 1].start : t->len;
        if (i < e)
            i = squeeze_span(t->s, i, e, t->len, q->s, &k);
    }
    q->line[t->nlines] = (uint32_t)k;
    q->s[k] = '\0';
    q->len = k;
    return 0;
}

/*
 * Whether the n bytes at u start with a character of U+3000-U+9FFF that
 * normalisation keeps as it is: all of them but the ideographic space and
 * 「」. Every such character is three valid bytes (E3-E9, two
 * continuation bytes).
 */
static inline int
kept3(const unsigned char *u, size_t n)
{
    if (n < 3 || u[0] < 0xE3 || u[0] > 0xE9 || (u[1] & 0xC0) != 0x80 ||
        (u[2] & 0xC0) != 0x80)
        return 0;
    return !(u[0] == 0xE3 && u[1] == 0x80 &&
             (u[2] == 0x80 || u[2] == 0x8C || u[2] == 0x8D));
}

#if defined(__SSE2__)
/* 1 when the 16 bytes at u start with five characters kept3 keeps: leads
 * E3-E9 at 0, 3, 6, 9 and 12 with continuation bytes between them, none
 * of them the ideographic space or a corner bracket (E3 80 80/8C/8D) */
static inline int
kept15(const unsigned char *u)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)0xE3));
    __m128i lead = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(6)), d);
    __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
                                  _mm_set1_epi8((char)0x80));
    unsigned ml = (unsigned)_mm_movemask_epi8(lead);
    unsigned mc = (unsigned)_mm_movemask_epi8(cont);
    if ((ml & 0x1249u) != 0x1249u || (mc & 0x6DB6u) != 0x6DB6u)
        return 0;
    unsigned e3 = (unsigned)_mm_movemask_epi8(
                      _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3))) &
                  0x1249u;
    for (unsigned k = 0; e3 && k < 15; k += 3)
        if (u[k] == 0xE3 && u[k + 1] == 0x80 &&
            (u[k + 2] == 0x80 || u[k + 2] == 0x8C || u[k + 2] == 0x8D))
            return 0;
    return 1;
}
#endif

static int
decode(ogi_arena_t *arena, const char *raw, size_t len, size_t max,
       ogi_text_t *out, char *why, size_t why_size)
{
    out->raw = raw;
    out->raw_len = len;
    if (why_size)
        why[0] = '\0';
    if (max == 0)
        max = OGI_TEXT_MAX_DEFAULT;
    if (len > max) {
        snprintf(why, why_size, "input of %zu bytes exceeds the limit of %zu",
                 len, max);
        return OGI_ETOOBIG;
    }
    if (len > UINT32_MAX - 1)
        return OGI_ETOOBIG;
    const unsigned char *u = (const unsigned char *)raw;
    size_t i = 0;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        i = 3;
    else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                          (u[0] == 0xFE && u[1] == 0xFF))) {
        snprintf(why, why_size, "UTF-16 text is not supported; convert it "
                                "to UTF-8");
        return OGI_ENCODING;
    }
    out->bom = i;
    const char *nul = len ? memchr(raw, 0, len) : NULL;
    if (nul) {
        snprintf(why, why_size, "binary data: NUL byte at offset %zu",
                 (size_t)(nul - raw));
        return OGI_ENCODING;
    }

    out->s = ogi_arena_alloc(arena, len - i + 1);
    size_t cap = 64;
    out->shifts = malloc(cap * sizeof(*out->shifts));
    if (!out->s || !out->shifts) {
        free(out->shifts);
        out->shifts = NULL;
        return OGI_ENOMEM;
    }
    out->shifts[0].norm = 0;
    out->shifts[0].raw = (uint32_t)i;
    out->nshifts = 1;
    long delta = (long)i; /* raw offset minus normalised offset */

/* Before emitting normalised byte o from raw byte i: a new shift when the
 * two no longer move together (after a fold or a dropped character). */
#define SHIFT_AT(o, i)                                                         \
    do {                                                                       \
        if ((long)(i) - (long)(o) != delta &&                                  \
            (rc = add_shift(arena, out, &cap, (o), (i))) != 0)                  \
            return rc;                                                         \
        delta = (long)(i) - (long)(o);                                         \
    } while (0)

    const char *end = raw + len;
    size_t o = 0, nl = 0, ctrl = 0, high = 0, bcap = 0;
    int rc;
    while (i < len) {
        /* plain printable ASCII and tabs, and the bulk of a report:
         * ideographs and CJK punctuation, U+3000 to U+9FFF. Copied as
         * they are, in one run */
        if ((u[i] >= 0x20 && u[i] < 0x7F) || u[i] == '\t' ||
            kept3(u + i, len - i)) {
            SHIFT_AT(o, i);
            size_t i0 = i;
            for (;;) {
#if defined(__SSE2__) && defined(__GNUC__)
                /* sixteen at a time, to the first byte that is not */
                while (len - i >= 16) {
                    __m128i v =
                        _mm_loadu_si128((const __m128i *)(const void *)(u + i));
                    __m128i ok =
                        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)),
                                      _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
                    unsigned m = ~(unsigned)_mm_movemask_epi8(ok) & 0xFFFFu;
                    if (m) {
                        i += (size_t)__builtin_ctz(m);
                        break;
                    }
                    i += 16;
                }
#endif
                while (len - i >= 8) {
                    uint64_t x = ogi__word_load(raw + i);
                    if (ogi__word_any_below(x, 0x20) || ogi__word_any_high(x))
                        break;
                    i += 8;
                }
                while (i < len &&
                       ((u[i] >= 0x20 && u[i] < 0x7F) || u[i] == '\t'))
                    i++;
                if (!kept3(u + i, len - i))
                    break;
                for (;;) {
#if defined(__SSE2__)
                    /* five at a time, each one kept3 keeps */
                    while (len - i >= 16 && kept15(u + i)) {
                        high += 15;
                        i += 15;
                    }
#endif
                    if (!kept3(u + i, len - i))
                        break;
                    high += 3;
                    i += 3;
                }
            }
            memcpy(out->s + o, raw + i0, i - i0);
            o += i - i0;
            if (i >= len)
                break;
        }
        unsigned c = u[i];
        if (c < 0x80) {
            if (c == '\r') {
                /* CR LF becomes LF; a lone CR is a line break */
                if (i + 1 < len && u[i + 1] == '\n') {
                    i++;
                    continue;
                }
                c = '\n';
            } else if (c < 0x20 && c != '\t' && c != '\n') {
                ctrl++;
                c = ' ';
            } else if (c == 0x7F) {
                ctrl++;
                c = ' ';
            }
            if (c == '\n')
                nl++;
            SHIFT_AT(o, i);
            out->s[o++] = (char)c;
            i++;
            continue;
        }
        /* full-width ASCII U+FF01-U+FF5E (，：（）１２): to ASCII */
        if (c == 0xEF && len - i >= 3 &&
            ((u[i + 1] == 0xBC && u[i + 2] >= 0x81 && u[i + 2] <= 0xBF) ||
             (u[i + 1] == 0xBD && u[i + 2] >= 0x80 && u[i + 2] <= 0x9E))) {
            SHIFT_AT(o, i);
            out->s[o++] =
                (char)(u[i + 1] == 0xBC ? u[i + 2] - 0x60 : u[i + 2] - 0x20);
            i += 3;
            high += 3;
            continue;
        }
        uint32_t cp;
        size_t n = ogi_utf8_decode(raw + i, end, &cp);
        if (n == 0) {
            /* dropped like a zero-width character, and remembered: a
             * reader of a table drawn by bytes learns from it where a
             * character was cut */
            size_t b = i + 1;
            while (b < len && b - i < OGI_TEXT_BROKEN_MAX &&
                   (u[b] & 0xC0) == 0x80)
                b++;
            if ((rc = add_broken(arena, out, &bcap, o, i)))
                return rc;
            high += b - i;
            i = b;
            /* mostly broken long before the end: not UTF-8, and no
             * need to read (and remember) the rest */
            if (out->nbroken >= BROKEN_EARLY &&
                out->nbroken * (OGI_TEXT_BROKEN_RATIO / 2) > high)
                return not_utf8(out, why, why_size);
            continue;
        }
        high += n;
        int f = ogi_text_fold(cp);
        if (f > 0) {
            SHIFT_AT(o, i);
            out->s[o++] = (char)f;
        } else if (f == 0) {
            SHIFT_AT(o, i);
            memcpy(out->s + o, raw + i, n);
            o += n;
        }
        i += n;
    }
#undef SHIFT_AT
    if (out->nbroken * OGI_TEXT_BROKEN_RATIO > high)
        return not_utf8(out, why, why_size);
    /* many control characters mean a binary file that happens to be UTF-8 */
    if (ctrl > 16 && ctrl * 20 > len) {
        snprintf(why, why_size, "binary data: %zu control characters", ctrl);
        return OGI_ENCODING;
    }
    out->s[o] = '\0';
    out->len = o;

    out->lines = ogi_arena_alloc(arena, (nl + 1) * sizeof(ogi_line_t));
    if (!out->lines)
        return OGI_ENOMEM;
    size_t start = 0, k = 0;
    for (;;) {
        const char *q = memchr(out->s + start, '\n', o - start);
        size_t j = q ? (size_t)(q - out->s) : o;
        if (!q && start == o && k > 0)
            break; /* no empty last line after a final LF */
        out->lines[k].start = (uint32_t)start;
        out->lines[k].end = (uint32_t)j;
        k++;
        if (!q)
            break;
        start = j + 1;
    }
    out->nlines = k;
    return squeeze_lines(arena, out);
}

int
ogi_text_decode(ogi_arena_t *arena, const char *raw, size_t len, size_t max,
                ogi_text_t *out, char *why, size_t why_size)
{
    memset(out, 0, sizeof(*out));
    int rc = decode(arena, raw, len, max, out, why, why_size);
    /* the shifts grew on the heap: the arena keeps them at their size */
    ogi_text_shift_t *heap = out->shifts;
    out->shifts = NULL;
    if (rc == 0 && heap) {
        out->shifts = ogi_arena_alloc(arena, out->nshifts * sizeof(*heap));
        if (out->shifts)
            memcpy(out->shifts, heap, out->nshifts * sizeof(*heap));
        else
            rc = OGI_ENOMEM;
    }
    free(heap);
    if (rc)
        out->nshifts = 0;
    return rc;
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

uint32_t
ogi_text_raw_offset(const ogi_text_t *t, size_t i)
{
    if (i >= t->len)
        return (uint32_t)t->raw_len;
    /* the last shift at or before i (shifts[0] is at 0, and they grow):
     * halving the range without a branch on the comparison, which in
     * Chinese text with a shift at every full-width comma is a coin toss */
    size_t lo = 0, n = t->nshifts;
    while (n > 1) {
        size_t half = n / 2;
        lo = t->shifts[lo + half].norm <= i ? lo + half : lo;
        n -= half;
    }
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
    /* the last shift at or before i, as ogi_text_raw_offset finds it */
    size_t lo = 0, m = t->nshifts;
    while (m > 1) {
        size_t half = m / 2;
        lo = t->shifts[lo + half].norm <= i ? lo + half : lo;
        m -= half;
    }
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

const char *
ogi_text_find(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
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
        uint32_t m =
            (uint32_t)_mm_movemask_epi8(_mm_and_si128(
                _mm_and_si128(_mm_cmpeq_epi8(a0, first),
                              _mm_cmpeq_epi8(b0, last)),
                _mm_cmpeq_epi8(c0, second))) |
            (uint32_t)_mm_movemask_epi8(_mm_and_si128(
                _mm_and_si128(_mm_cmpeq_epi8(a1, first),
                              _mm_cmpeq_epi8(b1, last)),
                _mm_cmpeq_epi8(c1, second)))
                << 16;
        while (m) {
            unsigned k = (unsigned)__builtin_ctz(m);
            if (memcmp(q + k + 1, lit + 1, l - 2) == 0)
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
            if (memcmp(s + i + k + 1, lit + 1, l - 2) == 0)
                return s + i + k;
            m &= m - 1;
        }
    }
#endif
    for (; n - i >= l; i++)
        if (s[i] == lit[0] && s[i + l - 1] == lit[l - 1] &&
            memcmp(s + i + 1, lit + 1, l - 2) == 0)
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
     * lines have none and are read in place */
    if (memchr(p, ' ', n)) {
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
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                c == '\f' || c == '\v')
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

const char *
ogi_text_find_any(const char *p, const char *end, const char *const *lits,
                  size_t n, size_t *mlen)
{
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
    uint32_t cp;
    size_t n = ogi_utf8_decode(p, end, &cp);
    return (n == 3 && cp >= 0x3400 && cp <= 0x9FFF) ? 3 : 0;
}

int
ogi_text_cjk_before(const char *begin, const char *p)
{
    return p - begin >= 3 && ogi_text_cjk_at(p - 3, p) == 3;
}

size_t
ogi_text_count_chars(const char *p, const char *end)
{
    size_t c = 0;
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
