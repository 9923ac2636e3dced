/*
 * text.h - raw bytes to normalised text with a map back to the raw bytes.
 *
 * Decoding accepts UTF-8 with or without a BOM and rejects anything else
 * with a reason. A few broken sequences in UTF-8 text (a character cut in
 * half by a tool that wraps by bytes, a stray byte) are dropped and
 * counted, and where each was dropped is kept; text that is mostly broken
 * (GBK, Latin-1, binary) is rejected. Normalisation folds what reports vary in
 * but does not mean anything: full-width ASCII (（）：１２) to ASCII, the
 * ideographic space and NBSP to a space, every dash (— – − －) to '-', curly
 * quotes to ASCII quotes, CR LF to LF, zero-width characters removed. It never
 * makes the text longer, and ogi_text_raw_offset() gives the raw offset each
 * normalised byte came from, so spans found in the normalised text point
 * into the raw input.
 */
#ifndef OGI_TEXT_H
#define OGI_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/arena.h"

typedef struct {
    uint32_t start; /* offset of the first byte in text.s */
    uint32_t end;   /* offset one past the last byte, before the '\n' */
} ogi_line_t;

/* From normalised offset norm on (up to the next shift), raw offset =
 * raw + (offset - norm). */
typedef struct {
    uint32_t norm;
    uint32_t raw;
} ogi_text_shift_t;

/*
 * The text with its whitespace removed, except one space between two ASCII
 * letters or digits ("0517 87222589" stays apart, "90\n号" and "邮 编 ："
 * close up), and where each line starts in it. pdftotext breaks lines
 * inside sentences and spaces out words, so headings, contacts, dates and
 * names are searched here.
 */
typedef struct {
    char *s; /* NUL-terminated, in the arena */
    size_t len;
    uint32_t *line; /* line[i]: where line i starts in s; line[nlines] = len */
    unsigned char *spaced; /* spaced[i]: 1 when line i keeps a space (most
                              keep none); NULL when not worked out */
} ogi_squeezed_t;

/*
 * What the readers of a text work out from the whole of it, kept so that
 * it is worked out once per text rather than once per table: made empty
 * by ogi_text_decode, filled in when first needed.
 */
typedef struct {
    ogi_arena_t *arena; /* the text's: what is kept lives as long */
    int pages_known;    /* the bare page numbers were looked for */
    uint32_t *pages;    /* the lines that are bare page numbers
                           (lib/form/read_order_pages.c) */
    size_t npages;
} ogi_text_memo_t;

typedef struct {
    const char *raw; /* the input as given (not owned) */
    size_t raw_len;
    size_t bom; /* bytes of BOM skipped at the start of raw */
    char *s;    /* normalised text, NUL-terminated, in the arena */
    size_t len;
    ogi_text_shift_t *shifts; /* where normalised and raw offsets part */
    size_t nshifts;
    uint32_t *shift_block; /* shift_block[b]: the last shift at or before
                              normalised offset b << OGI_TEXT_BLOCK_BITS,
                              so that a search starts near (NULL: none) */
    size_t nshift_blocks;
    ogi_line_t *lines; /* lines of s */
    size_t nlines;
    ogi_squeezed_t sq; /* s squeezed, made by ogi_text_decode */
    size_t nbroken;    /* broken UTF-8 sequences dropped */
    size_t broken_raw; /* raw offset of the first of them */
    uint32_t *broken;  /* broken[i]: the normalised offset the i-th was
                          dropped before (ascending; equal offsets when
                          two were dropped at one place) */
    const ogi_text_shift_t *canvas; /* raw was encoded twice by the tool
                                       that laid it out (html2text without
                                       -utf8): from raw's offsets to those
                                       of the bytes it wrote, whose byte
                                       columns its layout counts; NULL
                                       when raw's are */
    size_t ncanvas;
    ogi_text_memo_t *memo; /* NULL for a text not made by ogi_text_decode */
} ogi_text_t;

/* The span of normalised bytes shift_block holds one entry for. */
#define OGI_TEXT_BLOCK_BITS 8

