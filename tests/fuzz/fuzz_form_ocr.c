/*
 * fuzz_form_ocr.c - libFuzzer target: any bytes through the text decoder
 * and then ogi__form_ocr_figures (OCR's look-alikes of figures in a row's
 * values), with its invariants checked: the view keeps its length and its
 * map, the bytes it was given are never written, a view it copied is
 * NUL-terminated, and every byte that differs is one of its edits: an o
 * or O become 0, an l or I become 1 or a space, an o become a space after
 * another, a quotation mark's bytes become spaces. A broken invariant
 * aborts, which libFuzzer and the replay report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form/form_int.h"
#include "fuzz_view.h"
#include "ogi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 1 when view byte c may stand for byte w of the view it was given. */
static int
edit_ok(unsigned char w, unsigned char c)
{
    if (c == w)
        return 1;
    if (w == 'o' || w == 'O')
        return c == '0' || c == ' ';
    if (w == 'l' || w == 'I')
        return c == '1' || c == ' ';
    /* " ' and the bytes of “ ” ‘ ’ (E2 80 98-9D) */
    return c == ' ' && (w == '"' || w == '\'' || w == 0xE2 || w == 0x80 ||
                        (w >= 0x98 && w <= 0x9D));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_text_t in;
    /* the view as given, kept to compare */
    char *was = NULL;
    if (fuzz_text_begin(&in, data, size) &&
        (was = malloc(in.v.len + 1)) != NULL) {
        const ogi__view_t *v = &in.v;
        memcpy(was, v->s, v->len);
        ogi__view_t w = *v;
        if (ogi__form_ocr_figures(in.arena, &w) == 0) {
            if (w.len != v->len || w.map != v->map || w.nmap != v->nmap ||
                w.nraw != v->nraw || memcmp(v->s, was, v->len) != 0)
                abort();
            if (w.s != v->s && w.s[w.len] != '\0')
                abort();
            for (size_t i = 0; i < w.len; i++)
                if (!edit_ok((unsigned char)was[i], (unsigned char)w.s[i]))
                    abort();
        }
    }
    free(was);
    fuzz_text_end(&in);
    return 0;
}
