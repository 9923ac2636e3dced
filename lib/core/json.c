/* json.c - the JSON record (README "The record"), built with jansson. */
#include "ogi_int.h"

#include <jansson.h>
#include <string.h>

#include "ogi/json.h"
#include "ogi/parse.h"

static json_t *
str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *
cell_json(const ogi_cell_t *c)
{
    if (c->state != OGI_CELL_NUM)
        return json_null();
    if (c->scale == 0)
        return json_integer((json_int_t)c->value);
    return json_real(ogi_cell_number(c));
}

/* The object at dotted path under root, created as needed. */
static json_t *
object_at(json_t *root, const char *path)
{
    char buf[128];
    snprintf(buf, sizeof(buf), "%s", path);
    json_t *o = root;
    for (char *save = NULL, *k = strtok_r(buf, ".", &save); k;
         k = strtok_r(NULL, ".", &save)) {
        json_t *next = json_object_get(o, k);
        if (!next) {
            next = json_object();
            json_object_set_new(o, k, next);
        }
        o = next;
    }
    return o;
}

static void
add_table(json_t *root, const ogi_report_t *r, ogi_table_id_t id)
{
    const ogi_table_t *t = &r->tables[id];
    const ogi_skel_table_t *sk = t->skel;
    if (!t->present)
        return;
    for (size_t row = 0; row < sk->nrows; row++) {
        if (!ogi_report_row_in_shape(r, id, row))
            continue;
        char path[128];
        ogi_report_path(id, row, -1, path, sizeof(path));
        json_t *o = object_at(root, path);
        ogi_unit_t unit = OGI_UNIT_NONE;
        int amount = 0;
        for (size_t col = 0; col < sk->ncols; col++) {
            const ogi_cell_t *c = ogi_report_cell(r, id, row, col);
            json_object_set_new(o, sk->cols[col].key, cell_json(c));
            if (sk->cols[col].type == OGI_VT_AMOUNT) {
                amount = 1;
                unit = c->unit ? (ogi_unit_t)c->unit : t->unit;
            }
        }
        if (amount)
            json_object_set_new(o, "amount_unit",
                                str_or_null(ogi_unit_name(unit)));
    }
}

static const char *const state_names[] = {"missing", "num", "empty", "na",
                                          "text"};

static json_t *
cells_json(const ogi_report_t *r)
{
    json_t *o = json_object();
    ogi_cell_iter_t it = {0};
    while (ogi_report_next_cell(r, &it)) {
        const ogi_cell_t *c = it.cell;
        char path[160];
        ogi_report_path(it.table, it.row, (long)it.col, path, sizeof(path));
        json_t *cj = json_pack("{s:s}", "state", state_names[c->state % 5]);
        if (c->len)
            json_object_set_new(cj, "span",
                                json_pack("[I,I]", (json_int_t)c->off,
                                          (json_int_t)c->len));
        if (c->flags & OGI_CELLF_BY_ORDER)
            json_object_set_new(cj, "by_order", json_true());
        json_object_set_new(o, path, cj);
    }
    return o;
}

static json_t *
meta_json(const ogi_report_t *r)
{
    const ogi_meta_t *m = &r->meta;
    json_t *phones = json_array();
    for (size_t i = 0; i < m->nphones; i++)
        json_array_append_new(phones, json_string(m->phones[i]));
    json_t *contact = json_object();
    json_object_set_new(contact, "phones", phones);
    json_object_set_new(contact, "postal_code", str_or_null(m->postal_code));
    json_object_set_new(contact, "email", str_or_null(m->email));
    json_object_set_new(contact, "address", str_or_null(m->address));
    json_t *o = json_object();
    json_object_set_new(o, "agency", str_or_null(m->agency));
    json_object_set_new(o, "year", m->year ? json_integer(m->year) : json_null());
    json_object_set_new(o, "format",
                        str_or_null(ogi_skeleton_format_name(m->format)));
    json_object_set_new(o, "published_on", str_or_null(m->published_on));
    json_object_set_new(o, "admin_level",
                        str_or_null(ogi_level_name(m->admin_level)));
    json_object_set_new(o, "province", str_or_null(m->province));
    json_object_set_new(o, "agency_key", str_or_null(m->agency_key));
    json_object_set_new(o, "division_code", str_or_null(m->division_code));
    json_object_set_new(o, "division_level", str_or_null(m->division_level));
    json_object_set_new(o, "contact", contact);
    return o;
}

static json_t *
report_json(const ogi_report_t *r, unsigned flags)
{
    json_t *root = json_object();
    json_object_set_new(root, "ogi", json_integer(OGI_RECORD_SCHEMA));
    json_object_set_new(root, "doc_key", json_string(r->doc_key));
    json_object_set_new(root, "status",
                        json_string(ogi_status_name(r->status)));
    json_object_set_new(root, "parser_version",
                        json_string(r->parser_version ? r->parser_version
                                                      : OGI_PARSER_VERSION));
    json_t *src = json_object();
    json_object_set_new(src, "name", str_or_null(r->source_name));
    json_object_set_new(src, "bytes", json_integer((json_int_t)r->source_bytes));
    json_object_set_new(src, "encoding", str_or_null(r->encoding));
    json_object_set_new(src, "content_type", str_or_null(r->content_type));
    json_object_set_new(root, "source", src);
    json_object_set_new(root, "meta", meta_json(r));

    json_t *tables = json_object();
    for (int id = 0; id < OGI_TABLE_COUNT; id++)
        add_table(tables, r, (ogi_table_id_t)id);
    static const char *const tops[] = {"active", "apply", "appeal"};
    for (size_t i = 0; i < OGI_ARRAY_LEN(tops); i++) {
        json_t *t = json_object_get(tables, tops[i]);
        json_object_set(root, tops[i], t ? t : json_null());
    }
    json_decref(tables);

    json_t *secs = json_array();
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        const ogi_section_t *s = &r->sections[k];
        if (!s->present)
            continue;
        json_array_append_new(
            secs, json_pack("{s:i,s:s,s:s,s:s}", "no", k + 1, "key",
                            ogi_skeleton_section((ogi_section_id_t)k)->key,
                            "title", s->title ? s->title : "", "text",
                            s->text ? s->text : ""));
    }
    json_object_set_new(root, "sections", secs);

    json_t *fs = json_array();
    for (size_t i = 0; i < r->nfindings; i++) {
        const ogi_finding_t *f = &r->findings[i];
        json_array_append_new(
            fs, json_pack("{s:s,s:s,s:s,s:s}", "rule", f->rule, "severity",
                          ogi_severity_name(f->severity), "path", f->path,
                          "message", f->message));
    }
    json_object_set_new(root, "findings", fs);
    if (flags & OGI_JSON_CELLS)
        json_object_set_new(root, "cells", cells_json(r));
    return root;
}

char *
ogi_json_dump(const ogi_report_t *report, unsigned flags)
{
    json_t *root = report_json(report, flags);
    if (!root)
        return NULL;
    size_t jf = JSON_REAL_PRECISION(15) | JSON_ENSURE_ASCII * 0;
    jf |= (flags & OGI_JSON_COMPACT) ? JSON_COMPACT : JSON_INDENT(2);
    char *s = json_dumps(root, jf);
    json_decref(root);
    return s;
}
