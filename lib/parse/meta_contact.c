/*
 * meta_contact.c - a report's contact details (meta.c): telephone
 * numbers, postal code, e-mail and address.
 *
 * They are searched in the squeezed text (pdftotext splits the contact
 * sentence over lines and spaces out its punctuation): the intro as a
 * whole, and in the body only sentences that name both a contact and the
 * disclosure work. Thread-safe.
 */
#include "ogi_int.h"

#include <string.h>

#include "meta_int.h"
#include "ogi/error.h"
#include "ogi/text.h"

/* ---------------------------------------------------------------------
 * Data tables
 * ------------------------------------------------------------------ */

/* A body sentence is a contact only when it names one of these... */
static const char *const contact_words[] = {"电话",     "热线", "邮编",
                                            "邮政编码", "地址", "邮箱"};
/* ...and is about the disclosure work, not e.g. a citizen's complaint. */
static const char *const topic_words[] = {"公开", "年报", "报告", "咨询",
                                          "政务"};

static const char *const phone_labels[] = {"电话", "热线", "Tel", "tel", "TEL"};
static const char *const email_labels[] = {"邮箱", "邮件", "mail", "Mail",
                                           "MAIL"};
static const char *const postal_labels[] = {"邮政编码", "邮编"};

/* Where an address ends when no punctuation does. */
static const char *const address_stops[] = {
    "联系电话", "咨询电话", "办公电话", "电话", "邮政编码", "邮编",
    "电子邮箱", "邮箱",     "电子邮件", "传真", "网址",     "联系人",
};

/* ---------------------------------------------------------------------
 * Contact
 * ------------------------------------------------------------------ */

/* Where contact details are searched: a region of the squeezed text. */
typedef struct {
    const char *p; /* start of the intro, or of one body sentence */
    const char *end;
    int body; /* items need a label and a disclosure word nearby */
} region_t;

/* Whether one of the words occurs in the window bytes before p (not
 * before start). */
static int
near_before(const char *start, const char *p, const char *const *words,
            size_t n, size_t window)
{
    const char *from = (size_t)(p - start) > window ? p - window : start;
    size_t ml = 0;
    return ogi_text_find_any(from, p, words, n, &ml) != NULL;
}

/*
 * Whether an item at z may be taken. In the intro anything goes; in the
 * body the item needs its label just before (labels NULL: the caller found
 * it after its label) and a word about the disclosure work within about 30
 * characters: "区政府信息公开联系电话：0468-3357660" qualifies, a citizen's
 * "（承办单位：物业站，联系电话：…）" pasted into section 一 does not.
 * Headings carry no 。, so a sentence can run from such junk into the next
 * section; the window keeps its words apart.
 */
static int
item_ok(const region_t *rg, const char *z, const char *const *labels,
        size_t nlabels)
{
    if (!rg->body)
        return 1;
    if (labels && !near_before(rg->p, z, labels, nlabels, 30))
        return 0;
    return near_before(rg->p, z, topic_words, OGI_ARRAY_LEN(topic_words), 100);
}

/* Whether the number at p is labelled as a fax: "传真：0451-…" with no
 * "电话" just before that label. */
static int
is_fax(const char *start, const char *p)
{
    const char *q = p;
    if (q > start && q[-1] == ':')
        q--;
    if (!ogi_text_has_suffix(start, q, "传真"))
        return 0;
    q -= strlen("传真");
    const char *from = q - start > 9 ? q - 9 : start;
    return ogi_text_find_in(from, q, "电话") == NULL;
}

/*
 * A telephone number "0451-84015515" or "(0451)84015515" at p: writes
 * "0451-84015515" to out and returns the end of the number, or NULL. The
 * area code is 0 and 2-3 digits, the number 7-8 digits, and no digit may
 * touch either end.
 */
static const char *
phone_at(const char *start, const char *p, const char *end, char out[16])
{
    int paren = p > start && p[-1] == '(';
    if (p > start && !paren &&
        (ogi_text_is_alnum((unsigned char)p[-1]) || p[-1] == '-' ||
         p[-1] == '.'))
        return NULL;
    const char *q = p;
    while (q < end && ogi_text_is_digit((unsigned char)*q) && q - p < 5)
        q++;
    size_t area = (size_t)(q - p);
    if (*p != '0' || p[1] == '0' || area < 3 || area > 4 || q >= end)
        return NULL;
    if (!(*q == '-' || (paren && *q == ')')))
        return NULL;
    const char *num = ++q;
    while (q < end && ogi_text_is_digit((unsigned char)*q) && q - num < 9)
        q++;
    size_t digits = (size_t)(q - num);
    if (digits < 7 || digits > 8)
        return NULL;
    memcpy(out, p, area);
    out[area] = '-';
    memcpy(out + area + 1, num, digits);
    out[area + 1 + digits] = '\0';
    return q;
}

