/*
 * formcmp.c - the forms property test's judge: html reports made by
 * `ogi gen --layouts html`, converted to some text form (w3m, lynx,
 * html2text, pandoc, a tag stripper, or the page itself), parsed, and
 * compared with their truth cell by cell.
 *
 * The truth is made again from each report's seed (NAME_html_sSEED.txt)
 * and checked against the html file's bytes, so the judge and the files
 * cannot drift apart. A cell passes when its state and value are those of
 * the truth (tests/unit/gen_cmp.c, as test_gen judges them). A row whose
 * run of digits the arithmetic cannot decide passes as a whole only if
 * the record carries a P6 finding for that row. A report is exact when
 * every cell passes and its format and year are the truth's.
 *
 * Usage: formcmp [--error-rate R] [--show N] [--repro CMD] FORM HTML_DIR
 *                TEXT_DIR
 * Prints "form FORM: A/N reports exact, cells C/T (P%)" and the first N
 * failures (CMD with each %S replaced by the seed). Exit 0 when every
 * report is exact, 1 when one is not, 2 on bad usage or unreadable files.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_cmp.h"
#include "golden.h"
#include "ogi.h"
#include "ogi/gen.h"
#include "ogi/source.h"

typedef struct {
    size_t reports, exact;
    size_t cells, cells_ok;
    size_t shown, show;
    const char *repro;
} tally_t;

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The report files of dir (NAME_html_sSEED.txt), sorted; NULL-terminated,
 * malloc'd. */
