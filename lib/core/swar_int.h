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

/* Whether all 8 bytes of x are c. */
static inline int
ogi__word_all(uint64_t x, unsigned char c)
{
    return x == OGI__ONES * c;
}

#endif /* OGI_SWAR_INT_H */
