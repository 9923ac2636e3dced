/*
 * read_order_pages.c - page numbers in reading order (read_order_int.h):
 * bare numbers ("3", "3 / 12") that end a document's pages are footers
 * when the document numbers its pages so, not a table's values.
 */
#include "ogi_int.h"


#include "ogi/error.h"
#include "read_order_int.h"

/* Page numbers sit this far at most below their page's place in the
 * text: a cover or a contents page left unnumbered. */
#define PAGE_SHIFT_MAX 2
/* Pages that must end in their number: two could by chance, a table's
 * small values ending pages 3 and 5 ("2", "4") as the numbers of a
 * document whose first page is a cover. */
#define PAGE_MIN_NUMBERED 3

/* 1 when line l starts a page: pdftotext ends each page with a form
 * feed, at the start of the next page's first line, which the decoded
 * text holds as a space (lib/form/text.c); pdftotext indents no line of
 * its reading order. */
int
ogi__order_page_start(const ogi_text_t *t, size_t l)
{
    const char *s = t->s + t->lines[l].start;
    size_t n = t->lines[l].end - t->lines[l].start;
    return n >= 1 && s[0] == ' ' && (n == 1 || (s[1] != ' ' && s[1] != '\t'));
}

/* The number at s[*i, b) (one to three digits, not starting with 0),
 * *i past it; 0 when none. */
static size_t
page_digits(const char *s, size_t *i, size_t b)
{
    size_t v = 0, q = *i;
    if (q == b || s[q] == '0')
        return 0;
    for (; q < b && q - *i < 4 && s[q] >= '0' && s[q] <= '9'; q++)
        v = v * 10 + (size_t)(s[q] - '0');
    if (q - *i > 3)
        return 0;
    *i = q;
    return v;
}

/* The number line p holds when a bare page number could ("3"), or the
 * page of a "3 / 12" (the page of the pages; "3/12" is a footer to
 * ogi_text_is_page_number, not spaced so), else 0. */
static size_t
bare_number(const ogi_text_t *t, size_t p)
{
    size_t a, b;
    ogi__order_line_content(t, p, &a, &b);
    size_t v = page_digits(t->s, &a, b);
    if (!v || a == b)
        return a == b ? v : 0;
    while (a < b && t->s[a] == ' ')
        a++;
    if (a == b || t->s[a] != '/')
        return 0;
    a++;
    while (a < b && t->s[a] == ' ')
        a++;
    size_t of = page_digits(t->s, &a, b);
    return a == b && of >= v ? v : 0;
}

/* Lines before a page's start a footer may sit among, when pdftotext
 * wrote it before the page's last blocks. */
#define PAGE_FOOT_LINES 6

/*
 * Page numbers written bare ("3", not "-3-"): a page's footer is the
 * last line before the next page's start, or, where pdftotext wrote the
 * page's last blocks after it, among the few lines before. A bare number
 * ending a page is a footer when the document numbers its pages so:
 * PAGE_MIN_NUMBERED pages at least, and most of those that end in a bare
 * number, end in their own number (the pages' count, less the pages
 * left unnumbered at the front; footers on odd pages only are common).
 * A table's small values that happen to end pages seldom make such a
 * run. A page that does not end in its number has it among its last
 * lines only when more than half the document's pages, three or more,
 * end in theirs. The footers' lines into o->pages. Returns 0 or
 * OGI_ENOMEM.
 */
static int
find_page_numbers(order_t *o, ogi_arena_t *arena)
{
    const ogi_text_t *t = o->t;
    size_t votes[PAGE_SHIFT_MAX + 1] = {0}, bare = 0, k = 0, shift = 0;
    int strong = 0;
    o->npages = 0;
    o->pages = NULL;
    /* two passes: the votes, then the footers of the shift that won */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            for (size_t d = 1; d <= PAGE_SHIFT_MAX; d++)
                if (votes[d] > votes[shift])
                    shift = d;
            if (votes[shift] < PAGE_MIN_NUMBERED || votes[shift] * 2 <= bare)
                return 0;
            strong = votes[shift] >= 3 && votes[shift] * 2 > k;
            o->pages = ogi_arena_alloc(arena, (k + 1) * sizeof(*o->pages));
            if (!o->pages)
                return OGI_ENOMEM;
        }
        k = 0;
        /* (a first line that starts a page: an empty page before) */
        for (size_t l = 0; l < t->nlines; l++) {
            if (!ogi__order_page_start(t, l))
                continue;
            k++;
            /* the page's content lines from its last, up */
            size_t seen = 0;
            for (size_t p = l; p-- > 0 && !ogi__order_page_start(t, p);) {
                if (ogi__table_is_empty_line(t, p))
                    continue;
                size_t v = bare_number(t, p);
                if (pass == 0) {
                    if (v) {
                        bare++;
                        if (v <= k && k - v <= PAGE_SHIFT_MAX)
                            votes[k - v]++;
                    }
                    break;
                }
                if (v && v <= k && k - v == shift) {
                    o->pages[o->npages++] = (uint32_t)p;
                    break;
                }
                if (!strong || ++seen == PAGE_FOOT_LINES)
                    break;
            }
        }
    }
    return 0;
}

/* Looked for once per text, as they are the same whichever of its
 * tables asks: the text's memo keeps them (in the text's arena). */
int
ogi__order_find_page_numbers(order_t *o, ogi_arena_t *arena)
{
    ogi_text_memo_t *m = o->t->memo;
    if (m && m->pages_known) {
        o->pages = m->pages;
        o->npages = m->npages;
        return 0;
    }
    int rc = find_page_numbers(o, m ? m->arena : arena);
    if (rc == 0 && m) {
        m->pages = o->pages;
        m->npages = o->npages;
        m->pages_known = 1;
    }
    return rc;
}

/* 1 when line l is a page's footer: a page number, bare or marked. */
int
ogi__order_page_line(const order_t *o, size_t l)
{
    if (ogi__table_is_page_line(o->t, l))
        return 1;
    for (size_t i = 0; i < o->npages; i++)
        if (o->pages[i] == l)
            return 1;
    return 0;
}