static char **
list_reports(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    size_t cap = 64;
    char **v = malloc(cap * sizeof(*v));
    *n = 0;
    struct dirent *e;
    while (v && (e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0 ||
            !strstr(e->d_name, "_html_s"))
            continue;
        if (*n + 1 >= cap) {
            char **p = realloc(v, (cap *= 2) * sizeof(*v));
            if (!p)
                break;
            v = p;
        }
        v[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    if (v) {
        v[*n] = NULL;
        qsort(v, *n, sizeof(*v), by_name);
    }
    return v;
}

/* Whether r carries a P6 finding for row (id, row). */
static int
has_p6(const ogi_report_t *r, ogi_table_id_t id, size_t row)
{
    char path[160];
    ogi_report_path(id, row, -1, path, sizeof(path));
    for (size_t i = 0; i < r->nfindings; i++)
        if (strcmp(r->findings[i].rule, "P6") == 0 &&
            strcmp(r->findings[i].path, path) == 0)
            return 1;
    return 0;
}

static const char *cur_name = ""; /* the report being judged (ALLDIFF) */

/* Cells of want's shape that got reads right (rows excused by P6
 * counted in); the first difference into d. Returns the number of cells
 * of the shape in *total. */
static size_t
cells_ok(ogi_test_diff_t *d, const ogi_report_t *want, const ogi_report_t *got,
         size_t *total)
{
    size_t ok = 0;
    *total = 0;
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_table_t *tw = &want->tables[id];
        if (!tw->present)
            continue;
        for (size_t row = 0; row < tw->skel->nrows; row++) {
            if (!ogi_report_row_in_shape(want, (ogi_table_id_t)id, row))
                continue;
            size_t good = 0, n = tw->skel->ncols;
            ogi_test_diff_t rd = {"", 0};
            for (size_t col = 0; col < n; col++)
                good += got ? (size_t)ogi_test_cell_cmp(
                                  &rd, want, got, (ogi_table_id_t)id, row, col)
                            : 0;
            if (good < n && got && has_p6(got, (ogi_table_id_t)id, row))
                good = n;
            if (good < n && getenv("ALLDIFF"))
                fprintf(stderr, "DIFF %s %s %zu/%zu %s\n", cur_name,
                        ogi_skeleton_format_name(want->meta.format), n - good,
                        n, rd.n ? rd.first : "none");
            if (good < n)
                ogi_test_differ(d, "%s (%zu of %zu cells)",
                                rd.n ? rd.first : "no record", n - good, n);
            ok += good;
            *total += n;
        }
    }
    return ok;
}

static void
show(tally_t *t, const char *form, const char *name, uint64_t seed,
     const ogi_test_diff_t *d)
{
    if (t->shown++ >= t->show)
        return;
    printf("  FAIL %s %s (seed %llu): %d differences; first: %s\n", form, name,
           (unsigned long long)seed, d->n, d->first);
    if (!t->repro)
        return;
    printf("    reproduce: ");
    char s[32];
    snprintf(s, sizeof(s), "%llu", (unsigned long long)seed);
    for (const char *p = t->repro; *p; p++) {
        if (p[0] == '%' && p[1] == 'S') {
            fputs(s, stdout);
            p++;
        } else {
            putchar(*p);
        }
    }
    putchar('\n');
}

int
main(int argc, char **argv)
{
    double rate = 0.0;
    tally_t t = {0, 0, 0, 0, 0, 5, NULL};
    int i = 1;
    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        if (strcmp(argv[i], "--error-rate") == 0)
            rate = strtod(argv[i + 1], NULL);
        else if (strcmp(argv[i], "--show") == 0)
            t.show = strtoul(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--repro") == 0)
            t.repro = argv[i + 1];
        else
            break;
    }
    if (argc - i != 3) {
        fprintf(stderr, "usage: formcmp [--error-rate R] [--show N] "
                        "[--repro CMD] FORM HTML_DIR TEXT_DIR\n");
        return 2;
    }
    const char *form = argv[i], *hdir = argv[i + 1], *tdir = argv[i + 2];
    size_t n = 0;
    char **names = list_reports(hdir, &n);
    if (!names || n == 0) {
        fprintf(stderr, "formcmp: no reports in \"%s\"\n", hdir);
        return 2;
    }
    ogi_arena_t *ga = ogi_arena_new(1 << 20), *pa = ogi_arena_new(1 << 20);
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        const char *name = names[k];
        cur_name = name;
        uint64_t seed = strtoull(strstr(name, "_html_s") + 7, NULL, 10);
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s", hdir, name);
        size_t hlen = 0, tlen = 0;
        char *html = ogi_test_slurp(path, &hlen);
        ogi_gen_opts_t o = {seed, OGI_GEN_HTML, OGI_FORMAT_UNKNOWN, rate};
        ogi_gen_doc_t doc;
        if (!html || ogi_gen_report(ga, &o, name, &doc) != 0 ||
            doc.len != hlen || memcmp(doc.text, html, hlen) != 0) {
            fprintf(stderr,
                    "formcmp: \"%s\" is not the report of seed %llu at "
                    "error rate %g\n",
                    path, (unsigned long long)seed, rate);
            rc = 2;
        }
        free(html);
        if (rc)
            break;
        snprintf(path, sizeof(path), "%s/%s", tdir, name);
        /* read as `ogi parse FILE` reads it */
        char *text = ogi_test_slurp(path, &tlen);
        ogi_report_t *r = NULL;
        char why[256];
        ogi_parse_opts_t po = {0, NULL};
        if (text &&
            (ogi_source_parse_file(pa, path, &po, &r, why, sizeof(why)) != 0 ||
             ogi_validate_report(r) != 0))
            r = NULL;
        if (r && r->status == OGI_STATUS_REJECTED)
            r = NULL;
        ogi_test_diff_t d = {"", 0};
        const ogi_meta_t *w = &doc.truth->meta;
        if (!text)
            ogi_test_differ(&d, "could not read \"%s\"", path);
        else if (!r)
            ogi_test_differ(&d, "not read as a report (rejected)");
        else if (r->meta.format != w->format || r->meta.year != w->year)
            ogi_test_differ(&d, "format/year: want %s/%d, got %s/%d",
                            ogi_skeleton_format_name(w->format), w->year,
                            ogi_skeleton_format_name(r->meta.format)
                                ? ogi_skeleton_format_name(r->meta.format)
                                : "null",
                            r->meta.year);
        size_t total = 0;
        size_t ok = cells_ok(&d, doc.truth, r, &total);
        t.reports++;
        t.cells += total;
        t.cells_ok += ok;
        if (d.n == 0)
            t.exact++;
        else
            show(&t, form, name, seed, &d);
        free(text);
        ogi_arena_reset(ga);
        ogi_arena_reset(pa);
    }
    if (rc == 0) {
        printf("form %s: %zu/%zu reports exact, cells %zu/%zu (%.2f%%)\n", form,
               t.exact, t.reports, t.cells_ok, t.cells,
               t.cells ? 100.0 * (double)t.cells_ok / (double)t.cells : 0.0);
        rc = t.exact == t.reports ? 0 : 1;
    }
    for (size_t k = 0; k < n; k++)
        free(names[k]);
    free(names);
    ogi_arena_destroy(&ga);
    ogi_arena_destroy(&pa);
    return rc;
}
