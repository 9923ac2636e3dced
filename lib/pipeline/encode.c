/*
 * encode.c - ogi_report_t <-> ogi.v1.Report, and any ogi protobuf as JSON.
 *
 * Cells are mapped by walking the skeleton and looking up each component
 * of a cell's path ("apply.denied.state_secret.total") as a field name in
 * the generated descriptors, so this file holds no list of fields. The
 * lookups are made once per process (a path's chain of field
 * descriptors, resolved from ogi.v1.Report down) and reused for every
 * report: the sink decodes, and each worker encodes, thousands a second.
 * Decoded
 * messages are allocated in the caller's arena through a protobuf-c
 * allocator whose free is a no-op.
 */
#include "ogi_int.h"

#include <jansson.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/encode.h"
#include "ogi/error.h"
#include "ogi/json.h"
#include "ogi/parse.h"
#include "encode_int.h"
#include "ogi/v1/wire.pb-c.h"

static void *
pb_alloc(void *data, size_t size)
{
    return ogi_arena_alloc(data, size);
}

static void
pb_free(void *data, void *ptr)
{
    (void)data;
    (void)ptr; /* released with the arena */
}

ProtobufCAllocator
ogi__pb_allocator(ogi_arena_t *arena)
{
    ProtobufCAllocator al = {pb_alloc, pb_free, arena};
    return al;
}

/* ---- walking messages by field name ---- */

/* The sub-message in field name of m; created in arena when absent and
 * a is not NULL. NULL when absent, or when m has no such message field. */
static ProtobufCMessage *
child(ProtobufCMessage *m, const char *name, size_t n, ogi_arena_t *a)
{
    char key[64];
    if (n >= sizeof(key))
        return NULL;
    memcpy(key, name, n);
    key[n] = '\0';
    const ProtobufCFieldDescriptor *f =
        protobuf_c_message_descriptor_get_field_by_name(m->descriptor, key);
    if (!f || f->type != PROTOBUF_C_TYPE_MESSAGE ||
        f->label == PROTOBUF_C_LABEL_REPEATED)
        return NULL;
    ProtobufCMessage **slot = (ProtobufCMessage **)((char *)m + f->offset);
    if (!*slot && a) {
        const ProtobufCMessageDescriptor *d = f->descriptor;
        ProtobufCMessage *sub = ogi_arena_alloc(a, d->sizeof_message);
        if (!sub)
            return NULL;
        protobuf_c_message_init(d, sub);
        *slot = sub;
    }
    return *slot;
}

/* The message at dotted path under root (created when a is not NULL). */
static ProtobufCMessage *
at_path(ProtobufCMessage *root, const char *path, ogi_arena_t *a)
{
    ProtobufCMessage *m = root;
    const char *p = path;
    while (m && *p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        m = child(m, p, n, a);
        p = dot ? dot + 1 : p + n;
    }
    return m;
}

/* ---- the same walks with the lookups made once ---- */

#define MAX_DEPTH 8

/* The fields from ogi.v1.Report down to one message; n == 0: the path
 * does not name a singular message field at some step (at_path's NULL). */
typedef struct {
    const ProtobufCFieldDescriptor *f[MAX_DEPTH];
    int n;
} chain_t;

/* Per table: its own chain, each row's, and in each row the cell field
 * of each column and the amount_unit field (NULL when absent). */
typedef struct {
    chain_t table;
    chain_t *rows;                          /* [nrows] */
    const ProtobufCFieldDescriptor **cells; /* [nrows * ncols] */
    const ProtobufCFieldDescriptor **unit;  /* [nrows] */
} table_fields_t;

static table_fields_t fields[OGI_TABLE_COUNT];
static int fields_ok; /* 0: the cache could not be made; walk by name */
static pthread_once_t fields_once = PTHREAD_ONCE_INIT;

/* The field name[0..n) of messages of type d, or NULL. */
static const ProtobufCFieldDescriptor *
field_of(const ProtobufCMessageDescriptor *d, const char *name, size_t n)
{
    char key[64];
    if (!d || n >= sizeof(key))
        return NULL;
    memcpy(key, name, n);
    key[n] = '\0';
    return protobuf_c_message_descriptor_get_field_by_name(d, key);
}

/* Resolves dotted path from ogi.v1.Report (child()'s rules at each step);
 * *leaf receives the last message type (NULL when unresolved). */
