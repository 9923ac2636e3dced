/*
 * test_split.c - runs of digits split by the format's arithmetic
 * (lib/parse/split.c, split_int.h; internal API).
 *
 * No reader produces runs yet, so the splitter is driven directly: a
 * table model built by hand over a decoded text (one piece per line), the
 * report's tables initialised, some cells placed, then ogi__split_runs.
 * One test goes through placement (ogi__place_apply), which hands the rows
 * with runs to the splitter.
 *
 * Every expected split was worked out by hand from the identities (and,
 * for the ambiguous ones, by listing every cut of the digits with no
 * leading zero): for "101000011" in seven cells, D2 (six columns = 总计)
 * leaves exactly 1 0 10 0 0 0 11 and 10 1 0 0 0 0 11.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "golden.h"
#include "ogi/arena.h"
#include "ogi/parse.h"
#include "ogi/report.h"
#include "ogi/text.h"
#include "place_int.h"
#include "split_int.h"
#include "table_int.h"

#define MAX_SPANS  32
#define MAX_PIECES 24
#define RAW_SIZE   16384

/* One span as written in a test: its first cell and its pieces, each
 * "7000007" (a run), "=5" (a value as printed), "_" (a blank) or "~"
 * (a gap: one no-break space per "~", zero or more blank cells). */
typedef struct {
    size_t first;
    size_t ncells;
    const char *pieces[MAX_PIECES];
} spec_t;

typedef struct {
    ogi_arena_t *arena;
    ogi_report_t *r;
    ogi_text_t tx;
    ogi__table_t g;
    char raw[RAW_SIZE];
    size_t piece_off[MAX_SPANS][MAX_PIECES]; /* where each piece starts */
    ogi__split_span_t spans[MAX_SPANS];
    const ogi__cell_t *pieces[MAX_SPANS][MAX_PIECES];
    size_t nspans;
} fx_t;

static fx_t *
fx_new(ogi_format_t format, int other_rows)
{
    fx_t *f = test_calloc(1, sizeof(*f));
    f->arena = ogi_arena_new(0);
    assert_non_null(f->arena);
    f->r = ogi_report_new(f->arena);
    assert_non_null(f->r);
    f->r->meta.format = format;
    f->r->apply_other_rows = other_rows;
    return f;
}

static void
fx_free(fx_t *f)
{
    ogi_arena_destroy(&f->arena);
    test_free(f);
}

/* Builds the text and the table model of specs, and the spans over them. */
static void
fx_build(fx_t *f, const spec_t *specs, size_t n)
{
    size_t len = 0;
    assert_true(n <= MAX_SPANS);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < MAX_PIECES && specs[i].pieces[k]; k++) {
            const char *p = specs[i].pieces[k];
            const char *s = p[0] == '=' ? p + 1 : p[0] == '_' ? "" : p;
            static const char blanks[] = "        "; /* a gap's */
            if (p[0] == '~')
                s = blanks + sizeof(blanks) - 1 - strlen(p);
            size_t m = strlen(s);
            assert_true(len + m + 1 < RAW_SIZE);
            f->piece_off[i][k] = len;
            memcpy(f->raw + len, s, m);
            len += m;
            f->raw[len++] = '\n';
        }
    char why[128];
    assert_int_equal(ogi_text_decode(f->arena, f->raw, len, 1u << 20, &f->tx,
                                     why, sizeof(why)),
                     0);
    ogi__table_init(&f->g, f->arena, &f->tx);
    assert_int_equal(ogi__table_row_open(&f->g, 0), 0);
    size_t idx[MAX_SPANS][MAX_PIECES];
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < MAX_PIECES && specs[i].pieces[k]; k++) {
            const char *p = specs[i].pieces[k];
            size_t off = f->piece_off[i][k];
            ogi__cell_kind_t kind = p[0] == '='   ? OGI__CELL_VALUE
                                    : p[0] == '_' ? OGI__CELL_BLANK
                                    : p[0] == '~' ? OGI__CELL_BLANK
                                                  : OGI__CELL_RUN;
            size_t m = p[0] == '='   ? strlen(p + 1)
                       : p[0] == '_' ? 0
                                     : strlen(p);
            assert_non_null(
                ogi__table_add(&f->g, kind, f->tx.s + off, m, off, m));
            idx[i][k] = f->g.ncells - 1;
        }
    ogi__table_row_close(&f->g);
    /* cells are final now: the array no longer moves */
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        for (; k < MAX_PIECES && specs[i].pieces[k]; k++)
            f->pieces[i][k] = &f->g.cells[idx[i][k]];
        f->spans[i] = (ogi__split_span_t){specs[i].first, specs[i].ncells,
                                          f->pieces[i], k};
    }
    f->nspans = n;
}

static void
fx_split(fx_t *f, ogi_table_id_t id)
{
    assert_int_equal(ogi_report_table_init(f->r, id), 0);
    assert_int_equal(ogi__split_runs(f->r, &f->g, id, f->spans, f->nspans), 0);
}

/* Places a row of integers (-1: blank) before the split. */
static void
put_row(fx_t *f, ogi_table_id_t id, const char *key, const long long *v)
{
    assert_int_equal(ogi_report_table_init(f->r, id), 0);
    long row = ogi_skeleton_row_index(id, key);
    assert_true(row >= 0);
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    for (size_t c = 0; c < sk->ncols; c++) {
        ogi_cell_t *cell = ogi_report_cell(f->r, id, (size_t)row, c);
        if (v[c] < 0) {
            cell->state = OGI_CELL_EMPTY;
        } else {
            cell->state = OGI_CELL_NUM;
            cell->value = v[c];
        }
    }
    f->r->tables[id].row_found[row] = 1;
}

static size_t
row_of(ogi_table_id_t id, const char *key)
{
    long row = ogi_skeleton_row_index(id, key);
    assert_true(row >= 0);
    return (size_t)row;
}

static size_t
first_of(ogi_table_id_t id, const char *key)
{
    return row_of(id, key) * ogi_skeleton_table(id)->ncols;
}

/* Row `key` holds v (-1: blank, -2: absent). */
static void
assert_row(fx_t *f, ogi_table_id_t id, const char *key, const long long *v)
{
    size_t row = row_of(id, key);
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    for (size_t c = 0; c < sk->ncols; c++) {
        const ogi_cell_t *cell = ogi_report_cell(f->r, id, row, c);
        if (v[c] == -3) {
            assert_int_equal(cell->state, OGI_CELL_NA);
        } else if (v[c] == -2) {
            assert_int_equal(cell->state, OGI_CELL_MISSING);
        } else if (v[c] == -1) {
            assert_int_equal(cell->state, OGI_CELL_EMPTY);
        } else {
            if (cell->state != OGI_CELL_NUM || cell->value != v[c])
                print_error("%s col %zu: state %d value %lld, want %lld\n", key,
                            c, cell->state, (long long)cell->value, v[c]);
            assert_int_equal(cell->state, OGI_CELL_NUM);
            assert_int_equal(cell->value, v[c]);
            assert_int_equal(cell->scale, 0);
        }
    }
    if (v[0] != -2)
        assert_true(f->r->tables[id].row_found[row]);
}

static size_t
count_rule(const fx_t *f, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < f->r->nfindings; i++)
        n += strcmp(f->r->findings[i].rule, rule) == 0;
    return n;
}

/* The one finding of rule at path has this severity and message. */
static void
assert_finding(const fx_t *f, const char *rule, const char *path,
               ogi_severity_t sev, const char *msg)
{
    const ogi_finding_t *hit = NULL;
    for (size_t i = 0; i < f->r->nfindings; i++) {
        const ogi_finding_t *x = &f->r->findings[i];
        if (strcmp(x->rule, rule) == 0 && strcmp(x->path, path) == 0) {
            assert_null(hit);
            hit = x;
        }
    }
    if (!hit) {
        for (size_t i = 0; i < f->r->nfindings; i++)
            print_error("  have %s %s: %s\n", f->r->findings[i].rule,
                        f->r->findings[i].path, f->r->findings[i].message);
        fail_msg("no %s finding at %s", rule, path);
    }
    assert_int_equal(hit->severity, sev);
    assert_string_equal(hit->message, msg);
}

/* How many findings of rule are at path. */
static size_t
count_at(const fx_t *f, const char *rule, const char *path)
{
    size_t n = 0;
    for (size_t i = 0; i < f->r->nfindings; i++)
        n += strcmp(f->r->findings[i].rule, rule) == 0 &&
             strcmp(f->r->findings[i].path, path) == 0;
    return n;
}

/* ---- one row, Table 3 ---- */

static void
unique_split(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"7000007"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){7, 0, 0, 0, 0, 0, 7});
    assert_finding(f, "P5", "apply.granted", OGI_SEV_INFO,
                   "\"7000007\" split as 7 0 0 0 0 0 7");
    assert_int_equal(f->r->nfindings, 1);
    /* each cell points at its own digit of the run */
    size_t row = row_of(OGI_T3, "granted");
    for (size_t c = 0; c < 7; c++) {
        const ogi_cell_t *cell = ogi_report_cell(f->r, OGI_T3, row, c);
        assert_int_equal(cell->off, f->piece_off[0][0] + c);
        assert_int_equal(cell->len, 1);
    }
    fx_free(f);
}

