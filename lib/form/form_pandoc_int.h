/*
 * form_pandoc_int.h - pandoc's own Markdown told from other text, and the
 * lines of its tables (form_pandoc_tell.c), for the view that takes its
 * markup away (form_pandoc.c).
 */
#ifndef OGI_FORM_PANDOC_INT_H
#define OGI_FORM_PANDOC_INT_H

#include <stddef.h>

/* Whether s[0..n) is pandoc's Markdown beyond doubt: attribute spans
 * ("]{style="), or its tables with its fences or its escapes. */
int ogi__pmd_is_md(const char *s, size_t n);

/* Whether [s, e) starts an attribute block's contents ("#id", ".class",
 * "style="). */
int ogi__pmd_is_attr_start(const char *s, const char *e);

/* A line s[a..e) of dashes, in groups a space apart ("  ----- ---- ---"):
 * how many groups, or 0. */
int ogi__pmd_dash_groups(const char *s, size_t a, size_t e);

/* Whether line s[a..e) is a grid table's rule ("+-----+----+"). */
int ogi__pmd_grid_rule(const char *s, size_t a, size_t e);

/* Whether line s[a..e) is a fenced div's fence (":::"). */
int ogi__pmd_is_fence(const char *s, size_t a, size_t e);

/* What pandoc escapes with a backslash (a no-break space too). */
int ogi__pmd_is_punct(unsigned char c);

#endif