static void
resolve(const char *path, chain_t *c, const ProtobufCMessageDescriptor **leaf)
{
    const ProtobufCMessageDescriptor *d = &ogi__v1__report__descriptor;
    const char *p = path;
    c->n = 0;
    while (*p) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        const ProtobufCFieldDescriptor *f = field_of(d, p, n);
        if (!f || f->type != PROTOBUF_C_TYPE_MESSAGE ||
            f->label == PROTOBUF_C_LABEL_REPEATED || c->n == MAX_DEPTH) {
            c->n = 0;
            *leaf = NULL;
            return;
        }
        c->f[c->n++] = f;
        d = f->descriptor;
        p = dot ? dot + 1 : p + n;
    }
    *leaf = d;
}

static void
fields_init(void)
{
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
        table_fields_t *t = &fields[id];
        const ProtobufCMessageDescriptor *leaf;
        resolve(sk->path, &t->table, &leaf);
        t->rows = calloc(sk->nrows ? sk->nrows : 1, sizeof(*t->rows));
        t->unit = calloc(sk->nrows ? sk->nrows : 1, sizeof(*t->unit));
        size_t ncells = sk->nrows * sk->ncols;
        t->cells = calloc(ncells ? ncells : 1, sizeof(*t->cells));
        if (!t->rows || !t->unit || !t->cells)
            return; /* fields_ok stays 0 (the arrays are never freed) */
        for (size_t row = 0; row < sk->nrows; row++) {
            char path[160];
            ogi_report_path((ogi_table_id_t)id, row, -1, path, sizeof(path));
            resolve(path, &t->rows[row], &leaf);
            if (!leaf)
                continue;
            const ProtobufCFieldDescriptor *u =
                field_of(leaf, "amount_unit", strlen("amount_unit"));
            t->unit[row] = u && u->type == PROTOBUF_C_TYPE_ENUM ? u : NULL;
            for (size_t col = 0; col < sk->ncols; col++) {
                const char *key = sk->cols[col].key;
                const ProtobufCFieldDescriptor *f =
                    field_of(leaf, key, strlen(key));
                if (f && f->type == PROTOBUF_C_TYPE_MESSAGE &&
                    f->label != PROTOBUF_C_LABEL_REPEATED)
                    t->cells[row * sk->ncols + col] = f;
            }
        }
    }
    fields_ok = 1;
}

/* The sub-message in field f of m (child() with its field known). */
static ProtobufCMessage *
child_at(ProtobufCMessage *m, const ProtobufCFieldDescriptor *f,
         ogi_arena_t *a)
{
    if (!f)
        return NULL;
    ProtobufCMessage **slot = (ProtobufCMessage **)((char *)m + f->offset);
    if (!*slot && a) {
        const ProtobufCMessageDescriptor *d = f->descriptor;
        ProtobufCMessage *sub = ogi_arena_alloc(a, d->sizeof_message);
        if (!sub)
            return NULL;
        protobuf_c_message_init(d, sub);
        *slot = sub;
    }
    return *slot;
}

/* at_path() along a resolved chain. */
static ProtobufCMessage *
at_chain(ProtobufCMessage *root, const chain_t *c, ogi_arena_t *a)
{
    if (c->n == 0)
        return NULL;
    ProtobufCMessage *m = root;
    for (int i = 0; m && i < c->n; i++)
        m = child_at(m, c->f[i], a);
    return m;
}

/* The message of table id (row < nrows: of that row) under root, as
 * at_path() of its path would give it. */
static ProtobufCMessage *
at_table(ProtobufCMessage *root, int id, size_t row, ogi_arena_t *a)
{
    if (!fields_ok) {
        char path[160];
        ogi_report_path((ogi_table_id_t)id, row, -1, path, sizeof(path));
        return at_path(root, path, a);
    }
    const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
    return at_chain(root,
                    row < sk->nrows ? &fields[id].rows[row] : &fields[id].table,
                    a);
}

/* The cell of column col in row message rm (child() by the column's key). */
static ProtobufCMessage *
at_cell(ProtobufCMessage *rm, int id, size_t row, size_t col, ogi_arena_t *a)
{
    const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
    if (!fields_ok) {
        const char *key = sk->cols[col].key;
        return child(rm, key, strlen(key), a);
    }
    return child_at(rm, fields[id].cells[row * sk->ncols + col], a);
}

