/*
 * docx_int.h - shared by the DOCX converter's files (form_docx.c: the
 * package and the body; docx_num.c: automatic numbering). Private to
 * lib/form.
 */
#ifndef OGI_DOCX_INT_H
#define OGI_DOCX_INT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "ogi/arena.h"

/* 1 when node is the WordprocessingML element named local (transitional
 * or strict namespace). */
int ogi__docx_is(const xmlNode *node, const char *local);

/* The value of node's WordprocessingML attribute local ("val", "ilvl"),
 * or NULL. Owned by the document. */
const char *ogi__docx_attr(const xmlNode *node, const char *local);

/* The first child element of node named local, or NULL. */
const xmlNode *ogi__docx_child(const xmlNode *node, const char *local);

/* An integer attribute: its leading digits (at most 9), or dflt. */
int ogi__docx_int_attr(const xmlNode *node, const char *local, int dflt);

/*
 * Automatic numbering: word/numbering.xml's lists and the paragraph
 * styles of word/styles.xml that carry a list, and the counters of the
 * document read so far. Lives in the arena.
 */
typedef struct ogi__docx_num ogi__docx_num_t;

/* Reads the numbering (numbering, styles: either may be NULL). Returns
 * NULL when out of memory. */
ogi__docx_num_t *ogi__docx_num_new(ogi_arena_t *arena, const xmlDoc *numbering,
                                   const xmlDoc *styles);

/*
 * The number of paragraph p ("一、", "（二）", "3."), counted on: written
 * into buf (NUL-terminated; "" when p is not numbered or its list is a
 * bullet list). Returns its length.
 */
size_t ogi__docx_num_label(ogi__docx_num_t *num, const xmlNode *p, char *buf,
                           size_t size);

#endif /* OGI_DOCX_INT_H */