static void
ambiguous_row(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"101000011"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    /* both have two two-digit cells summing to 22 with 11 the largest:
     * the tie goes to the split whose counts sit where counts usually are
     * (a company's 1 rather than a research institute's 10) */
    assert_row(f, OGI_T3, "granted", (long long[]){10, 1, 0, 0, 0, 0, 11});
    assert_finding(f, "P6", "apply.granted", OGI_SEV_WARNING,
                   "\"101000011\" fits 2 splits; placed 10 1 0 0 0 0 11; "
                   "also fits: 1 0 10 0 0 0 11");
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

/* "11------ 不适用不适用11" with one blank between (the text of a page
 * that wrote "--" three times, then "&nbsp;" beside "不适用"): the gap a
 * blank cell and each "---" one placeholder fits, and so does no blank
 * with a "---" two placeholders. The text cannot tell them apart: the
 * gap's reading is placed and the others named (P6), not P5. */
static void
marks_or_gap(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    spec_t s[] = {{first_of(OGI_T3, "granted"),
                   7,
                   {"11", "=---", "=---", "~", "=不适用", "=不适用", "11"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){11, -3, -3, -1, -3, -3, 11});
    assert_finding(f, "P6", "apply.granted", OGI_SEV_WARNING,
                   "\"11 --- --- _ 不适用 不适用 11\" fits 3 splits; placed "
                   "11 --- --- _ 不适用 不适用 11; also fits: "
                   "11 --- --- --- 不适用 不适用 11; "
                   "11 --- --- --- 不适用 不适用 11");
    assert_int_equal(count_rule(f, "P5"), 0);
    fx_free(f);
}

static void
impossible_row(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* eight digits, seven cells: 71 0 0 0 0 0 8 or 7 10 0 0 0 0 8, and
     * neither sums to 8 (the report's own error): both are what the page
     * may say, no column to choose, so both are named (P6), the one with
     * the smaller sum placed */
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"71000008"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){7, 10, 0, 0, 0, 0, 8});
    assert_finding(f, "P6", "apply.granted", OGI_SEV_WARNING,
                   "\"71000008\" fits 2 splits; placed 7 10 0 0 0 0 8, the "
                   "cuts the columns allow; each breaks its row's arithmetic; "
                   "also fits: 71 0 0 0 0 0 8");
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

static void
only_cut_breaks_arithmetic(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* seven digits, seven cells: 7 0 0 0 0 0 8 is the only cut, and
     * 7 != 8 is the report's own error, the validator's to tell */
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"7000008"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){7, 0, 0, 0, 0, 0, 8});
    assert_finding(f, "P5", "apply.granted", OGI_SEV_INFO,
                   "\"7000008\" split as 7 0 0 0 0 0 8, the only cut of its "
                   "digits; it breaks the arithmetic");
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

static void
minus_placeholder_or_sign(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "-6000006" for seven cells: "-" a placeholder, then 60 0 0 0 0 6
     * (the one cut of six digits for six cells), or the sign of -6, then
     * 0 0 0 0 0 6. Each breaks 总计 (60 or -6 for 6): no split keeps the
     * arithmetic, and the text does not say which the page meant. The
     * placeholder's is placed, the other named. */
    spec_t s[] = {{first_of(OGI_T3, "partial"), 7, {"-6000006"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "partial", (long long[]){-3, 60, 0, 0, 0, 0, 6});
    assert_finding(f, "P6", "apply.partial", OGI_SEV_WARNING,
                   "\"-6000006\" fits 2 splits; placed - 60 0 0 0 0 6, a "
                   "minus read as a placeholder or a sign; each cut breaks "
                   "the arithmetic; also fits: -6 0 0 0 0 0 6");
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

static void
minus_sign_only_cut(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "00000", "-4", "0" for seven cells: with "-" a placeholder the
     * pieces make eight cells (0 0 0 0 0 - 4 0); only the sign of -4 makes
     * seven, 0 0 0 0 0 -4 0: the one cut, breaking 总计 (-4 for 0), the
     * page's own error */
    spec_t s[] = {{first_of(OGI_T3, "partial"), 7, {"00000", "-4", "0"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "partial", (long long[]){0, 0, 0, 0, 0, -4, 0});
    assert_finding(f, "P5", "apply.partial", OGI_SEV_INFO,
                   "\"00000 -4 0\" split as 0 0 0 0 0 -4 0, the only cut of "
                   "its digits; it breaks the arithmetic");
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

static void
minus_several_cuts(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "56", "-2", "00", "20", "58" (gaps between) for seven cells, the
     * page's 56 -2 0 0 2 0 58: its total breaks (56 for 58), so no split
     * keeps the arithmetic. "-" a placeholder: 56 - 2 0 0 20 58, the one
     * cut (every run but "00" whole). "-" the sign of -2: nine digits in
     * six cells, one of 56, 20, 58 cut: 5 6 -2 0 0 20 58, 56 -2 0 0 2 0
     * 58, 56 -2 0 0 20 5 8. Four readings, none decided: P6 names them. */
    spec_t s[] = {{first_of(OGI_T3, "granted"),
                   7,
                   {"56", "-2", "~", "00", "~", "20", "~", "58", "~"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_int_equal(count_rule(f, "P6"), 1);
    const char *m = NULL;
    for (size_t i = 0; i < f->r->nfindings; i++)
        if (strcmp(f->r->findings[i].rule, "P6") == 0)
            m = f->r->findings[i].message;
    assert_non_null(m);
    assert_non_null(strstr(m, "fits 4 splits"));
    assert_non_null(strstr(m, "56 - 2 0 0 20 58"));
    assert_non_null(strstr(m, "5 6 -2 0 0 20 58"));
    assert_non_null(strstr(m, "56 -2 0 0 2 0 58"));
    assert_non_null(strstr(m, "56 -2 0 0 20 5 8"));
    fx_free(f);
}

static void
blank_and_value_pieces(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "12" and "3" share three cells: "3" has one digit, so 1 2 | 3; the
     * blanks count 0 and 1 + 2 = 3 */
    spec_t s[] = {
        {first_of(OGI_T3, "granted"), 7, {"12", "_", "_", "_", "_", "3"}},
        /* a value then a run of six: 5 0 0 0 0 5 */
        {first_of(OGI_T3, "partial"), 7, {"=5", "000005"}},
        /* a value that breaks D2 whatever the cut: 9 + 0 + ... != 5, and
         * the run has two cuts (51 0 or 5 10), both named (P6) */
        {first_of(OGI_T3, "denied.state_secret"), 7, {"=9", "0000510"}},
    };
    fx_build(f, s, 3);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){1, 2, -1, -1, -1, -1, 3});
    assert_finding(f, "P5", "apply.granted", OGI_SEV_INFO,
                   "\"12 _ _ _ _ 3\" split as 1 2 _ _ _ _ 3");
    assert_row(f, OGI_T3, "partial", (long long[]){5, 0, 0, 0, 0, 0, 5});
    assert_finding(f, "P5", "apply.partial", OGI_SEV_INFO,
                   "\"5 000005\" split as 5 0 0 0 0 0 5");
    assert_row(f, OGI_T3, "denied.state_secret",
               (long long[]){9, 0, 0, 0, 0, 5, 10});
    assert_finding(f, "P6", "apply.denied.state_secret", OGI_SEV_WARNING,
                   "\"9 0000510\" fits 2 splits; placed 9 0 0 0 0 5 10, the "
                   "cuts the columns allow; each breaks its row's arithmetic; "
                   "also fits: 9 0 0 0 0 51 0");
    assert_int_equal(f->r->nfindings, 3);
    /* the blank keeps its own source line, the "3" its own */
    size_t row = row_of(OGI_T3, "granted");
    assert_int_equal(ogi_report_cell(f->r, OGI_T3, row, 6)->off,
                     f->piece_off[0][5]);
    assert_int_equal(ogi_report_cell(f->r, OGI_T3, row, 1)->off,
                     f->piece_off[0][0] + 1);
    fx_free(f);
}

/* ---- the column identities across rows ---- */

/* The result rows of Table 3 (2019 shape) other than granted and partial
 * placed as zeros, and （七）总计 as given. */
static void
put_results(fx_t *f, const long long *total)
{
    static const char *const rows[] = {"denied.state_secret",
                                       "denied.law_forbidden",
                                       "denied.security_stability",
                                       "denied.third_party",
                                       "denied.internal_affairs",
                                       "denied.process_info",
                                       "denied.enforcement_file",
                                       "denied.admin_query",
                                       "unable.not_held",
                                       "unable.need_creation",
                                       "unable.unclear",
                                       "rejected.petition",
                                       "rejected.repeat",
                                       "rejected.publication",
                                       "rejected.excessive",
                                       "rejected.reconfirm",
                                       "other.all"};
    static const long long zero[7] = {0, 0, 0, 0, 0, 0, 0};
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        put_row(f, OGI_T3, rows[i], zero);
    put_row(f, OGI_T3, "result_total", total);
}

/* A page that leaves each empty cell one "&nbsp;" and its 总计 blank on
 * the result rows (the report's own error, kept as printed): no cut fits
 * the row, but the gaps say how many blank cells they are. */
static void
gaps_exact_when_total_blank(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "14" then six no-break spaces: 14 and six blanks; with gaps of any
     * size 1 4 and five blanks would do as well */
    spec_t s[] = {{first_of(OGI_T3, "denied.state_secret"), 7,
                   {"14", "~~~~~~"}},
                  /* a total printed (859) is checked: 821 35 _ _ 2 1 859
                   * wants two blanks where the text has one no-break
                   * space (two "&nbsp;" collapsed into one), so no cut
                   * that reads it as one is placed; read as up to six
                   * (white space collapsed), D2 leaves that one */
                  {first_of(OGI_T3, "partial"), 7, {"82135", "~", "21859"}}};
    fx_build(f, s, 2);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "denied.state_secret",
               (long long[]){14, -1, -1, -1, -1, -1, -1});
    assert_finding(f, "P5", "apply.denied.state_secret", OGI_SEV_INFO,
                   "\"14 _\" split as 14 _ _ _ _ _ _, one blank cell per "
                   "no-break space; its total left blank");
    assert_row(f, OGI_T3, "partial",
               (long long[]){821, 35, -1, -1, 2, 1, 859});
    assert_finding(f, "P5", "apply.partial", OGI_SEV_INFO,
                   "\"82135 _ 21859\" split as 821 35 _ _ 2 1 859");
    fx_free(f);
}

static void
gaps_exact_columns_decide(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    put_row(f, OGI_T3, "partial", (long long[]){0, 0, 0, 0, 0, 0, 0});
    /* "25812", two no-break spaces, "11", one: 258 12 _ _ 1 1 _ read
     * from the 予以公开 cells <p>258</p><p>12</p><p>&nbsp;</p>
     * <p>&nbsp;</p><p>1</p><p>1</p><p>&nbsp;</p>. Its 总计 is blank,
     * so no cut fits the row; of the cuts with one blank per no-break
     * space (2 5812, 25 812, 258 12, 2581 2, and 25812 in three cells
     * with 11 in one) only 258 12 _ _ 1 1 _ keeps D1 down the columns
     * of （七）总计 258 12 0 0 1 1 272. Seven digits in seven cells alone
     * would cut 2 5 8 1 2 1 1. */
    put_results(f, (long long[]){258, 12, 0, 0, 1, 1, 272});
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7,
                   {"25812", "~~", "11", "~"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){258, 12, -1, -1, 1, 1, -1});
    assert_finding(f, "P5", "apply.granted", OGI_SEV_INFO,
                   "\"25812 _ 11 _\" split as 258 12 _ _ 1 1 _, one blank "
                   "cell per no-break space; its total left blank");
    fx_free(f);
}

static void
gaps_exact_whole_row(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* a row of seven <p>&nbsp;</p> cells: one gap of seven, more than
     * any one gap is tried as, and the seven blanks it says */
    spec_t s[] = {{first_of(OGI_T3, "denied.law_forbidden"), 7,
                   {"~~~~~~~"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "denied.law_forbidden",
               (long long[]){-1, -1, -1, -1, -1, -1, -1});
    assert_finding(f, "P5", "apply.denied.law_forbidden", OGI_SEV_INFO,
                   "\"_\" split as _ _ _ _ _ _ _");
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

static void
gaps_exact_given_up(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* （七）总计 5 12 0 0 1 1 19 (its own row adds up) with 部分公开
     * 3 0 0 0 0 0 3 (its only cut): column 1 wants 予以公开 to start
     * with 2 (2 5812), column 2 to hold 12 (258 12); no cut of
     * "25812 _ 11 _" with one blank per no-break space gives both. The
     * reading of its gaps is given up (P8, as before it), and 部分公开 is
     * placed as its row says */
    put_results(f, (long long[]){5, 12, 0, 0, 1, 1, 19});
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7,
                   {"25812", "~~", "11", "~"}},
                  {first_of(OGI_T3, "partial"), 7, {"3000003"}}};
    fx_build(f, s, 2);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted",
               (long long[]){-2, -2, -2, -2, -2, -2, -2});
    assert_finding(f, "P8", "apply.granted", OGI_SEV_WARNING,
                   "\"25812 _ 11 _\" for 7 cells: no split fits the "
                   "arithmetic; left unsplit");
    assert_row(f, OGI_T3, "partial", (long long[]){3, 0, 0, 0, 0, 0, 3});
    assert_finding(f, "P5", "apply.partial", OGI_SEV_INFO,
                   "\"3000003\" split as 3 0 0 0 0 0 3");
    fx_free(f);
}

static void
gaps_collapsed(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "18 18": the five <p>&nbsp;</p> cells between the two values
     * collapsed into one space (a crawler's normalised text, given its
     * no-break space back). Read as one blank the digits cannot fill
     * seven cells; a gap of up to six blanks can: 18 and five blanks and
     * 18 is the cut D2 allows (1 8 and four blanks and 18 gives 9) */
    spec_t s[] = {{first_of(OGI_T3, "carried_over"), 7, {"18", "~", "18"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "carried_over",
               (long long[]){18, -1, -1, -1, -1, -1, 18});
    assert_finding(f, "P5", "apply.carried_over", OGI_SEV_INFO,
                   "\"18 _ 18\" split as 18 _ _ _ _ _ 18");
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

static void
gaps_blank_total_unsure(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    spec_t s[] = {
        /* "443" and five no-break spaces, its 总计 blank: 44 3 or 4 43,
         * or its 总计 printed and the row the report's own error: 4 4 3;
         * no other row to choose by: all three named (P6), the likeliest
         * placed */
        {first_of(OGI_T3, "unable.need_creation"), 7, {"443", "~~~~~"}},
        /* "5" and one space for six empty cells (white space collapsed):
         * 5 and six blanks, the one cut that fills the row */
        {first_of(OGI_T3, "denied.internal_affairs"), 7, {"5", "~"}},
    };
    fx_build(f, s, 2);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "unable.need_creation",
               (long long[]){4, 43, -1, -1, -1, -1, -1});
    assert_finding(f, "P6", "apply.unable.need_creation", OGI_SEV_WARNING,
                   "\"443 _\" fits 3 splits; placed 4 43 _ _ _ _ _, the "
                   "cuts the columns allow; each breaks its row's "
                   "arithmetic; also fits: 44 3 _ _ _ _ _; 4 4 3 _ _ _ _");
    assert_row(f, OGI_T3, "denied.internal_affairs",
               (long long[]){5, -1, -1, -1, -1, -1, -1});
    assert_finding(f, "P5", "apply.denied.internal_affairs", OGI_SEV_INFO,
                   "\"5 _\" split as 5 _ _ _ _ _ _, white space collapsed; "
                   "its total left blank");
    assert_int_equal(f->r->nfindings, 2);
    fx_free(f);
}

static void
columns_decide(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    put_row(f, OGI_T3, "partial", (long long[]){0, 0, 0, 0, 0, 0, 0});
    /* D1 per column: 总计 = 予以公开 + 0: only 10 1 0 0 0 0 11 fits,
     * though the row alone prefers 1 0 10 0 0 0 11 */
    put_results(f, (long long[]){10, 1, 0, 0, 0, 0, 11});
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"101000011"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){10, 1, 0, 0, 0, 0, 11});
    assert_finding(f, "P5", "apply.granted", OGI_SEV_INFO,
                   "\"101000011\" split as 10 1 0 0 0 0 11");
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

/* A row holding the report's own error (its total printed 2 short): no
 * cut of its digits keeps the row, and they are many (7400 0 0 0 0 7 38,
 * 74 0 0 0 0 0 00738 is none: no leading zeros, ...); the columns hold
 * through its cells as through any other row's: D1 in column 0 wants
 * 740, so 740 0 0 0 0 0 738, placed, the error left to the validator. */
static void
columns_decide_row_error(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    put_row(f, OGI_T3, "partial", (long long[]){0, 0, 0, 0, 0, 0, 0});
    put_results(f, (long long[]){740, 0, 0, 0, 0, 0, 740});
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"74000000738"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){740, 0, 0, 0, 0, 0, 738});
    assert_finding(f, "P5", "apply.granted", OGI_SEV_INFO,
                   "\"74000000738\" split as 740 0 0 0 0 0 738, the only cut "
                   "the columns allow; it breaks its row's arithmetic");
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

/* "  200 000 017 " (Word's "&nbsp;" typed around values, the text's white
 * space kept): read with its total left blank and a gap holding no blank
 * cell, 200 0 0 0 0 17 _ is the one cut that keeps the row; read with its
 * total printed, 17, the row is the report's own error (3 short), and its
 * cuts are several. No likelier than those, the blank total's cut stands
 * among them: D1 in column 0 wants 20, so 20 0 0 0 0 0 17. */
static void
columns_decide_blank_total_or_error(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    put_row(f, OGI_T3, "granted", (long long[]){0, 0, 0, 0, 0, 0, 0});
    put_results(f, (long long[]){20, 0, 0, 0, 0, 0, 20});
    spec_t s[] = {{first_of(OGI_T3, "partial"), 7,
                   {"~~", "200", "~", "000", "~", "017", "~"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "partial", (long long[]){20, 0, 0, 0, 0, 0, 17});
    assert_finding(f, "P5", "apply.partial", OGI_SEV_INFO,
                   "\"_ 200 _ 000 _ 017 _\" split as 20 0 0 0 0 0 17, the only "
                   "cut the columns allow; it breaks its row's arithmetic");
    fx_free(f);
}

static void
columns_decide_jointly(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* 予以公开 is 1 0 10 0 0 0 11 or 10 1 0 0 0 0 11; 部分公开 is
     * 1 10 0 0 0 0 11 or 11 0 0 0 0 0 11. With 总计 12 0 10 0 0 0 22, D1
     * in column 1 wants a + b = 12: of 1 + 1, 1 + 11, 10 + 1 and 10 + 11
     * only 1 + 11, so the first of one and the second of the other (and
     * column 3 agrees: 10 + 0) */
    put_results(f, (long long[]){12, 0, 10, 0, 0, 0, 22});
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"101000011"}},
                  {first_of(OGI_T3, "partial"), 7, {"110000011"}}};
    fx_build(f, s, 2);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){1, 0, 10, 0, 0, 0, 11});
    assert_row(f, OGI_T3, "partial", (long long[]){11, 0, 0, 0, 0, 0, 11});
    assert_finding(f, "P5", "apply.granted", OGI_SEV_INFO,
                   "\"101000011\" split as 1 0 10 0 0 0 11");
    assert_finding(f, "P5", "apply.partial", OGI_SEV_INFO,
                   "\"110000011\" split as 11 0 0 0 0 0 11");
    assert_int_equal(f->r->nfindings, 2);
    fx_free(f);
}

static void
columns_cannot_decide(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* O1 does not involve the row, and with the other result rows absent
     * D1 cannot be assessed: the row's own ranking stands */
    put_row(f, OGI_T3, "new_received", (long long[]){5, 0, 0, 0, 0, 0, 5});
    put_row(f, OGI_T3, "carried_over", (long long[]){0, 0, 0, 0, 0, 0, 0});
    put_row(f, OGI_T3, "result_total", (long long[]){5, 0, 0, 0, 0, 0, 5});
    put_row(f, OGI_T3, "carry_forward", (long long[]){0, 0, 0, 0, 0, 0, 0});
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"101000011"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){10, 1, 0, 0, 0, 0, 11});
    assert_int_equal(count_rule(f, "P6"), 1);
    fx_free(f);
}

static void
column_typo_elsewhere(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* 总计 says 8 where the rows give 7: D1 fails in columns 1 and 7
     * whatever the split, an error of the report for the validator; the
     * row's own split still stands */
    put_row(f, OGI_T3, "partial", (long long[]){0, 0, 0, 0, 0, 0, 0});
    put_results(f, (long long[]){8, 0, 0, 0, 0, 0, 8});
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"7000007"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){7, 0, 0, 0, 0, 0, 7});
    assert_int_equal(count_rule(f, "P5"), 1);
    assert_int_equal(f->r->nfindings, 1);
    fx_free(f);
}

