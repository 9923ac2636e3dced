/*
 * form.c - a document's form from its bytes, and the converter that gives
 * its text view (form_int.h).
 *
 * The form is told from magic numbers: %PDF, the OLE2 compound-file
 * header (Word 97-2003), a ZIP whose directory names word/document.xml
 * (DOCX; other ZIPs are spreadsheets, presentations or archives), image
 * headers, and HTML from its first tags. Everything else is text.
 *
 * PDF and DOC are read by big libraries (poppler, wvWare) that were not
 * written for hostile input: their converters run in a child process
 * with a CPU-time and an address-space limit (sandbox.c), so that a crash
 * or a hang ends as a rejection naming it.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <string.h>

#include "form_int.h"
#include "ogi/error.h"
#include "sandbox_int.h"

/* Case-insensitive search of the ASCII needle in h[0..n) (form_int.h). */
const char *
ogi__form_find_ci(const char *h, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k) {
            char c = h[i + j];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            if (c != needle[j])
                break;
            j++;
        }
        if (j == k)
            return h + i;
    }
    return NULL;
}

/* What a ZIP holds, from the names in its local headers and central
 * directory (read as bytes: no inflating to tell the form). */
static void
sniff_zip(const char *raw, size_t len, ogi__form_t *out)
{
    if (ogi__form_find_ci(raw, len, "word/document.xml")) {
        out->kind = OGI__FORM_DOCX;
        out->content_type = "application/vnd.openxmlformats-officedocument."
                            "wordprocessingml.document";
        out->name = "DOCX";
        return;
    }
    out->kind = OGI__FORM_OTHER;
    if (ogi__form_find_ci(raw, len, "xl/workbook.xml")) {
        out->content_type = "application/vnd.openxmlformats-officedocument."
                            "spreadsheetml.sheet";
        out->name = "XLSX spreadsheet";
    } else if (ogi__form_find_ci(raw, len, "ppt/presentation.xml")) {
        out->content_type = "application/vnd.openxmlformats-officedocument."
                            "presentationml.presentation";
        out->name = "PPTX presentation";
    } else if (ogi__form_find_ci(raw, len, "content.xml") &&
               ogi__form_find_ci(raw, len,
                                 "application/vnd.oasis.opendocument")) {
        out->content_type = "application/vnd.oasis.opendocument";
        out->name = "OpenDocument file";
    } else {
        out->content_type = "application/zip";
        out->name = "ZIP archive";
    }
}

/* An OLE2 compound file: Word, or Excel/PowerPoint. The stream names are
 * UTF-16 in the directory sectors; "WordDocument" marks Word. */
static void
sniff_ole(const char *raw, size_t len, ogi__form_t *out)
{
    static const char word[] = "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
    static const char book[] = "W\0o\0r\0k\0b\0o\0o\0k\0";
    int is_word = 0, is_book = 0;
    for (size_t i = 0; i + sizeof(word) - 1 <= len && !is_word; i++)
        is_word = memcmp(raw + i, word, sizeof(word) - 1) == 0;
    for (size_t i = 0; !is_word && i + sizeof(book) - 1 <= len && !is_book; i++)
        is_book = memcmp(raw + i, book, sizeof(book) - 1) == 0;
    if (is_word || !is_book) {
        /* a compound file without a Workbook: Word is the likely one, and
         * its converter says so when it is not */
        out->kind = OGI__FORM_DOC;
        out->content_type = "application/msword";
        out->name = "DOC";
    } else {
        out->kind = OGI__FORM_OTHER;
        out->content_type = "application/vnd.ms-excel";
        out->name = "XLS spreadsheet";
    }
}

/* HTML from its first tags: a doctype, <html>, <head>, <body>, <meta>,
 * <table> or <div> among the first 1024 bytes after spaces and a BOM,
 * before any text that is not markup. UTF-16 pages are told after
 * decoding, by the text converter. */
static int
looks_html(const char *raw, size_t len)
{
    /* a page saved as UTF-16 (a BOM, then one NUL per ASCII character):
     * its first characters, narrowed, tell as well */
    const unsigned char *u = (const unsigned char *)raw;
    int le = len >= 4 && u[0] == 0xFF && u[1] == 0xFE;
    int be = len >= 4 && u[0] == 0xFE && u[1] == 0xFF;
    if (le || be) {
        char narrow[64];
        size_t n = 0;
        for (size_t k = 2; k + 1 < len && n < sizeof(narrow); k += 2) {
            unsigned char c = le ? u[k] : u[k + 1], z = le ? u[k + 1] : u[k];
            if (z != 0)
                break; /* not ASCII: no tag here */
            narrow[n++] = (char)c;
        }
        return n > 0 && looks_html(narrow, n);
    }
    size_t i = 0;
    if (len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' ||
                       raw[i] == '\n'))
        i++;
    if (i >= len || raw[i] != '<')
        return 0;
    /* XHTML pages open with an XML declaration */
    if (len - i > 5 && memcmp(raw + i, "<?xml", 5) == 0) {
        const char *e = memchr(raw + i, '>', len - i < 512 ? len - i : 512);
        if (!e)
            return 0;
        i = (size_t)(e - raw) + 1;
        while (i < len && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r' ||
                           raw[i] == '\n'))
            i++;
        if (i >= len || raw[i] != '<')
            return 0;
    }
    size_t n = len - i < 1024 ? len - i : 1024;
    static const char *const tags[] = {
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--"};
    for (size_t k = 0; k < OGI_ARRAY_LEN(tags); k++)
        if (ogi__form_find_ci(raw + i, n < 16 ? n : 16, tags[k]) == raw + i)
            return 1;
    /* a fragment: tables given as markup are still read as text */
    return 0;
}

