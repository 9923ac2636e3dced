/*
 * form_int.h - a document's form, told from its bytes, and its text view.
 *
 * Agencies publish a report as text (in any Chinese encoding), an HTML
 * page, a PDF, or a Word file (DOCX or DOC). The form is told from the
 * bytes, never from a file name. Each readable form has a converter that
 * gives the document's text view: UTF-8 text that the rest of the parser
 * reads like any other text. In a view, block text (paragraphs, headings,
 * lines of a PDF) is one line per block, and a table whose structure the
 * form gives (HTML, DOCX, DOC; a PDF's table is text rebuilt from glyph
 * positions) is written as HTML table markup, one <tr> per line, so that
 * the html_table reader (reader_int.h) puts it into the table model with
 * its spans and merges:
 *
 *   <table>
 *   <tr><td rowspan="2">本年新<br>制作数量</td><td colspan="3">…</td></tr>
 *   </table>
 *
 * Cell text is escaped (&amp; &lt; &gt;); a line break inside a cell is
 * <br>; an empty cell is <td></td>; a cell whose source was a no-break
 * space only is <td>&nbsp;</td>.
 *
 * A converter reads only raw[0..len), bounds what it allocates by the
 * input's size, and never trusts lengths inside the input. Private to lib/.
 */
#ifndef OGI_FORM_INT_H
#define OGI_FORM_INT_H

#include <stddef.h>

#include "ogi/arena.h"
#include "ogi/text.h"

typedef enum {
    OGI__FORM_TEXT = 0, /* plain text, any encoding (Markdown included) */
    OGI__FORM_HTML,
    OGI__FORM_PDF,
    OGI__FORM_DOCX,
    OGI__FORM_DOC,
    OGI__FORM_OTHER /* recognised, not readable: its name says what it is */
} ogi__form_kind_t;

typedef struct {
    ogi__form_kind_t kind;
    const char *content_type; /* "text/plain", "text/html",
                                 "application/pdf", ... (static) */
    const char *name;         /* "PDF", "XLSX spreadsheet", "PNG image"...:
                                 named in reasons (static) */
} ogi__form_t;

/* The form of raw[0..len), from magic numbers and the first bytes. */
void ogi__form_sniff(const char *raw, size_t len, ogi__form_t *out);

typedef struct {
    const char *s; /* UTF-8, NUL-terminated, in the arena (or raw itself
                      when raw is already the view) */
    size_t len;
    const char *encoding; /* of the raw bytes: "utf-8", "gb18030",
                             "utf-16le", "utf-16be", "big5"; NULL where
                             the form has none of its own (PDF) */
    /* Where view offsets come from in raw: from view offset map[i].norm on
     * (up to the next entry), raw offset = map[i].raw + (offset -
     * map[i].norm), clamped to the raw length. NULL when the view is raw
     * itself. nraw == 0 means spans cannot point into the raw bytes (a
     * compressed or laid-out form): spans are then offsets in the view. */
    const ogi_text_shift_t *map;
    size_t nmap;
    size_t nraw; /* the raw length spans may point into; 0 as above */
    size_t nbad;    /* raw bytes the decoder could not read, each U+FFFD
                       in s (a character cut short, a stray byte) */
    size_t bad_raw; /* raw offset of the first of them */
    const char *twice; /* "ISO-8859-1" or "windows-1252" when the raw text
                          was encoded twice: its bytes read as that and
                          written again as UTF-8 (form_twice.c); else NULL */
    const ogi_text_t *text; /* s[0..len) decoded (ogi_text_decode), when
                               ogi__form_view did so to learn that it is
                               UTF-8 (its raw and raw_len are s and len);
                               else NULL */
} ogi__view_t;

/*
 * The converters: each fills *out from raw[0..len) (arrays in arena).
 * Returns 0; OGI_EREJECT when the document cannot be read as its form (why
 * receives the reason, naming the form: "PDF: scanned: no text layer",
 * "DOCX: word/document.xml missing"); OGI_ENCODING when text is in no
 * encoding ogi reads; OGI_ETOOBIG beyond a bound; OGI_ENOMEM.
 */