/* Adds a phone unless it is already there or the list is full. */
static int
phone_add(ogi_arena_t *arena, ogi_meta_t *m, const char *phone)
{
    for (size_t i = 0; i < m->nphones; i++)
        if (strcmp(m->phones[i], phone) == 0)
            return 0;
    if (m->nphones == OGI_MAX_PHONES)
        return 0;
    char *s = ogi_arena_strdup(arena, phone);
    if (!s)
        return OGI_ENOMEM;
    m->phones[m->nphones++] = s;
    return 0;
}

/* Telephone numbers of the region, in order. */
static int
scan_phones(ogi_arena_t *arena, ogi_meta_t *m, const region_t *rg)
{
    const char *p = rg->p, *end = rg->end;
    char phone[16];
    for (const char *q = p; q < end;) {
        const char *z = memchr(q, '0', (size_t)(end - q));
        if (!z)
            break;
        const char *after = phone_at(p, z, end, phone);
        if (!after) {
            q = z + 1;
            continue;
        }
        q = after;
        if (is_fax(p, z))
            continue;
        if (!item_ok(rg, z, phone_labels, OGI_ARRAY_LEN(phone_labels)))
            continue;
        int rc = phone_add(arena, m, phone);
        if (rc)
            return rc;
    }
    return 0;
}

/* The postal code after 邮编/邮政编码 in the region: six digits, alone. */
static int
scan_postal(ogi_arena_t *arena, ogi_meta_t *m, const region_t *rg)
{
    const char *p = rg->p, *end = rg->end, *k;
    /* both labels start with 邮: one pass over the region, never one per
     * label and hit, which would be quadratic on hostile input */
    while (!m->postal_code && (k = ogi_text_find_in(p, end, "邮")) != NULL) {
        size_t ml = 0;
        for (size_t i = 0; i < OGI_ARRAY_LEN(postal_labels) && !ml; i++)
            if (ogi_text_has_prefix(k, end, postal_labels[i]))
                ml = strlen(postal_labels[i]);
        if (!ml) {
            p = k + strlen("邮");
            continue;
        }
        const char *q = k + ml;
        if (q < end && *q == ':')
            q++;
        else if (ogi_text_has_prefix(q, end, "为") ||
                 ogi_text_has_prefix(q, end, "是"))
            q += strlen("为");
        int v;
        const char *z = ogi__meta_read_uint(q, end, 6, &v);
        if (z && z - q == 6 &&
            (z == end || !ogi_text_is_digit((unsigned char)*z)) &&
            item_ok(rg, k, NULL, 0)) {
            m->postal_code = ogi_arena_strndup(arena, q, 6);
            if (!m->postal_code)
                return OGI_ENOMEM;
        }
        p = q;
    }
    return 0;
}

static int
email_local_char(int c)
{
    return ogi_text_is_alnum(c) || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-';
}

static int
email_domain_char(int c)
{
    return ogi_text_is_alnum(c) || c == '.' || c == '-';
}

/* Whether [p, end) is a domain with a dot and a top-level part of two or
 * more letters. */
static int
domain_ok(const char *p, const char *end)
{
    const char *dot = NULL;
    for (const char *q = p; q < end; q++)
        if (*q == '.')
            dot = q;
    if (!dot || dot == p || end - dot < 3)
        return 0;
    for (const char *q = dot + 1; q < end; q++)
        if (!ogi_text_is_alpha((unsigned char)*q))
            return 0;
    return 1;
}

/* The first e-mail address of the region. */
static int
scan_email(ogi_arena_t *arena, ogi_meta_t *m, const region_t *rg)
{
    const char *p = rg->p, *end = rg->end;
    for (const char *q = p; !m->email && q < end;) {
        const char *at = memchr(q, '@', (size_t)(end - q));
        if (!at)
            break;
        const char *a = at, *b = at + 1;
        while (a > p && email_local_char((unsigned char)a[-1]))
            a--;
        while (b < end && email_domain_char((unsigned char)*b))
            b++;
        while (b > at + 1 && (b[-1] == '.' || b[-1] == '-'))
            b--;
        q = at + 1;
        if (a == at || !domain_ok(at + 1, b))
            continue;
        if (!item_ok(rg, a, email_labels, OGI_ARRAY_LEN(email_labels)))
            continue;
        m->email = ogi_arena_strndup(arena, a, (size_t)(b - a));
        if (!m->email)
            return OGI_ENOMEM;
    }
    return 0;
}

/* Where the address starting at p ends: the first , ; 。 、 " or unmatched
 * ) or a following label (邮编, 电话…); NULL when there is none within
 * 200 bytes. */
