/* report.c - the report record: tables, cells, findings. */
#include "ogi_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ogi/error.h"
#include "ogi/report.h"

ogi_report_t *
ogi_report_new(ogi_arena_t *arena)
{
    ogi_report_t *r = ogi_arena_calloc(arena, 1, sizeof(*r));
    if (!r)
        return NULL;
    r->arena = arena;
    r->content_type = "text/plain";
    for (int i = 0; i < OGI_TABLE_COUNT; i++)
        r->tables[i].skel = ogi_skeleton_table((ogi_table_id_t)i);
    return r;
}

int
ogi_report_table_init(ogi_report_t *self, ogi_table_id_t id)
{
    ogi_table_t *t = &self->tables[id];
    if (t->present)
        return 0;
    size_t n = t->skel->nrows * t->skel->ncols;
    t->cells = ogi_arena_calloc(self->arena, n, sizeof(ogi_cell_t));
    t->row_found = ogi_arena_calloc(self->arena, t->skel->nrows, 1);
    if (!t->cells || !t->row_found)
        return OGI_ENOMEM;
    t->present = 1;
    return 0;
}

ogi_cell_t *
ogi_report_cell(const ogi_report_t *self, ogi_table_id_t id, size_t row,
                size_t col)
{
    if ((unsigned)id >= OGI_TABLE_COUNT)
        return NULL;
    const ogi_table_t *t = &self->tables[id];
    if (!t->present || row >= t->skel->nrows || col >= t->skel->ncols)
        return NULL;
    return &t->cells[row * t->skel->ncols + col];
}

/* Whether row `row` of skeleton sk is in the report's shape: not a group
 * row, and of the one shape of Table 3 （六） the report has. */
static int
in_shape(const ogi_report_t *self, const ogi_skel_table_t *sk, size_t row)
{
    if (row >= sk->nrows)
        return 0;
    unsigned f = sk->rows[row].flags;
    if (f & OGI_ROW_GROUP)
        return 0;
    if (f & OGI_ROW_OTHER1)
        return self->apply_other_rows == 1;
    if (f & OGI_ROW_OTHER3)
        return self->apply_other_rows == 3;
    return 1;
}

int
ogi_report_row_in_shape(const ogi_report_t *self, ogi_table_id_t id,
                        size_t row)
{
    const ogi_skel_table_t *sk = (unsigned)id < OGI_TABLE_COUNT &&
                                         self->tables[id].skel
                                     ? self->tables[id].skel
                                     : ogi_skeleton_table(id);
    return in_shape(self, sk, row);
}

int
ogi_report_next_cell(const ogi_report_t *self, ogi_cell_iter_t *it)
{
    /* a fresh iterator starts at the first cell, a used one after its
     * current cell */
    if (it->next_ == 0) {
        it->table = 0;
        it->row = 0;
        it->col = 0;
    } else if (++it->col < self->tables[it->table].skel->ncols) {
        /* the next cell of the same row, known to be in shape */
        const ogi_table_t *t = &self->tables[it->table];
        it->cell = &t->cells[it->row * t->skel->ncols + it->col];
        it->next_++;
        return 1;
    }
    for (; (unsigned)it->table < OGI_TABLE_COUNT;
         it->table++, it->row = 0, it->col = 0) {
        const ogi_table_t *t = &self->tables[it->table];
        if (!t->present)
            continue;
        const ogi_skel_table_t *sk = t->skel;
        for (; it->row < sk->nrows; it->row++, it->col = 0) {
            if (!in_shape(self, sk, it->row))
                continue;
            if (it->col < sk->ncols) {
                it->cell = &t->cells[it->row * sk->ncols + it->col];
                it->next_++;
                return 1;
            }
        }
    }
    it->cell = NULL;
    return 0;
}

int
ogi_report_add_finding(ogi_report_t *self, const char *rule,
                       ogi_severity_t severity, const char *path,
                       const char *fmt, ...)
{
    if (self->nfindings == self->findings_cap) {
        size_t cap = self->findings_cap ? self->findings_cap * 2 : 16;
        ogi_finding_t *f =
            ogi_arena_grow(self->arena, self->findings,
                           self->nfindings * sizeof(*f), cap * sizeof(*f));
        if (!f)
            return OGI_ENOMEM;
        self->findings = f;
        self->findings_cap = cap;
    }
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    ogi_finding_t *f = &self->findings[self->nfindings];
    f->rule = rule;
    f->severity = severity;
    f->path = ogi_arena_strdup(self->arena, path ? path : "");
    f->message = ogi_arena_strdup(self->arena, buf);
    if (!f->path || !f->message)
        return OGI_ENOMEM;
    self->nfindings++;
    return 0;
}

char *
ogi_report_path(ogi_table_id_t id, size_t row, long col, char *buf,
                size_t size)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table(id);
    if (row >= sk->nrows) {
        snprintf(buf, size, "%s", sk->path);
    } else if (col < 0 || (size_t)col >= sk->ncols) {
        snprintf(buf, size, "%s.%s", sk->path, sk->rows[row].key);
    } else {
        snprintf(buf, size, "%s.%s.%s", sk->path, sk->rows[row].key,
                 sk->cols[col].key);
    }
    return buf;
}

double
ogi_cell_number(const ogi_cell_t *cell)
{
    if (cell->state != OGI_CELL_NUM)
        return 0.0;
    double v = (double)cell->value;
    for (unsigned i = 0; i < cell->scale; i++)
        v /= 10.0;
    return v;
}

const char *
ogi_status_name(ogi_status_t status)
{
    switch (status) {
        case OGI_STATUS_OK:
            return "ok";
        case OGI_STATUS_HAS_ERRORS:
            return "has_errors";
        case OGI_STATUS_REJECTED:
            return "rejected";
    }
    return "rejected";
}

const char *
ogi_severity_name(ogi_severity_t severity)
{
    switch (severity) {
        case OGI_SEV_INFO:
            return "info";
        case OGI_SEV_WARNING:
            return "warning";
        case OGI_SEV_ERROR:
            return "error";
    }
    return "error";
}

const char *
ogi_level_name(ogi_level_t level)
{
    switch (level) {
        case OGI_LEVEL_PROVINCE:
            return "province";
        case OGI_LEVEL_CITY:
            return "city";
        case OGI_LEVEL_COUNTY:
            return "county";
        case OGI_LEVEL_TOWNSHIP:
            return "township";
        case OGI_LEVEL_DEPARTMENT:
            return "department";
        case OGI_LEVEL_UNKNOWN:
            break;
    }
    return NULL;
}

const char *
ogi_unit_name(ogi_unit_t unit)
{
    switch (unit) {
        case OGI_UNIT_YUAN:
            return "yuan";
        case OGI_UNIT_WAN_YUAN:
            return "wan_yuan";
        case OGI_UNIT_NONE:
            break;
    }
    return NULL;
}