typedef int (*ogi__form_convert_fn)(ogi_arena_t *arena, const char *raw,
                                    size_t len, ogi__view_t *out, char *why,
                                    size_t why_size);

int ogi__form_text(ogi_arena_t *arena, const char *raw, size_t len,
                   ogi__view_t *out, char *why, size_t why_size);
/* ogi__form_text, but text with no BOM, no declared charset and no sign of
 * UTF-16 is taken for UTF-8 without the check, and *assumed set: the caller
 * must then learn whether it is (ogi__form_text_is_utf8, or the text
 * decoder, which refuses by the same rule), and read the text again with
 * ogi__form_text when it is not. */
int ogi__form_text_assumed(ogi_arena_t *arena, const char *raw, size_t len,
                           ogi__view_t *out, char *why, size_t why_size,
                           int *assumed);
/* 1 when raw[0..len) is UTF-8 by ogi_text_decode's rule (a few broken
 * sequences allowed), as ogi__form_text checks it. */
int ogi__form_text_is_utf8(const char *raw, size_t len);
int ogi__form_html(ogi_arena_t *arena, const char *raw, size_t len,
                   ogi__view_t *out, char *why, size_t why_size);
int ogi__form_pdf(ogi_arena_t *arena, const char *raw, size_t len,
                  ogi__view_t *out, char *why, size_t why_size);
int ogi__form_docx(ogi_arena_t *arena, const char *raw, size_t len,
                   ogi__view_t *out, char *why, size_t why_size);
int ogi__form_doc(ogi_arena_t *arena, const char *raw, size_t len,
                  ogi__view_t *out, char *why, size_t why_size);
/* ogi__form_doc in its two halves: wvHtml's page (run in the bounded
 * child), then that page read as HTML (in the caller's process, so that
 * libxml2 never runs in a child forked from a threaded worker) */
int ogi__form_doc_page(ogi_arena_t *arena, const char *raw, size_t len,
                       ogi__view_t *out, char *why, size_t why_size);
int ogi__form_doc_html(ogi_arena_t *arena, const ogi__view_t *page,
                       ogi__view_t *out, char *why, size_t why_size);

/*
 * The text view of raw[0..len) whatever its form: sniffs it (into *form)
 * and runs its converter; the heavy ones (PDF, DOC) in a child process
 * bounded in time and memory, so that a crash or hang in a library
 * becomes a rejection ("PDF: converter crashed (signal 11)"), not a lost
 * run. Returns as the converters do.
 */
int ogi__form_view(ogi_arena_t *arena, const char *raw, size_t len,
                   ogi__form_t *form, ogi__view_t *out, char *why,
                   size_t why_size);

/*
 * Decodes text raw[0..len) in any encoding ogi reads to UTF-8: the BOM,
 * else a charset the bytes declare (HTML <meta charset>, an XML
 * declaration) when hint_declared is set, else valid UTF-8, else the
 * detector's guess (uchardet), converted with iconv. Fills out->s, len,
 * encoding and map. Used by ogi__form_text and ogi__form_html.
 */
int ogi__form_decode(ogi_arena_t *arena, const char *raw, size_t len,
                     int hint_declared, ogi__view_t *out, char *why,
                     size_t why_size);

/*
 * Text encoded twice (form_twice.c): valid UTF-8 whose every character
 * stands for one byte of an earlier encoding, as a tool that read the
 * bytes as ISO-8859-1 or windows-1252 wrote them.
 */
typedef struct {
    const char *s; /* the original bytes, NUL-terminated, in the arena */
    size_t len;
    const ogi_text_shift_t *map; /* from s's offsets to raw's */
    size_t nmap;
    const char *as;       /* what they were read as: "ISO-8859-1", ... */
    const uint32_t *cuts; /* ogi__form_twice_gbk: offsets in s where the
                             lone byte of a cut character was dropped */
    size_t ncuts;
} ogi__twice_t;

/* 1 with *out filled when raw[0..len) (valid UTF-8) is text encoded
 * twice, 0 when it is not, OGI_ENOMEM. */
