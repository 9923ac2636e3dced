/*
 * split_int.h - runs of digits split into cells by the format's arithmetic.
 *
 * Text saved without separators runs the digits of adjacent cells
 * together: "（一）予以公开7000007" is the seven cells 7 0 0 0 0 0 7. The
 * readers keep such a run whole (OGI__CELL_RUN); placement hands the rows
 * it could not fit to the splitter, which searches the splits that satisfy
 * every identity of the table at once (the skeleton's identities, the same
 * the validator checks). One split survives: placed, with an info finding
 * (P5). Several: the most plausible is placed and a warning names the
 * others (P6). None: the run is left unsplit and flagged (P8), never
 * guessed. The search is bounded. Private to lib/.
 */
#ifndef OGI_SPLIT_INT_H
#define OGI_SPLIT_INT_H

#include <stddef.h>

#include "ogi/report.h"
#include "table_int.h"

/* Cells of one skeleton table to fill from a row's pieces. */
typedef struct {
    size_t first;  /* first cell to fill, row-major in the skeleton table
                      (row * ncols + col) */
    size_t ncells; /* how many cells the pieces fill, in order */
    const ogi__cell_t *const *pieces; /* VALUE / BLANK pieces are one cell
                                         each; a RUN piece one or more */
    size_t npieces;
} ogi__split_span_t;

/*
 * The piece between the values of a row whose places a text kept no
 * trace of (blank cells vanished: a crawler's text of one text node per
 * cell, the empty ones dropped): zero or more blank cells. A span holding
 * it is free: its values in order, its total maybe blank, placed by the
 * table's identities, the likeliest where they leave several (P6), never
 * left unsplit for that.
 */
extern const ogi__cell_t ogi__split_free_gap;

/* The most cells pieces[0..n) can fill: a run one per digit, a gap its
 * most blank cells (one per no-break space, or up to MAX_GAP_CELLS
 * whatever they are), a run of marks one per mark, any other piece one. */
size_t ogi__split_most_cells(const ogi__cell_t *const *pieces, size_t n);

/* Whether a free span of n values for ncells cells has few enough
 * placements to try them all (the splitter's bound on layouts). */
int ogi__split_free_fits(size_t ncells, size_t n);

/*
 * Fills the cells of spans[0..n) of table id in r from their pieces, the
 * other cells of the table (already placed) taking part in its identities.
 * g is the table model the pieces came from. Returns 0 or OGI_ENOMEM;
 * what cannot be split is a finding, not an error.
 */
int ogi__split_runs(ogi_report_t *r, const ogi__table_t *g, ogi_table_id_t id,
                    const ogi__split_span_t *spans, size_t n);

/*
 * How seldom column col of table id holds a count other than 0, as
 * agencies report: 0 (often) and up. Table 3's applicants: companies
 * apply most often, then law firms and other organisations; research
 * institutes and public-interest bodies almost never (in the 416 rows of
 * real reports ogi is tested on: 43, 14 and 5 counts, none in the last
 * two). Where nothing else tells placements apart, counts go where counts
 * usually are.
 */
int ogi__split_col_rarity(ogi_table_id_t id, size_t col);

#ifdef OGI__SPLIT_INTERNAL
/*
 * The splitter's own state, shared by its files (split.c: instances and
 * the stages in turn; split_walk.c and split_cuts.c: the splits of one
 * span; split_across.c: the identities across spans; split_tell.c:
 * placing and telling). Only they define
 * OGI__SPLIT_INTERNAL.
 */
#include <stdint.h>

#include "ogi/skeleton.h"

/* No count comes near 10^15, and sums of a few dozen such cells fit
 * int64. */
#define MAX_CELL_DIGITS     15
#define MAX_RUN_DIGITS      40  /* a longer run is left unsplit at once */
#define OGI__SPLIT_MAX_COLS 16  /* columns of any table of the format */
#define MAX_CELLS           64  /* cells of one span */
#define MAX_PIECES          64  /* pieces of one span */
#define MAX_LAYOUTS         512 /* ways to share a span's cells among its runs */
#define MAX_FREE_LAYOUTS                                                       \
    4096                     /* of a free span of values alone: each           \
                                layout is one split (MAX_CANDS) */
