/*
 * text_decode.c - a report's bytes to its normalised text, lines, squeezed
 * text and the map back to the raw bytes (ogi_text_decode).
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
#include "utf8_int.h"

static int
add_shift(ogi_arena_t *a, ogi_text_t *t, size_t *cap, size_t norm, size_t raw)
{
    if (t->shifts[t->nshifts - 1].norm == norm) {
        t->shifts[t->nshifts - 1].raw = (uint32_t)raw;
        return 0;
    }
    if (t->nshifts == *cap) {
        /* seldom: the room given at the start is a report's (decode) */
        ogi_text_shift_t *p = ogi_arena_grow(a, t->shifts, *cap * sizeof(*p),
                                             *cap * 2 * sizeof(*p));
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

/* Appends the line [start, end) of the text to t->lines, grown in the
 * arena as the shifts are. */
static inline int
add_line(ogi_arena_t *a, ogi_text_t *t, size_t *cap, size_t start, size_t end)
{
    if (t->nlines == *cap) {
        ogi_line_t *p = ogi_arena_grow(a, t->lines, *cap * sizeof(*p),
                                       *cap * 2 * sizeof(*p));
        if (!p)
            return OGI_ENOMEM;
        t->lines = p;
        *cap *= 2;
    }
    t->lines[t->nlines].start = (uint32_t)start;
    t->lines[t->nlines].end = (uint32_t)end;
    t->nlines++;
    return 0;
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

/* The error of a text holding a NUL byte at raw offset i. */
static int
nul_at(size_t i, char *why, size_t why_size)
{
    snprintf(why, why_size, "binary data: NUL byte at offset %zu", i);
    return OGI_ENCODING;
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

/*
 * t->sq from t->s: whitespace removed, one space kept between two ASCII
 * letters or digits, in one pass. A line's squeezed text starts where the
 * run of whitespace holding its line break ends (every line but the first
 * starts after a LF), the one space kept before it.
 */
static int
squeeze_lines(ogi_arena_t *arena, ogi_text_t *t)
{
    ogi_squeezed_t *q = &t->sq;
    q->s = ogi_arena_alloc(arena, t->len + 1);
    q->line = ogi_arena_alloc(arena, (t->nlines + 1) * sizeof(*q->line));
    q->spaced = ogi_arena_calloc(arena, t->nlines + 1, 1);
    if (!q->s || !q->line || !q->spaced)
        return OGI_ENOMEM;
    const char *s = t->s;
    char *o = q->s;
    /* the arrays in locals: the stores into them could otherwise be
     * taken to change t's fields, reloaded at every run */
    const ogi_line_t *lines = t->lines;
    uint32_t *qline = q->line;
    unsigned char *spaced = q->spaced;
    size_t nlines = t->nlines;
    size_t n = t->len, i = 0, k = 0, l = 0;
    /* the first line starts at the start, whatever it starts with */
    if (nlines > 0)
        qline[l++] = 0;
    /* the start of line l, the next a run of whitespace may hold */
    size_t next_start = l < nlines ? lines[l].start : SIZE_MAX;
    while (i < n) {
        /* a run of bytes above a space, copied as they are (a byte of a
         * multi-byte character is never a space), and where the run of
         * whitespace after it ends */
        size_t j;
#if defined(__SSE2__) && defined(__GNUC__)
        if (n - i >= 16) {
            /* sixteen at a time, stored whole (o never runs ahead of s) */
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            _mm_storeu_si128((__m128i *)(void *)(o + k), v);
            unsigned m = (unsigned)_mm_movemask_epi8(
                _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x20)), v));
            if (!m) {
                k += 16;
                i += 16;
                continue;
            }
            unsigned r = (unsigned)__builtin_ctz(m);
            k += r;
            /* the whitespace from r on ends in the sixteen, or after */
            unsigned after = ~m & (0xFFFFu << r) & 0xFFFFu;
            j = after ? i + (unsigned)__builtin_ctz(after)
                      : ogi__skip_spaces(s, i + 16, n);
            i += r;
        } else
#endif
        {
            while (i < n && (unsigned char)s[i] > 0x20)
                o[k++] = s[i++];
            if (i >= n)
                break;
            j = ogi__skip_spaces(s, i, n);
        }
        /* one space kept between two letters or digits, before the lines
         * starting in the whitespace */
        if (k > 0 && j < n && ogi_text_is_alnum((unsigned char)o[k - 1]) &&
            ogi_text_is_alnum((unsigned char)s[j])) {
            /* in the line started last (the lines starting in this run
             * start after it) */
            spaced[l > 0 ? l - 1 : 0] = 1;
            o[k++] = ' ';
        }
        /* most runs hold no line's start: one test for them */
        if (j >= next_start) {
            while (l < nlines && lines[l].start <= j)
                qline[l++] = (uint32_t)k;
            next_start = l < nlines ? lines[l].start : SIZE_MAX;
        }
        i = j;
    }
    while (l <= nlines)
        qline[l++] = (uint32_t)k;
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