static const char *
address_end(const char *p, const char *end)
{
    const char *lim = end - p > 200 ? p + 200 : end;
    size_t ml = 0;
    const char *stop = ogi_text_find_any(p, lim, address_stops,
                                         OGI_ARRAY_LEN(address_stops), &ml);
    if (stop)
        lim = stop;
    int depth = 0;
    for (const char *q = p; q < lim; q++) {
        if (*q == ',' || *q == ';' || *q == '"' ||
            ogi_text_has_prefix(q, lim, "。") ||
            ogi_text_has_prefix(q, lim, "、"))
            return q;
        if (*q == '(')
            depth++;
        else if (*q == ')' && depth-- == 0)
            return q;
    }
    return stop || lim == end ? lim : NULL;
}

/* A copy of [p, end) without spaces, in the arena; NULL on OOM. */
static char *
dup_nospace(ogi_arena_t *arena, const char *p, const char *end)
{
    return ogi_text_squeeze(arena, p, (size_t)(end - p), NULL);
}

/* The first address after 地址 (联系地址, 通讯地址…, not 网站地址) in the
 * region. */
static int
scan_address(ogi_arena_t *arena, ogi_meta_t *m, const region_t *rg)
{
    const char *p = rg->p, *end = rg->end;
    static const char *const web[] = {"网", "站", "页", "箱", "件", "络"};
    const char *k = p;
    while (!m->address && (k = ogi_text_find_in(k, end, "地址")) != NULL) {
        const char *before = k;
        k += strlen("地址");
        if (ogi_text_suffix_any(p, before, web, OGI_ARRAY_LEN(web)) ||
            !item_ok(rg, before, NULL, 0))
            continue;
        const char *q = k;
        if (q < end && *q == ':')
            q++;
        else if (ogi_text_has_prefix(q, end, "为") ||
                 ogi_text_has_prefix(q, end, "是"))
            q += strlen("为");
        const char *e = address_end(q, end);
        if (!e)
            continue;
        size_t nchars = ogi_text_count_chars(q, e);
        int cjk = 0;
        for (const char *z = q; z < e && !cjk; z++)
            cjk = ogi_text_cjk_at(z, e) != 0;
        if (nchars < 4 || !cjk)
            continue;
        m->address = dup_nospace(arena, q, e);
        if (!m->address)
            return OGI_ENOMEM;
    }
    return 0;
}

static int
scan_contact(ogi_arena_t *arena, ogi_meta_t *m, const char *p, const char *end,
             int body)
{
    region_t rg = {p, end, body};
    int rc = scan_phones(arena, m, &rg);
    if (!rc)
        rc = scan_postal(arena, m, &rg);
    if (!rc)
        rc = scan_email(arena, m, &rg);
    if (!rc)
        rc = scan_address(arena, m, &rg);
    return rc;
}

/* The end of the sentence starting at p: its 。 ! or ?, or end. Not ';':
 * contact lists separate their items with it ("电话：…；电子邮箱：…"). */
static const char *
sentence_end(const char *p, const char *end)
{
    const char *e = p < end ? ogi_text_find(p, (size_t)(end - p), "。") : NULL;
    if (!e)
        e = end;
    const char *x = memchr(p, '!', (size_t)(e - p));
    if (x)
        e = x;
    x = memchr(p, '?', (size_t)(e - p));
    return x ? x : e;
}

/* Start of the sentence holding q: just after the last 。 ! ? in [p, q). */
static const char *
sentence_start(const char *p, const char *q)
{
    for (const char *b = q; b > p; b--) {
        if (b[-1] == '!' || b[-1] == '?')
            return b;
        if (b - p >= 3 && memcmp(b - 3, "。", 3) == 0)
            return b;
    }
    return p;
}

/*
 * Contact details: everything in the intro (the part before the first
 * heading, where reports print their contact), then, in the body, only
 * sentences that name a contact, and there only items labelled and close
 * to a word about the disclosure work (item_ok).
 */
int
ogi__meta_contact_extract(ogi_report_t *r, const ogi__meta_squeezed_t *sq)
{
    int rc = scan_contact(r->arena, &r->meta, sq->s, sq->body, 0);
    /* jump from one contact word to the next rather than walking every
     * sentence: most of a report names no contact at all. The words are
     * searched together, so that the body is read once in all */
    for (const char *p = sq->body; !rc && p < sq->end;) {
        size_t ml = 0;
        const char *q = ogi_text_find_any(p, sq->end, contact_words,
                                          OGI_ARRAY_LEN(contact_words), &ml);
        if (!q)
            break;
        const char *b = sentence_start(p, q);
        const char *e = sentence_end(q, sq->end);
        if (ogi_text_find_any(b, e, topic_words, OGI_ARRAY_LEN(topic_words),
                              &ml))
            rc = scan_contact(r->arena, &r->meta, b, e, 1);
        p = e < sq->end ? e + ogi_utf8_len(e, sq->end) : e;
    }
    return rc;
}
