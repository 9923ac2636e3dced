/*
 * gen_int.h - what the generator's modules share (private to lib/).
 *
 *   gen.c          options, the PRNG, the order of the steps, the truth's
 *                  bookkeeping (doc key, status, JSON)
 *   gen_content.c  the report itself: agency, contact, tables, narrative,
 *                  the injected error
 *   gen_render.c   the text, in each layout, from the skeleton's labels
 *   gen_html.c     the html page and markdown tables (gen_render_int.h)
 *   gen_expect.c   the findings the validator must give (an oracle written
 *                  from the README's rules, independent of validate.c)
 *
 * One ogi__gen_t holds a report while it is made; everything it points to
 * is in the arena. Strings are UTF-8.
 */
#ifndef OGI_GEN_INT_H
#define OGI_GEN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/arena.h"
#include "ogi/gen.h"
#include "ogi/report.h"
#include "ogi/skeleton.h"

/* ---- the PRNG: splitmix64, integers only (same bytes everywhere) ---- */

typedef struct {
    uint64_t s;
} ogi__rng_t;

uint64_t ogi__rng_next(ogi__rng_t *r);

/* Uniform in [lo, hi] (hi >= lo). */
int64_t ogi__rng_range(ogi__rng_t *r, int64_t lo, int64_t hi);

/* 1 with probability num/den. */
int ogi__rng_chance(ogi__rng_t *r, unsigned num, unsigned den);

/* A random entry of a static array. */
#define OGI__PICK(rng, arr)                                                    \
    ((arr)[ogi__rng_range((rng), 0, (int64_t)OGI_ARRAY_LEN(arr) - 1)])

/* ---- a growing string in the arena ---- */

typedef struct {
    ogi_arena_t *arena;
    char *s; /* NUL-terminated once anything was added */
    size_t len;
    size_t cap;
    int oom; /* an allocation failed: the contents are incomplete */
} ogi__sb_t;

