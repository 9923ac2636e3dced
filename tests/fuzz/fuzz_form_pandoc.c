/*
 * fuzz_form_pandoc.c - libFuzzer target: any bytes through the text
 * decoder and then ogi__form_pandoc_md (pandoc's own Markdown loses its
 * markup), with its invariants checked: a view of its own is
 * NUL-terminated and no longer than the view it came from, the map is
 * sorted and inside the raw bytes, raw offsets never go back from one
 * character of the view to the next, and, for UTF-8 text read as it is,
 * every view byte is the raw byte it leads to, a space the module wrote
 * for markup, a character of a number moved down to the rest of it
 * (leading to one), or a digit of a count moved up to its sign word
 * (leading to the byte after it). A broken invariant aborts, which libFuzzer
 * and the replay report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form/form_int.h"
#include "fuzz_view.h"
#include "ogi.h"
#include "ogi/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
is_num(unsigned char c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' ||
           c == '+';
}

/* A space the module wrote for markup, a character of a number moved
 * down to the rest of it, or a digit of a count moved up to its sign word
 * on the line above (leading to the byte after 增 or 减). */
static size_t
written(const ogi__view_t *v, size_t i, size_t r, const char *raw, size_t len)
{
    unsigned char c = (unsigned char)v->s[i];
    if (c == ' ' || (is_num(c) && r < len && is_num((unsigned char)raw[r])))
        return 1;
    return is_num(c) && r >= 3 && r <= len &&
           (memcmp(raw + r - 3, "\xE5\xA2\x9E", 3) == 0 || /* 增 */
            memcmp(raw + r - 3, "\xE5\x87\x8F", 3) == 0);  /* 减 */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_text_t in;
    if (fuzz_text_begin(&in, data, size)) {
        size_t before = in.v.len;
        if (ogi__form_pandoc_md(in.arena, &in.v) == 0) {
            /* a view of its own is NUL-terminated and no longer than the
             * view it came from; raw itself need not end in a NUL */
            if (in.v.len > before ||
                (in.v.s != in.raw && in.v.s[in.v.len] != '\0'))
                abort();
            fuzz_check_map(&in.v, size);
            fuzz_check_bytes(&in.v, in.raw, size, in.raw_view, written);
        }
    }
    fuzz_text_end(&in);
    return 0;
}