int ogi__form_twice_undo(ogi_arena_t *arena, const char *raw, size_t len,
                         ogi__twice_t *out);

/* t's bytes made fit to read as GB18030 (they decoded as it): the
 * tool's own characters (U+2014 of &mdash;, kept in UTF-8) in GB18030,
 * and the lone byte of a character the layout cut dropped where a run of
 * two-byte characters is odd. 0 or OGI_ENOMEM. */
int ogi__form_twice_gbk(ogi_arena_t *arena, const char *raw, size_t len,
                        ogi__twice_t *t);

/* Marks in v, the view of t's bytes (before ogi__form_twice_compose),
 * each of t's cuts with a lone byte 0x80, which the text decoder drops
 * and remembers (ogi_text_broken_at) as it does a UTF-8 character cut in
 * two: so the layout's readers see where characters were cut. 0 or
 * OGI_ENOMEM. */
int ogi__form_twice_mark_cuts(ogi_arena_t *arena, ogi__view_t *v,
                              const ogi__twice_t *t);

/* Makes v, a view of t's bytes, a view of the raw text they came from
 * (nraw bytes): its map composed with t's. 0 or OGI_ENOMEM. */
int ogi__form_twice_compose(ogi_arena_t *arena, ogi__view_t *v,
                            const ogi__twice_t *t, size_t nraw);

/*
 * A text view whose lines are very long and hold the format's anchors
 * mid-line (a page a crawler saved with its white space collapsed: the
 * whole report on one line) gets line breaks back before and after each
 * section heading and before each table's header, the map composed so that
 * offsets still lead to the raw bytes (form_flat.c). Any other view is
 * left as it is. Returns 0 or OGI_ENOMEM (v unchanged).
 */
int ogi__form_unflatten(ogi_arena_t *arena, ogi__view_t *v);

/*
 * A text view that pandoc wrote as its own Markdown (`pandoc -t markdown`
 * of a page: attribute spans "[text]{style=...}", fenced divs, escapes)
 * loses its markup: each table cell keeps its column (the spaces its markup
 * took go at the end of its text), raw HTML tables stay, the map composed
 * so that offsets still lead to the raw bytes (form_pandoc.c). Any other
 * view is left as it is. Returns 0 or OGI_ENOMEM (v unchanged).
 */
int ogi__form_pandoc_md(ogi_arena_t *arena, ogi__view_t *v);

/*
 * The figures of a table row that OCR wrote as letters that look like
 * them, in the run of values that ends a line (o or O for 0, l or I for
 * the table's rule after a figure, for 1 after an o), written as what
 * they stand for: one
 * byte for one byte, so that the map holds (form_ocr.c). Any other view
 * is left as it is. Returns 0 or OGI_ENOMEM (v unchanged).
 */
int ogi__form_ocr_figures(ogi_arena_t *arena, ogi__view_t *v);

/* The raw offset view offset off comes from (the map's rule above),
 * at most v->nraw. */
uint32_t ogi__view_raw(const ogi__view_t *v, size_t off);

/*
 * Writes an HTML table row by row into a growing buffer: the helpers that
 * converters share to emit the markup described above.
 */
typedef struct {
    ogi_arena_t *arena;
    char *s;
    size_t len, cap;
    int oom;
} ogi__view_buf_t;

void ogi__view_buf_init(ogi__view_buf_t *b, ogi_arena_t *arena);
void ogi__view_buf_put(ogi__view_buf_t *b, const char *s, size_t n);
void ogi__view_buf_puts(ogi__view_buf_t *b, const char *s);
/* s[0..n) with & < > escaped, CR/LF as <br>; a cell's text */
void ogi__view_buf_escape(ogi__view_buf_t *b, const char *s, size_t n);
/* Case-insensitive search of the lower-case ASCII needle in h[0..n). */
const char *ogi__form_find_ci(const char *h, size_t n, const char *needle);

/* Ends the buffer (NUL) and gives its text; OGI_ENOMEM if anything failed. */
int ogi__view_buf_finish(ogi__view_buf_t *b, const char **s, size_t *len);

#endif /* OGI_FORM_INT_H */
