/*
 * fuzz_view.h - what the fuzz targets of the text forms share: the input
 * copied to a buffer of its exact size (so that a read past its end is
 * caught), and the invariants every view keeps (form_int.h): its map is
 * sorted and inside the raw bytes, raw offsets never go back from one
 * character of the view to the next, and, for text read as it is, each
 * view byte is the raw byte it leads to or one its module may write.
 * A broken invariant aborts, which libFuzzer and the replay report.
 */
#ifndef OGI_FUZZ_VIEW_H
#define OGI_FUZZ_VIEW_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "form/form_int.h"
#include "ogi/arena.h"

/* A malloc'd copy of data[0..size) of exactly that size (one byte for an
 * empty input), or NULL. */
static inline char *
fuzz_copy(const uint8_t *data, size_t size)
{
    char *raw = malloc(size ? size : 1);
    if (!raw)
        return NULL;
    for (size_t i = 0; i < size; i++)
        raw[i] = (char)data[i];
    return raw;
}

/* A fuzz run's input as the text forms get it: in an arena of its own,
 * copied to its exact size and decoded to a text view. */
typedef struct {
    ogi_arena_t *arena;
    char *raw;
    ogi__view_t v;
    int raw_view; /* the view is raw itself (UTF-8 read as it is) */
} fuzz_text_t;

/* Sets in up from data[0..size): 1 when the bytes decode as text (in->v
 * holds their view), else 0. Either way fuzz_text_end frees it. */
static inline int
fuzz_text_begin(fuzz_text_t *in, const uint8_t *data, size_t size)
{
    char why[256];
    in->raw = NULL;
    in->arena = ogi_arena_new(0);
    if (!in->arena || !(in->raw = fuzz_copy(data, size)) ||
        ogi__form_text(in->arena, in->raw, size, &in->v, why, sizeof(why)))
        return 0;
    in->raw_view = in->v.s == in->raw;
    return 1;
}

static inline void
fuzz_text_end(fuzz_text_t *in)
{
    free(in->raw);
    ogi_arena_destroy(&in->arena);
}

/* The raw offset of view offset off (form_int.h's rule); *at is the map
 * entry to start from, moved forward (offsets are asked in order). */
static inline size_t
fuzz_raw_of(const ogi__view_t *v, size_t off, size_t *at)
{
    while (*at < v->nmap && v->map[*at].norm <= off)
        (*at)++;
    size_t raw = *at ? v->map[*at - 1].raw + (off - v->map[*at - 1].norm) : off;
    return raw < v->nraw ? raw : v->nraw;
}

/* Aborts unless v was made from len raw bytes and its map is sorted and
 * inside both texts. */
static inline void
fuzz_check_map(const ogi__view_t *v, size_t len)
{
    if (v->nraw != len)
        abort();
    for (size_t i = 0; i < v->nmap; i++) {
        if (v->map[i].raw > len || v->map[i].norm > v->len)
            abort();
        if (i && (v->map[i].norm <= v->map[i - 1].norm ||
                  v->map[i].raw < v->map[i - 1].raw))
            abort();
    }
}

/*
 * How many bytes of the view at i (raw offset r) a module may have written
 * itself where the raw text has other bytes: 0 when none.
 */
typedef size_t (*fuzz_written_fn)(const ogi__view_t *v, size_t i, size_t r,
                                  const char *raw, size_t len);

/*
 * Aborts unless raw offsets never go back from one character of v to the
 * next and, when raw_view (the text was read as it is), every byte of v
 * is the raw byte it leads to or one `written` accepts.
 */
static inline void
fuzz_check_bytes(const ogi__view_t *v, const char *raw, size_t len,
                 int raw_view, fuzz_written_fn written)
{
    size_t at = 0, last = 0;
    for (size_t i = 0; i < v->len; i++) {
        size_t r = fuzz_raw_of(v, i, &at);
        /* inside a converted character the bytes are counted on from its
         * start: only where a character starts is the order kept */
        if (((unsigned char)v->s[i] & 0xC0) != 0x80) {
            if (r < last)
                abort();
            last = r;
        }
        if (!raw_view || (r < len && v->s[i] == raw[r]))
            continue;
        size_t n = written(v, i, r, raw, len);
        if (n == 0)
            abort();
        i += n - 1;
    }
}

#endif