static void
columns_contradict(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    put_row(f, OGI_T3, "partial", (long long[]){0, 0, 0, 0, 0, 0, 0});
    /* column 1 wants 1 (only 1 0 10 0 0 0 11 has it), column 2 wants 1
     * (only 10 1 0 0 0 0 11): each column alone can be met, never both */
    put_results(f, (long long[]){1, 1, 10, 0, 0, 0, 11});
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"101000011"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){-2, -2, -2, -2, -2, -2, -2});
    assert_finding(f, "P8", "apply.granted", OGI_SEV_WARNING,
                   "\"101000011\" for 7 cells: no split fits the arithmetic "
                   "of the whole table; left unsplit");
    fx_free(f);
}

/* The same contradiction with a second run its own row cuts one way only
 * (7 0 0 0 0 0 7: no other cut keeps 7 + 0 + ... = 7): that row is placed
 * as it says (P5), the columns' error left to the validator; the row its
 * own arithmetic leaves open keeps its P8. */
static void
columns_contradict_row_decides(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    put_row(f, OGI_T3, "partial", (long long[]){0, 0, 0, 0, 0, 0, 0});
    put_results(f, (long long[]){8, 1, 10, 0, 0, 0, 18});
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {"101000011"}},
                  {first_of(OGI_T3, "unable.not_held"), 7, {"7000007"}}};
    fx_build(f, s, 2);
    fx_split(f, OGI_T3);
    assert_row(f, OGI_T3, "granted", (long long[]){-2, -2, -2, -2, -2, -2, -2});
    assert_row(f, OGI_T3, "unable.not_held",
               (long long[]){7, 0, 0, 0, 0, 0, 7});
    assert_finding(f, "P8", "apply.granted", OGI_SEV_WARNING,
                   "\"101000011\" for 7 cells: no split fits the arithmetic "
                   "of the whole table; left unsplit");
    assert_finding(f, "P5", "apply.unable.not_held", OGI_SEV_INFO,
                   "\"7000007\" split as 7 0 0 0 0 0 7");
    fx_free(f);
}