/* Default and hard limits on input size. */
#define OGI_TEXT_MAX_DEFAULT (8u << 20)

/*
 * Decodes and normalises raw[0..len) into *out (allocated in arena).
 * Broken UTF-8 sequences are dropped and counted (out->nbroken). Returns
 * 0; OGI_ENCODING with a reason in why[0..why_size) when the bytes are not
 * UTF-8 text (binary, UTF-16, GBK...: more than one broken sequence per
 * OGI_TEXT_BROKEN_RATIO non-ASCII bytes); OGI_ETOOBIG
 * beyond max bytes; OGI_ENOMEM. raw must outlive *out.
 */
int ogi_text_decode(ogi_arena_t *arena, const char *raw, size_t len, size_t max,
                    ogi_text_t *out, char *why, size_t why_size);

/* A broken sequence is at most this many bytes: a lead byte and the
 * continuation bytes after it, or a run of stray continuation bytes. */
#define OGI_TEXT_BROKEN_MAX 4

/* Text with more broken sequences than one per OGI_TEXT_BROKEN_RATIO
 * non-ASCII bytes is not UTF-8 (see ogi_text_decode). */
#define OGI_TEXT_BROKEN_RATIO 8

/* 1 when a broken sequence was dropped just before normalised offset i. */
int ogi_text_broken_at(const ogi_text_t *t, size_t i);

/* The raw offset of offset off by a shift map map[0..n) (entries sorted by
 * norm; before the first entry an offset is its own raw offset). */
size_t ogi_text_shift_raw(const ogi_text_shift_t *map, size_t n, size_t off);

/* The index of the shift in force at normalised offset i (the last at or
 * before it); t->nshifts > 0. */
size_t ogi_text_shift_at(const ogi_text_t *t, size_t i);

/* ogi_text_shift_at(t, i) found on from shift from, one known to be in
 * force at or before i (strides that double from there, then halving: a
 * line's shift is near the last line's); from past i, or SIZE_MAX, is a
 * search from the start. */
size_t ogi_text_shift_from(const ogi_text_t *t, size_t i, size_t from);

/* Raw offset of the byte at normalised offset i; raw_len for i >= len. */
uint32_t ogi_text_raw_offset(const ogi_text_t *t, size_t i);

/* ogi_text_raw_offset of i into *a and of i + n into *b, the second found
 * from the first (a span's end is a few shifts on from its start). */
void ogi_text_raw_span(const ogi_text_t *t, size_t i, size_t n, uint32_t *a,
                       uint32_t *b);

/* Length in bytes of the UTF-8 sequence starting at s[0] (1 for invalid or
 * ASCII); end bounds the read. */
size_t ogi_utf8_len(const char *s, const char *end);

/* Decodes one UTF-8 code point at s (end bounds the read) into *cp and
 * returns its length, or 0 on an invalid sequence. */
size_t ogi_utf8_decode(const char *s, const char *end, uint32_t *cp);

/* The normalised form of code point cp: an ASCII byte (> 0), 0 to keep
 * its bytes, or -1 to drop it (zero-width characters). */
int ogi_text_fold(uint32_t cp);

/*
 * Appends UTF-8 string s folded as ogi_text_fold folds text to out[0..o)
 * (cap bytes in all, kept NUL-terminated), white space dropped when
 * drop_space; adds the code points kept to *chars (may be NULL). Returns
 * the new length, or (size_t)-1 when s is not UTF-8 or does not fit. For
 * words compared with a normalised text byte for byte.
 */
size_t ogi_text_fold_append(char *out, size_t o, size_t cap, const char *s,
                            int drop_space, size_t *chars);

/* 1 for space, tab, CR, LF; the text is normalised, so nothing wider. */
static inline int
ogi_text_is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/*
 * Line l of t with every space removed, read from t->sq: sets *out to it
 * (into t->sq, or into buf when the line keeps a space to drop) and
 * returns its length, at most size - 1 bytes cut at a character boundary.
 * The line is not NUL-terminated.
 */
size_t ogi_text_line_squeezed(const ogi_text_t *t, size_t l, char *buf,
                              size_t size, const char **out);

