/*
 * gen_cmp.c - a parsed report against the generator's truth (gen_cmp.h),
 * shared by test_gen and the forms property test (tests/tools/formcmp.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_cmp.h"

void
ogi_test_differ(ogi_test_diff_t *d, const char *fmt, ...)
{
    if (d->n++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->first, sizeof(d->first), fmt, ap);
        va_end(ap);
    }
}

static void
cmp_str(ogi_test_diff_t *d, const char *path, const char *want, const char *got)
{
    if ((want == NULL) != (got == NULL) ||
        (want && got && strcmp(want, got) != 0))
        ogi_test_differ(d, "%s: want \"%s\", got \"%s\"", path,
                        want ? want : "null", got ? got : "null");
}

/* The same number at either scale ("8265.5" and "8265.50"). */
static int
same_number(const ogi_cell_t *a, const ogi_cell_t *b)
{
    int64_t x = a->value, y = b->value;
    for (int i = a->scale; i < b->scale; i++)
        x *= 10;
    for (int i = b->scale; i < a->scale; i++)
        y *= 10;
    return x == y;
}

static const char *const state_names[] = {"missing", "num", "empty", "na",
                                          "text"};

int
ogi_test_cell_cmp(ogi_test_diff_t *d, const ogi_report_t *want,
                  const ogi_report_t *got, ogi_table_id_t id, size_t row,
                  size_t col)
{
    const ogi_table_t *tw = &want->tables[id], *tg = &got->tables[id];
    int before = d->n;
    char path[160];
    ogi_report_path(id, row, (long)col, path, sizeof(path));
    const ogi_cell_t *a = ogi_report_cell(want, id, row, col);
    const ogi_cell_t *b =
        tg->present ? ogi_report_cell(got, id, row, col) : NULL;
    if (!b) {
        ogi_test_differ(d, "%s: absent", path);
        return 0;
    }
    if (a->state != b->state) {
        ogi_test_differ(d, "%s: want %s %.4f, got %s %.4f", path,
                        state_names[a->state % 5], ogi_cell_number(a),
                        state_names[b->state % 5], ogi_cell_number(b));
        return 0;
    }
    if (a->state == OGI_CELL_NUM && !same_number(a, b))
        ogi_test_differ(d, "%s: want %.4f, got %.4f", path, ogi_cell_number(a),
                        ogi_cell_number(b));
    if (tw->skel->cols[col].type == OGI_VT_AMOUNT && a->state == OGI_CELL_NUM) {
        int ua = a->unit ? a->unit : (int)tw->unit;
        int ub = b->unit ? b->unit : (int)tg->unit;
        if (ua != ub)
            ogi_test_differ(
                d, "%s: unit want %s, got %s", path,
                ogi_unit_name((ogi_unit_t)ua) ? ogi_unit_name((ogi_unit_t)ua)
                                              : "null",
                ogi_unit_name((ogi_unit_t)ub) ? ogi_unit_name((ogi_unit_t)ub)
                                              : "null");
    }
    return d->n == before;
}

void
ogi_test_cmp_cells(ogi_test_diff_t *d, const ogi_report_t *want,
                   const ogi_report_t *got)
{
    if (want->apply_other_rows != got->apply_other_rows)
        ogi_test_differ(d, "apply.other: want %d rows, got %d",
                        want->apply_other_rows, got->apply_other_rows);
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_table_t *tw = &want->tables[id], *tg = &got->tables[id];
        if (tw->present != tg->present) {
            ogi_test_differ(d, "%s: table want %s, got %s", tw->skel->path,
                            tw->present ? "present" : "absent",
                            tg->present ? "present" : "absent");
            continue;
        }
        if (!tw->present)
            continue;
        for (size_t row = 0; row < tw->skel->nrows; row++) {
            if (!ogi_report_row_in_shape(want, (ogi_table_id_t)id, row))
                continue;
            for (size_t col = 0; col < tw->skel->ncols; col++)
                ogi_test_cell_cmp(d, want, got, (ogi_table_id_t)id, row, col);
        }
    }
}

static void
cmp_meta(ogi_test_diff_t *d, const ogi_meta_t *w, const ogi_meta_t *g)
{
    cmp_str(d, "meta.agency", w->agency, g->agency);
    if (w->year != g->year)
        ogi_test_differ(d, "meta.year: want %d, got %d", w->year, g->year);
    cmp_str(d, "meta.format", ogi_skeleton_format_name(w->format),
            ogi_skeleton_format_name(g->format));
    cmp_str(d, "meta.published_on", w->published_on, g->published_on);
    cmp_str(d, "meta.admin_level", ogi_level_name(w->admin_level),
            ogi_level_name(g->admin_level));
    cmp_str(d, "meta.province", w->province, g->province);
    cmp_str(d, "meta.contact.postal_code", w->postal_code, g->postal_code);
    cmp_str(d, "meta.contact.email", w->email, g->email);
    cmp_str(d, "meta.contact.address", w->address, g->address);
    if (w->nphones != g->nphones) {
        ogi_test_differ(d,
                        "meta.contact.phones: want %zu, got %zu (first \"%s\")",
                        w->nphones, g->nphones, g->nphones ? g->phones[0] : "");
        return;
    }
    for (size_t i = 0; i < w->nphones; i++)
        cmp_str(d, "meta.contact.phones[]", w->phones[i], g->phones[i]);
}

