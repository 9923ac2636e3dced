/* table.c - building the table model: rows and cells (a line's words
 * into cells are in table_words.c). */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ogi/error.h"
#include "swar_int.h"
#include "table_int.h"

void
ogi__table_init(ogi__table_t *tb, ogi_arena_t *arena, const ogi_text_t *t)
{
    memset(tb, 0, sizeof(*tb));
    tb->text = t;
    tb->arena = arena;
}

int
ogi__table_grow_cells(ogi__table_t *tb)
{
    size_t cap = tb->ccap ? tb->ccap * 2 : 256;
    ogi__cell_t *p = ogi_arena_grow(tb->arena, tb->cells,
                                    tb->ncells * sizeof(*p), cap * sizeof(*p));
    if (!p)
        return OGI_ENOMEM;
    tb->cells = p;
    tb->ccap = cap;
    return 0;
}

ogi__cell_t *
ogi__table_add(ogi__table_t *tb, ogi__cell_kind_t kind, const char *s, size_t n,
               size_t off, size_t len)
{
    return ogi__table_add_parsed(tb, kind, s, n, off, len, NULL);
}

int
ogi__table_grow_rows(ogi__table_t *tb)
{
    size_t cap = tb->rcap ? tb->rcap * 2 : 64;
    ogi__row_t *p = ogi_arena_grow(tb->arena, tb->rows, tb->nrows * sizeof(*p),
                                   cap * sizeof(*p));
    if (!p)
        return OGI_ENOMEM;
    tb->rows = p;
    tb->rcap = cap;
    return 0;
}

/* 1 when the byte at k of p[0..n) starts sentence punctuation: , ; : or
 * 。 (E3 80 82; other characters led by E3 are none). */
static inline int
prose_at(const char *p, size_t n, size_t k)
{
    /* the bytes that may start one: a table lookup a byte */
    static const unsigned char starts[256] = {
        [','] = 1, [';'] = 1, [':'] = 1, [0xE3] = 1};
    return starts[(unsigned char)p[k]] &&
           (p[k] != '\xE3' ||
            (n - k >= 3 && p[k + 1] == '\x80' && p[k + 2] == '\x82'));
}

#if defined(__SSE2__) && defined(__GNUC__)
/* Bit k for each of the sixteen bytes at q that may start sentence
 * punctuation (prose_at tells). */
static inline unsigned
prose_marks16(const char *q)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8(';'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3))));
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* Sentence punctuation in a label: , ; : or 。 */
static int
is_prose(const char *p, size_t n)
{
    if (n > 180)
        return 1;
#if defined(__SSE2__) && defined(__GNUC__)
    /* sixteen bytes at a time, the last block ending at the label's end
     * (it reads some bytes again: whether one is there is all that
     * counts), each byte that may start one then tested */
    if (n >= 16) {
        for (size_t k = 0;; k += 16) {
            size_t at = n - k >= 16 ? k : n - 16;
            for (unsigned bits = prose_marks16(p + at); bits; bits &= bits - 1)
                if (prose_at(p, n, at + (size_t)__builtin_ctz(bits)))
                    return 1;
            if (at + 16 >= n)
                return 0;
        }
    }
#endif
#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* a short label as two words, the second ending at its end */
    if (n >= 8) {
        for (size_t at = 0;; at = n - 8) {
            uint64_t x = ogi__word_load(p + at), m = 0;
            static const unsigned char marks[] = {',', ';', ':', 0xE3};
            for (size_t c = 0; c < sizeof(marks); c++) {
                /* the high bit of each byte equal to the mark, exactly */
                uint64_t y = x ^ (OGI__ONES * marks[c]);
                m |= ~(((y & ~OGI__HIGHS) + ~OGI__HIGHS) | y) & OGI__HIGHS;
            }
            for (; m; m &= m - 1)
                if (prose_at(p, n, at + (size_t)(__builtin_ctzll(m) >> 3)))
                    return 1;
            if (at == n - 8)
                return 0;
        }
    }
#endif
    for (size_t k = 0; k < n; k++)
        if (prose_at(p, n, k))
            return 1;
    return 0;
}

void
ogi__table_row_close_as(ogi__table_t *tb, int prosey)
{
    if (tb->nrows == 0)
        return;
    ogi__row_t *r = &tb->rows[tb->nrows - 1];
    r->count = (uint32_t)(tb->ncells - r->first);
    if (r->count == 0) {
        tb->nrows--;
        return;
    }
    r->prosey = (uint8_t)(prosey != 0);
}

void
ogi__table_row_close(ogi__table_t *tb)
{
    if (tb->nrows == 0)
        return;
    ogi__row_t *r = &tb->rows[tb->nrows - 1];
    r->count = (uint32_t)(tb->ncells - r->first);
    if (r->count == 0) {
        tb->nrows--; /* drop empty rows */
        return;
    }
    /* the row's bounds and verdict in locals: the store of the verdict
     * could otherwise be taken to change them, read again each turn */
    const ogi__cell_t *cells = tb->cells;
    uint32_t end = r->first + r->count;
    int prosey = r->prosey;
    for (uint32_t i = r->first; i < end && !prosey; i++)
        if (cells[i].kind == OGI__CELL_LABEL)
            prosey = is_prose(cells[i].s, cells[i].n);
    r->prosey = (uint8_t)prosey;
}

int
ogi__table_is_nbsp(const ogi_text_t *t, size_t i)
{
    if (i >= t->len || t->s[i] != ' ' || !t->raw)
        return 0;
    size_t r = ogi_text_raw_offset(t, i);
    return r + 1 < t->raw_len && (unsigned char)t->raw[r] == 0xc2 &&
           (unsigned char)t->raw[r + 1] == 0xa0;
}

int
ogi__table_region_has(const ogi_text_t *t, size_t l0, size_t l1,
                      const char *lit)
{
    if (l1 > t->nlines)
        l1 = t->nlines;
    if (l0 >= l1)
        return 0;
    size_t a = t->lines[l0].start, b = t->lines[l1 - 1].end;
    /* the marks probes ask for are rare bytes ('|', "+-", a box-drawing
     * lead): their first byte looked for by memchr, the rest compared
     * where it stands */
    size_t n = strlen(lit);
    const char *p = t->s + a, *e = t->s + b;
    while (n && e - p >= (ptrdiff_t)n &&
           (p = memchr(p, lit[0], (size_t)(e - p) - (n - 1))) != NULL) {
        if (memcmp(p + 1, lit + 1, n - 1) == 0)
            return 1;
        p++;
    }
    return n == 0;
}

int
ogi__table_is_empty_line_walk(const ogi_text_t *t, size_t l)
{
    size_t i = t->lines[l].start, end = t->lines[l].end;
    /* pdftotext's indentation: eight spaces at a time */
    while (end - i >= 8 && ogi__word_all(ogi__word_load(t->s + i), ' '))
        i += 8;
    for (; i < end; i++)
        if (t->s[i] != ' ' && t->s[i] != '\t')
            return 0;
    return 1;
}

int
ogi__table_is_page_line_walk(const ogi_text_t *t, size_t l)
{
    /* pdftotext centres footers: indentation does not count */
    const char *p = t->s + t->lines[l].start, *e = t->s + t->lines[l].end;
    while (e - p >= 8 && ogi__word_all(ogi__word_load(p), ' '))
        p += 8;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    size_t n = (size_t)(e - p);
    return n > 0 && n < 40 && ogi_text_is_page_number(p, n);
}

char *
ogi__table_strdup(ogi__table_t *tb, const char *s, size_t n)
{
    return ogi_arena_strndup(tb->arena, s, n);
}