#if defined(__SSE2__) && defined(__GNUC__)
/* What normalisation makes of a window of 64 bytes, bit k for byte k. */
typedef struct {
    uint64_t single; /* printable ASCII, tabs and LFs: kept as they are */
    uint64_t lead;   /* leads E3-E9 of the characters kept3 keeps */
    uint64_t cont;   /* continuation bytes, 10xxxxxx */
    uint64_t nl;     /* LFs */
    uint64_t bad;    /* leads of E3 80 80/8C/8D, which are folded */
} kinds64_t;

/*
 * The kinds of the 64 bytes at u into *m, the 64 stored at o whatever
 * they are (o has room: the text never runs ahead of u). Sixty-four at a
 * turn: the masks' arithmetic after the vector tests costs the same for a
 * window of any size.
 */
static inline void
kinds64(const unsigned char *u, char *o, kinds64_t *m)
{
    uint64_t single = 0, lead = 0, cont = 0, nl = 0, e3 = 0;
    for (unsigned k = 0; k < 64; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + k));
        _mm_storeu_si128((__m128i *)(void *)(o + k), v);
        /* 0x20-0x7E are those that, one more, are above 0x20 as signed
         * bytes (0x7F and the high bytes wrap below) */
        __m128i print = _mm_cmpgt_epi8(_mm_add_epi8(v, _mm_set1_epi8(1)),
                                       _mm_set1_epi8(0x20));
        __m128i n = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
        __m128i one = _mm_or_si128(_mm_or_si128(print, n),
                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
        __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)0xE3));
        __m128i l = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(6)), d);
        /* 80-BF, as signed bytes, are those below C0 */
        __m128i c = _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0));
        single |= (uint64_t)(unsigned)_mm_movemask_epi8(one) << k;
        lead |= (uint64_t)(unsigned)_mm_movemask_epi8(l) << k;
        cont |= (uint64_t)(unsigned)_mm_movemask_epi8(c) << k;
        nl |= (uint64_t)(unsigned)_mm_movemask_epi8(n) << k;
        e3 |= (uint64_t)(unsigned)_mm_movemask_epi8(
                  _mm_cmpeq_epi8(d, _mm_setzero_si128()))
              << k;
    }
    /* the ideographic space and 「」 (E3 80 80/8C/8D) are folded: looked
     * for after their leads, a few in a window of CJK punctuation (a lead
     * in the last two bytes is cut whatever follows) */
    uint64_t bad = 0;
    for (e3 &= ~UINT64_C(0) >> 2; e3; e3 &= e3 - 1) {
        unsigned k = (unsigned)__builtin_ctzll(e3);
        if (u[k + 1] == 0x80 &&
            (u[k + 2] == 0x80 || u[k + 2] == 0x8C || u[k + 2] == 0x8D))
            bad |= UINT64_C(1) << k;
    }
    *m = (kinds64_t){single, lead, cont, nl, bad};
}

/* How many bytes of the window from byte q on (q < 64) are kept as they
 * are, in whole characters: up to the first byte that is not, or the last
 * character the window holds whole. */
static inline unsigned
kept_from(const kinds64_t *m, unsigned q)
{
    return ogi__utf8_run64(m->single >> q, m->lead >> q, m->cont >> q,
                           m->bad >> q);
}
#endif

/* The ASCII byte a full-width form U+FF01-U+FF5E at u (len bytes left)
 * folds to (，：（）１２ to ,:()12), or 0 when u holds none. */
static inline int
fullwidth(const unsigned char *u, size_t len)
{
    if (len < 3 || u[0] != 0xEF)
        return 0;
    if (u[1] == 0xBC && u[2] >= 0x81 && u[2] <= 0xBF)
        return u[2] - 0x60;
    if (u[1] == 0xBD && u[2] >= 0x80 && u[2] <= 0x9E)
        return u[2] - 0x20;
    return 0;
}

