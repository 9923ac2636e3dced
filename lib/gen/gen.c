/*
 * gen.c - generated reports with known truth: options, the PRNG, and the
 * order of the steps (content, then the text in its layout, then the
 * expected findings, then the truth's document fields).
 *
 * Same options, same bytes: the PRNG is splitmix64 (Steele, Lea and
 * Flood 2014), every draw is an integer, and nothing depends on the
 * locale, the time or the address of anything.
 */
#include "ogi_int.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_int.h"
#include "ogi/error.h"
#include "ogi/hash.h"
#include "ogi/json.h"
#include "ogi/parse.h"

/* ---- names ---- */

static const char *const layout_names[] = {
#define OGI__GEN_LAYOUT_NAME(name, str, doc) str,
    OGI_GEN_LAYOUT_MAP(OGI__GEN_LAYOUT_NAME)
#undef OGI__GEN_LAYOUT_NAME
};

static const char *const layout_docs[] = {
#define OGI__GEN_LAYOUT_DOC(name, str, doc) doc,
    OGI_GEN_LAYOUT_MAP(OGI__GEN_LAYOUT_DOC)
#undef OGI__GEN_LAYOUT_DOC
};

static const char *const error_names[] = {
#define OGI__GEN_ERROR_NAME(name, str) str,
    OGI_GEN_ERROR_MAP(OGI__GEN_ERROR_NAME)
#undef OGI__GEN_ERROR_NAME
};

static const char *const base_names[] = {"cell", "tabrow", "pdf", "markdown",
                                         "html"};

const char *
ogi_gen_layout_name(ogi_gen_layout_t layout)
{
    return (unsigned)layout < OGI_GEN_LAYOUT_COUNT ? layout_names[layout]
                                                   : NULL;
}

const char *
ogi_gen_layout_doc(ogi_gen_layout_t layout)
{
    return (unsigned)layout < OGI_GEN_LAYOUT_COUNT ? layout_docs[layout] : NULL;
}

int
ogi_gen_layout_find(const char *name)
{
    for (int i = 0; i < OGI_GEN_LAYOUT_COUNT; i++)
        if (strcmp(layout_names[i], name) == 0)
            return i;
    return -1;
}

int
ogi_gen_layout_parsed(ogi_gen_layout_t layout)
{
    return layout != OGI_GEN_HTML && (unsigned)layout < OGI_GEN_LAYOUT_COUNT;
}

const char *
ogi_gen_error_name(ogi_gen_error_t error)
{
    return (unsigned)error < OGI_GEN_ERR_COUNT ? error_names[error] : NULL;
}

/* ---- the PRNG ---- */