/* Sets the enum field name of m (no-op when m lacks it). */
static void
set_enum(ProtobufCMessage *m, const char *name, int value)
{
    const ProtobufCFieldDescriptor *f =
        protobuf_c_message_descriptor_get_field_by_name(m->descriptor, name);
    if (f && f->type == PROTOBUF_C_TYPE_ENUM)
        *(int *)((char *)m + f->offset) = value;
}

static int
get_enum(const ProtobufCMessage *m, const char *name)
{
    const ProtobufCFieldDescriptor *f =
        protobuf_c_message_descriptor_get_field_by_name(m->descriptor, name);
    if (f && f->type == PROTOBUF_C_TYPE_ENUM)
        return *(const int *)((const char *)m + f->offset);
    return 0;
}

/* protobuf-c wants char * for strings it only reads; "" is how proto3
 * says absent. */
static char *
str(const char *s)
{
    union {
        const char *c;
        char *m;
    } u = {s ? s : ""};
    return u.m;
}

/* NULL for "" (absent), else a copy in the arena. */
static char *
unstr(ogi_arena_t *a, const char *s, int *oom)
{
    if (!s || !*s)
        return NULL;
    char *c = ogi_arena_strdup(a, s);
    if (!c)
        *oom = 1;
    return c;
}

/* ---- report -> protobuf ---- */

static int
encode_tables(ogi_arena_t *a, const ogi_report_t *r, ProtobufCMessage *root)
{
    pthread_once(&fields_once, fields_init);
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_table_t *t = &r->tables[id];
        if (!t->present)
            continue;
        /* a table that was found is present even when all its cells are
         * missing */
        if (!at_table(root, id, SIZE_MAX, a))
            return OGI_EINVAL;
        for (size_t row = 0; row < t->skel->nrows; row++) {
            if (!ogi_report_row_in_shape(r, (ogi_table_id_t)id, row))
                continue;
            ProtobufCMessage *rm = at_table(root, id, row, a);
            if (!rm)
                return OGI_EINVAL;
            for (size_t col = 0; col < t->skel->ncols; col++) {
                const ogi_cell_t *c =
                    ogi_report_cell(r, (ogi_table_id_t)id, row, col);
                Ogi__V1__Cell *pc =
                    (Ogi__V1__Cell *)at_cell(rm, id, row, col, a);
                if (!pc || pc->base.descriptor != &ogi__v1__cell__descriptor)
                    return OGI_EINVAL;
                pc->state = (Ogi__V1__CellState)c->state;
                pc->value = c->value;
                pc->scale = c->scale;
                pc->unit = (Ogi__V1__Unit)c->unit;
                pc->offset = c->off;
                pc->length = c->len;
                pc->flags = c->flags;
                if (t->skel->cols[col].type != OGI_VT_AMOUNT)
                    continue;
                int unit = c->unit ? c->unit : t->unit;
                if (!fields_ok)
                    set_enum(rm, "amount_unit", unit);
                else if (fields[id].unit[row])
                    *(int *)((char *)rm + fields[id].unit[row]->offset) = unit;
            }
        }
    }
    return 0;
}