/* How many bytes a window may read from its start: its 64, and the 16 a
 * block stored again after a fold may read past them. */
#define WINDOW_READ 80

/* How many of u[from..to) are bytes of multi-byte characters (>= 0x80):
 * what broken sequences are weighed against, counted only once some are
 * found. */
static size_t
count_high(const unsigned char *u, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += u[i] >= 0x80;
    return n;
}

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
    /* a NUL byte (binary data) is told by the byte loop below, which every
     * byte that is no character of a text goes to: no pass of its own */

    out->s = ogi_arena_alloc(arena, len - i + 1);
    /* room for the lines and shifts of a report as they run (a line in
     * about 32 bytes, a full-width comma in about 64), so that they are
     * seldom grown */
    size_t cap = 64 + len / 64, lcap = 256 + len / 32;
    out->shifts = ogi_arena_alloc(arena, cap * sizeof(*out->shifts));
    out->lines = ogi_arena_alloc(arena, lcap * sizeof(*out->lines));
    if (!out->s || !out->shifts || !out->lines)
        return OGI_ENOMEM;
    /* the text in a local: a store through it could otherwise be taken
     * to change out's fields, reloaded after every one */
    char *os = out->s;
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
    size_t o = 0, ctrl = 0, bcap = 0;
    size_t lstart = 0; /* where the line being read starts in the text */
    /* the bytes >= 0x80 in raw[out->bom..hpos) */
    size_t high = 0, hpos = i;
    int rc;
    while (i < len) {
#if defined(__SSE2__) && defined(__GNUC__)
        if (len - i >= WINDOW_READ) {
            /* the bulk of a report (ASCII, line breaks, ideographs and CJK
             * punctuation) a window of sixty-four bytes at a time, to the
             * first byte that is neither copied as it is nor part of a
             * character folded here: a full-width form (one in eighty
             * bytes of a report) or another one that is folded, dropped
             * or kept, the rest of the window stored again after it
             * rather than its kinds worked out again */
            for (;;) {
                kinds64_t m;
                kinds64(u + i, os + o, &m);
                size_t base = i; /* the window is raw[base, base + 64) */
                unsigned q = 0, p;
                int f;
                for (;;) {
                    p = kept_from(&m, q);
                    if (p) {
                        SHIFT_AT(o, i);
                        uint64_t lf = m.nl >> q;
                        if (p < 64)
                            lf &= (UINT64_C(1) << p) - 1;
                        for (; lf; lf &= lf - 1) {
                            size_t at = o + (unsigned)__builtin_ctzll(lf);
                            if ((rc = add_line(arena, out, &lcap, lstart, at)))
                                return rc;
                            lstart = at + 1;
                        }
                        i += p;
                        o += p;
                        q += p;
                    }
                    if (q >= 62)
                        break;
                    size_t cn = 3;
                    f = fullwidth(u + i, len - i);
                    if (!f) {
                        /* another character of more than one byte
                         * within the window (curly quotes, dashes,
                         * symbols): folded, dropped or kept as the byte
                         * loop below would; a broken one or a control
                         * character is left to that loop */
                        uint32_t cp;
                        cn = ogi_utf8_decode(raw + i, end, &cp);
                        if (cn < 2 || q + cn > 64)
                            break;
                        f = ogi_text_fold(cp);
                        if (f == 0) {
                            /* kept: its bytes are in place already */
                            SHIFT_AT(o, i);
                            i += cn;
                            o += cn;
                            q += (unsigned)cn;
                            if (q >= 62)
                                break;
                            continue;
                        }
                    }
                    if (f > 0) {
                        SHIFT_AT(o, i);
                        os[o++] = (char)f;
                    }
                    i += cn;
                    q += (unsigned)cn;
                    if (q >= 62)
                        break;
                    /* within WINDOW_READ of base: both sides have room */
                    for (size_t x = i; x < base + 64; x += 16)
                        _mm_storeu_si128(
                            (__m128i *)(void *)(os + o + (x - i)),
                            _mm_loadu_si128(
                                (const __m128i *)(const void *)(u + x)));
                }
                /* on while windows are taken whole but for a character
                 * cut at the end */
                if (q < 62 || len - i < WINDOW_READ)
                    break;
            }
            if (i >= len)
                break;
        }
#endif
        /* plain printable ASCII and tabs, and the bulk of a report:
         * ideographs and CJK punctuation, U+3000 to U+9FFF. Copied as
         * they are, in one run */
        if ((u[i] >= 0x20 && u[i] < 0x7F) || u[i] == '\t' ||
            kept3(u + i, len - i)) {
            SHIFT_AT(o, i);
            size_t i0 = i;
            for (;;) {
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
                while (kept3(u + i, len - i))
                    i += 3;
            }
            memcpy(os + o, raw + i0, i - i0);
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
                if (c == 0)
                    return nul_at(i, why, why_size);
                ctrl++;
                c = ' ';
            } else if (c == 0x7F) {
                ctrl++;
                c = ' ';
            }
            if (c == '\n') {
                if ((rc = add_line(arena, out, &lcap, lstart, o)))
                    return rc;
                lstart = o + 1;
            }
            SHIFT_AT(o, i);
            os[o++] = (char)c;
            i++;
            continue;
        }
        /* full-width ASCII U+FF01-U+FF5E (，：（）１２): to ASCII */
        int fw = fullwidth(u + i, len - i);
        if (fw) {
            SHIFT_AT(o, i);
            os[o++] = (char)fw;
            i += 3;
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
            i = b;
            /* mostly broken long before the end: not UTF-8, and no
             * need to read (and remember) the rest */
            if (out->nbroken >= BROKEN_EARLY) {
                high += count_high(u, hpos, i);
                hpos = i;
                if (out->nbroken * (OGI_TEXT_BROKEN_RATIO / 2) > high) {
                    /* a NUL byte left unread is told first, as it is of
                     * any text */
                    const char *nul = memchr(raw + i, 0, len - i);
                    return nul ? nul_at((size_t)(nul - raw), why, why_size)
                               : not_utf8(out, why, why_size);
                }
            }
            continue;
        }
        int f = ogi_text_fold(cp);
        if (f > 0) {
            SHIFT_AT(o, i);
            os[o++] = (char)f;
        } else if (f == 0) {
            SHIFT_AT(o, i);
            memcpy(os + o, raw + i, n);
            o += n;
        }
        i += n;
    }