/* The line holding offset off of t: the last line that starts at or
 * before it (0 when none does), by bisection. */
size_t ogi_text_line_of(const ogi_text_t *t, size_t off);

/* ASCII classes, the same in every locale (ctype's are not). */
static inline int
ogi_text_is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int
ogi_text_is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
ogi_text_is_alnum(int c)
{
    return ogi_text_is_digit(c) || ogi_text_is_alpha(c);
}

/* Copies s[0..n) into buf[0..size) with all whitespace removed and
 * NUL-terminates it. Returns the length, or size when it did not fit (buf
 * then holds what did). */
size_t ogi_text_squeeze_into(const char *s, size_t n, char *buf, size_t size);

/* Copies s[0..n) into the arena with all whitespace removed (labels are
 * matched this way). Returns NULL when out of memory. */
char *ogi_text_squeeze(ogi_arena_t *arena, const char *s, size_t n,
                       size_t *out_len);

/* 1 when s[0..n) is nothing but a page number that a PDF conversion left
 * behind: "-3-", "- 3 -", "— 3 —" (dashes are normalised), "第3页". */
int ogi_text_is_page_number(const char *s, size_t n);

/*
 * Bounded byte-string helpers. They read only inside [p, end), never past
 * end and never looking for a NUL, since the text is untrusted; lit is a
 * NUL-terminated literal. Pure functions: thread-safe. The two tests
 * of a prefix or suffix, and ogi_text_find, are inline so that strlen of
 * a literal folds to a constant (hence the include here rather than at
 * the top).
 */
#include <string.h>

/* First occurrence of lit[0..l) in s[0..n), or NULL (s when l is 0). */
const char *ogi_text_find_len(const char *s, size_t n, const char *lit,
                              size_t l);

/* First occurrence of the string lit in s[0..n), or NULL. */
static inline const char *
ogi_text_find(const char *s, size_t n, const char *lit)
{
    return ogi_text_find_len(s, n, lit, strlen(lit));
}

/* 1 when [p, end) starts with lit (0 when p > end). */
static inline int
ogi_text_has_prefix(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return p <= end && (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

/* 1 when [p, end) ends with lit (0 when p > end). */
static inline int
ogi_text_has_suffix(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return p <= end && (size_t)(end - p) >= n && memcmp(end - n, lit, n) == 0;
}

/* ogi_text_find() over [p, end): the first lit in it, or NULL (also when
 * p >= end). */
static inline const char *
ogi_text_find_in(const char *p, const char *end, const char *lit)
{
    return p < end ? ogi_text_find(p, (size_t)(end - p), lit) : NULL;
}

/* The earliest occurrence in [p, end) of any of the n literals lits, with
 * its length in *mlen; NULL when none occurs (*mlen is then untouched). */
const char *ogi_text_find_any(const char *p, const char *end,
                              const char *const *lits, size_t n, size_t *mlen);

/* Which of the n literals lits [p, end) ends with (the first listed when
 * several do), or NULL. */
const char *ogi_text_suffix_any(const char *p, const char *end,
                                const char *const *lits, size_t n);

/* Length of the CJK ideograph (U+3400-U+9FFF) at p: always 3 in UTF-8, or
 * 0 when there is none or it would run past end. */
size_t ogi_text_cjk_at(const char *p, const char *end);

/* 1 when a CJK ideograph ends right before p and starts at or after
 * begin. */
int ogi_text_cjk_before(const char *begin, const char *p);

/* The Chinese numeral digit 一..十 at p as 1..10 (three bytes), or 0 when
 * there is none before end. */
int ogi_text_cn_digit(const char *p, const char *end);

/* Characters in [p, end): the bytes that do not continue a UTF-8
 * sequence. In valid UTF-8, which ogi_text_decode() guarantees, the
 * number of code points. */
size_t ogi_text_count_chars(const char *p, const char *end);

/* 1 when [p, end) holds an ASCII digit. */
int ogi_text_has_digit(const char *p, const char *end);

#endif /* OGI_TEXT_H */