#define MAX_CANDS       4096 /* splits kept per span */
#define MAX_SPAN_NODES  (1L << 18)
#define MAX_CALL_NODES  (1L << 22)
#define MAX_JOINT_NODES (1L << 17)
#define MAX_INST_CELLS  48   /* cells of one instance (D1: 22) */
#define MAX_SPAN_INST   64   /* instances within one span */
#define MAX_SUMSET      4096 /* sums tracked when testing an instance */
#define MAX_ROUNDS      64   /* rounds of narrowing by bounds */
#define MAX_SHOWN       6    /* other splits named in a P6 finding */
#define MSG_SIZE        1024
/* cuts of a row no cut keeps whole, left to the columns (shape_only 4) */
#define MAX_WIDE_CUTS 64

/* What a cell of a span holds under a layout. */
enum {
    K_RUN = 0, /* a cut of a run: a count */
    K_NUM,     /* a VALUE piece's integer */
    K_ZERO,    /* a blank or a placeholder: 0 in the arithmetic */
    K_OPAQUE,  /* no integer: identities through it are not assessable */
};

/* Why a span was left unsplit (0: it was not). */
enum {
    F_OK = 0,
    F_NONE,  /* no split fits its rows */
    F_LONG,  /* a run too long to try */
    F_CHARS, /* a run that is not plain digits */
    F_MANY,  /* more splits fit than are kept */
    F_WORK,  /* the walk ran out of steps */
    F_SHAPE, /* the pieces cannot fill the cells */
    F_JOINT, /* its splits fit its rows but not the table's columns */
};

typedef struct {
    uint8_t k[MAX_PIECES];    /* cells each piece fills */
    uint8_t kind[MAX_CELLS];  /* K_* of each cell */
    uint8_t piece[MAX_CELLS]; /* the piece each cell comes from */
    int64_t fixed[MAX_CELLS]; /* value of K_NUM cells, else 0 */
    uint8_t neg[MAX_CELLS];   /* a run cell written after a minus sign */
} layout_t;

typedef struct {
    int soft;     /* soft relations broken */
    int blank;    /* row identities not kept: one for a total left blank
                     beside values (unchecked), two for a total printed
                     that its parts do not make (where the shape alone
                     reads the row) */
    int odd;      /* gaps read as other than one blank cell per no-break
                     space, marks ("--") as more than one placeholder */
    int implaus;  /* changes (本年增/减) larger than the stock before them,
                     flows (本年制发) larger than the stock beside them */
    int64_t bare; /* size of the changes written without a sign: most
                     changes are none, and one that is not is written
                     with its sign (+3, 减 2) more often than not */
    int multi;    /* run cells of more than one digit, where most cells
                     are small (not in a table of amounts or changes) */
    int64_t sum;  /* of the run cells, amounts apart */
    int64_t max;  /* largest run cell */
    int rare;     /* counts put in columns that seldom hold one (Table 3's
                     research institutes, public-interest organisations):
                     the last word, where nothing else tells splits apart */
} score_t;

/* An instance of an identity (or soft relation) at one row or column. */
typedef struct {
    const char *rule;              /* "D2" */
    int ident;                     /* 1: Σ = 0; 0: soft, Σ ≤ 0 */
    int along_rows;                /* an instance of a row, not of a column */
    size_t n;                      /* its cells in spans */
    uint32_t cell[MAX_INST_CELLS]; /* table cell indexes */
    int8_t sign[MAX_INST_CELLS];   /* +1 lhs, -1 rhs */
    int64_t fixed;                 /* signed sum of the placed cells */
    int opaque;                    /* a placed cell holds no integer */
    long span;                     /* the one span it touches, -1 for
                                      several, -2 for none, -3 when its
                                      span's walk checks it */
    int kept;                      /* a cross instance that decides */
} inst_t;