#undef SHIFT_AT
    if (out->nbroken > 0 &&
        out->nbroken * OGI_TEXT_BROKEN_RATIO > high + count_high(u, hpos, len))
        return not_utf8(out, why, why_size);
    /* many control characters mean a binary file that happens to be UTF-8 */
    if (ctrl > 16 && ctrl * 20 > len) {
        snprintf(why, why_size, "binary data: %zu control characters", ctrl);
        return OGI_ENCODING;
    }
    out->s[o] = '\0';
    out->len = o;

    /* the last line, unless it would be an empty one after a final LF */
    if ((lstart < o || out->nlines == 0) &&
        (rc = add_line(arena, out, &lcap, lstart, o)))
        return rc;
    return squeeze_lines(arena, out);
}

int
ogi_text_decode(ogi_arena_t *arena, const char *raw, size_t len, size_t max,
                ogi_text_t *out, char *why, size_t why_size)
{
    memset(out, 0, sizeof(*out));
    /* the shifts and lines are the arena's, at the room decode gave them
     * (a report's, seldom grown): kept as they are */
    int rc = decode(arena, raw, len, max, out, why, why_size);
    if (rc == 0) {
        /* where each block of the text starts among the shifts */
        size_t nb = (out->len >> OGI_TEXT_BLOCK_BITS) + 1, k = 0;
        out->shift_block = ogi_arena_alloc(arena, nb * sizeof(uint32_t));
        if (!out->shift_block)
            rc = OGI_ENOMEM;
        for (size_t b = 0; b < nb && out->shift_block; b++) {
            size_t at = b << OGI_TEXT_BLOCK_BITS;
            while (k + 1 < out->nshifts && out->shifts[k + 1].norm <= at)
                k++;
            out->shift_block[b] = (uint32_t)k;
        }
        out->nshift_blocks = out->shift_block ? nb : 0;
    }
    if (rc == 0) {
        out->memo = ogi_arena_calloc(arena, 1, sizeof(*out->memo));
        if (out->memo)
            out->memo->arena = arena;
        else
            rc = OGI_ENOMEM;
    }
    if (rc) {
        out->shifts = NULL;
        out->lines = NULL;
        out->nshifts = 0;
        out->nlines = 0;
    }
    return rc;
}
