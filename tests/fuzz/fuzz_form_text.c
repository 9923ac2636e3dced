/*
 * fuzz_form_text.c - libFuzzer target: any bytes through the text decoder
 * (ogi__form_decode), with and without reading a declared charset, and
 * its invariants checked: a converted view is valid UTF-8 and
 * NUL-terminated, at most three bytes a raw byte (except the bytes of a
 * text encoded twice, which may be UTF-8 as broken as any UTF-8 text
 * read as it is); a view that is raw itself has no map; the map is sorted
 * and stays inside the raw bytes.
 * A broken invariant aborts, which libFuzzer and the replay report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "form/form_int.h"
#include "fuzz_view.h"
#include "ogi.h"
#include "ogi/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_view(const ogi__view_t *v, const char *raw, size_t len)
{
    fuzz_check_map(v, len);
    if (v->s == raw) {
        if (v->map || v->len != len)
            abort();
        return;
    }
    if (v->len > 3 * len + 16 || v->s[v->len] != '\0')
        abort();
    const char *p = v->s, *end = v->s + v->len;
    if (v->twice && v->len <= len)
        p = end; /* UTF-8 bytes taken back from their characters */
    while (p < end) {
        uint32_t cp;
        size_t n = ogi_utf8_decode(p, end, &cp);
        if (n == 0)
            abort();
        p += n;
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ogi_arena_t *arena = ogi_arena_new(0);
    if (!arena)
        return 0;
    char *raw = fuzz_copy(data, size);
    if (!raw) {
        ogi_arena_destroy(&arena);
        return 0;
    }
    for (int hint = 0; hint < 2; hint++) {
        ogi__view_t v;
        char why[256];
        if (ogi__form_decode(arena, raw, size, hint, &v, why, sizeof(why)) == 0)
            check_view(&v, raw, size);
        ogi_arena_reset(arena);
    }
    free(raw);
    ogi_arena_destroy(&arena);
    return 0;
}
