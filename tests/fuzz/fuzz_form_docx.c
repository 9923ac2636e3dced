/*
 * fuzz_form_docx.c - libFuzzer target: bytes through the DOCX converter
 * (lib/form/form_docx.c). The first byte picks how they are read:
 *
 *   even   the bytes after it are the DOCX itself (a ZIP: random or
 *          mutated packages, broken directories, bombs)
 *   odd    they are the package's XML, packed here into a valid ZIP so
 *          that mutations reach the body's reader: word/document.xml,
 *          then after a NUL byte word/numbering.xml, then after another
 *          word/styles.xml
 *
 * A result must be a NUL-terminated view of the length it claims, or a
 * rejection with a reason naming DOCX.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "form/form_int.h"
#include "ogi/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A ZIP of the XML parts in data[0..size) (see above); malloc'd. */
static char *
pack(const uint8_t *data, size_t size, size_t *len)
{
    static const char *const names[] = {
        "word/document.xml", "word/numbering.xml", "word/styles.xml"};
    zip_error_t e;
    zip_error_init(&e);
    char *out = NULL;
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &e);
    if (!src)
        goto done;
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &e);
    if (!za) {
        zip_source_free(src);
        goto done;
    }
    size_t from = 0;
    for (size_t k = 0; k < 3 && from <= size; k++) {
        const uint8_t *nul = k < 2 ? memchr(data + from, 0, size - from) : NULL;
        size_t to = nul ? (size_t)(nul - data) : size;
        zip_source_t *s = zip_source_buffer(za, data + from, to - from, 0);
        if (!s || zip_file_add(za, names[k], s, 0) < 0) {
            zip_source_free(s);
            break;
        }
        if (!nul)
            break;
        from = to + 1;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_close(za) != 0)
        zip_discard(za);
    else if (zip_source_stat(src, &st) == 0 &&
             (out = malloc(st.size + 1)) != NULL) {
        zip_int64_t k = -1;
        if (zip_source_open(src) == 0) {
            k = zip_source_read(src, out, st.size);
            zip_source_close(src);
        }
        if (k != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        *len = st.size;
    }
    zip_source_free(src);
done:
    zip_error_fini(&e);
    return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t len = size - 1;
    char *packed = NULL;
    const char *raw = (const char *)data + 1;
    if (data[0] & 1) {
        packed = pack(data + 1, size - 1, &len);
        if (!packed)
            return 0;
        raw = packed;
    }
    ogi_arena_t *arena = ogi_arena_new(0);
    if (arena) {
        ogi__view_t v;
        char why[256] = "";
        int rc = ogi__form_docx(arena, raw, len, &v, why, sizeof(why));
        if (rc == 0 && (v.s == NULL || strlen(v.s) != v.len))
            abort();
        if (rc != 0 && strncmp(why, "DOCX: ", 6) != 0 && why[0] != '\0')
            abort();
        ogi_arena_destroy(&arena);
    }
    free(packed);
    return 0;
}
