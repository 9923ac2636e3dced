/*
 * fuzz_form_pdf.c - libFuzzer target: any bytes through the PDF converter
 * (lib/form/form_pdf.c), in-process: poppler's objects must all be freed
 * (LeakSanitizer) and the view must be a NUL-terminated string of its
 * length. The first byte, when it is 0xA5, turns on allocation failure
 * after the count given by the second byte. The converter caps the pages
 * it reads (500); -max_len keeps inputs small.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "form/form_int.h"
#include "ogi.h"
#include "ogi/alloc.h"
#include "ogi/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__lsan_default_suppressions(void);

/* LeakSanitizer's hook: fontconfig's process-wide cache, filled once when
 * poppler first draws a page, lives until exit and is not the
 * converter's to free (every GObject of poppler's is) */
const char *
__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    long fail_after = -1;
    if (size >= 2 && data[0] == 0xA5) {
        fail_after = data[1] * 4;
        data += 2;
        size -= 2;
    }
    ogi_arena_t *arena = ogi_arena_new(0);
    if (!arena)
        return 0;
    ogi_alloc_fail_after(fail_after);
    ogi__view_t v;
    char why[256];
    if (ogi__form_pdf(arena, (const char *)data, size, &v, why, sizeof(why)) ==
        0) {
        assert(v.s && v.s[v.len] == '\0' && strlen(v.s) == v.len);
        assert(v.nraw == 0 && v.encoding == NULL);
    }
    ogi_alloc_fail_after(-1);
    ogi_arena_destroy(&arena);
    return 0;
}
