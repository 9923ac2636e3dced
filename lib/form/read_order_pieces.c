/*
 * read_order_pieces.c - the reading-order reader's second step
 * (read_order_int.h): a region's items as pieces, single values and
 * blocks of values laid out column by column.
 */
#include "ogi_int.h"

#include <stdint.h>
#include <string.h>

#include "ogi/error.h"
#include "read_order_int.h"

int64_t
ogi__order_item_count(const order_t *o, const item_t *it)
{
    ogi_num_t num;
    const char *s = it->js ? it->js : o->t->s + it->a;
    size_t n = it->js ? it->jn : it->b - it->a;
    ogi_num_kind_t k = ogi_number_parse(s, n, &num);
    if (k == OGI_NUM_PLACEHOLDER)
        return 0;
    if (k != OGI_NUM_VALUE || num.scale || num.value < 0 ||
        num.value > INT32_MAX)
        return -1;
    return num.value;
}

/* A group: numbers on consecutive lines (one block of one column). */
typedef struct {
    size_t first; /* item index */
    size_t n;
} group_t;

/*
 * Turns the groups g[0..ng) (separated only by blank lines) into value
 * pieces: a run of groups of one line each gives single values; a run of
 * m groups of k >= 2 lines gives k rows of m values, column by column.
 * With width (> 0), a run of width * j column groups is j blocks side by
 * side, each width columns wide.
 */
static void
add_groups(order_t *o, const group_t *g, size_t ng, size_t width, uint32_t *bid)
{
    size_t i = 0;
    while (i < ng) {
        size_t j = i + 1;
        while (j < ng && g[j].n == g[i].n)
            j++;
        size_t k = g[i].n;
        /* one group alone is a row's cells one per line, not a column:
         * a column block has a group per column */
        if (k == 1 || j - i == 1) {
            for (size_t q = i; q < j; q++)
                for (size_t r = 0; r < g[q].n; r++) {
                    piece_t *p = &o->pieces[o->npieces++];
                    memset(p, 0, sizeof(*p));
                    p->first = (uint32_t)o->nvals;
                    p->count = 1;
                    p->bid = (*bid)++;
                    o->vals[o->nvals++] = (uint32_t)(g[q].first + r);
                }
            i = j;
            continue;
        }
        size_t m = j - i;
        size_t chunk = width && m > width && m % width == 0 ? width : m;
        o->chunked |= chunk != m;
        for (size_t c0 = i; c0 < j; c0 += chunk) {
            for (size_t r = 0; r < k; r++) {
                piece_t *p = &o->pieces[o->npieces++];
                memset(p, 0, sizeof(*p));
                p->block = 1;
                p->first = (uint32_t)o->nvals;
                p->count = (uint32_t)chunk;
                p->bid = *bid;
                for (size_t c = c0; c < c0 + chunk; c++)
                    o->vals[o->nvals++] = (uint32_t)(g[c].first + r);
            }
            (*bid)++;
        }
        i = j;
    }
}

/*
 * The pieces of the region in reading order. Every value item lands in
 * exactly one value piece, so pieces and values never outnumber items.
 */
int
ogi__order_make_pieces(order_t *o, size_t width, ogi_arena_t *arena)
{
    group_t *g = ogi_arena_alloc(arena, (o->nitems + 1) * sizeof(*g));
    if (!g)
        return OGI_ENOMEM;
    uint32_t bid = 0;
    size_t i = 0;
    o->chunked = 0;
    while (i < o->nitems) {
        const item_t *it = &o->items[i];
        if (it->kind == IT_GAP) {
            i++;
            continue;
        }
        if (it->kind == IT_TEXT) {
            piece_t *p = &o->pieces[o->npieces++];
            memset(p, 0, sizeof(*p));
            p->text = 1;
            p->item = (uint32_t)i;
            i++;
            continue;
        }
        /* groups separated by nothing but blank lines */
        size_t ng = 0;
        while (i < o->nitems && o->items[i].kind != IT_TEXT) {
            if (o->items[i].kind == IT_GAP) {
                i++;
                continue;
            }
            size_t s = i;
            while (i < o->nitems && o->items[i].kind == IT_NUM)
                i++;
            g[ng].first = s;
            g[ng].n = i - s;
            ng++;
        }
        add_groups(o, g, ng, width, &bid);
    }
    return 0;
}
