/*
 * html_int.h - what the two halves of the HTML page converter share:
 * form_html.c reads the page (marks chrome, classifies tables, finds the
 * report's body) and html_body.c writes the body's text view. Private to
 * lib/form/.
 */
#ifndef OGI_HTML_INT_H
#define OGI_HTML_INT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "form_int.h"

/* What a <table> is to the report. */
enum {
    OGI__HT_NONE = 0, /* not a table */
    OGI__HT_DATA,     /* the report's data: written as table markup */
    OGI__HT_LAYOUT,   /* page layout: its cells read as blocks */
    OGI__HT_IMAGE     /* a table of images: a table published as pictures */
};

/* What the page reader learnt about one element (in node->_private). */
typedef struct {
    unsigned drop : 1;  /* chrome, hidden or not text: never written */
    unsigned table : 2; /* OGI__HT_* for a <table> */
    unsigned block : 1; /* starts and ends a line (ogi__html_is_block) */
    unsigned evid;      /* report evidence under it: section headings and
                           data tables */
    size_t text;        /* bytes of text under it outside links */
} ogi__html_info_t;

/* The element's info, or NULL for a node the reader did not mark. */
static inline ogi__html_info_t *
ogi__html_info(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE ? (ogi__html_info_t *)n->_private
                                            : NULL;
}

/* 1 when element n (not NULL) is named name (libxml2 lowercases HTML). */
int ogi__html_is(const xmlNode *n, const char *name);

/* 1 for an element that starts and ends a line of block text (the
 * reader keeps it in the info's block bit). */
int ogi__html_is_block(const xmlNode *n);

/* 1 when text s names one of the sections that hold the report's tables
 * (主动公开, 申请, 复议/诉讼). */
int ogi__html_table_heading(const char *s);

/* The length of Word's downlevel-revealed conditional comment at s
 * ("<![if !supportLists]>", "<![endif]>"), which libxml2 leaves as text
 * and a browser does not show; 0 when there is none. */
static inline size_t
ogi__html_marker(const unsigned char *s)
{
    if (s[0] != '<' || s[1] != '!' || s[2] != '[')
        return 0;
    for (size_t i = 3; i < 64 && s[i]; i++)
        if (s[i] == ']' && s[i + 1] == '>')
            return i + 2;
    return 0;
}

/* What the body writer saw: for telling a report of pictures. */
typedef struct {
    size_t ndata;    /* data tables written */
    size_t nimage;   /* tables of images met */
    size_t nimg_sec; /* images met after a table section's heading
                        before any table */
} ogi__html_seen_t;

/*
 * Writes the text view of element body (marked by the page reader) into
 * b: block text one line per block, data tables as table markup, then
 * the title line first when title (may be NULL) is given. Counts what it
 * met in *seen. Iterative; allocates from b's arena.
 */
void ogi__html_write(ogi__view_buf_t *b, const xmlNode *body, const char *title,
                     ogi__html_seen_t *seen);

#endif /* OGI_HTML_INT_H */
