/*
 * fuzz_form_pandoc.c - libFuzzer target: any bytes through the text
 * decoder and then ogi__form_pandoc_md (pandoc's own Markdown loses its
 * markup), with its invariants checked: a view of its own is
 * NUL-terminated and no longer than the view it came from, the map is
 * sorted and inside the raw bytes, raw offsets never go back from one
 * character of the view to the next, and, for UTF-8 text read as it is,
 * every view byte is the raw byte it leads to, a space the module wrote
 * for markup, or a character of a number moved down to the rest of it
 * (leading to one). A broken invariant aborts, which libFuzzer and the
 * replay report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "form/form_int.h"
#include "ogi.h"
#include "ogi/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The raw offset of view offset off (form_int.h's rule); *at is the map
 * entry to start from, moved forward (offsets are asked in order). */
static size_t
raw_of(const ogi__view_t *v, size_t off, size_t *at)
{
    while (*at < v->nmap && v->map[*at].norm <= off)
        (*at)++;
    size_t raw = *at ? v->map[*at - 1].raw + (off - v->map[*at - 1].norm) : off;
    return raw < v->nraw ? raw : v->nraw;
}

static int
is_num(unsigned char c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' ||
           c == '+';
}

static void
check(const ogi__view_t *v, size_t before, const char *raw, size_t len,
      int raw_view)
{
    /* a view of its own is NUL-terminated; raw itself need not be */
    if (v->nraw != len || v->len > before ||
        (v->s != raw && v->s[v->len] != '\0'))
        abort();
    for (size_t i = 0; i < v->nmap; i++) {
        if (v->map[i].raw > len || v->map[i].norm > v->len)
            abort();
        if (i && (v->map[i].norm <= v->map[i - 1].norm ||
                  v->map[i].raw < v->map[i - 1].raw))
            abort();
    }
    size_t at = 0, last = 0;
    for (size_t i = 0; i < v->len; i++) {
        size_t r = raw_of(v, i, &at);
        /* inside a converted character the bytes are counted on from its
         * start: only where a character starts is the order kept */
        if (((unsigned char)v->s[i] & 0xC0) != 0x80) {
            if (r < last)
                abort();
            last = r;
        }
        if (!raw_view)
            continue;
        unsigned char c = (unsigned char)v->s[i];
        if (r < len && c == (unsigned char)raw[r])
            continue;
        if (c == ' ' || (is_num(c) && r < len && is_num((unsigned char)raw[r])))
            continue;
        abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ogi_arena_t *arena = ogi_arena_new(0);
    if (!arena)
        return 0;
    /* an exact copy, so that a read past the end is caught */
    char *raw = malloc(size ? size : 1);
    if (!raw) {
        ogi_arena_destroy(&arena);
        return 0;
    }
    for (size_t i = 0; i < size; i++)
        raw[i] = (char)data[i];
    ogi__view_t v;
    char why[256];
    if (ogi__form_text(arena, raw, size, &v, why, sizeof(why)) == 0) {
        int raw_view = v.s == raw;
        size_t before = v.len;
        if (ogi__form_pandoc_md(arena, &v) == 0)
            check(&v, before, raw, size, raw_view);
    }
    free(raw);
    ogi_arena_destroy(&arena);
    return 0;
}
