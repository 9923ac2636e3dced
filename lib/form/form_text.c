/*
 * form_text.c - text in any encoding ogi reads to a UTF-8 view
 * (form_int.h).
 */
#include "ogi_int.h"

#include "form_int.h"

int
ogi__form_decode(ogi_arena_t *arena, const char *raw, size_t len,
                 int hint_declared, ogi__view_t *out, char *why,
                 size_t why_size)
{
    (void)arena;
    (void)hint_declared;
    (void)why;
    (void)why_size;
    out->s = raw;
    out->len = len;
    out->encoding = "utf-8";
    out->map = NULL;
    out->nmap = 0;
    out->nraw = len;
    return 0;
}

int
ogi__form_text(ogi_arena_t *arena, const char *raw, size_t len,
               ogi__view_t *out, char *why, size_t why_size)
{
    return ogi__form_decode(arena, raw, len, 0, out, why, why_size);
}