int
ogi__encode_report_msg(ogi_arena_t *a, const ogi_report_t *r,
                       Ogi__V1__Report **out)
{
    Ogi__V1__Report *pr = ogi_arena_alloc(a, sizeof(*pr));
    Ogi__V1__Source *src = ogi_arena_alloc(a, sizeof(*src));
    Ogi__V1__Meta *meta = ogi_arena_alloc(a, sizeof(*meta));
    Ogi__V1__Contact *ct = ogi_arena_alloc(a, sizeof(*ct));
    if (!pr || !src || !meta || !ct)
        return OGI_ENOMEM;
    ogi__v1__report__init(pr);
    ogi__v1__source__init(src);
    ogi__v1__meta__init(meta);
    ogi__v1__contact__init(ct);
    pr->schema = OGI_RECORD_SCHEMA;
    pr->doc_key = str(r->doc_key);
    pr->status = (Ogi__V1__Status)r->status;
    pr->parser_version =
        str(r->parser_version ? r->parser_version : OGI_PARSER_VERSION);
    src->name = str(r->source_name);
    src->bytes = r->source_bytes;
    src->encoding = str(r->encoding);
    src->content_type = str(r->content_type);
    pr->source = src;
    const ogi_meta_t *m = &r->meta;
    meta->agency = str(m->agency);
    meta->year = m->year;
    meta->format = (Ogi__V1__Format)m->format;
    meta->published_on = str(m->published_on);
    meta->admin_level = (Ogi__V1__AdminLevel)m->admin_level;
    meta->province = str(m->province);
    meta->agency_key = str(m->agency_key);
    meta->division_code = str(m->division_code);
    meta->division_level = str(m->division_level);
    meta->title_year = m->title_year;
    meta->period_year = m->period_year;
    ct->phones = ogi_arena_calloc(a, m->nphones + 1, sizeof(char *));
    if (!ct->phones)
        return OGI_ENOMEM;
    for (size_t i = 0; i < m->nphones; i++)
        ct->phones[ct->n_phones++] = str(m->phones[i]);
    ct->postal_code = str(m->postal_code);
    ct->email = str(m->email);
    ct->address = str(m->address);
    meta->contact = ct;
    pr->meta = meta;

    int rc = encode_tables(a, r, &pr->base);
    if (rc)
        return rc;

    size_t ns = 0;
    for (int k = 0; k < OGI_SEC_COUNT; k++)
        ns += r->sections[k].present != 0;
    pr->sections = ogi_arena_calloc(a, ns ? ns : 1, sizeof(*pr->sections));
    pr->findings =
        ogi_arena_calloc(a, r->nfindings ? r->nfindings : 1,
                         sizeof(*pr->findings));
    if (!pr->sections || !pr->findings)
        return OGI_ENOMEM;
    for (int k = 0; k < OGI_SEC_COUNT; k++) {
        const ogi_section_t *s = &r->sections[k];
        if (!s->present)
            continue;
        Ogi__V1__Section *ps = ogi_arena_alloc(a, sizeof(*ps));
        if (!ps)
            return OGI_ENOMEM;
        ogi__v1__section__init(ps);
        ps->no = (uint32_t)k + 1;
        ps->key = str(ogi_skeleton_section((ogi_section_id_t)k)->key);
        ps->title = str(s->title);
        ps->text = str(s->text);
        ps->offset = s->off;
        ps->length = s->len;
        pr->sections[pr->n_sections++] = ps;
    }
    for (size_t i = 0; i < r->nfindings; i++) {
        const ogi_finding_t *f = &r->findings[i];
        Ogi__V1__Finding *pf = ogi_arena_alloc(a, sizeof(*pf));
        if (!pf)
            return OGI_ENOMEM;
        ogi__v1__finding__init(pf);
        pf->rule = str(f->rule);
        pf->severity = (Ogi__V1__Severity)f->severity;
        pf->path = str(f->path);
        pf->message = str(f->message);
        pr->findings[pr->n_findings++] = pf;
    }
    *out = pr;
    return 0;
}

int
ogi_encode_report(ogi_arena_t *a, const ogi_report_t *r, uint8_t **out,
                  size_t *len)
{
    Ogi__V1__Report *pr;
    int rc = ogi__encode_report_msg(a, r, &pr);
    if (rc)
        return rc;
    size_t n = ogi__v1__report__get_packed_size(pr);
    *out = ogi_arena_alloc(a, n ? n : 1);
    if (!*out)
        return OGI_ENOMEM;
    *len = ogi__v1__report__pack(pr, *out);
    return 0;
}

/* ---- protobuf -> report ---- */