/* The same contradiction for a row read with gaps (a reader that lost its
 * blank cells: pdftotext's reading order): 1, 10 and 11 with up to four
 * blanks among them. Column 1 wants the 1 in the first cell, column 2 in
 * the second: never both. The row is still placed by what it allows on
 * its own (its values in order, blanks between), the other splits named
 * (P6), not left unsplit (P8). */
static void
columns_contradict_gaps(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    put_row(f, OGI_T3, "partial", (long long[]){0, 0, 0, 0, 0, 0, 0});
    put_results(f, (long long[]){1, 1, 10, 0, 0, 0, 11});
    spec_t s[] = {{first_of(OGI_T3, "granted"),
                   7,
                   {"~~~~", "=1", "~~~~", "=10", "~~~~", "=11", "~~~~"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T3);
    /* 1, 10 and 11 in that order, the other four cells blank */
    size_t row = row_of(OGI_T3, "granted"), n = 0;
    static const long long want[] = {1, 10, 11};
    for (size_t c = 0; c < 7; c++) {
        const ogi_cell_t *x = ogi_report_cell(f->r, OGI_T3, row, c);
        if (x->state == OGI_CELL_NUM) {
            assert_true(n < 3);
            assert_int_equal(x->value, want[n]);
            n++;
        } else {
            assert_int_equal(x->state, OGI_CELL_EMPTY);
        }
    }
    assert_int_equal(n, 3);
    assert_int_equal(count_rule(f, "P6"), 1);
    assert_int_equal(count_rule(f, "P8"), 0);
    fx_free(f);
}

/* ---- Table 4 ---- */

static void
appeal_run(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2021, 3);
    spec_t s[] = {{0, 15, {"100010000000000"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T4);
    assert_row(f, OGI_T4, "review", (long long[]){1, 0, 0, 0, 1});
    assert_row(f, OGI_T4, "suit_direct", (long long[]){0, 0, 0, 0, 0});
    assert_row(f, OGI_T4, "suit_after_review", (long long[]){0, 0, 0, 0, 0});
    assert_finding(f, "P5", "appeal", OGI_SEV_INFO,
                   "\"100010000000000\" split as 1 0 0 0 1 0 0 0 0 0 0 0 0 "
                   "0 0");
    fx_free(f);
}

static void
appeal_run_wide(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2021, 3);
    /* 17 digits: 10 2 0 1 13 | 0 1 0 0 1 | 1 0 0 1 2 is the only cut where
     * each block's four results add up to its total */
    spec_t s[] = {{0, 15, {"10201130100110012"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T4);
    assert_row(f, OGI_T4, "review", (long long[]){10, 2, 0, 1, 13});
    assert_row(f, OGI_T4, "suit_direct", (long long[]){0, 1, 0, 0, 1});
    assert_row(f, OGI_T4, "suit_after_review", (long long[]){1, 0, 0, 1, 2});
    assert_int_equal(count_rule(f, "P5"), 1);
    /* 13 is digits 5 and 6 of the run */
    const ogi_cell_t *c = ogi_report_cell(f->r, OGI_T4, 0, 4);
    assert_int_equal(c->off, f->piece_off[0][0] + 5);
    assert_int_equal(c->len, 2);
    fx_free(f);
}

static void
appeal_ambiguous(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2021, 3);
    spec_t s[] = {{0, 15, {"11000110000010001"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T4);
    assert_row(f, OGI_T4, "review", (long long[]){1, 10, 0, 0, 11});
    assert_finding(f, "P6", "appeal", OGI_SEV_WARNING,
                   "\"11000110000010001\" fits 2 splits; placed 1 10 0 0 11 "
                   "0 0 0 0 0 1 0 0 0 1; also fits: 11 0 0 0 11 0 0 0 0 0 1 "
                   "0 0 0 1");
    /* the span is the whole table: the row the splits read differently
     * carries its own P6, the suits' rows (read alike) none */
    assert_finding(f, "P6", "appeal.review", OGI_SEV_WARNING,
                   "\"11000110000010001\" fits splits that read this row "
                   "differently; placed 1 10 0 0 11; also fits: 11 0 0 0 11");
    assert_int_equal(count_at(f, "P6", "appeal.suit_direct"), 0);
    assert_int_equal(count_at(f, "P6", "appeal.suit_after_review"), 0);
    fx_free(f);
}

/* Table 4 on one line with "&nbsp;" around most values: each gap may
 * hold a blank cell, more layouts than are tried at once. The digits
 * (13, with two placeholders: 15 cells) fill the table only with "10"
 * whole in the review's total (0 + 5 + 5 = 10: "55" whole or "10" cut
 * breaks it), which leaves nine cells for the ten of the two suit
 * blocks: one gap holds a blank. The review row is certain; where the
 * blank goes among the suits' zeros is not (P6), but it is placed. */
static void
appeal_gaps_budget(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2021, 3);
    spec_t s[] = {{0,
                   15,
                   {"0", "~", "=不适用", "~", "55", "~", "10", "~", "00", "~",
                    "0", "~", "000", "~", "0", "=不适用", "~~", "0"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T4);
    size_t row = row_of(OGI_T4, "review");
    assert_int_equal(ogi_report_cell(f->r, OGI_T4, row, 0)->state,
                     OGI_CELL_NUM);
    assert_int_equal(ogi_report_cell(f->r, OGI_T4, row, 1)->state,
                     OGI_CELL_NA);
    for (size_t c = 2; c < 5; c++)
        assert_int_equal(ogi_report_cell(f->r, OGI_T4, row, c)->state,
                         OGI_CELL_NUM);
    assert_int_equal(ogi_report_cell(f->r, OGI_T4, row, 2)->value, 5);
    assert_int_equal(ogi_report_cell(f->r, OGI_T4, row, 3)->value, 5);
    assert_int_equal(ogi_report_cell(f->r, OGI_T4, row, 4)->value, 10);
    assert_int_equal(count_rule(f, "P8"), 0);
    /* the table's P6, and one on each suit row, since the blank may
     * fall in either block; none on the review row, read alike by all */
    assert_int_equal(count_at(f, "P6", "appeal"), 1);
    assert_int_equal(count_at(f, "P6", "appeal.review"), 0);
    assert_int_equal(count_at(f, "P6", "appeal.suit_direct"), 1);
    assert_int_equal(count_at(f, "P6", "appeal.suit_after_review"), 1);
    fx_free(f);
}

/* A row of single values a crawler wrote with "&nbsp;" for its empty
 * cell, one cell short without the gap and no run among them: the
 * splitter, not the row's first columns, tells that the gap is the
 * blank cell (7 + 0 + 0 + blank + 0 + 0 = 7: only there). */
static void
gap_without_runs_through_placement(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 0);
    static const char raw[] = "(一)予以公开\n7\n0\n0\n \n0\n0\n7\n";
    char why[128];
    assert_int_equal(ogi_text_decode(f->arena, raw, sizeof(raw) - 1, 1u << 20,
                                     &f->tx, why, sizeof(why)),
                     0);
    ogi__table_init(&f->g, f->arena, &f->tx);
    assert_int_equal(ogi__table_row_open(&f->g, 0), 0);
    size_t lab = strlen("(一)予以公开");
    assert_non_null(
        ogi__table_add(&f->g, OGI__CELL_LABEL, f->tx.s, lab, 0, lab));
    for (size_t k = 0, off = lab + 1; k < 7; k++, off += 2)
        assert_non_null(ogi__table_add(
            &f->g, k == 3 ? OGI__CELL_BLANK : OGI__CELL_VALUE, f->tx.s + off,
            1, off, 1));
    ogi__table_row_close(&f->g);
    assert_int_equal(ogi__place_apply(f->r, &f->g), 0);
    assert_row(f, OGI_T3, "granted", (long long[]){7, 0, 0, -1, 0, 0, 7});
    assert_int_equal(count_rule(f, "P3"), 0);
    fx_free(f);
}

/* ---- Table 2: no identity, the soft relations rank ---- */

static void
active_one_split(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "05" is no cell: 5 0 5 only */
    spec_t s[] = {{first_of(OGI_T2_19_1, "rules"), 3, {"505"}},
                  /* 1 0 05 and 1 00 5 have leading zeros: 10 0 5 */
                  {first_of(OGI_T2_19_1, "normative_docs"), 3, {"1005"}}};
    fx_build(f, s, 2);
    fx_split(f, OGI_T2_19_1);
    assert_row(f, OGI_T2_19_1, "rules", (long long[]){5, 0, 5});
    assert_finding(f, "P5", "active.a20_1.rules", OGI_SEV_INFO,
                   "\"505\" split as 5 0 5");
    assert_row(f, OGI_T2_19_1, "normative_docs", (long long[]){10, 0, 5});
    assert_finding(f, "P5", "active.a20_1.normative_docs", OGI_SEV_INFO,
                   "\"1005\" split as 10 0 5");
    fx_free(f);
}

static void
active_several(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* 1 8 15, 1 81 5, 18 1 5; C2 (本年新公开 <= 对外公开总数) rules out
     * 1 81 5 as least plausible; 1 8 15 has the smaller largest cell */
    spec_t s[] = {{first_of(OGI_T2_19_1, "rules"), 3, {"1815"}},
                  {first_of(OGI_T2_19_1, "normative_docs"), 3, {"5505"}}};
    fx_build(f, s, 2);
    fx_split(f, OGI_T2_19_1);
    assert_row(f, OGI_T2_19_1, "rules", (long long[]){1, 8, 15});
    assert_finding(f, "P6", "active.a20_1.rules", OGI_SEV_WARNING,
                   "\"1815\" fits 3 splits; placed 1 8 15; also fits: "
                   "18 1 5; 1 81 5");
    /* 5 50 5 breaks C2, so 55 0 5 though its largest cell is larger */
    assert_row(f, OGI_T2_19_1, "normative_docs", (long long[]){55, 0, 5});
    assert_finding(f, "P6", "active.a20_1.normative_docs", OGI_SEV_WARNING,
                   "\"5505\" fits 2 splits; placed 55 0 5; also fits: "
                   "5 50 5");
    fx_free(f);
}

static void
active_several_2021(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2021, 3);
    /* C3 (制发 <= 现行有效 + 废止) rules out 18 1 5 (18 > 5 + 1) */
    spec_t s[] = {{first_of(OGI_T2_21_1, "rules"), 3, {"1815"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T2_21_1);
    assert_row(f, OGI_T2_21_1, "rules", (long long[]){1, 8, 15});
    assert_finding(f, "P6", "active.a20_1.rules", OGI_SEV_WARNING,
                   "\"1815\" fits 3 splits; placed 1 8 15; also fits: "
                   "1 81 5; 18 1 5");
    fx_free(f);
}

/* ---- bounds ---- */

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
bound_long_run(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    static char digits[2001];
    for (size_t i = 0; i < 2000; i++)
        digits[i] = (char)('1' + i % 9);
    spec_t s[] = {{first_of(OGI_T3, "granted"), 7, {digits}}};
    fx_build(f, s, 1);
    double t0 = now();
    fx_split(f, OGI_T3);
    assert_true(now() - t0 < 0.5);
    assert_row(f, OGI_T3, "granted", (long long[]){-2, -2, -2, -2, -2, -2, -2});
    assert_finding(f, "P8", "apply.granted", OGI_SEV_WARNING,
                   "a run of 2000 digits for 7 cells is too long to split; "
                   "left unsplit");
    fx_free(f);
}

static void
bound_many_rows(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2021, 3);
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    static char digits[25][31];
    spec_t s[25];
    size_t n = 0;
    unsigned x = 12345;
    for (size_t row = 0; row < sk->nrows; row++) {
        if (!ogi_report_row_in_shape(f->r, OGI_T3, row))
            continue;
        for (size_t i = 0; i < 30; i++) {
            x = x * 1103515245u + 12345u;
            digits[n][i] = (char)('1' + (x >> 16) % 9);
        }
        s[n] = (spec_t){row * sk->ncols, 7, {digits[n]}};
        n++;
    }
    assert_int_equal(n, 25);
    fx_build(f, s, n);
    double t0 = now();
    fx_split(f, OGI_T3);
    double dt = now() - t0;
    print_message("25 rows of 30 digits: %.3f s\n", dt);
    assert_true(dt < 3.0);
    /* each row says what became of it, and what was placed adds up */
    assert_int_equal(
        count_rule(f, "P5") + count_rule(f, "P6") + count_rule(f, "P8"), 25);
    for (size_t i = 0; i < n; i++) {
        size_t row = s[i].first / 7;
        const ogi_cell_t *c = ogi_report_cell(f->r, OGI_T3, row, 0);
        long long sum = 0;
        if (c->state == OGI_CELL_MISSING)
            continue;
        for (size_t k = 0; k < 6; k++)
            sum += ogi_report_cell(f->r, OGI_T3, row, k)->value;
        assert_int_equal(sum, ogi_report_cell(f->r, OGI_T3, row, 6)->value);
    }
    fx_free(f);
}

static void
bound_many_true_rows(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2021, 3);
    const ogi_skel_table_t *sk = ogi_skeleton_table(OGI_T3);
    /* every row six four-digit counts and their sum: 29 or 30 digits with
     * a split that fits (the columns do not: each row was made alone) */
    static char digits[25][40];
    long long truth[25][7];
    spec_t s[25];
    size_t n = 0;
    unsigned x = 777;
    for (size_t row = 0; row < sk->nrows; row++) {
        if (!ogi_report_row_in_shape(f->r, OGI_T3, row))
            continue;
        truth[n][6] = 0;
        int len = 0;
        for (size_t c = 0; c < 6; c++) {
            x = x * 1103515245u + 12345u;
            truth[n][c] = 1000 + (x >> 16) % 9000;
            truth[n][6] += truth[n][c];
        }
        for (size_t c = 0; c < 7; c++)
            len += snprintf(digits[n] + len, sizeof(digits[n]) - (size_t)len,
                            "%lld", truth[n][c]);
        s[n] = (spec_t){row * sk->ncols, 7, {digits[n]}};
        n++;
    }
    fx_build(f, s, n);
    double t0 = now();
    fx_split(f, OGI_T3);
    double dt = now() - t0;
    print_message("25 rows of 29-30 digits that fit: %.3f s\n", dt);
    assert_true(dt < 3.0);
    assert_int_equal(count_rule(f, "P8"), 0);
    assert_int_equal(count_rule(f, "P5") + count_rule(f, "P6"), 25);
    for (size_t i = 0; i < n; i++) {
        size_t row = s[i].first / 7;
        char path[128];
        ogi_report_path(OGI_T3, row, -1, path, sizeof(path));
        int unique = 0;
        for (size_t k = 0; k < f->r->nfindings; k++)
            unique |= strcmp(f->r->findings[k].path, path) == 0 &&
                      strcmp(f->r->findings[k].rule, "P5") == 0;
        long long sum = 0;
        for (size_t c = 0; c < 7; c++) {
            const ogi_cell_t *cell = ogi_report_cell(f->r, OGI_T3, row, c);
            assert_int_equal(cell->state, OGI_CELL_NUM);
            if (unique)
                assert_int_equal(cell->value, truth[i][c]);
            sum += c < 6 ? cell->value : -cell->value;
        }
        assert_int_equal(sum, 0);
    }
    fx_free(f);
}

/* ---- through placement ---- */

static void
through_placement(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 0);
    static const char raw[] = "(一)予以公开\n7000007\n";
    char why[128];
    assert_int_equal(ogi_text_decode(f->arena, raw, sizeof(raw) - 1, 1u << 20,
                                     &f->tx, why, sizeof(why)),
                     0);
    ogi__table_init(&f->g, f->arena, &f->tx);
    assert_int_equal(ogi__table_row_open(&f->g, 0), 0);
    size_t lab = strlen("(一)予以公开");
    assert_non_null(
        ogi__table_add(&f->g, OGI__CELL_LABEL, f->tx.s, lab, 0, lab));
    assert_non_null(
        ogi__table_add(&f->g, OGI__CELL_RUN, f->tx.s + lab + 1, 7, lab + 1, 7));
    ogi__table_row_close(&f->g);
    assert_int_equal(ogi__place_apply(f->r, &f->g), 0);
    assert_row(f, OGI_T3, "granted", (long long[]){7, 0, 0, 0, 0, 0, 7});
    assert_finding(f, "P5", "apply.granted", OGI_SEV_INFO,
                   "\"7000007\" split as 7 0 0 0 0 0 7");
    assert_int_equal(count_rule(f, "P3"), 0);
    const ogi_cell_t *c =
        ogi_report_cell(f->r, OGI_T3, row_of(OGI_T3, "granted"), 6);
    assert_int_equal(c->off, lab + 1 + 6);
    fx_free(f);
}

/* ---- the skeleton's identities ---- */

static void
skeleton_identities(void **state)
{
    (void)state;
    size_t n;
    const ogi_skel_identity_t *ids = ogi_skeleton_identities(&n);
    assert_int_equal(n, 4);
    assert_string_equal(ids[0].rule, "O1");
    assert_string_equal(ids[3].rule, "D3");
    /* D1: 予以公开, 部分公开, 8 不予公开, 3 无法提供, 5 不予处理 and the
     * four rows of both shapes of （六） */
    assert_int_equal(ids[1].nlhs, 2 + 8 + 3 + 5 + 4);
    assert_int_equal(ids[1].nrhs, 1);
    assert_int_equal(ids[1].rhs_at[0], row_of(OGI_T3, "result_total"));
    assert_int_equal(ids[1].lhs_at[2], row_of(OGI_T3, "denied.state_secret"));
    assert_int_equal(ids[2].nlhs, 6);
    assert_int_equal(ids[2].rhs_at[0], 6);
    assert_int_equal(ids[3].table, OGI_T4);
    assert_int_equal(ids[3].rhs_at[0], 4);
    const ogi_skel_identity_t *rel = ogi_skeleton_relations(&n);
    assert_int_equal(n, 5);
    assert_string_equal(rel[4].rule, "C3");
    assert_int_equal(rel[4].nrhs, 2);
    assert_int_equal(rel[4].lhs_at[0], 0); /* issued */
    assert_int_equal(rel[4].rhs_at[0], 2); /* in_force */
    assert_int_equal(rel[4].rhs_at[1], 1); /* repealed */
    assert_int_equal(rel[0].nlhs, 0);      /* C1: 0 <= prev + delta */
}

/* ---- crawler text of generated pages, through the whole parser ---- */

/* Parses tests/data/forms/runon/name into f->r. */
static void
parse_form(fx_t *f, const char *name)
{
    char path[256];
    size_t n;
    snprintf(path, sizeof(path), "tests/data/forms/runon/%s", name);
    char *raw = ogi_test_slurp(path, &n);
    if (!raw)
        fail_msg("could not read \"%s\"", path);
    ogi_parse_opts_t o = {0, name};
    assert_int_equal(ogi_parse_report(f->arena, raw, n, &o, &f->r), 0);
    free(raw);
}

/* Row key of table id holds states (E empty, N placeholder, else the
 * digit's value) */
static void
assert_states(fx_t *f, ogi_table_id_t id, const char *key, const char *want)
{
    size_t row = row_of(id, key);
    for (size_t c = 0; want[c]; c++) {
        const ogi_cell_t *cell = ogi_report_cell(f->r, id, row, c);
        int ok = want[c] == 'E'   ? cell->state == OGI_CELL_EMPTY
                 : want[c] == 'N' ? cell->state == OGI_CELL_NA
                                  : cell->state == OGI_CELL_NUM &&
                                        cell->value == want[c] - '0';
        if (!ok)
            fail_msg("%s col %zu: state %d value %lld, want %c", key, c,
                     cell->state, (long long)cell->value, want[c]);
    }
}

static void
gaps_and_placeholders(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2021, 3);
    /* each empty cell of the page is one &nbsp;, so a gap of n no-break
     * spaces holds up to n blank cells; "—" (a "-" once folded) before
     * digits is a placeholder in Table 3. Cells read from
     * gen2021gaps.html */
    parse_form(f, "gen2021gaps.txt");
    assert_states(f, OGI_T3, "denied.third_party", "N00NE0N");
    assert_states(f, OGI_T3, "denied.internal_affairs", "NEEN00E");
    assert_states(f, OGI_T3, "denied.enforcement_file", "EEEE0NE");
    assert_states(f, OGI_T3, "rejected.repeat", "0EEN0N0");
    assert_states(f, OGI_T3, "rejected.publication", "00EEE00");
    assert_finding(f, "P5", "apply.denied.enforcement_file", OGI_SEV_INFO,
                   "\"_ 0 - _\" split as _ _ _ _ 0 - _");
    fx_free(f);
}

static void
signed_deltas(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* gen2019signs.html: (六) 行政强制 37 "减 4" 1, (八) 8 "增 2"; (五)
     * 行政许可 39 "增 17" 184 runs on as "39增 17184", which 1 7184, 17
     * 184, 171 84 and 1718 4 all fit: Table 2 has no identity to tell */
    parse_form(f, "gen2019signs.txt");
    size_t row = row_of(OGI_T2_19_6, "coercion");
    const ogi_cell_t *d = ogi_report_cell(f->r, OGI_T2_19_6, row, 1);
    assert_int_equal(d->state, OGI_CELL_NUM);
    assert_int_equal(d->value, -4);
    assert_int_equal(ogi_report_cell(f->r, OGI_T2_19_6, row, 0)->value, 37);
    assert_int_equal(ogi_report_cell(f->r, OGI_T2_19_6, row, 2)->value, 1);
    assert_finding(f, "P5", "active.a20_6.coercion", OGI_SEV_INFO,
                   "\"37 减 41\" split as 37 -4 1");
    row = row_of(OGI_T2_19_8, "admin_fees");
    assert_int_equal(ogi_report_cell(f->r, OGI_T2_19_8, row, 1)->value, 2);
    const char *msg = "";
    for (size_t i = 0; i < f->r->nfindings; i++)
        if (strcmp(f->r->findings[i].rule, "P6") == 0 &&
            strcmp(f->r->findings[i].path, "active.a20_5.license") == 0)
            msg = f->r->findings[i].message;
    assert_non_null(strstr(msg, "fits 4 splits"));
    assert_non_null(strstr(msg, "39 17 184"));
    fx_free(f);
}

/* ---- amounts and changes of Table 2 ---- */

/* The cell (id, key, col) holds value / 10^scale. */
static void
assert_amount(fx_t *f, ogi_table_id_t id, const char *key, size_t col,
              long long value, int scale, int unit)
{
    const ogi_cell_t *c = ogi_report_cell(f->r, id, row_of(id, key), col);
    assert_int_equal(c->state, OGI_CELL_NUM);
    assert_int_equal(c->value, value);
    assert_int_equal(c->scale, scale);
    assert_int_equal(c->unit, unit);
}

static void
amount_decimal(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* 采购项目数量 and 采购总金额 run on: every cut leaving the amount an
     * integer part of its own is 6|34893.9, 63|4893.9, 634|893.9,
     * 6348|93.9, 63489|3.9; nothing tells them apart but that a count of
     * projects is the smaller, so 6 is placed and the others named */
    spec_t s[] = {{first_of(OGI_T2_19_9, "central_procurement"), 2,
                   {"634893.9"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T2_19_9);
    assert_amount(f, OGI_T2_19_9, "central_procurement", 0, 6, 0, 0);
    assert_amount(f, OGI_T2_19_9, "central_procurement", 1, 348939, 1, 0);
    assert_finding(f, "P6", "active.a20_9.central_procurement",
                   OGI_SEV_WARNING,
                   "\"634893.9\" fits 5 splits; placed 6 34893.9; also fits: "
                   "63 4893.9; 634 893.9; 6348 93.9; 63489 3.9");
    fx_free(f);
}

static void
amount_leading_zero(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "305.25": 3|05.25 has a leading zero, 305|.25 no integer part: 30
     * projects, 5.25 */
    spec_t s[] = {{first_of(OGI_T2_19_9, "central_procurement"), 2,
                   {"305.25"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T2_19_9);
    assert_amount(f, OGI_T2_19_9, "central_procurement", 0, 30, 0, 0);
    assert_amount(f, OGI_T2_19_9, "central_procurement", 1, 525, 2, 0);
    assert_finding(f, "P5", "active.a20_9.central_procurement", OGI_SEV_INFO,
                   "\"305.25\" split as 30 5.25");
    fx_free(f);
    /* "30.5": 3 projects and 0.5, whose one leading zero is its integer
     * part */
    f = fx_new(OGI_FORMAT_2019, 1);
    spec_t s2[] = {{first_of(OGI_T2_19_9, "central_procurement"), 2,
                    {"30.5"}}};
    fx_build(f, s2, 1);
    fx_split(f, OGI_T2_19_9);
    assert_amount(f, OGI_T2_19_9, "central_procurement", 0, 3, 0, 0);
    assert_amount(f, OGI_T2_19_9, "central_procurement", 1, 5, 1, 0);
    assert_finding(f, "P5", "active.a20_9.central_procurement", OGI_SEV_INFO,
                   "\"30.5\" split as 3 0.5");
    fx_free(f);
}

static void
amount_unit(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "00元": no project, 0 元 */
    spec_t s[] = {{first_of(OGI_T2_19_9, "central_procurement"), 2,
                   {"00元"}}};
    fx_build(f, s, 1);
    fx_split(f, OGI_T2_19_9);
    assert_amount(f, OGI_T2_19_9, "central_procurement", 0, 0, 0, 0);
    assert_amount(f, OGI_T2_19_9, "central_procurement", 1, 0, 0,
                  OGI_UNIT_YUAN);
    assert_finding(f, "P5", "active.a20_9.central_procurement", OGI_SEV_INFO,
                   "\"00元\" split as 0 0");
    fx_free(f);
}

static void
amount_not_amount(void **state)
{
    (void)state;
    /* three decimals, two points, a point in a count column: no amount */
    static const struct {
        ogi_table_id_t id;
        const char *key, *path, *run;
        size_t ncells;
    } c[] = {
        {OGI_T2_19_9, "central_procurement",
         "active.a20_9.central_procurement", "12.345", 2},
        {OGI_T2_19_9, "central_procurement",
         "active.a20_9.central_procurement", "1.2.3", 2},
        {OGI_T2_19_9, "central_procurement",
         "active.a20_9.central_procurement", "12.", 2},
        {OGI_T3, "granted", "apply.granted", "1000001.5", 7},
        {OGI_T2_19_5, "license", "active.a20_5.license", "3015.5", 3},
    };
    for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
        fx_t *f = fx_new(OGI_FORMAT_2019, 1);
        spec_t s[] = {{first_of(c[i].id, c[i].key), c[i].ncells, {c[i].run}}};
        fx_build(f, s, 1);
        fx_split(f, c[i].id);
        assert_int_equal(count_rule(f, "P8"), 1);
        assert_int_equal(count_rule(f, "P5") + count_rule(f, "P6"), 0);
        assert_int_equal(
            ogi_report_cell(f->r, c[i].id, row_of(c[i].id, c[i].key), 0)
                ->state,
            OGI_CELL_MISSING);
        fx_free(f);
    }
}

static void
changes_ranked(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* "39增 17184": 1|7184, 17|184, 171|84, 1718|4 all fit; 171 and 1718
     * change a stock of 39 by more than it held; of 1 7184 and 17 184 the
     * smaller sum. "605050" without a sign: 6|0|5050, 605|0|50 (no
     * change), 60|50|50, 6050|5|0, 60|505|0 (more than 60): no change
     * first, then the smaller sum */
    spec_t s[] = {{first_of(OGI_T2_19_5, "license"), 3, {"=39", "增 17184"}},
                  {first_of(OGI_T2_19_5, "other_services"), 3, {"605050"}}};
    fx_build(f, s, 2);
    fx_split(f, OGI_T2_19_5);
    assert_row(f, OGI_T2_19_5, "license", (long long[]){39, 17, 184});
    assert_row(f, OGI_T2_19_5, "other_services", (long long[]){605, 0, 50});
    assert_finding(f, "P6", "active.a20_5.license", OGI_SEV_WARNING,
                   "\"39 增 17184\" fits 4 splits; placed 39 17 184; also "
                   "fits: 39 1 7184; 39 171 84; 39 1718 4");
    fx_free(f);
}

static void
strip_table2(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    /* strip2019_amount.html, read by hand: (五) 行政许可 91 减40 20685,
     * 其他对外管理服务事项 275 减9 1818; (六) 行政处罚 1167 减130 1019,
     * 行政强制 69 0 889; (八) 0 增2; (九) 65 projects, 21913584.94 */
    char path[] = "tests/data/split/strip2019_amount.txt";
    size_t n;
    char *raw = ogi_test_slurp(path, &n);
    if (!raw)
        fail_msg("could not read \"%s\"", path);
    ogi_parse_opts_t o = {0, path};
    assert_int_equal(ogi_parse_report(f->arena, raw, n, &o, &f->r), 0);
    free(raw);
    assert_row(f, OGI_T2_19_5, "license", (long long[]){91, -40, 20685});
    assert_row(f, OGI_T2_19_6, "penalty", (long long[]){1167, -130, 1019});
    assert_row(f, OGI_T2_19_6, "coercion", (long long[]){69, 0, 889});
    assert_row(f, OGI_T2_19_8, "admin_fees", (long long[]){0, 2});
    /* 275 减 91818 and 6521913584.94 stay ambiguous: what the page says is
     * among the splits named */
    const char *other = "", *proc = "";
    for (size_t i = 0; i < f->r->nfindings; i++) {
        const ogi_finding_t *x = &f->r->findings[i];
        if (strcmp(x->rule, "P6") != 0)
            continue;
        if (strcmp(x->path, "active.a20_5.other_services") == 0)
            other = x->message;
        if (strcmp(x->path, "active.a20_9.central_procurement") == 0)
            proc = x->message;
    }
    assert_non_null(strstr(other, "275 -9 1818"));
    assert_non_null(strstr(proc, "65 21913584.94"));
    size_t row = row_of(OGI_T2_19_9, "central_procurement");
    assert_int_equal(ogi_report_cell(f->r, OGI_T2_19_9, row, 1)->scale, 2);
    fx_free(f);
}

/* Table 2's counts of documents from real pages saved by a crawler that
 * collapses white space (tests/data/split/README.md): the stock is the
 * largest, not the fewest digits. Values from the pages' truths. */
static void
flat_documents(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        ogi_table_id_t id;
        const char *row;
        long long want[3];
    } cases[] = {
        /* 129: "行政规范性文件77132470" */
        {"tests/data/split/flat2023_docs.txt", OGI_T2_21_1, "normative_docs",
         {77, 132, 470}},
        {"tests/data/split/flat2023_docs.txt", OGI_T2_21_1, "rules",
         {0, 0, 0}},
        /* 120: "规章1313524", "规范性文件6060368" */
        {"tests/data/split/flat2019_docs.txt", OGI_T2_19_1, "rules",
         {13, 13, 524}},
        {"tests/data/split/flat2019_docs.txt", OGI_T2_19_1, "normative_docs",
         {60, 60, 368}},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        fx_t *f = fx_new(cases[i].id == OGI_T2_21_1 ? OGI_FORMAT_2021
                                                     : OGI_FORMAT_2019,
                         1);
        size_t n;
        char *raw = ogi_test_slurp(cases[i].path, &n);
        if (!raw)
            fail_msg("could not read \"%s\"", cases[i].path);
        ogi_parse_opts_t o = {0, cases[i].path};
        assert_int_equal(ogi_parse_report(f->arena, raw, n, &o, &f->r), 0);
        free(raw);
        assert_row(f, cases[i].id, cases[i].row, cases[i].want);
        fx_free(f);
    }
}

/* Placeholder marks of adjacent cells run together: 2. of (三) is
 * &nbsp; &nbsp; &nbsp; &#8212; - - &nbsp; in strip2021_marks.html, "___—--_"
 * in its text (tests/data/split/README.md): the marks are three cells,
 * which with the four blanks make the row's seven. */
static void
strip_marks(void **state)
{
    (void)state;
    fx_t *f = fx_new(OGI_FORMAT_2021, 1);
    char path[] = "tests/data/split/strip2021_marks.txt";
    size_t n;
    char *raw = ogi_test_slurp(path, &n);
    if (!raw)
        fail_msg("could not read \"%s\"", path);
    ogi_parse_opts_t o = {0, path};
    assert_int_equal(ogi_parse_report(f->arena, raw, n, &o, &f->r), 0);
    free(raw);
    assert_row(f, OGI_T3, "denied.law_forbidden",
               (long long[]){-1, -1, -1, -3, -3, -3, -1});
    fx_free(f);
}

/* Rows read by their shape alone (a crawler's text of one text node a
 * line: blank cells leave nothing, tests/data/split/README.md): the split
 * that keeps the row's identity ranks first. 122 prints only 自然人 and
 * 总计 ("26", "26": 26 _ _ _ _ _ 26); 120 leaves every result row's 总计
 * blank ("3": 3 and no total, not a total of 3 over blank parts). Where
 * the arithmetic cannot place the values, they go to the columns that
 * usually hold counts. Values from the pages' truths. */
#define NODESFLAT "tests/data/split/nodesflat2019_blank_totals.txt"

static void
nodes_shape_ranked(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        ogi_format_t format;
        const char *row;
        long long want[7];
    } cases[] = {
        {"tests/data/split/nodes2023_word.txt", OGI_FORMAT_2021,
         "new_received", {26, -1, -1, -1, -1, -1, 26}},
        {"tests/data/split/nodes2023_word.txt", OGI_FORMAT_2021, "partial",
         {0, -1, -1, -1, -1, -1, 0}},
        {"tests/data/split/nodes2019_blank_totals.txt", OGI_FORMAT_2019,
         "partial", {3, -1, -1, -1, -1, -1, -1}},
        {"tests/data/split/nodes2019_blank_totals.txt", OGI_FORMAT_2019,
         "denied.state_secret", {14, -1, -1, -1, -1, -1, -1}},
        /* "821 35 2 1 859": five values for seven columns, the arithmetic
         * silent on where the two blanks go; the counts go where counts
         * usually are (law firms and other organisations before research
         * institutes and public-interest bodies), as 120 prints them */
        {"tests/data/split/nodes2019_blank_totals.txt", OGI_FORMAT_2019,
         "new_received", {821, 35, -1, -1, 2, 1, 859}},
        /* a numbered label right before the next of its level holds
         * blanks, and each label the values right after it (rows with
         * no values among them did not shift the others) */
        {"tests/data/split/nodes2019_blank_totals.txt", OGI_FORMAT_2019,
         "denied.law_forbidden", {-1, -1, -1, -1, -1, -1, -1}},
        {"tests/data/split/nodes2019_blank_totals.txt", OGI_FORMAT_2019,
         "denied.internal_affairs", {5, -1, -1, -1, -1, -1, -1}},
        {"tests/data/split/nodes2019_blank_totals.txt", OGI_FORMAT_2019,
         "unable.not_held", {252, 12, -1, -1, 1, -1, -1}},
        {"tests/data/split/nodes2019_blank_totals.txt", OGI_FORMAT_2019,
         "carry_forward", {72, -1, -1, -1, -1, -1, 72}},
        /* one line, nodes a space apart: a short row whose last value is
         * its total spreads the others over the columns that usually hold
         * counts */
        {NODESFLAT, OGI_FORMAT_2019, "new_received",
         {821, 35, -1, -1, 2, 1, 859}},
        {NODESFLAT, OGI_FORMAT_2019, "result_total",
         {767, 35, -1, -1, 2, 1, 805}},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        fx_t *f = fx_new(cases[i].format, 1);
        size_t n;
        char *raw = ogi_test_slurp(cases[i].path, &n);
        if (!raw)
            fail_msg("could not read \"%s\"", cases[i].path);
        ogi_parse_opts_t o = {0, cases[i].path};
        assert_int_equal(ogi_parse_report(f->arena, raw, n, &o, &f->r), 0);
        free(raw);
        assert_row(f, OGI_T3, cases[i].row, cases[i].want);
        fx_free(f);
    }
}

/* Table 4 of the same page as one text node a line (120 leaves every zero
 * blank): "5 2 7 8 1 9" for fifteen cells. Each block's parts must make
 * its total, and among the placements that do, counts go to the earlier
 * blocks and, within one, to 维持 and 尚未审结 before 其他 and 纠正: the
 * page's own cells (its truth), with P6 saying other placements fit. */
static void
nodes_appeal_fit(void **state)
{
    (void)state;
    const char *path = "tests/data/split/nodes2019_blank_totals.txt";
    fx_t *f = fx_new(OGI_FORMAT_2019, 1);
    size_t n;
    char *raw = ogi_test_slurp(path, &n);
    if (!raw)
        fail_msg("could not read \"%s\"", path);
    ogi_parse_opts_t o = {0, path};
    assert_int_equal(ogi_parse_report(f->arena, raw, n, &o, &f->r), 0);
    free(raw);
    assert_row(f, OGI_T4, "review", (long long[]){5, -1, -1, 2, 7});
    assert_row(f, OGI_T4, "suit_direct", (long long[]){8, -1, -1, 1, 9});
    assert_row(f, OGI_T4, "suit_after_review",
               (long long[]){-1, -1, -1, -1, -1});
    /* one for the table, and one on each block the placements read
     * differently: 行政复议 is 5 _ _ 2 7 or as well 5 2 _ _ 7 */
    int p6 = 0, p6_review = 0;
    for (size_t i = 0; i < f->r->nfindings; i++) {
        if (strcmp(f->r->findings[i].rule, "P6") != 0 ||
            strstr(f->r->findings[i].message, "placements keep") == NULL)
            continue;
        p6 += strcmp(f->r->findings[i].path, "appeal") == 0;
        p6_review += strcmp(f->r->findings[i].path, "appeal.review") == 0;
    }
    assert_int_equal(p6, 1);
    assert_int_equal(p6_review, 1);
    fx_free(f);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(skeleton_identities),
        cmocka_unit_test(unique_split),
        cmocka_unit_test(ambiguous_row),
        cmocka_unit_test(marks_or_gap),
        cmocka_unit_test(impossible_row),
        cmocka_unit_test(only_cut_breaks_arithmetic),
        cmocka_unit_test(gaps_and_placeholders),
        cmocka_unit_test(signed_deltas),
        cmocka_unit_test(blank_and_value_pieces),
        cmocka_unit_test(gaps_exact_when_total_blank),
        cmocka_unit_test(gaps_exact_columns_decide),
        cmocka_unit_test(gaps_exact_whole_row),
        cmocka_unit_test(gaps_exact_given_up),
        cmocka_unit_test(gaps_collapsed),
        cmocka_unit_test(gaps_blank_total_unsure),
        cmocka_unit_test(columns_decide),
        cmocka_unit_test(columns_decide_jointly),
        cmocka_unit_test(columns_decide_row_error),
        cmocka_unit_test(columns_decide_blank_total_or_error),
        cmocka_unit_test(columns_cannot_decide),
        cmocka_unit_test(column_typo_elsewhere),
        cmocka_unit_test(columns_contradict),
        cmocka_unit_test(columns_contradict_row_decides),
        cmocka_unit_test(columns_contradict_gaps),
        cmocka_unit_test(appeal_run),
        cmocka_unit_test(appeal_run_wide),
        cmocka_unit_test(appeal_ambiguous),
        cmocka_unit_test(appeal_gaps_budget),
        cmocka_unit_test(gap_without_runs_through_placement),
        cmocka_unit_test(active_one_split),
        cmocka_unit_test(active_several),
        cmocka_unit_test(active_several_2021),
        cmocka_unit_test(bound_long_run),
        cmocka_unit_test(bound_many_rows),
        cmocka_unit_test(bound_many_true_rows),
        cmocka_unit_test(through_placement),
        cmocka_unit_test(amount_decimal),
        cmocka_unit_test(amount_leading_zero),
        cmocka_unit_test(amount_unit),
        cmocka_unit_test(amount_not_amount),
        cmocka_unit_test(changes_ranked),
        cmocka_unit_test(strip_table2),
        cmocka_unit_test(flat_documents),
        cmocka_unit_test(strip_marks),
        cmocka_unit_test(nodes_shape_ranked),
        cmocka_unit_test(nodes_appeal_fit),
        cmocka_unit_test(minus_placeholder_or_sign),
        cmocka_unit_test(minus_sign_only_cut),
        cmocka_unit_test(minus_several_cuts),
    };
    return cmocka_run_group_tests_name("split", tests, NULL, NULL);
}
