/* form_html.c - HTML pages to a text view (form_int.h). */
#include "ogi_int.h"

#include "form_int.h"

int
ogi__form_html(ogi_arena_t *arena, const char *raw, size_t len,
               ogi__view_t *out, char *why, size_t why_size)
{
    /* the page's markup is read as text: tables by the html_table reader */
    return ogi__form_decode(arena, raw, len, 1, out, why, why_size);
}
