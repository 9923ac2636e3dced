/*
 * fuzz_form_flat.c - libFuzzer target: any bytes through the text decoder
 * and then ogi__form_unflatten (a report saved on one line gets its lines
 * back), with its invariants checked: a view of its own is NUL-terminated,
 * the map is sorted and inside the raw bytes, raw offsets never go back
 * from one character of the view to the next, and, for UTF-8 text read as
 * it is, every view byte is the raw byte it leads to or one the module
 * wrote (a '\n', a tab or a no-break space for a raw space). A broken
 * invariant aborts, which libFuzzer and the replay report.
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

static void
check(const ogi__view_t *v, const char *raw, size_t len, int raw_view)
{
    /* a view of its own is NUL-terminated; raw itself need not be */
    if (v->nraw != len || (v->s != raw && v->s[v->len] != '\0'))
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
        if (c == '\n' || (c == '\t' && r < len && raw[r] == ' '))
            continue;
        if (c == 0xC2 && i + 1 < v->len && (unsigned char)v->s[i + 1] == 0xA0 &&
            r < len && raw[r] == ' ') {
            i++;
            continue;
        }
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
        if (ogi__form_unflatten(arena, &v) == 0)
            check(&v, raw, size, raw_view);
    }
    free(raw);
    ogi_arena_destroy(&arena);
    return 0;
}