void
ogi__form_sniff(const char *raw, size_t len, ogi__form_t *out)
{
    out->kind = OGI__FORM_TEXT;
    out->content_type = "text/plain";
    out->name = "text";
    size_t skip = 0;
    /* some sites put blank lines before %PDF */
    while (skip < len && skip < 1024 &&
           (raw[skip] == '\r' || raw[skip] == '\n' || raw[skip] == ' '))
        skip++;
    if (len - skip >= 5 && memcmp(raw + skip, "%PDF-", 5) == 0) {
        out->kind = OGI__FORM_PDF;
        out->content_type = "application/pdf";
        out->name = "PDF";
    } else if (len >= 8 &&
               memcmp(raw, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        sniff_ole(raw, len, out);
    } else if (len >= 4 && memcmp(raw, "PK\x03\x04", 4) == 0) {
        sniff_zip(raw, len, out);
    } else if (len >= 8 && memcmp(raw, "\x89PNG\r\n\x1A\n", 8) == 0) {
        *out = (ogi__form_t){OGI__FORM_OTHER, "image/png", "PNG image"};
    } else if (len >= 3 && memcmp(raw, "\xFF\xD8\xFF", 3) == 0) {
        *out = (ogi__form_t){OGI__FORM_OTHER, "image/jpeg", "JPEG image"};
    } else if (len >= 6 && (memcmp(raw, "GIF87a", 6) == 0 ||
                            memcmp(raw, "GIF89a", 6) == 0)) {
        *out = (ogi__form_t){OGI__FORM_OTHER, "image/gif", "GIF image"};
    } else if (len >= 4 &&
               (memcmp(raw, "II*\0", 4) == 0 || memcmp(raw, "MM\0*", 4) == 0)) {
        *out = (ogi__form_t){OGI__FORM_OTHER, "image/tiff", "TIFF image"};
    } else if (len >= 5 && memcmp(raw, "{\\rtf", 5) == 0) {
        *out =
            (ogi__form_t){OGI__FORM_OTHER, "application/rtf", "RTF document"};
    } else if (len >= 3 && memcmp(raw, "\x1F\x8B\x08", 3) == 0) {
        *out =
            (ogi__form_t){OGI__FORM_OTHER, "application/gzip", "gzip archive"};
    } else if (len >= 6 && memcmp(raw, "7z\xBC\xAF\x27\x1C", 6) == 0) {
        *out = (ogi__form_t){OGI__FORM_OTHER, "application/x-7z-compressed",
                             "7z archive"};
    } else if (len >= 4 && memcmp(raw, "Rar!", 4) == 0) {
        *out = (ogi__form_t){OGI__FORM_OTHER, "application/vnd.rar",
                             "RAR archive"};
    } else if (looks_html(raw, len)) {
        out->kind = OGI__FORM_HTML;
        out->content_type = "text/html";
        out->name = "HTML";
    }
}

/* ---- the view buffer ---- */

void
ogi__view_buf_init(ogi__view_buf_t *b, ogi_arena_t *arena)
{
    *b = (ogi__view_buf_t){.arena = arena};
}

void
ogi__view_buf_put(ogi__view_buf_t *b, const char *s, size_t n)
{
    if (b->oom || n == 0)
        return;
    if (b->cap - b->len <= n) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->len <= n) {
            if (cap > ((size_t)1 << 40)) {
                b->oom = 1;
                return;
            }
            cap *= 2;
        }
        char *p = b->s ? ogi_arena_grow(b->arena, b->s, b->len, cap)
                       : ogi_arena_alloc(b->arena, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
}

void
ogi__view_buf_puts(ogi__view_buf_t *b, const char *s)
{
    ogi__view_buf_put(b, s, strlen(s));
}

void
ogi__view_buf_escape(ogi__view_buf_t *b, const char *s, size_t n)
{
    if (n == 0)
        return; /* an empty text may come as NULL (an element of no text):
                   no pointer arithmetic on it */
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
            case '&':
                rep = "&amp;";
                break;
            case '<':
                rep = "&lt;";
                break;
            case '>':
                rep = "&gt;";
                break;
            case '\r':
                rep = i + 1 < n && s[i + 1] == '\n' ? "" : "<br>";
                break;
            case '\n':
                rep = "<br>";
                break;
            case '\0':
                rep = "";
                break;
            default:
                continue;
        }
        ogi__view_buf_put(b, s + from, i - from);
        ogi__view_buf_puts(b, rep);
        from = i + 1;
    }
    ogi__view_buf_put(b, s + from, n - from);
}

