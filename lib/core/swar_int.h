/*
 * swar_int.h - eight bytes of text tested at once.
 *
 * The text loops (decoding, squeezing) spend their time on runs of plain
 * bytes and runs of spaces; these tests let them take such a run a word at
 * a time and fall back to the byte loop only where something happens.
 * Callers check that 8 bytes remain before loading.
 */
#ifndef OGI_SWAR_INT_H
#define OGI_SWAR_INT_H

#include <stdint.h>
#include <string.h>

#define OGI__ONES  UINT64_C(0x0101010101010101)
#define OGI__HIGHS UINT64_C(0x8080808080808080)

static inline uint64_t
ogi__word_load(const char *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof(x));
    return x;
}

/* Nonzero when some byte of x is below n (n <= 128). */
static inline uint64_t
ogi__word_any_below(uint64_t x, unsigned n)
{
    return (x - OGI__ONES * n) & ~x & OGI__HIGHS;
}

/* Nonzero when some byte of x is 0x7F or above. */
static inline uint64_t
ogi__word_any_high(uint64_t x)
{
    return (x | (x + OGI__ONES)) & OGI__HIGHS;
}

/* Bytes of the word before the first one flagged in m (a mask of high
 * bits from the tests above, nonzero), in memory order: the tests flag
 * that first byte exactly (a borrow runs only upwards from it). 0 where
 * the byte order is unknown: a caller then goes on byte by byte. */
static inline unsigned
ogi__word_first(uint64_t m)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (unsigned)__builtin_ctzll(m) >> 3;
#else
    (void)m;
    return 0;
#endif
}

/* Whether all 8 bytes of x are c. */
static inline int
ogi__word_all(uint64_t x, unsigned char c)
{
    return x == OGI__ONES * c;
}

/* The high bit of each byte of x above 0x20 (not a space or a control
 * character), exactly: no borrow runs from one byte into the next. */
static inline uint64_t
ogi__word_above_space(uint64_t x)
{
    return (((x & ~OGI__HIGHS) + OGI__ONES * 0x5F) | x) & OGI__HIGHS;
}

/* How many bytes of x start a UTF-8 character (are no continuation
 * byte 10xxxxxx): the code points that begin in the word. */
static inline unsigned
ogi__word_leads(uint64_t x)
{
    /* bit 7 of each byte set and bit 6 clear: a continuation byte */
    uint64_t cont = (x & ~(x << 1) & OGI__HIGHS) >> 7;
    return 8 - (unsigned)((cont * OGI__ONES) >> 56);
}

/* Offset of the first byte above 0x20 in s[i..n), or n: a run of spaces
 * and line breaks (pdftotext's alignment) skipped a word at a time. */
static inline size_t
ogi__skip_spaces(const char *s, size_t i, size_t n)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                           \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (n - i >= 8) {
        uint64_t m = ogi__word_above_space(ogi__word_load(s + i));
        if (m)
            return i + (size_t)(__builtin_ctzll(m) >> 3);
        i += 8;
    }
#endif
    while (i < n && (unsigned char)s[i] <= 0x20)
        i++;
    return i;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* 1 when the 16 bytes at u start with five ideographs of U+4000-U+9FFF,
 * each a lead byte E4-E9 and two continuation bytes: most of a report's
 * text, taken fifteen bytes at a time. */
static inline int
ogi__cjk15(const unsigned char *u)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)0xE4));
    __m128i lead = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(5)), d);
    __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
                                  _mm_set1_epi8((char)0x80));
    unsigned ml = (unsigned)_mm_movemask_epi8(lead);
    unsigned mc = (unsigned)_mm_movemask_epi8(cont);
    /* leads at 0, 3, 6, 9 and 12; continuation bytes between them */
    return (ml & 0x1249u) == 0x1249u && (mc & 0x6DB6u) == 0x6DB6u;
}

/* 1 when the 16 bytes at u start with five valid three-byte characters
 * led by E1-EC or EE-EF (whatever their two continuation bytes: E0 and
 * ED, whose second bytes are narrower, are left out), as ideographs and
 * full-width punctuation are. */
static inline int
ogi__utf8_3x5(const unsigned char *u)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)0xE1));
    __m128i lead = _mm_andnot_si128(
        _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
        _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(0x0E)), d));
    __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
                                  _mm_set1_epi8((char)0x80));
    unsigned ml = (unsigned)_mm_movemask_epi8(lead);
    unsigned mc = (unsigned)_mm_movemask_epi8(cont);
    return (ml & 0x1249u) == 0x1249u && (mc & 0x6DB6u) == 0x6DB6u;
}
#endif

#endif /* OGI_SWAR_INT_H */