typedef struct {
    const ogi__split_span_t *sp;   /* its pieces, signs set apart */
    const ogi__split_span_t *orig; /* its pieces as read */
    int8_t sign[MAX_PIECES];       /* a sign piece: -2 "-" (a sign or a
                                      placeholder), -1 "减", +1 "+" or
                                      "增"; 0 any other piece */
    uint8_t frac[MAX_PIECES];      /* decimals of a run's last cell (an
                                      amount: "634893.9" is 1) */
    uint8_t unit[MAX_PIECES];      /* ogi_unit_t written after a run ("元") */
    int fail;                      /* F_* */
    layout_t *lay;                 /* ways its cells share among its runs */
    size_t nlay;                   /* their count */
    int64_t *vals;                 /* ncand rows of sp->ncells values */
    uint16_t *layof;               /* layout of each split */
    score_t *score;                /* plausibility of each split */
    size_t ncand, cap;             /* splits kept, room for */
    uint8_t *alive;                /* splits still possible */
    uint8_t *insol;                /* splits seen in a joint solution */
    size_t nalive;                 /* how many */
    size_t chosen;                 /* the split placed */
    uint32_t inst[MAX_SPAN_INST];  /* instances touching only this span */
    size_t ninst;                  /* their count */
    long joint;                    /* position in the joint search, or -1 */
    int gaps;                      /* 1: gaps may hold blank cells; 2: and
                                      runs of marks several placeholders */
    int neg_ok;                    /* a minus before digits may be a
                                      negative count's sign (the cuts of
                                      the digits alone, shape_only 1) */
    int shape_only;                /* 1: its one split is the only cut of
                                      its digits, and breaks the arithmetic;
                                      2: its splits read each gap as one
                                      blank cell per no-break space and
                                      leave a total blank: not printed,
                                      the identities through it unchecked;
                                      3: as 2 with gaps of up to
                                      MAX_GAP_CELLS blanks (white space
                                      collapsed): placed only when one
                                      split is left;
                                      4: no cut keeps its row's identities
                                      and its cuts are many: up to
                                      MAX_WIDE_CUTS, the identities down
                                      the columns choosing */
    int gap_exact;                 /* each gap holds one blank cell per
                                      no-break space, no more, no fewer */
    int gap_loose;                 /* each gap up to MAX_GAP_CELLS blank
                                      cells, whatever its no-break spaces */
    size_t gap_budget;             /* most blank cells its gaps may hold
                                      in all (0: each gap its own bound) */
    uint64_t totals;               /* bit p: cell p is the total of one of
                                      its rows (an identity's rhs) */
    int free;                      /* it holds ogi__split_free_gap */
} span_t;

typedef struct {
    ogi_report_t *r;
    const ogi__table_t *g;
    ogi_table_id_t id;
    const ogi_skel_table_t *sk;
    size_t tcells;  /* cells of the table */
    int16_t *owner; /* per table cell: the span filling it, or -1 */
    uint8_t *opos;  /* per table cell: its position in that span */
    span_t *spans;
    size_t nspans;
    inst_t *inst;
    size_t ninst;
    long work;                         /* steps left for this call */
    int rc;                            /* OGI_ENOMEM met deep inside */
    int64_t *set_a, *set_b;            /* sumset buffers, MAX_SUMSET each */
    uint8_t rare[OGI__SPLIT_MAX_COLS]; /* per column: how seldom it holds a
                                          count other than 0 (0: often) */
    int free_wild; /* the free spans' cells are no integers to
                      the identities across spans (their
                      placements broke the table's columns) */
    int collapsed; /* its text collapsed white space: a gap's one
                      no-break space stands for any number of blank
                      cells (collapsed_gaps) */
} ctx_t;

/* Whether table cell `cell` is in an amount column (采购总金额). */
int ogi__split_amount_at(const ctx_t *cx, size_t cell);

/* -1, 0 or 1 as split a ranks before, with or after split b. */
int ogi__split_score_cmp(const score_t *a, const score_t *b);

/* Stage 1: every split of span s that the identities along its rows
 * allow, into s (or s->fail). Returns 0 or OGI_ENOMEM. */
int ogi__split_span_walk(ctx_t *cx, span_t *s);

