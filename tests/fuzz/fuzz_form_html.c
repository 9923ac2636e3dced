/*
 * fuzz_form_html.c - libFuzzer target: any bytes through the HTML page
 * converter (lib/form/form_html.c), and its view through the parser's
 * text decoding. The first byte, when it is 0xA5, turns on allocation
 * failure after the count given by the second byte. Checks the view's
 * contract: NUL-terminated, its length, within a few times the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form/form_int.h"
#include "ogi.h"
#include "ogi/alloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    long fail_after = -1;
    if (size >= 2 && data[0] == 0xA5) {
        fail_after = data[1] * 4;
        data += 2;
        size -= 2;
    }
    ogi_arena_t *arena = ogi_arena_new(4096);
    if (!arena)
        return 0;
    ogi_alloc_fail_after(fail_after);
    ogi__view_t v;
    char why[256];
    int rc =
        ogi__form_html(arena, (const char *)data, size, &v, why, sizeof(why));
    ogi_alloc_fail_after(-1);
    if (rc == 0) {
        if (v.s[v.len] != '\0' || strlen(v.s) > v.len ||
            v.len > 4 * size + 4096)
            abort();
    } else if (!memchr(why, '\0', sizeof(why))) {
        abort();
    }
    ogi_arena_destroy(&arena);
    return 0;
}