uint64_t
ogi__rng_next(ogi__rng_t *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int64_t
ogi__rng_range(ogi__rng_t *r, int64_t lo, int64_t hi)
{
    assert(hi >= lo);
    uint64_t span = (uint64_t)(hi - lo) + 1;
    if (span == 0)
        return (int64_t)ogi__rng_next(r);
    /* rejection keeps it uniform; the loop almost never repeats */
    uint64_t lim = UINT64_MAX - UINT64_MAX % span;
    uint64_t x;
    do {
        x = ogi__rng_next(r);
    } while (x >= lim);
    return lo + (int64_t)(x % span);
}

int
ogi__rng_chance(ogi__rng_t *r, unsigned num, unsigned den)
{
    return (unsigned)ogi__rng_range(r, 0, (int64_t)den - 1) < num;
}

/* ---- strings in the arena ---- */

void
ogi__sb_init(ogi__sb_t *b, ogi_arena_t *arena)
{
    memset(b, 0, sizeof(*b));
    b->arena = arena;
}

static int
sb_reserve(ogi__sb_t *b, size_t more)
{
    if (b->oom)
        return -1;
    if (b->len + more + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = ogi_arena_grow(b->arena, b->s, b->len, cap);
    if (!s) {
        b->oom = 1;
        return -1;
    }
    b->s = s;
    b->cap = cap;
    return 0;
}

void
ogi__sb_addn(ogi__sb_t *b, const char *s, size_t n)
{
    if (sb_reserve(b, n))
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void
ogi__sb_add(ogi__sb_t *b, const char *s)
{
    ogi__sb_addn(b, s, strlen(s));
}

void
ogi__sb_addf(ogi__sb_t *b, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof(buf)) {
        ogi__sb_addn(b, buf, (size_t)n);
        return;
    }
    if (sb_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *
ogi__sb_str(ogi__sb_t *b)
{
    if (!b->s)
        ogi__sb_addn(b, "", 0);
    return b->oom ? NULL : b->s;
}

/* What a string of the generator is when memory ran out: empty, so that
 * the steps go on to their end, where g->oom turns into OGI_ENOMEM. Never
 * written to. */
static char oom_empty[1];

char *
ogi__gen_strf(ogi__gen_t *g, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(buf)) {
        g->oom = 1; /* no generated string is this long */
        return oom_empty;
    }
    char *s = ogi_arena_strndup(g->arena, buf, (size_t)n);
    if (!s) {
        g->oom = 1;
        return oom_empty;
    }
    return s;
}

char *
ogi__gen_sb(ogi__gen_t *g, ogi__sb_t *b)
{
    char *s = ogi__sb_str(b);
    if (!s) {
        g->oom = 1;
        return oom_empty;
    }
    return s;
}

/* ---- the truth's cells ---- */

ogi_cell_t *
ogi__gen_cell(ogi__gen_t *g, ogi_table_id_t id, size_t row, size_t col)
{
    ogi_cell_t *c = ogi_report_cell(g->truth, id, row, col);
    assert(c);
    return c;
}

void
ogi__gen_set(ogi__gen_t *g, ogi_table_id_t id, size_t row, size_t col,
             int64_t v)
{
    ogi_cell_t *c = ogi__gen_cell(g, id, row, col);
    c->state = OGI_CELL_NUM;
    c->scale = 0;
    c->value = v;
}

/* ---- the steps ---- */

/* Which flattening each layout's quirk sits on; several are drawn. */
static ogi__base_t
pick_base(ogi__gen_t *g)
{
    ogi__rng_t *r = &g->rng;
    switch (g->opts.layout) {
        case OGI_GEN_CELL:
        case OGI_GEN_SPLIT:
        case OGI_GEN_VERTICAL:
            return OGI__BASE_CELL;
        case OGI_GEN_TABROW:
            return OGI__BASE_TABROW;
        case OGI_GEN_PDF:
            return OGI__BASE_PDF;
        case OGI_GEN_MARKDOWN:
            return OGI__BASE_MARKDOWN;
        case OGI_GEN_HTML:
            return OGI__BASE_HTML;
        case OGI_GEN_SPACED:
        case OGI_GEN_NOLABEL:
        case OGI_GEN_BLANKS:
            /* blank cells have no place of their own in aligned columns */
            return ogi__rng_chance(r, 1, 2) ? OGI__BASE_CELL : OGI__BASE_TABROW;
        case OGI_GEN_PAGEBREAK:
        case OGI_GEN_JUNK:
        case OGI_GEN_WIDTH:
        case OGI_GEN_HEADINGS:
        case OGI_GEN_NOTITLE:
        case OGI_GEN_LAYOUT_COUNT:
            break;
    }
    return (ogi__base_t)ogi__rng_range(r, OGI__BASE_CELL, OGI__BASE_PDF);
}

/* The truth's document fields, from the text. */
static int
finish_truth(ogi__gen_t *g, ogi_gen_doc_t *out, const char *name)
{
    ogi_report_t *t = g->truth;
    ogi_hash_sha256_hex(out->text, out->len, t->doc_key);
    t->source_bytes = out->len;
    t->encoding = "utf-8";
    if (name && !(t->source_name = ogi_arena_strdup(g->arena, name)))
        return OGI_ENOMEM;
    t->status = OGI_STATUS_OK;
    for (size_t i = 0; i < t->nfindings; i++)
        if (t->findings[i].severity == OGI_SEV_ERROR)
            t->status = OGI_STATUS_HAS_ERRORS;
    return 0;
}

int
ogi_gen_report(ogi_arena_t *arena, const ogi_gen_opts_t *opts, const char *name,
               ogi_gen_doc_t *out)
{
    memset(out, 0, sizeof(*out));
    if (!arena || !opts || (unsigned)opts->layout >= OGI_GEN_LAYOUT_COUNT ||
        (opts->format != OGI_FORMAT_UNKNOWN &&
         opts->format != OGI_FORMAT_2019 && opts->format != OGI_FORMAT_2021) ||
        !(opts->error_rate >= 0.0 && opts->error_rate <= 1.0))
        return OGI_EINVAL;
    ogi__gen_t *g = ogi_arena_calloc(arena, 1, sizeof(*g));
    if (!g)
        return OGI_ENOMEM;
    g->arena = arena;
    g->opts = *opts;
    /* the seed goes through one round first, so that seeds 1, 2, 3...
     * start far apart */
    g->rng.s = opts->seed;
    g->rng.s = ogi__rng_next(&g->rng);
    g->truth = ogi_report_new(arena);
    if (!g->truth)
        return OGI_ENOMEM;
    ogi__sb_init(&g->out, arena);
    g->base = pick_base(g);

    int rc = ogi__gen_content(g);
    if (!rc)
        rc = ogi__gen_render(g);
    if (!rc)
        rc = ogi__gen_expect(g);
    if (!rc && (g->oom || g->out.oom))
        rc = OGI_ENOMEM;
    if (rc)
        return rc;
    out->text = g->out.s;
    out->len = g->out.len;
    out->truth = g->truth;
    out->layout = opts->layout;
    out->base = base_names[g->base];
    out->error = g->error;
    out->error_detail = g->error_detail ? g->error_detail : "";
    return finish_truth(g, out, name);
}

char *
ogi_gen_truth_json(const ogi_gen_doc_t *doc, uint64_t seed)
{
    char *s = ogi_json_dump(doc->truth, 0);
    if (!s)
        return NULL;
    json_error_t err;
    json_t *root = json_loads(s, 0, &err);
    free(s);
    if (!root)
        return NULL;
    char seed_s[32];
    snprintf(seed_s, sizeof(seed_s), "%llu", (unsigned long long)seed);
    json_t *gen =
        json_pack("{s:s,s:s,s:s,s:s,s:s}", "seed", seed_s, "layout",
                  ogi_gen_layout_name(doc->layout), "base", doc->base, "error",
                  ogi_gen_error_name(doc->error), "detail", doc->error_detail);
    if (!gen || json_object_set_new(root, "gen", gen)) {
        json_decref(root);
        return NULL;
    }
    s = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
    json_decref(root);
    return s;
}