/* s without whitespace, into buf. */
static void
squeeze(const char *s, char *buf, size_t size)
{
    size_t o = 0;
    for (; s && *s && o + 1 < size; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            buf[o++] = *s;
    buf[o] = '\0';
}

static void
cmp_sections(ogi_test_diff_t *d, const ogi_report_t *want,
             const ogi_report_t *got)
{
    static char a[65536], b[65536];
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        const ogi_section_t *w = &want->sections[k], *g = &got->sections[k];
        const char *key = ogi_skeleton_section((ogi_section_id_t)k)->key;
        if (w->present != g->present) {
            ogi_test_differ(d, "sections.%s: want %s, got %s", key,
                            w->present ? "present" : "absent",
                            g->present ? "present" : "absent");
            continue;
        }
        if (!w->present)
            continue;
        char path[64];
        snprintf(path, sizeof(path), "sections.%s.title", key);
        cmp_str(d, path, w->title, g->title);
        /* the text, whatever the layout did to its lines; the last
         * section may keep a signature line when no date follows it */
        squeeze(w->text, a, sizeof(a));
        squeeze(g->text, b, sizeof(b));
        size_t la = strlen(a), lb = strlen(b);
        int ok = strcmp(a, b) == 0;
        if (!ok && lb > la && lb - la <= 30 * 3 && strncmp(a, b, la) == 0 &&
            !strstr(b + la, "。"))
            ok = 1;
        if (!ok)
            ogi_test_differ(d, "sections.%s.text: want \"…%s\", got \"…%s\"",
                            key, a + (la > 90 ? la - 90 : 0),
                            b + (lb > 90 ? lb - 90 : 0));
    }
}

/* A finding as "rule severity path", for sorting and comparing. */
static char **
finding_keys(const ogi_report_t *r)
{
    char **k = calloc(r->nfindings + 1, sizeof(char *));
    for (size_t i = 0; k && i < r->nfindings; i++) {
        const ogi_finding_t *f = &r->findings[i];
        size_t n = strlen(f->rule) + strlen(f->path) + 16;
        k[i] = malloc(n);
        if (k[i])
            snprintf(k[i], n, "%s %s %s", f->rule,
                     ogi_severity_name(f->severity), f->path);
    }
    return k;
}

static int
cmp_key(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Findings as multisets; the parsed report's message is shown for an
 * extra one. */
static void
cmp_findings(ogi_test_diff_t *d, const ogi_report_t *want,
             const ogi_report_t *got)
{
    char **a = finding_keys(want), **b = finding_keys(got);
    size_t na = want->nfindings, nb = got->nfindings;
    qsort(a, na, sizeof(char *), cmp_key);
    qsort(b, nb, sizeof(char *), cmp_key);
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i], b[j]);
        if (c == 0) {
            i++;
            j++;
        } else if (c < 0) {
            ogi_test_differ(d, "findings: missing \"%s\"", a[i++]);
        } else {
            const char *msg = "";
            for (size_t k = 0; k < got->nfindings; k++) {
                char key[256];
                snprintf(key, sizeof(key), "%s %s %s", got->findings[k].rule,
                         ogi_severity_name(got->findings[k].severity),
                         got->findings[k].path);
                if (strcmp(key, b[j]) == 0) {
                    msg = got->findings[k].message;
                    break;
                }
            }
            ogi_test_differ(d, "findings: extra \"%s\" (%s)", b[j++], msg);
        }
    }
    for (i = 0; i < na; i++)
        free(a[i]);
    for (j = 0; j < nb; j++)
        free(b[j]);
    free(a);
    free(b);
}

void
ogi_test_compare(ogi_test_diff_t *d, const ogi_report_t *want,
                 const ogi_report_t *got)
{
    memset(d, 0, sizeof(*d));
    ogi_test_cmp_cells(d, want, got);
    cmp_meta(d, &want->meta, &got->meta);
    cmp_sections(d, want, got);
    cmp_findings(d, want, got);
    if (want->status != got->status)
        ogi_test_differ(d, "status: want %s, got %s",
                        ogi_status_name(want->status),
                        ogi_status_name(got->status));
}