int
ogi__view_buf_finish(ogi__view_buf_t *b, const char **s, size_t *len)
{
    ogi__view_buf_put(b, "", 1); /* the NUL, counted out below */
    if (b->oom || !b->s)
        return OGI_ENOMEM;
    b->len--;
    *s = b->s;
    *len = b->len;
    return 0;
}

uint32_t
ogi__view_raw(const ogi__view_t *v, size_t off)
{
    size_t raw = ogi_text_shift_raw(v->map, v->nmap, off);
    return (uint32_t)(raw < v->nraw ? raw : v->nraw);
}

/* ---- dispatch ---- */

/* The view of a text: its encoding read (ogi__form_text, or
 * ogi__form_text_assumed when assumed is not NULL), then the passes that
 * give a text what a tool took from it. */
static int
text_view(ogi_arena_t *arena, const char *raw, size_t len, ogi__view_t *out,
          char *why, size_t why_size, int *assumed)
{
    int rc = assumed ? ogi__form_text_assumed(arena, raw, len, out, why,
                                              why_size, assumed)
                     : ogi__form_text(arena, raw, len, out, why, why_size);
    /* pandoc's Markdown loses its markup */
    if (!rc)
        rc = ogi__form_pandoc_md(arena, out);
    /* a report a crawler saved on one line gets its lines back */
    if (!rc)
        rc = ogi__form_unflatten(arena, out);
    /* OCR's look-alikes of figures in a row's values (form_ocr.c) */
    return rc ? rc : ogi__form_ocr_figures(arena, out);
}

/*
 * Whether raw[0..len), taken for UTF-8 (ogi__form_text_assumed), is: 0
 * when it is, 1 when it is not, OGI_ENOMEM. A view that is raw itself is
 * decoded, and the decoding kept in out->text for the parse: a text the
 * decoder reads is UTF-8 by the check's rule (the same broken sequences
 * weighed against the same bytes). One it refuses, or a view the passes
 * rewrote, is checked.
 */
static int
confirm_utf8(ogi_arena_t *arena, const char *raw, size_t len, ogi__view_t *out)
{
    if (out->s == raw && out->len == len) {
        ogi_text_t *t = ogi_arena_alloc(arena, sizeof(*t));
        if (!t)
            return OGI_ENOMEM;
        char why[8];
        int rc = ogi_text_decode(arena, raw, len, len, t, why, sizeof(why));
        if (rc == OGI_ENOMEM)
            return rc;
        if (rc == 0) {
            out->text = t;
            return 0;
        }
    }
    return ogi__form_text_is_utf8(raw, len) ? 0 : 1;
}

int
ogi__form_view(ogi_arena_t *arena, const char *raw, size_t len,
               ogi__form_t *form, ogi__view_t *out, char *why, size_t why_size)
{
    memset(out, 0, sizeof(*out));
    ogi__form_sniff(raw, len, form);
    switch (form->kind) {
        case OGI__FORM_TEXT: {
            /* UTF-8, as most texts are, is taken on trust and then checked
             * by the decoder, which reads the view anyway and refuses by
             * the same rule: the bytes are not read twice. A text that
             * turns out to be no UTF-8 is read again, checked first */
            int assumed = 0;
            int rc = text_view(arena, raw, len, out, why, why_size, &assumed);
            if (rc == OGI_ENOMEM || !assumed)
                return rc;
            if (!rc && (rc = confirm_utf8(arena, raw, len, out)) <= 0)
                return rc;
            memset(out, 0, sizeof(*out));
            return text_view(arena, raw, len, out, why, why_size, NULL);
        }
        case OGI__FORM_HTML:
            return ogi__form_html(arena, raw, len, out, why, why_size);
        case OGI__FORM_DOCX:
            return ogi__form_docx(arena, raw, len, out, why, why_size);
        case OGI__FORM_PDF:
            return ogi__sandbox_convert(ogi__form_pdf, "PDF", arena, raw, len,
                                        out, why, why_size);
        case OGI__FORM_DOC: {
            ogi__view_t page;
            int rc =
                ogi__sandbox_convert_scratch(ogi__form_doc_page, "DOC", arena,
                                             raw, len, &page, why, why_size);
            return rc ? rc
                      : ogi__form_doc_html(arena, &page, out, why, why_size);
        }
        case OGI__FORM_OTHER:
            break;
    }
    snprintf(why, why_size,
             "%s, not a report ogi reads (text, HTML, PDF, "
             "DOCX or DOC)",
             form->name);
    return OGI_EREJECT;
}
