/*
 * test_gen.c - property tests with generated reports (lib/gen).
 *
 * 2,000 reports across every layout the parser reads and both format
 * versions, some with an injected error, are parsed and validated, and
 * the record must equal the generator's truth: every cell (state, value,
 * unit) and meta field, the sections' headings and texts, the status, and
 * the findings as a multiset of (rule, severity, path). A failure prints
 * the layout, the seed, the first differing path and the command that
 * makes the report again. Also: the same seed gives the same bytes, both
 * formats, every layout and every error kind occur, and bad options are
 * refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi.h"
#include "ogi/gen.h"

#define N_REPORTS    2000
#define BASE_SEED    20240601ull
#define ERROR_RATE   0.3
#define ERROR_RATE_S "0.3"
#define MAX_SHOWN    25

/* ---- comparing a parsed report with its truth ---- */

typedef struct {
    char first[512]; /* the first difference */
    int n;           /* differences */
} diff_t;

static void differ(diff_t *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
differ(diff_t *d, const char *fmt, ...)
{
    if (d->n++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->first, sizeof(d->first), fmt, ap);
        va_end(ap);
    }
}

static void
cmp_str(diff_t *d, const char *path, const char *want, const char *got)
{
    if ((want == NULL) != (got == NULL) ||
        (want && got && strcmp(want, got) != 0))
        differ(d, "%s: want \"%s\", got \"%s\"", path, want ? want : "null",
               got ? got : "null");
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

static void
cmp_cells(diff_t *d, const ogi_report_t *want, const ogi_report_t *got)
{
    if (want->apply_other_rows != got->apply_other_rows)
        differ(d, "apply.other: want %d rows, got %d", want->apply_other_rows,
               got->apply_other_rows);
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_table_t *tw = &want->tables[id], *tg = &got->tables[id];
        if (tw->present != tg->present) {
            differ(d, "%s: table want %s, got %s", tw->skel->path,
                   tw->present ? "present" : "absent",
                   tg->present ? "present" : "absent");
            continue;
        }
        if (!tw->present)
            continue;
        for (size_t row = 0; row < tw->skel->nrows; row++) {
            if (!ogi_report_row_in_shape(want, (ogi_table_id_t)id, row))
                continue;
            for (size_t col = 0; col < tw->skel->ncols; col++) {
                const ogi_cell_t *a =
                    ogi_report_cell(want, (ogi_table_id_t)id, row, col);
                const ogi_cell_t *b =
                    ogi_report_cell(got, (ogi_table_id_t)id, row, col);
                char path[160];
                ogi_report_path((ogi_table_id_t)id, row, (long)col, path,
                                sizeof(path));
                if (!b) {
                    differ(d, "%s: absent", path);
                    continue;
                }
                if (a->state != b->state) {
                    differ(d, "%s: want %s %.4f, got %s %.4f", path,
                           state_names[a->state % 5], ogi_cell_number(a),
                           state_names[b->state % 5], ogi_cell_number(b));
                    continue;
                }
                if (a->state == OGI_CELL_NUM && !same_number(a, b))
                    differ(d, "%s: want %.4f, got %.4f", path,
                           ogi_cell_number(a), ogi_cell_number(b));
                if (tw->skel->cols[col].type == OGI_VT_AMOUNT &&
                    a->state == OGI_CELL_NUM) {
                    int ua = a->unit ? a->unit : (int)tw->unit;
                    int ub = b->unit ? b->unit : (int)tg->unit;
                    if (ua != ub)
                        differ(d, "%s: unit want %s, got %s", path,
                               ogi_unit_name((ogi_unit_t)ua)
                                   ? ogi_unit_name((ogi_unit_t)ua)
                                   : "null",
                               ogi_unit_name((ogi_unit_t)ub)
                                   ? ogi_unit_name((ogi_unit_t)ub)
                                   : "null");
                }
            }
        }
    }
}