void ogi__sb_init(ogi__sb_t *b, ogi_arena_t *arena);
void ogi__sb_add(ogi__sb_t *b, const char *s);
void ogi__sb_addn(ogi__sb_t *b, const char *s, size_t n);
void ogi__sb_addf(ogi__sb_t *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The contents ("" when empty); never NULL unless out of memory. */
char *ogi__sb_str(ogi__sb_t *b);

/* ---- the report being made ---- */

/* How the tables are flattened under a layout's quirk. */
typedef enum {
    OGI__BASE_CELL = 0, /* one cell per line, leading tab */
    OGI__BASE_TABROW,   /* one row per line, tabs */
    OGI__BASE_PDF,      /* columns aligned with spaces */
    OGI__BASE_MARKDOWN, /* pipe tables */
    OGI__BASE_HTML,     /* <table> */
} ogi__base_t;

/* Kinds of agency. */
typedef enum {
    OGI__AG_PROVINCE = 0, /* 黑龙江省人民政府 */
    OGI__AG_CITY,         /* 松阳市人民政府 */
    OGI__AG_COUNTY, /* 松阳市江源区人民政府, 清河县人民政府 */
    OGI__AG_TOWNSHIP, /* 清河县石桥镇人民政府, 江源区东湖街道办事处 */
    OGI__AG_DEPT, /* 松阳市教育局 */
} ogi__agency_kind_t;

/* A figure quoted in the narrative (N1-N6 compare it with its cell). */
typedef struct {
    const char *rule; /* "N1" ... "N6" */
    char path[96];    /* the cell the finding names */
    int64_t value;    /* as written, scaled by 10^scale */
    int scale;
    int64_t avoid[4]; /* values the rule also accepts (never written
                         when the figure is made wrong) */
    size_t navoid;
    int amount; /* an amount (N6 fees, procurement) */
    int wrong;  /* written wrong on purpose: the finding is due */
} ogi__fact_t;

#define OGI__MAX_FACTS 16
#define OGI__MAX_PARAS 12

typedef struct {
    ogi_arena_t *arena;
    ogi__rng_t rng;
    ogi_gen_opts_t opts;
    ogi__base_t base;
    ogi_report_t *truth;

    /* who and when */
    int year;
    ogi_format_t format;
    int prov; /* index into the province table */
    ogi__agency_kind_t kind;
    const char *agency;      /* canonical: "松阳市江源区人民政府" */
    const char *title_name;  /* as the title prints it: "松阳市江源区" */
    const char *office;      /* who compiles it: "…人民政府办公室" */
    const char *we;          /* "我区", "我市", "我局" */
    const char *whole;       /* "全区", "全市", "全局" */
    const char *city;        /* the city, for addresses: "松阳市" */
    int pub_y, pub_m, pub_d; /* publication date; pub_y 0: not printed */
    int date_style;          /* 0 digits 年月日, 1 Chinese numerals, 2 ISO */
    int signature;           /* print the signer before the date */

    /* contact as printed (and read back) */
    const char *address;
    const char *postal;
    const char *phone_printed; /* "0458—3608992" */
    const char *phone;         /* "0458-3608992" */
    const char *email;
    int contact_in_other; /* the phone again in section 六 */

    /* printing choices */
    const char *headings[OGI_SEC_COUNT]; /* as printed */
    int omit_other;                      /* no section 六 at all */
    int delta_style;       /* how 本年增/减 values are written */
    int amount_unit_where; /* 2019 (九): 0 none, 1 header 万元, 2 cell 元 */
    long nolabel_row;      /* Table 3 row printed without its label, or
                              -1 */
    long missing_row;      /* Table 3 row left out (V2), or -1 */
    long pagebreak_row;    /* Table 3 row cut by a page break, or -1 */
    int junk_procurement;  /* (九) values replaced by a pasted line */
    const char **cell_text[OGI_TABLE_COUNT]; /* printed form of a cell when it
                                          is not the plain number (blank,
                                          placeholder), or NULL */

    /* narrative, per section: paragraphs as printed */
    const char *paras[OGI_SEC_COUNT][OGI__MAX_PARAS];
    size_t nparas[OGI_SEC_COUNT];
    ogi__fact_t facts[OGI__MAX_FACTS];
    size_t nfacts;

    /* the injected error */
    ogi_gen_error_t error;
    const char *error_detail;

    /* the rendered text */
    ogi__sb_t out;
    int oom;
} ogi__gen_t;

/* The words of the tables that are not the skeleton's row or column
 * labels (defined once, in gen_render.c). */
typedef struct {
    const char *note;      /* Table 3's top-left cell (勾稽关系) */
    const char *applicant; /* Table 3's column group */
    const char *legal;     /* Table 3's sub-group of columns 2-6 */
    const char *content;   /* Table 2's label column */
    const char *suit;      /* Table 4's second column group */
    const char *wan;       /* the unit 万元 */
    const char *yuan;      /* the unit 元 */
} ogi__furniture_t;

extern const ogi__furniture_t ogi__gen_furniture;

/* The printed words of a skeleton row ("行政许可"), without its number. */
const char *ogi__gen_row_words(ogi_table_id_t id, const char *key);

/* gen_content.c: draws everything but the layout's printing, fills the
 * truth's meta and tables, writes the narrative. Returns 0 or
 * OGI_ENOMEM. */
int ogi__gen_content(ogi__gen_t *g);

/* gen_render.c: the text of g in its layout into g->out; sets the truth's
 * section titles and texts. Returns 0 or OGI_ENOMEM. */
int ogi__gen_render(ogi__gen_t *g);

/* gen_expect.c: appends to g->truth the findings the validator must give.
 * Returns 0 or OGI_ENOMEM. */
int ogi__gen_expect(ogi__gen_t *g);

/* The cell (id, row, col) of the truth; never NULL for valid indexes. */
ogi_cell_t *ogi__gen_cell(ogi__gen_t *g, ogi_table_id_t id, size_t row,
                          size_t col);

/* Sets a truth cell to the integer v (scale 0). */
void ogi__gen_set(ogi__gen_t *g, ogi_table_id_t id, size_t row, size_t col,
                  int64_t v);

/* A copy of the printf-formatted string in the arena. Never NULL: out of
 * memory it is "" and g->oom is set (the caller returns OGI_ENOMEM at the
 * end). */
char *ogi__gen_strf(ogi__gen_t *g, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The contents of b, or "" with g->oom set when it ran out of memory. */
char *ogi__gen_sb(ogi__gen_t *g, ogi__sb_t *b);


/* ---- shorthands the generator's files share ---- */

/* A number in [lo, hi] from the report's generator. */
static inline int64_t
rnd(ogi__gen_t *g, int64_t lo, int64_t hi)
{
    return ogi__rng_range(&g->rng, lo, hi);
}

/* 1 with probability num/den. */
static inline int
chance(ogi__gen_t *g, unsigned num, unsigned den)
{
    return ogi__rng_chance(&g->rng, num, den);
}

/* Appends s to the report being written. */
static inline void
out(ogi__gen_t *g, const char *s)
{
    ogi__sb_add(&g->out, s);
}

/* ---- shared by the content (gen_content.c) and its narrative
 * (gen_narrative.c) ---- */

/* The report's province: its name and its abbreviation (黑, 苏). */
void ogi__gen_province(const ogi__gen_t *g, const char **name,
                       const char **abbr);

/* A value in [0, max] skewed toward small ones. */
int64_t ogi__gen_skew(ogi__gen_t *g, int64_t max);

/* The figure for the report's admin level, from one per level. */
int64_t ogi__gen_level_scale(const ogi__gen_t *g, int64_t province,
                             int64_t city, int64_t county, int64_t township,
                             int64_t dept);

/* Row and column of a skeleton table by key. */
long ogi__gen_row_of(ogi_table_id_t id, const char *key);
size_t ogi__gen_col_of(ogi_table_id_t id, const char *key);

/* The six sections' text, and the facts the narrative quotes (0 or
 * OGI_ENOMEM). */
void ogi__gen_write_overview(ogi__gen_t *g);
void ogi__gen_write_active(ogi__gen_t *g);
void ogi__gen_write_apply(ogi__gen_t *g);
void ogi__gen_write_appeal(ogi__gen_t *g);
void ogi__gen_write_problems(ogi__gen_t *g);
void ogi__gen_write_other(ogi__gen_t *g);
int ogi__gen_fill_facts(ogi__gen_t *g);

/* Whether row is a result row of Table 3 (summed by （七）总计). */
int ogi__gen_is_result_leaf(ogi__gen_t *g, size_t row);

/* The truth's figures of Table 2's items, Table 3 and Table 4
 * (gen_tables.c). Return 0 or OGI_ENOMEM. */
int ogi__gen_table_active(ogi__gen_t *g);
int ogi__gen_table_apply(ogi__gen_t *g);
int ogi__gen_table_appeal(ogi__gen_t *g);

/* Makes the report's injected error in its figures (gen_inject.c).
 * Returns 0 or OGI_ENOMEM. */
int ogi__gen_inject(ogi__gen_t *g);

#endif /* OGI_GEN_INT_H */
