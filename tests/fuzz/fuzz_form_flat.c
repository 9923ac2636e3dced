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
#include "fuzz_view.h"
#include "ogi.h"
#include "ogi/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A '\n', a tab or a no-break space the module wrote for a raw space. */
static size_t
written(const ogi__view_t *v, size_t i, size_t r, const char *raw, size_t len)
{
    unsigned char c = (unsigned char)v->s[i];
    if (c == '\n' || (c == '\t' && r < len && raw[r] == ' '))
        return 1;
    if (c == 0xC2 && i + 1 < v->len && (unsigned char)v->s[i + 1] == 0xA0 &&
        r < len && raw[r] == ' ')
        return 2;
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_text_t in;
    if (fuzz_text_begin(&in, data, size) &&
        ogi__form_unflatten(in.arena, &in.v) == 0) {
        /* a view of its own is NUL-terminated; raw itself need not be */
        if (in.v.s != in.raw && in.v.s[in.v.len] != '\0')
            abort();
        fuzz_check_map(&in.v, size);
        fuzz_check_bytes(&in.v, in.raw, size, in.raw_view, written);
    }
    fuzz_text_end(&in);
    return 0;
}
