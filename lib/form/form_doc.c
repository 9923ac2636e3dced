/* form_doc.c - DOC documents to a text view (form_int.h). */
#include "ogi_int.h"

#include <stdio.h>

#include "form_int.h"
#include "ogi/error.h"

int
ogi__form_doc(ogi_arena_t *arena, const char *raw, size_t len,
             ogi__view_t *out, char *why, size_t why_size)
{
    (void)arena;
    (void)raw;
    (void)len;
    (void)out;
    snprintf(why, why_size, "DOC: not read yet");
    return OGI_EREJECT;
}