/* Stage 1 again for span s, a row read with its total left blank and
 * each gap one blank cell per no-break space (shape_only 2): its gaps
 * now up to MAX_GAP_CELLS blank cells each, whatever the no-break spaces
 * (shape_only 3). Returns 0 or OGI_ENOMEM; s->fail when none fits. */
int ogi__split_span_loosen(ctx_t *cx, span_t *s);

/* Stage 1 again for span s, a row read with its total left blank that
 * the columns leave open: the cuts of its digits alone, its row's
 * identities unchecked (shape_only 1 or 4). Returns 0 or OGI_ENOMEM;
 * s->fail when they are none or too many. */
int ogi__split_span_shape(ctx_t *cx, span_t *s);

/* Whether cell p of s under split c is a total its row left blank (a
 * gap's blank where the row's total stands, in a row read with its total
 * left blank): not printed, it is no 0 in the identities down the
 * columns either. */
int ogi__split_unset_total(const span_t *s, size_t c, size_t p);

/* Stage 2: the identities down the columns narrow the spans' splits and
 * choose each span's. Returns 0 or OGI_ENOMEM. */
int ogi__split_across(ctx_t *cx);

/* 1 when an identity down the columns through span si holds under no
 * combination of the live splits (its cells assessable): the columns
 * refute si's split. 0, or OGI_ENOMEM. */
int ogi__split_refuted(ctx_t *cx, size_t si);
/* Most blank cells one gap may stand for. */
#define MAX_GAP_CELLS 6
/* Most blank cells all gaps of a span may stand for when their layouts
 * are too many to try at once. */
#define MAX_GAP_BUDGET 6

typedef struct {
    ctx_t *cx;
    span_t *s;
    size_t li; /* layout walked */
    const layout_t *l;
    size_t ncells;
    int64_t v[MAX_CELLS];           /* the cells chosen so far */
    uint8_t known[MAX_CELLS];       /* v[p] is chosen, or not a run's */
    int64_t runmax[MAX_CELLS];      /* largest value a cell of a run not yet
                                       begun can take */
    uint8_t use[MAX_SPAN_INST];     /* instance assessable in this layout */
    uint8_t blanked[MAX_SPAN_INST]; /* not, for a total read as blank
                                       beside cells that hold something */
    long nodes;                     /* steps left for this span */
    int shape_only;                 /* the identities are not checked: the
                                       cuts the digits allow at all */
    size_t shape_cuts;              /* the cuts kept when shape_only: one,
                                       or, with a minus a placeholder or a
                                       sign, up to MAX_SHOWN */
    int odd;                        /* score_t.odd of the layout walked */
    int blank_total;                /* an identity whose total side holds
                                       a gap's blank cell is not checked */
} walk_t;

/* The run being cut: its piece, and the digits and cells still to cut
 * (its last cell, chosen first, not counted). */
typedef struct {
    long piece; /* -1 between runs */
    size_t rem;
    size_t left;
} cut_t;

/* Blank cells a piece may stand for when it is a gap (a BLANK piece with
 * text), 0 when it is not one. */
size_t ogi__split_gap_cells(const ogi__cell_t *p);
/* A one-cell piece as the arithmetic reads it: K_ZERO, K_NUM (its value
 * into *v) or K_OPAQUE. */
int ogi__split_piece_kind(const ogi__cell_t *p, int64_t *v);
/* Whether cell `at` of s is in a signed column (本年增/减). */
int ogi__split_signed_at(const ctx_t *cx, const span_t *s, size_t at);
/* 10 to the digits (at most MAX_CELL_DIGITS). */
int64_t ogi__split_pow10(size_t digits);
/* The walk over the cuts of w's layout from cell p (split_cuts.c): dig
 * the digits left of the run being cut, cut its state. 1 when the walk
 * stopped (a bound met, or out of memory). */
int ogi__split_walk_cuts(walk_t *w, size_t p, const char *dig, cut_t *cut);

/* Stage 3 for span s (split_tell.c): its split placed and told (P5, P6
 * or P8). 0, or OGI_ENOMEM. */
int ogi__split_tell(ctx_t *cx, const span_t *s);

#endif /* OGI__SPLIT_INTERNAL */

#endif /* OGI_SPLIT_INT_H */