static void
cmp_meta(diff_t *d, const ogi_meta_t *w, const ogi_meta_t *g)
{
    cmp_str(d, "meta.agency", w->agency, g->agency);
    if (w->year != g->year)
        differ(d, "meta.year: want %d, got %d", w->year, g->year);
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
        differ(d, "meta.contact.phones: want %zu, got %zu (first \"%s\")",
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
cmp_sections(diff_t *d, const ogi_report_t *want, const ogi_report_t *got)
{
    static char a[65536], b[65536];
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        const ogi_section_t *w = &want->sections[k], *g = &got->sections[k];
        const char *key = ogi_skeleton_section((ogi_section_id_t)k)->key;
        if (w->present != g->present) {
            differ(d, "sections.%s: want %s, got %s", key,
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
            differ(d, "sections.%s.text: want \"…%s\", got \"…%s\"", key,
                   a + (la > 90 ? la - 90 : 0), b + (lb > 90 ? lb - 90 : 0));
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
cmp_findings(diff_t *d, const ogi_report_t *want, const ogi_report_t *got)
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
            differ(d, "findings: missing \"%s\"", a[i++]);
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
            differ(d, "findings: extra \"%s\" (%s)", b[j++], msg);
        }
    }
    for (i = 0; i < na; i++)
        free(a[i]);
    for (j = 0; j < nb; j++)
        free(b[j]);
    free(a);
    free(b);
}

static void
compare(diff_t *d, const ogi_report_t *want, const ogi_report_t *got)
{
    memset(d, 0, sizeof(*d));
    cmp_cells(d, want, got);
    cmp_meta(d, &want->meta, &got->meta);
    cmp_sections(d, want, got);
    cmp_findings(d, want, got);
    if (want->status != got->status)
        differ(d, "status: want %s, got %s", ogi_status_name(want->status),
               ogi_status_name(got->status));
}

/* ---- the property test ---- */

static ogi_gen_layout_t parsed_layouts[OGI_GEN_LAYOUT_COUNT];
static size_t nparsed;

static int
setup(void **state)
{
    (void)state;
    nparsed = 0;
    for (int i = 0; i < OGI_GEN_LAYOUT_COUNT; i++)
        if (ogi_gen_layout_parsed((ogi_gen_layout_t)i))
            parsed_layouts[nparsed++] = (ogi_gen_layout_t)i;
    return 0;
}

/* One failure kept for the report at the end. */
typedef struct {
    uint64_t seed;
    ogi_gen_layout_t layout;
    const char *base;
    ogi_gen_error_t error;
    int n;
    char first[512];
} failure_t;

static void
show_failure(const failure_t *f)
{
    print_message(
        "FAIL layout %s (base %s) seed %llu error %s: %d "
        "differences; first: %s\n  reproduce: rm -rf /tmp/x && build/ogi gen "
        "--count 1 --seed %llu --layouts %s --error-rate " ERROR_RATE_S
        " --out /tmp/x && build/ogi parse --json /tmp/x/*.txt\n",
        ogi_gen_layout_name(f->layout), f->base, (unsigned long long)f->seed,
        ogi_gen_error_name(f->error), f->n, f->first,
        (unsigned long long)f->seed, ogi_gen_layout_name(f->layout));
}

static void
parse_back(void **state)
{
    (void)state;
    ogi_arena_t *ga = ogi_arena_new(1 << 20), *pa = ogi_arena_new(1 << 20);
    assert_non_null(ga);
    assert_non_null(pa);
    size_t tried[OGI_GEN_LAYOUT_COUNT] = {0},
           failed[OGI_GEN_LAYOUT_COUNT] = {0};
    size_t nfail = 0, formats[3] = {0}, errors[OGI_GEN_ERR_COUNT] = {0};
    /* the first failure of each layout, and with OGI_GEN_SHOW=N the first
     * N of all (tests/run.sh shows 40 lines of a failing binary) */
    const char *show = getenv("OGI_GEN_SHOW");
    size_t max_shown = show ? (size_t)strtoul(show, NULL, 10) : 0;
    failure_t *first = calloc(OGI_GEN_LAYOUT_COUNT, sizeof(*first));
    failure_t *all = calloc(max_shown + 1, sizeof(*all));
    assert_non_null(first);
    assert_non_null(all);
    for (size_t i = 0; i < N_REPORTS; i++) {
        ogi_gen_opts_t o = {BASE_SEED + i, parsed_layouts[i % nparsed],
                            OGI_FORMAT_UNKNOWN, ERROR_RATE};
        ogi_gen_doc_t doc;
        assert_int_equal(ogi_gen_report(ga, &o, NULL, &doc), 0);
        ogi_report_t *r = NULL;
        assert_int_equal(ogi_parse_report(pa, doc.text, doc.len, NULL, &r), 0);
        assert_int_equal(ogi_validate_report(r), 0);
        formats[doc.truth->meta.format % 3]++;
        errors[doc.error]++;
        tried[o.layout]++;
        diff_t d;
        compare(&d, doc.truth, r);
        if (d.n) {
            failure_t f = {o.seed, o.layout, doc.base, doc.error, d.n, ""};
            snprintf(f.first, sizeof(f.first), "%s", d.first);
            if (failed[o.layout]++ == 0)
                first[o.layout] = f;
            if (nfail < max_shown)
                all[nfail] = f;
            nfail++;
        }
        ogi_arena_reset(ga);
        ogi_arena_reset(pa);
    }
    if (nfail) {
        print_message("%zu of %d generated reports do not parse back to "
                      "their truth; by layout:\n",
                      nfail, N_REPORTS);
        for (size_t k = 0; k < nparsed; k++) {
            ogi_gen_layout_t l = parsed_layouts[k];
            if (failed[l])
                print_message("  %-10s %zu of %zu\n", ogi_gen_layout_name(l),
                              failed[l], tried[l]);
        }
        print_message("the first failure of each layout "
                      "(OGI_GEN_SHOW=N shows the first N):\n");
        for (size_t k = 0; k < nparsed; k++)
            if (failed[parsed_layouts[k]])
                show_failure(&first[parsed_layouts[k]]);
        for (size_t k = 0; k < nfail && k < max_shown; k++)
            show_failure(&all[k]);
    }
    free(first);
    free(all);
    /* both formats and every injected error kind were exercised */
    assert_true(formats[OGI_FORMAT_2019] > 0);
    assert_true(formats[OGI_FORMAT_2021] > 0);
    for (int e = 0; e < OGI_GEN_ERR_COUNT; e++)
        if (errors[e] == 0)
            fail_msg("error kind %s never injected",
                     ogi_gen_error_name((ogi_gen_error_t)e));
    ogi_arena_destroy(&ga);
    ogi_arena_destroy(&pa);
    assert_int_equal(nfail, 0);
}

/* ---- determinism ---- */

static void
same_seed_same_bytes(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0), *b = ogi_arena_new(0);
    for (int l = 0; l < OGI_GEN_LAYOUT_COUNT; l++) {
        for (uint64_t s = 1; s <= 6; s++) {
            ogi_gen_opts_t o = {s * 7919 + (uint64_t)l, (ogi_gen_layout_t)l,
                                OGI_FORMAT_UNKNOWN, 0.5};
            ogi_gen_doc_t x, y;
            assert_int_equal(ogi_gen_report(a, &o, "x.txt", &x), 0);
            assert_int_equal(ogi_gen_report(b, &o, "x.txt", &y), 0);
            assert_int_equal(x.len, y.len);
            assert_memory_equal(x.text, y.text, x.len);
            char *jx = ogi_gen_truth_json(&x, o.seed);
            char *jy = ogi_gen_truth_json(&y, o.seed);
            assert_non_null(jx);
            assert_non_null(jy);
            assert_string_equal(jx, jy);
            free(jx);
            free(jy);
            /* the next seed makes another report */
            o.seed++;
            assert_int_equal(ogi_gen_report(b, &o, "x.txt", &y), 0);
            assert_false(x.len == y.len && memcmp(x.text, y.text, x.len) == 0);
            ogi_arena_reset(a);
            ogi_arena_reset(b);
        }
    }
    ogi_arena_destroy(&a);
    ogi_arena_destroy(&b);
}

/*
 * The bytes of a fixed set of reports, pinned: a compiler or a machine
 * that draws differently (arguments evaluated in another order, another
 * integer width) changes this hash. When the generator or the skeleton
 * changes on purpose, put the new hash here.
 */
#define GEN_PINNED_SHA256                                                      \
    "878d7d0c5e0883eba7b9fea05e41ec8c0e6e7aabdb70a1847a33495158b7d573"

static void
pinned_bytes(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    size_t cap = 1 << 20, len = 0;
    char *all = malloc(cap);
    assert_non_null(all);
    for (int l = 0; l < OGI_GEN_LAYOUT_COUNT; l++) {
        for (uint64_t s = 1; s <= 2; s++) {
            ogi_gen_opts_t o = {s * 1000 + (uint64_t)l, (ogi_gen_layout_t)l,
                                OGI_FORMAT_UNKNOWN, 0.5};
            ogi_gen_doc_t x;
            assert_int_equal(ogi_gen_report(a, &o, NULL, &x), 0);
            while (len + x.len > cap) {
                cap *= 2;
                all = realloc(all, cap);
                assert_non_null(all);
            }
            memcpy(all + len, x.text, x.len);
            len += x.len;
            ogi_arena_reset(a);
        }
    }
    char hex[65];
    ogi_parse_doc_key(all, len, hex);
    free(all);
    ogi_arena_destroy(&a);
    if (strcmp(hex, GEN_PINNED_SHA256) != 0)
        fail_msg("generated bytes changed: %s (pinned %s); if the generator "
                 "or the skeleton changed on purpose, update "
                 "GEN_PINNED_SHA256 in tests/unit/test_gen.c",
                 hex, GEN_PINNED_SHA256);
}

/* An error rate of 0 injects nothing; the same seed with errors differs
 * from the clean report only where the error is. */
static void
error_rate_zero_and_one(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    size_t injected = 0;
    for (uint64_t s = 1; s <= 200; s++) {
        ogi_gen_opts_t o = {s, (ogi_gen_layout_t)(s % OGI_GEN_LAYOUT_COUNT),
                            OGI_FORMAT_UNKNOWN, 0.0};
        ogi_gen_doc_t x;
        assert_int_equal(ogi_gen_report(a, &o, NULL, &x), 0);
        assert_int_equal(x.error, OGI_GEN_ERR_NONE);
        o.error_rate = 1.0;
        assert_int_equal(ogi_gen_report(a, &o, NULL, &x), 0);
        injected += x.error != OGI_GEN_ERR_NONE;
        ogi_arena_reset(a);
    }
    /* an error that does not fit a report (no cell to break) is skipped */
    assert_true(injected >= 190);
    ogi_arena_destroy(&a);
}

/* ---- coverage: formats and layouts, the unparsed ones included ---- */

static void
formats_and_layouts_occur(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    for (int l = 0; l < OGI_GEN_LAYOUT_COUNT; l++) {
        int seen[3] = {0};
        for (uint64_t s = 0; s < 40; s++) {
            ogi_gen_opts_t o = {1000 + s, (ogi_gen_layout_t)l,
                                OGI_FORMAT_UNKNOWN, 0.0};
            ogi_gen_doc_t x;
            assert_int_equal(ogi_gen_report(a, &o, NULL, &x), 0);
            assert_true(x.len > 2000);
            assert_int_equal(x.layout, l);
            seen[x.truth->meta.format % 3] = 1;
            if (l == OGI_GEN_MARKDOWN)
                assert_non_null(strstr(x.text, "| --- |"));
            if (l == OGI_GEN_HTML)
                assert_non_null(strstr(x.text, "<table"));
            /* the format asked for is the format made */
            o.format = s % 2 ? OGI_FORMAT_2019 : OGI_FORMAT_2021;
            assert_int_equal(ogi_gen_report(a, &o, NULL, &x), 0);
            assert_int_equal(x.truth->meta.format, o.format);
            assert_true(o.format == OGI_FORMAT_2019
                            ? x.truth->meta.year <= 2020
                            : x.truth->meta.year >= 2021);
            ogi_arena_reset(a);
        }
        assert_true(seen[OGI_FORMAT_2019] && seen[OGI_FORMAT_2021]);
        assert_non_null(ogi_gen_layout_name((ogi_gen_layout_t)l));
        assert_int_equal(
            ogi_gen_layout_find(ogi_gen_layout_name((ogi_gen_layout_t)l)), l);
    }
    assert_false(ogi_gen_layout_parsed(OGI_GEN_MARKDOWN));
    assert_false(ogi_gen_layout_parsed(OGI_GEN_HTML));
    assert_true(ogi_gen_layout_parsed(OGI_GEN_PDF));
    assert_int_equal(ogi_gen_layout_find("nonesuch"), -1);
    ogi_arena_destroy(&a);
}

/* ---- the html layout: every variant of the page within 300 reports ---- */

static void
html_variants_occur(void **state)
{
    (void)state;
    /* what each variant writes (lib/gen/gen_html.c), as the page has it */
    static const char *const marks[] = {
        "border=\"1\" cellspacing=\"0\" cellpadding=\"0\"",
        "border=\"0\"",
        "border:1px solid",
        " width=\"",
        "style=\"width:",
        "<p class=\"MsoNormal\"",
        "<span style=\"font-size:14px;\">",
        "<td><p>",
        "<th",
        "<strong>",
        "<br />",
        "<br>",
        "</p><p>",
        "&nbsp;",
        "&ldquo;",
        "&#8220;",
        "rowspan=\"3\" colspan=\"3\"",
        "colspan=\"7\"",
        "colspan=\"5\"",
        "colspan=\"10\"",
        "page-break-before",
        "<h2>",
        "<h3>",
        "<p><strong>",
        "<h1>",
        "<div class=\"title\">",
        "class=\"crumb\"",
        "<script",
        "相关链接",
        "</td></tr><tr><td",
        "\n  <td",
        "valign=center",
    };
    int seen[(sizeof(marks) / sizeof(marks[0]))] = {0};
    int t3_two = 0, t3_header_twice = 0, t2_one = 0, t2_apart = 0;
    ogi_arena_t *a = ogi_arena_new(0);
    for (uint64_t s = 0; s < 300; s++) {
        ogi_gen_opts_t o = {5000 + s, OGI_GEN_HTML, OGI_FORMAT_UNKNOWN, 0.3};
        ogi_gen_doc_t x;
        assert_int_equal(ogi_gen_report(a, &o, NULL, &x), 0);
        for (size_t k = 0; k < (sizeof(marks) / sizeof(marks[0])); k++)
            seen[k] |= strstr(x.text, marks[k]) != NULL;
        /* the tables: Table 3 in one or two parts, with its header once
         * or twice; Table 2 as one table or one per item */
        const char *note = strstr(x.text, "勾稽关系");
        assert_non_null(note);
        size_t before = 0, after = 0, notes = 0;
        for (const char *p = x.text; (p = strstr(p, "<table")) && p < note; p++)
            before++;
        for (const char *p = note; (p = strstr(p, "</table>")); p++)
            after++; /* Table 3's parts and Table 4 */
        for (const char *p = x.text; (p = strstr(p, "勾稽关系")); p++)
            notes++;
        t2_one |= before == 2; /* Table 2 and Table 3 */
        t2_apart |= before >= 5;
        t3_two |= after == 3;
        t3_header_twice |= notes == 2;
        ogi_arena_reset(a);
    }
    ogi_arena_destroy(&a);
    for (size_t k = 0; k < (sizeof(marks) / sizeof(marks[0])); k++)
        if (!seen[k])
            fail_msg("no html report has \"%s\"", marks[k]);
    assert_true(t3_two && t3_header_twice && t2_one && t2_apart);
}

/* Every allocation failure gives OGI_ENOMEM, never a crash; small arena
 * blocks make many allocation points. */
static void
out_of_memory(void **state)
{
    (void)state;
    for (int l = 0; l < OGI_GEN_LAYOUT_COUNT; l++) {
        int ok = 0;
        for (long n = 0; n < 2000 && !ok; n++) {
            ogi_arena_t *a = ogi_arena_new(256);
            assert_non_null(a);
            ogi_gen_opts_t o = {42 + (uint64_t)l, (ogi_gen_layout_t)l,
                                OGI_FORMAT_UNKNOWN, 1.0};
            ogi_gen_doc_t x;
            ogi_alloc_fail_after(n);
            int rc = ogi_gen_report(a, &o, NULL, &x);
            ogi_alloc_fail_after(-1);
            assert_true(rc == 0 || rc == OGI_ENOMEM);
            ok = rc == 0;
            ogi_arena_destroy(&a);
        }
        assert_true(ok);
    }
}

static void
bad_options(void **state)
{
    (void)state;
    ogi_arena_t *a = ogi_arena_new(0);
    ogi_gen_doc_t x;
    ogi_gen_opts_t o = {1, OGI_GEN_LAYOUT_COUNT, OGI_FORMAT_UNKNOWN, 0.0};
    assert_int_equal(ogi_gen_report(a, &o, NULL, &x), OGI_EINVAL);
    o.layout = OGI_GEN_CELL;
    o.error_rate = 1.5;
    assert_int_equal(ogi_gen_report(a, &o, NULL, &x), OGI_EINVAL);
    o.error_rate = 0.0;
    o.format = (ogi_format_t)7;
    assert_int_equal(ogi_gen_report(a, &o, NULL, &x), OGI_EINVAL);
    assert_int_equal(ogi_gen_report(NULL, &o, NULL, &x), OGI_EINVAL);
    ogi_arena_destroy(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_seed_same_bytes),
        cmocka_unit_test(pinned_bytes),
        cmocka_unit_test(error_rate_zero_and_one),
        cmocka_unit_test(formats_and_layouts_occur),
        cmocka_unit_test(html_variants_occur),
        cmocka_unit_test(bad_options),
        cmocka_unit_test(out_of_memory),
        cmocka_unit_test(parse_back),
    };
    return cmocka_run_group_tests_name("gen", tests, setup, NULL);
}
