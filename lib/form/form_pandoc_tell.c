/*
 * form_pandoc_tell.c - telling pandoc's own Markdown from other text, and
 * the lines of its tables (form_pandoc_int.h; the view: form_pandoc.c).
 */
#include "ogi_int.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "form_pandoc_int.h"

int
ogi__pmd_is_attr_start(const char *s, const char *e)
{
    if (s >= e)
        return 0;
    if (*s == '#' || *s == '.')
        return 1;
    const char *p = s;
    while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     *p == '-' || *p == '_'))
        p++;
    return p > s && p < e && *p == '=';
}

/* A line of dashes, in groups a space apart ("  ----- ---- ---"): how many
 * groups, or 0. */
int
ogi__pmd_dash_groups(const char *s, size_t a, size_t e)
{
    int g = 0, dashes = 0;
    for (size_t i = a; i < e; i++) {
        if (s[i] == '-') {
            if (i == a || s[i - 1] != '-')
                g++;
            dashes++;
        } else if (s[i] != ' ') {
            return 0;
        }
    }
    return dashes >= 3 ? g : 0;
}

/* A grid table's rule ("+-----+----+", "+=====+"). */
int
ogi__pmd_grid_rule(const char *s, size_t a, size_t e)
{
    while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\r'))
        e--;
    if (e - a < 3 || s[a] != '+' || s[e - 1] != '+' ||
        (s[a + 1] != '-' && s[a + 1] != '=' && s[a + 1] != ':'))
        return 0;
    for (size_t i = a; i < e; i++)
        if (s[i] != '+' && s[i] != '-' && s[i] != '=' && s[i] != ':')
            return 0;
    return 1;
}

int
ogi__pmd_is_fence(const char *s, size_t a, size_t e)
{
    return e - a >= 3 && memcmp(s + a, ":::", 3) == 0 &&
           (e - a == 3 || s[a + 3] == ':' || s[a + 3] == ' ');
}

/* What pandoc escapes with a backslash (a no-break space too). */
int
ogi__pmd_is_punct(unsigned char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
           (c >= '[' && c <= '`') || (c >= '{' && c <= '~') || c == ' ';
}

/* Whether [s, end) holds ":::", from its colons (few in most texts). */
static int
has_fence_mark(const char *s, const char *end)
{
    for (const char *p = s; (p = memchr(p, ':', (size_t)(end - p))); p++)
        if (end - p >= 3 && p[1] == ':' && p[2] == ':')
            return 1;
    return 0;
}

/* Whether s[0..n) is pandoc's Markdown beyond doubt. */
int
ogi__pmd_is_md(const char *s, size_t n)
{
    const char *end = s + n;
    size_t spans = 0, esc = 0;
    /* spans and escapes, found from their first bytes: most texts have
     * neither, and are not read line by line for them */
    for (const char *p = s; (p = memchr(p, ']', (size_t)(end - p))); p++)
        if (end - p >= 2 && p[1] == '{') {
            const char *nl = memchr(p + 2, '\n', (size_t)(end - p - 2));
            spans += (size_t)ogi__pmd_is_attr_start(p + 2, nl ? nl : end);
        }
    if (spans >= 3)
        return 1;
    for (const char *p = s; (p = memchr(p, '\\', (size_t)(end - p))); p++)
        esc += p + 1 == end || p[1] == '\n' ||
               (p[1] != '\\' && ogi__pmd_is_punct((unsigned char)p[1]));
    /* pandoc's tables with its escapes ("1\.", "\--", a line break "\"):
     * its plain text has the tables, never the escapes; or with its
     * fences, which no text without ":::" has */
    if (esc < 3 && !has_fence_mark(s, end))
        return 0;
    size_t fences = 0, rules = 0;
    for (size_t a = 0; a < n;) {
        const char *nl = memchr(s + a, '\n', n - a);
        size_t e = nl ? (size_t)(nl - s) : n;
        if (ogi__pmd_is_fence(s, a, e))
            fences++;
        else if (ogi__pmd_grid_rule(s, a, e) ||
                 ogi__pmd_dash_groups(s, a, e) >= 2)
            rules++;
        a = e + 1;
    }
    return (fences >= 2 && rules >= 1) || (rules >= 1 && esc >= 3);
}