static int
decode_tables(ogi_report_t *r, ProtobufCMessage *root)
{
    int sub = 0, one = 0;
    pthread_once(&fields_once, fields_init);
    for (int id = 0; id < OGI_TABLE_COUNT; id++) {
        const ogi_skel_table_t *sk = ogi_skeleton_table((ogi_table_id_t)id);
        unsigned fm = 1u << r->meta.format;
        if (!(sk->formats & fm) || !at_table(root, id, SIZE_MAX, NULL))
            continue;
        int rc = ogi_report_table_init(r, (ogi_table_id_t)id);
        if (rc)
            return rc;
        ogi_table_t *t = &r->tables[id];
        for (size_t row = 0; row < sk->nrows; row++) {
            if (sk->rows[row].flags & OGI_ROW_GROUP)
                continue;
            ProtobufCMessage *rm = at_table(root, id, row, NULL);
            if (!rm)
                continue;
            t->row_found[row] = 1;
            sub |= (sk->rows[row].flags & OGI_ROW_OTHER3) != 0;
            one |= (sk->rows[row].flags & OGI_ROW_OTHER1) != 0;
            for (size_t col = 0; col < sk->ncols; col++) {
                const Ogi__V1__Cell *pc =
                    (const Ogi__V1__Cell *)at_cell(rm, id, row, col, NULL);
                ogi_cell_t *c = ogi_report_cell(r, (ogi_table_id_t)id, row, col);
                if (sk->cols[col].type == OGI_VT_AMOUNT &&
                    !(pc && pc->unit))
                    t->unit = (ogi_unit_t)(
                        !fields_ok ? get_enum(rm, "amount_unit")
                        : fields[id].unit[row]
                            ? *(const int *)((const char *)rm +
                                             fields[id].unit[row]->offset)
                            : 0);
                if (!pc || pc->base.descriptor != &ogi__v1__cell__descriptor)
                    continue;
                c->state = (int)pc->state <= (int)OGI_CELL_TEXT ? (uint8_t)pc->state
                                                      : OGI_CELL_TEXT;
                c->value = pc->value;
                c->scale = pc->scale <= 18 ? (uint8_t)pc->scale : 18;
                c->unit = (int)pc->unit <= (int)OGI_UNIT_WAN_YUAN ? (uint8_t)pc->unit : 0;
                c->off = pc->offset;
                c->len = pc->length;
                c->flags = (uint8_t)pc->flags;
            }
        }
    }
    r->apply_other_rows = sub ? 3 : one ? 1 : 0;
    return 0;
}

int
ogi_decode_report(ogi_arena_t *a, const uint8_t *data, size_t len, size_t max,
                  ogi_report_t **out, char *why, size_t why_size)
{
    *out = NULL;
    if (max == 0)
        max = OGI_PB_MAX_DEFAULT;
    if (len > max) {
        snprintf(why, why_size, "frame of %zu bytes exceeds the limit of %zu",
                 len, max);
        return OGI_ETOOBIG;
    }
    ProtobufCAllocator al = ogi__pb_allocator(a);
    Ogi__V1__Report *pr = ogi__v1__report__unpack(&al, len, data);
    if (!pr) {
        snprintf(why, why_size, "not an ogi.v1.Report protobuf");
        return OGI_EPARSE;
    }
    return ogi__decode_report_msg(a, pr, out);
}

int
ogi__decode_report_msg(ogi_arena_t *a, const Ogi__V1__Report *pr,
                       ogi_report_t **out)
{
    *out = NULL;
    ogi_report_t *r = ogi_report_new(a);
    if (!r)
        return OGI_ENOMEM;
    int oom = 0;
    snprintf(r->doc_key, sizeof(r->doc_key), "%s", str(pr->doc_key));
    r->status = pr->status <= OGI__V1__STATUS__STATUS_REJECTED
                    ? (ogi_status_t)pr->status
                    : OGI_STATUS_REJECTED;
    /* the version of the parser that made the record, not the sink's */
    if (pr->parser_version && *pr->parser_version)
        r->parser_version = unstr(a, pr->parser_version, &oom);
    if (pr->source) {
        r->source_name = unstr(a, pr->source->name, &oom);
        r->source_bytes = (size_t)pr->source->bytes;
        r->encoding = unstr(a, pr->source->encoding, &oom);
        r->content_type = unstr(a, pr->source->content_type, &oom);
    }
    if (pr->meta) {
        const Ogi__V1__Meta *pm = pr->meta;
        ogi_meta_t *m = &r->meta;
        m->agency = unstr(a, pm->agency, &oom);
        m->year = pm->year;
        m->format = pm->format <= OGI__V1__FORMAT__FORMAT_2021
                        ? (ogi_format_t)pm->format
                        : OGI_FORMAT_UNKNOWN;
        m->published_on = unstr(a, pm->published_on, &oom);
        m->admin_level = (int)pm->admin_level <= (int)OGI_LEVEL_DEPARTMENT
                             ? (ogi_level_t)pm->admin_level
                             : OGI_LEVEL_UNKNOWN;
        m->province = unstr(a, pm->province, &oom);
        m->agency_key = unstr(a, pm->agency_key, &oom);
        m->division_code = unstr(a, pm->division_code, &oom);
        m->division_level = unstr(a, pm->division_level, &oom);
        m->title_year = pm->title_year;
        m->period_year = pm->period_year;
        if (pm->contact) {
            const Ogi__V1__Contact *pc = pm->contact;
            for (size_t i = 0; i < pc->n_phones && i < OGI_MAX_PHONES; i++)
                m->phones[m->nphones++] = unstr(a, pc->phones[i], &oom);
            m->postal_code = unstr(a, pc->postal_code, &oom);
            m->email = unstr(a, pc->email, &oom);
            m->address = unstr(a, pc->address, &oom);
        }
    }
    /* the walk only reads through the message */
    union {
        const ProtobufCMessage *c;
        ProtobufCMessage *m;
    } root = {&pr->base};
    int rc = decode_tables(r, root.m);
    if (rc)
        return rc;
    for (size_t i = 0; i < pr->n_sections; i++) {
        const Ogi__V1__Section *ps = pr->sections[i];
        if (ps->no < 1 || ps->no > OGI_SEC_COUNT)
            continue;
        ogi_section_t *s = &r->sections[ps->no - 1];
        s->present = 1;
        s->title = ogi_arena_strdup(a, str(ps->title));
        s->text = ogi_arena_strdup(a, str(ps->text));
        s->off = ps->offset;
        s->len = ps->length;
        oom |= !s->title || !s->text;
    }
    for (size_t i = 0; i < pr->n_findings && !oom; i++) {
        const Ogi__V1__Finding *pf = pr->findings[i];
        /* the rule ID is copied: the report outlives nothing here, but the
         * finding keeps a pointer */
        const char *rule = ogi_arena_strdup(a, str(pf->rule));
        ogi_severity_t sev = (int)pf->severity <= (int)OGI_SEV_ERROR
                                 ? (ogi_severity_t)pf->severity
                                 : OGI_SEV_ERROR;
        if (!rule || ogi_report_add_finding(r, rule, sev, str(pf->path), "%s",
                                            str(pf->message)))
            oom = 1;
    }
    if (oom)
        return OGI_ENOMEM;
    *out = r;
    return 0;
}

