/*
 * utf8_int.h - how far sixteen bytes of text hold whole characters of the
 * kinds a caller takes in bulk: single bytes of its choosing and
 * three-byte characters of its choosing (the ideographs and CJK
 * punctuation that make up most of a report). Decoding and the UTF-8
 * check of a text form test a block at once with it and leave everything
 * else to their byte loops.
 */
#ifndef OGI_UTF8_INT_H
#define OGI_UTF8_INT_H

#include <stdint.h>

/*
 * The masks have bit k for byte k of the sixteen: single (bytes taken
 * alone), lead (leads of the three-byte characters taken), cont
 * (continuation bytes, 10xxxxxx) and bad (bytes the caller refuses
 * whatever the others say). Returns how many bytes from the start are
 * whole characters taken: up to the first byte of no kind, a continuation
 * byte out of place or missing, a refused byte, or a character that ends
 * past the sixteen.
 */
static inline unsigned
ogi__utf8_run16(unsigned single, unsigned lead, unsigned cont, unsigned bad)
{
    /* the two bytes after each lead are its continuation bytes */
    unsigned want = ((lead << 1) | (lead << 2)) & 0xFFFFu;
    bad |= (~(single | lead | cont) & 0xFFFFu) | (cont ^ want) |
           (lead & 0xC000u);
    unsigned p = bad ? (unsigned)__builtin_ctz(bad) : 16;
    /* stopped inside a character: back to its lead (all before the first
     * bad byte is right, so its lead is the nearest one) */
    if ((want >> p) & 1)
        p -= (lead >> (p - 1)) & 1 ? 1 : 2;
    return p;
}

/* The same over sixty-four bytes, bit k for byte k: a block of a text's
 * loop costs little more to test than sixteen bytes do, so the more at a
 * turn the better. */
static inline unsigned
ogi__utf8_run64(uint64_t single, uint64_t lead, uint64_t cont, uint64_t bad)
{
    uint64_t want = (lead << 1) | (lead << 2);
    bad |= ~(single | lead | cont) | (cont ^ want) |
           (lead & UINT64_C(0xC000000000000000));
    if (!bad)
        return 64;
    unsigned p = (unsigned)__builtin_ctzll(bad);
    if ((want >> p) & 1)
        p -= (lead >> (p - 1)) & 1 ? 1 : 2;
    return p;
}

#endif /* OGI_UTF8_INT_H */