/* ---- any message as JSON ---- */

static json_t *message_json(const ProtobufCMessage *m);

static json_t *
bytes_json(const ProtobufCBinaryData *b)
{
    unsigned char h[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    char hex[65] = "";
    if (EVP_Digest(b->data, b->len, h, &n, EVP_sha256(), NULL))
        for (unsigned i = 0; i < n && i < 32; i++)
            snprintf(hex + 2 * i, 3, "%02x", h[i]);
    return json_pack("{s:I,s:s}", "bytes", (json_int_t)b->len, "sha256", hex);
}

static json_t *
value_json(const ProtobufCFieldDescriptor *f, const void *p)
{
    switch (f->type) {
        case PROTOBUF_C_TYPE_INT32:
        case PROTOBUF_C_TYPE_SINT32:
        case PROTOBUF_C_TYPE_SFIXED32:
            return json_integer(*(const int32_t *)p);
        case PROTOBUF_C_TYPE_UINT32:
        case PROTOBUF_C_TYPE_FIXED32:
            return json_integer(*(const uint32_t *)p);
        case PROTOBUF_C_TYPE_INT64:
        case PROTOBUF_C_TYPE_SINT64:
        case PROTOBUF_C_TYPE_SFIXED64:
            return json_integer(*(const int64_t *)p);
        case PROTOBUF_C_TYPE_UINT64:
        case PROTOBUF_C_TYPE_FIXED64:
            return json_integer((json_int_t) * (const uint64_t *)p);
        case PROTOBUF_C_TYPE_FLOAT:
            return json_real(*(const float *)p);
        case PROTOBUF_C_TYPE_DOUBLE:
            return json_real(*(const double *)p);
        case PROTOBUF_C_TYPE_BOOL:
            return json_boolean(*(const protobuf_c_boolean *)p);
        case PROTOBUF_C_TYPE_ENUM: {
            const ProtobufCEnumValue *v = protobuf_c_enum_descriptor_get_value(
                f->descriptor, *(const int *)p);
            return v ? json_string(v->name) : json_integer(*(const int *)p);
        }
        case PROTOBUF_C_TYPE_STRING: {
            const char *s = *(const char *const *)p;
            return json_string(s ? s : "");
        }
        case PROTOBUF_C_TYPE_BYTES:
            return bytes_json((const ProtobufCBinaryData *)p);
        case PROTOBUF_C_TYPE_MESSAGE: {
            const ProtobufCMessage *m = *(const ProtobufCMessage *const *)p;
            return m ? message_json(m) : json_null();
        }
    }
    return json_null();
}

static size_t
type_size(const ProtobufCFieldDescriptor *f)
{
    switch (f->type) {
        case PROTOBUF_C_TYPE_INT64:
        case PROTOBUF_C_TYPE_SINT64:
        case PROTOBUF_C_TYPE_SFIXED64:
        case PROTOBUF_C_TYPE_UINT64:
        case PROTOBUF_C_TYPE_FIXED64:
        case PROTOBUF_C_TYPE_DOUBLE:
            return 8;
        case PROTOBUF_C_TYPE_STRING:
        case PROTOBUF_C_TYPE_MESSAGE:
            return sizeof(void *);
        case PROTOBUF_C_TYPE_BYTES:
            return sizeof(ProtobufCBinaryData);
        case PROTOBUF_C_TYPE_BOOL:
            return sizeof(protobuf_c_boolean);
        default:
            return 4;
    }
}

static json_t *
message_json(const ProtobufCMessage *m)
{
    json_t *o = json_object();
    const ProtobufCMessageDescriptor *d = m->descriptor;
    for (unsigned i = 0; i < d->n_fields; i++) {
        const ProtobufCFieldDescriptor *f = &d->fields[i];
        const char *base = (const char *)m + f->offset;
        if (f->label == PROTOBUF_C_LABEL_REPEATED) {
            size_t n = *(const size_t *)((const char *)m + f->quantifier_offset);
            const char *arr = *(const char *const *)base;
            json_t *a = json_array();
            for (size_t k = 0; k < n && arr; k++)
                json_array_append_new(a, value_json(f, arr + k * type_size(f)));
            json_object_set_new(o, f->name, a);
        } else {
            json_object_set_new(o, f->name, value_json(f, base));
        }
    }
    return o;
}

static const struct {
    const char *name;
    const ProtobufCMessageDescriptor *desc;
} types[] = {
    {"Report", &ogi__v1__report__descriptor},
    {"Document", &ogi__v1__document__descriptor},
    {"Record", &ogi__v1__record__descriptor},
    {"Ack", &ogi__v1__ack__descriptor},
    {"Ready", &ogi__v1__ready__descriptor},
    {"Heartbeat", &ogi__v1__heartbeat__descriptor},
};

int
ogi_decode_type_known(const char *type)
{
    for (size_t i = 0; i < OGI_ARRAY_LEN(types); i++)
        if (strcmp(types[i].name, type) == 0)
            return 1;
    return 0;
}

int
ogi_decode_json(const char *type, const uint8_t *data, size_t len, size_t max,
                char **json, char *why, size_t why_size)
{
    *json = NULL;
    if (max == 0)
        max = OGI_PB_MAX_DEFAULT;
    ogi_arena_t *a = ogi_arena_new(0);
    if (!a)
        return OGI_ENOMEM;
    int rc = 0;
    if (strcmp(type, "Report") == 0) {
        ogi_report_t *r;
        rc = ogi_decode_report(a, data, len, max, &r, why, why_size);
        if (!rc && !(*json = ogi_json_dump(r, 0)))
            rc = OGI_ENOMEM;
        ogi_arena_destroy(&a);
        return rc;
    }
    const ProtobufCMessageDescriptor *d = NULL;
    for (size_t i = 0; i < OGI_ARRAY_LEN(types); i++)
        if (strcmp(types[i].name, type) == 0)
            d = types[i].desc;
    if (!d) {
        snprintf(why, why_size, "unknown message type \"%s\"", type);
        rc = OGI_EINVAL;
    } else if (len > max) {
        snprintf(why, why_size, "frame of %zu bytes exceeds the limit of %zu",
                 len, max);
        rc = OGI_ETOOBIG;
    } else {
        ProtobufCAllocator al = ogi__pb_allocator(a);
        ProtobufCMessage *m = protobuf_c_message_unpack(d, &al, len, data);
        if (!m) {
            snprintf(why, why_size, "not an ogi.v1.%s protobuf", type);
            rc = OGI_EPARSE;
        } else {
            json_t *o = message_json(m);
            *json = o ? json_dumps(o, JSON_INDENT(2)) : NULL;
            json_decref(o);
            if (!*json)
                rc = OGI_ENOMEM;
        }
    }
    ogi_arena_destroy(&a);
    return rc;
}
