/*
 * sink.c - records in, rows out, acknowledgements back.
 *
 * Records are gathered into batches of up to `batch` or `batch_ms`, and
 * each batch is written in one transaction. Only after COMMIT are its
 * documents acknowledged, through the broker, to the producers that sent
 * them. A lost database connection is retried with back-off, the batch
 * kept and nothing acknowledged meanwhile (so the sink stops reading and
 * the whole pipeline waits); a batch the database refuses is split in
 * halves until the record at fault is alone, and that one goes to the
 * dead letters while the rest commit.
 *
 * Two threads share the work, so that the database's time overlaps the
 * sink's own: a receiving thread takes records in, checks their keys and
 * decodes them into the next batch while the sink's thread writes the
 * previous one, acknowledges it and keeps the connection. They hand
 * batches over through two slots; a receiver with a full batch and no
 * free slot stops reading, and the queue before it fills as it did when
 * one thread did both. A batch whose batch_ms is up while the sink's
 * thread is still writing keeps growing until that thread is free (it
 * could not start sooner), so a busy sink writes fewer, larger
 * transactions. An acknowledgement still follows its COMMIT.
 */
#include "ogi_int.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

#include "encode_int.h"
#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/hash.h"
#include "ogi/log.h"
#include "ogi/metrics.h"
#include "ogi/parse.h"
#include "ogi/pipeline.h"
#include "ogi/rules.h"
#include "wire_int.h"

/* The sink's series (NULL each when metrics are off). */
typedef struct {
    ogi_metric_t *records, *stored, *duplicate, *dead, *batches, *retries,
        *reconnects, *bisections, *forged, *dropped, *connected;
    ogi_metric_t *batch_records, *commit_seconds;
    ogi_metric_t *findings[64]; /* by ogi_rules_all order, made when first
                                   counted */
} sink_metrics_t;

typedef struct {
    const ogi_sink_opts_t *o;
    ogi_db_t *db;
    char conninfo[512];
    ogi_sink_stats_t st;
    void *ack;
    ogi_metrics_t *m;
    sink_metrics_t mx;
    uint64_t down_since;   /* ms when the database went away; 0: up */
    uint64_t down_retries; /* tries since */
    int was_connected;     /* a connection was made once: later ones are
                              reconnections */
    uint64_t last_check;   /* ms of the last sign of the database */
    uint64_t next_try;     /* ms: an idle sink's next connection try */
    unsigned wait;         /* its back-off */
    ogi_log_limit_t garbage;
} sink_t;

static void
metrics_init(sink_t *s)
{
    ogi_metrics_t *m = s->m;
    sink_metrics_t *x = &s->mx;
    if (!m)
        return;
    x->records = ogi_metrics_counter(m, "ogi_records_received_total",
                                     "Records the sink received from workers.",
                                     NULL, NULL);
    x->stored = ogi_metrics_counter(m, "ogi_documents_stored_total",
                                    "Documents stored as reports (COMMIT).",
                                    NULL, NULL);
    x->duplicate = ogi_metrics_counter(
        m, "ogi_documents_duplicate_total",
        "Documents already stored under the same key.", NULL, NULL);
    /* the rejected family is made here so that it shows before any */
    ogi_metrics_counter(m, "ogi_documents_rejected_total",
                        "Documents stored as rejected, by reason class.",
                        "reason", "not_report");
    x->dead = ogi_metrics_counter(
        m, "ogi_documents_dead_lettered_total",
        "Documents written to the dead letters (poison, refused).", NULL, NULL);
    x->batches =
        ogi_metrics_counter(m, "ogi_batches_total",
                            "Transactions committed by the sink.", NULL, NULL);
    x->batch_records = ogi_metrics_histogram(
        m, "ogi_batch_records", "Records per committed batch.",
        ogi_metrics_batch_bounds, ogi_metrics_batch_nbounds);
    x->commit_seconds = ogi_metrics_histogram(
        m, "ogi_batch_commit_seconds",
        "Time to write and commit one batch, retries included.",
        ogi_metrics_seconds_bounds, ogi_metrics_seconds_nbounds);
    x->retries = ogi_metrics_counter(
        m, "ogi_db_errors_total",
        "Batch writes or connections that failed (and were retried).", NULL,
        NULL);
    x->reconnects = ogi_metrics_counter(
        m, "ogi_db_reconnects_total",
        "Connections to the database made again after a loss.", NULL, NULL);
    x->bisections = ogi_metrics_counter(
        m, "ogi_db_bisections_total",
        "Batches split because the database refused a record.", NULL, NULL);
    x->connected = ogi_metrics_gauge(
        m, "ogi_db_connected", "1 when the sink has a database connection.",
        NULL, NULL);
    x->forged = ogi_metrics_counter(
        m, "ogi_records_forged_total",
        "Records dropped: their key is not the SHA-256 of their bytes.", NULL,
        NULL);
    x->dropped = ogi_metrics_counter(
        m, "ogi_messages_dropped_total",
        "Malformed, oversized or undecodable messages dropped.", "component",
        "sink");
}

/* The running totals, as counters. */
static void
metrics_publish(sink_t *s)
{
    sink_metrics_t *x = &s->mx;
    if (!s->m)
        return;
    ogi_metric_total(x->records, s->st.records);
    ogi_metric_total(x->stored, s->st.stored);
    ogi_metric_total(x->duplicate, s->st.duplicates);
    ogi_metric_total(x->dead, s->st.poison);
    ogi_metric_total(x->batches, s->st.batches);
    ogi_metric_total(x->retries, s->st.retries);
    ogi_metric_total(x->reconnects, s->st.reconnects);
    ogi_metric_total(x->bisections, s->st.bisections);
    ogi_metric_total(x->forged, s->st.forged);
    ogi_metric_total(x->dropped, s->st.dropped);
    ogi_metric_set(x->connected, s->db ? 1 : 0);
    size_t nrules;
    const ogi_rule_t *rules = ogi_rules_all(&nrules);
    for (size_t k = 0; k < nrules && k < 64; k++) {
        if (!s->st.findings[k])
            continue;
        if (!x->findings[k])
            x->findings[k] =
                ogi_metrics_counter(s->m, "ogi_findings_total",
                                    "Findings of the reports stored, by rule.",
                                    "rule", rules[k].id);
        ogi_metric_total(x->findings[k], s->st.findings[k]);
    }
    ogi_metrics_beat(s->m, "sink");
}

/* The database is gone (why): said once, however many retries follow. */
static void
db_down(sink_t *s, const char *why)
{
    if (!s->down_since) {
        s->down_since = ogi__wire_now_ms();
        s->down_retries = 0;
        ogi_log_fields(OGI_LOG_WARN, "sink", &(ogi_log_field_t){"error", why},
                       1, "database unreachable: %s, retrying", why);
    } else {
        s->down_retries++;
    }
    char reason[300];
    snprintf(reason, sizeof(reason), "database unreachable: %s", why);
    ogi_metrics_fault(s->m, "sink", reason);
    ogi_metric_set(s->mx.connected, 0);
}

/* A connection was made: says the database is back, if it was gone. */
static void
db_up(sink_t *s)
{
    if (s->was_connected)
        s->st.reconnects++;
    s->was_connected = 1;
    s->last_check = ogi__wire_now_ms();
    s->wait = 100;
    if (s->down_since) {
        uint64_t secs = (ogi__wire_now_ms() - s->down_since + 500) / 1000;
        char n[24];
        snprintf(n, sizeof(n), "%llu", (unsigned long long)secs);
        ogi_log_fields(OGI_LOG_INFO, "sink", &(ogi_log_field_t){"down_s", n}, 1,
                       "database back after %llu s, %llu retries",
                       (unsigned long long)secs,
                       (unsigned long long)s->down_retries);
        s->down_since = 0;
    }
    ogi_metrics_fault(s->m, "sink", NULL);
    ogi_metric_set(s->mx.connected, 1);
}

/* The class of a rejection, for a label of few values. */
static const char *
reject_class(const char *reason)
{
    if (!reason)
        return "not_report";
    if (strstr(reason, "exceeds the limit"))
        return "too_large";
    if (strstr(reason, "empty document"))
        return "empty";
    if (strstr(reason, "pre-2019"))
        return "old_format";
    if (strstr(reason, "no disclosure tables") ||
        strstr(reason, "not a report") || strstr(reason, "not an annual"))
        return "not_report";
    return "form"; /* a form's converter could not read it */
}

static void
count_rejected(sink_t *s, const char *reason)
{
    ogi_metric_add(ogi_metrics_counter(s->m, "ogi_documents_rejected_total", "",
                                       "reason", reject_class(reason)),
                   1);
}

static void
nap(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Connects (again) after a failure, backing off up to 5 s; gives up only
 * when stopped. */
static int
reconnect(sink_t *s)
{
    unsigned wait = 100;
    ogi_db_destroy(&s->db);
    for (;;) {
        char why[256];
        s->db = ogi_db_connect(s->o->db, why, sizeof(why));
        if (s->db) {
            db_up(s);
            return 0;
        }
        db_down(s, why);
        s->st.retries++;
        metrics_publish(s); /* alive, and saying why it is stuck */
        if (s->o->tick)
            s->o->tick(s->o->tick_arg);
        if (s->o->stop && *s->o->stop)
            return OGI_ERETRY;
        nap(wait);
        wait = wait * 2 > 5000 ? 5000 : wait * 2;
    }
}

/*
 * An idle sink checks its database every second, so that /health and the
 * log say when it goes away before a batch finds out; a lost one is
 * tried again with back-off.
 */
static void
watch_db(sink_t *s, uint64_t now)
{
    if (s->db) {
        if (now < s->last_check + 1000)
            return;
        int version;
        if (ogi_db_schema_version(s->db, &version) == 0) {
            s->last_check = now;
            return;
        }
        char why[256];
        snprintf(why, sizeof(why), "%s", ogi_db_error(s->db));
        char *nl = strchr(why, '\n');
        if (nl)
            *nl = '\0';
        ogi_db_destroy(&s->db);
        db_down(s, why);
        s->next_try = now;
        s->wait = 100;
        return;
    }
    if (now < s->next_try)
        return;
    char why[256];
    s->db = ogi_db_connect(s->o->db, why, sizeof(why));
    if (s->db) {
        db_up(s);
        return;
    }
    db_down(s, why);
    s->st.retries++;
    s->next_try = now + s->wait;
    s->wait = s->wait * 2 > 5000 ? 5000 : s->wait * 2;
}

/*
 * Writes items[0..n) in one transaction, splitting it when the database
 * refuses its data: the item at fault becomes a dead letter. Returns 0
 * (outcomes filled) or OGI_ERETRY (the connection is gone: nothing
 * written, try again).
 */
static int
write_split(sink_t *s, ogi_db_item_t *items, size_t n, ogi_db_outcome_t *out,
            char (*sup)[65])
{
    int rc = ogi_db_write_batch_rev(s->db, items, n, out, sup);
    if (rc != OGI_EREJECT)
        return rc == 0 ? 0 : OGI_ERETRY;
    s->st.bisections++;
    if (n > 1) {
        size_t h = n / 2;
        rc = write_split(s, items, h, out, sup);
        return rc ? rc : write_split(s, items + h, n - h, out + h, sup + h);
    }
    /* alone and still refused: keep its bytes with the reason */
    char reason[256];
    snprintf(reason, sizeof(reason), "the database refused the record: %s",
             ogi_db_error(s->db));
    ogi_db_item_t dead = items[0];
    dead.report = NULL;
    dead.poison_reason = reason;
    dead.attempts = 1;
    sup[0][0] = '\0';
    rc = ogi_db_write_batch(s->db, &dead, 1, out);
    if (rc == OGI_EREJECT)
        return OGI_ERETRY; /* not even a dead letter: keep it, retry later */
    return rc == 0 ? 0 : OGI_ERETRY;
}

static Ogi__V1__Outcome
wire_outcome(ogi_db_outcome_t o)
{
    switch (o) {
        case OGI_DB_STORED:
            return OGI__V1__OUTCOME__OUTCOME_STORED;
        case OGI_DB_DUPLICATE:
            return OGI__V1__OUTCOME__OUTCOME_DUPLICATE;
        case OGI_DB_REJECTED:
            return OGI__V1__OUTCOME__OUTCOME_REJECTED;
        case OGI_DB_POISON:
            return OGI__V1__OUTCOME__OUTCOME_POISON;
    }
    return OGI__V1__OUTCOME__OUTCOME_UNSPECIFIED;
}

/* Acknowledges a committed batch, one Ack per producer. */
static void
acknowledge(sink_t *s, Ogi__V1__Record **recs, ogi_db_item_t *items,
            ogi_db_outcome_t *out, char (*sup)[65], size_t n, ogi_arena_t *a)
{
    int *sent = ogi_arena_calloc(a, n, sizeof(int));
    Ogi__V1__AckItem **list = ogi_arena_calloc(a, n, sizeof(*list));
    Ogi__V1__AckItem *pool = ogi_arena_calloc(a, n, sizeof(*pool));
    if (!sent || !list || !pool)
        return; /* producers resend; the writes are idempotent */
    for (size_t i = 0; i < n; i++) {
        if (sent[i])
            continue;
        const char *pid = recs[i]->producer_id ? recs[i]->producer_id : "";
        size_t k = 0;
        for (size_t j = i; j < n; j++) {
            const char *pj = recs[j]->producer_id ? recs[j]->producer_id : "";
            if (sent[j] || strcmp(pid, pj) != 0)
                continue;
            sent[j] = 1;
            Ogi__V1__AckItem *it = &pool[j];
            ogi__v1__ack_item__init(it);
            it->doc_key = ogi__pb_str(items[j].doc_key);
            it->sequence = recs[j]->sequence;
            it->outcome = wire_outcome(out[j]);
            if (out[j] == OGI_DB_STORED && sup[j][0]) {
                it->revision = 1;
                it->supersedes = sup[j];
                it->agency_key = ogi__pb_str(items[j].report->meta.agency_key);
                it->year = items[j].report->meta.year;
            }
            if (out[j] == OGI_DB_POISON && recs[j]->too_large)
                /* kept as a dead letter, but no try will ever parse it */
                it->outcome = OGI__V1__OUTCOME__OUTCOME_REJECTED;
            if (out[j] == OGI_DB_POISON)
                it->reason = ogi__pb_str(items[j].poison_reason);
            else if (out[j] == OGI_DB_REJECTED && items[j].report &&
                     items[j].report->nfindings)
                /* the parser's reason, so that push can name it */
                it->reason = ogi__pb_str(items[j].report->findings[0].message);
            list[k++] = it;
        }
        if (!*pid)
            continue;
        Ogi__V1__Ack ack;
        ogi__v1__ack__init(&ack);
        ack.producer_id = ogi__pb_str(pid);
        ack.n_items = k;
        ack.items = list;
        ogi__wire_send(s->ack, NULL, 0, OGI__MSG_ACK, &ack.base, 0);
    }
}

static void
count(sink_t *s, const ogi_db_item_t *items, const ogi_db_outcome_t *out,
      size_t n)
{
    size_t nrules;
    const ogi_rule_t *rules = ogi_rules_all(&nrules);
    for (size_t i = 0; i < n; i++) {
        switch (out[i]) {
            case OGI_DB_STORED:
                s->st.stored++;
                break;
            case OGI_DB_DUPLICATE:
                s->st.duplicates++;
                continue;
            case OGI_DB_REJECTED:
                s->st.rejected++;
                count_rejected(s, items[i].report && items[i].report->nfindings
                                      ? items[i].report->findings[0].message
                                      : NULL);
                break;
            case OGI_DB_POISON:
                s->st.poison++;
                if (items[i].poison_reason &&
                    strstr(items[i].poison_reason, "exceeds the limit"))
                    count_rejected(s, items[i].poison_reason);
                ogi_log_fields(
                    OGI_LOG_WARN, "sink",
                    (ogi_log_field_t[]){{"doc_key", items[i].doc_key},
                                        {"reason", items[i].poison_reason}},
                    2, "document dead-lettered: %s",
                    items[i].poison_reason ? items[i].poison_reason : "");
                continue;
        }
        const ogi_report_t *r = items[i].report;
        for (size_t f = 0; r && f < r->nfindings; f++)
            for (size_t k = 0; k < nrules && k < 64; k++)
                if (strcmp(rules[k].id, r->findings[f].rule) == 0)
                    s->st.findings[k]++;
    }
}

/*
 * A record is stored under the SHA-256 of its raw bytes and nothing else:
 * one that claims another key (a forgery, or a producer's bug) would
 * keep the real document out as a "duplicate". Such records are dropped,
 * counted and logged; a record that names no key gets its bytes' key.
 */
static int
bound_to_bytes(uint64_t *forged, ogi_arena_t *arena, Ogi__V1__Record *rec)
{
    Ogi__V1__Report *pr = rec->report;
    if (rec->too_large) {
        /* only the head of a document above the limit came: its key
         * cannot be checked, so it may only ever be a dead letter, which
         * keeps no real document out of documents */
        if (!pr || !pr->doc_key || strlen(pr->doc_key) != 64)
            return 0;
        rec->poison = 1;
        return 1;
    }
    char key[65];
    ogi_hash_sha256_hex(rec->raw.data, rec->raw.len, key);
    if (pr && pr->doc_key && *pr->doc_key) {
        if (strcmp(pr->doc_key, key) == 0)
            return 1;
        ++*forged;
        if (*forged <= 10 || *forged % 1000 == 0)
            ogi_log(OGI_LOG_WARN, "sink",
                    "dropped a record whose doc_key %.16s... is not the "
                    "SHA-256 of its %zu bytes (%llu so far)",
                    pr->doc_key, rec->raw.len, (unsigned long long)*forged);
        return 0;
    }
    /* the record's strings live in the receive arena until the flush */
    char *k = ogi_arena_strdup(arena, key);
    if (!k)
        return 0; /* the producer resends it */
    if (pr) {
        pr->doc_key = k;
    } else {
        rec->poison = 1; /* nothing but bytes: kept as a dead letter */
        if (!rec->poison_reason || !*rec->poison_reason)
            rec->poison_reason = ogi__pb_str("no record");
        Ogi__V1__Report *rep = ogi_arena_calloc(arena, 1, sizeof(*rep));
        if (!rep)
            return 0;
        ogi__v1__report__init(rep);
        rep->doc_key = k;
        rec->report = rep;
    }
    return 1;
}

/*
 * A batch on its way: filled and decoded by the receiving thread, written
 * and acknowledged by the sink's thread. The records and what they point
 * to live in its arena, reset when the slot is free again.
 */
typedef struct {
    ogi_arena_t *arena;
    Ogi__V1__Record **recs; /* [batch] */
    ogi_db_item_t *items;   /* [batch]: recs[i] decoded */
    ogi_db_outcome_t *out;  /* [batch] */
    char (*sup)[65];        /* [batch] */
    size_t n;
    int rc;    /* 0, or OGI_ENOMEM when a record could not be decoded */
    int ready; /* handed over, not yet written */
} slot_t;

/* Turns record i of a batch into its item, decoding the report: the
 * receiving thread's work, done as each record comes in, while the
 * previous batch is written. */
static int
prepare(slot_t *b, size_t i)
{
    ogi_arena_t *a = b->arena;
    Ogi__V1__Record *rec = b->recs[i];
    ogi_db_item_t *it = &b->items[i];
    memset(it, 0, sizeof(*it));
    b->out[i] = 0;
    b->sup[i][0] = '\0';
    const Ogi__V1__Report *pr = rec->report;
    it->doc_key = pr && pr->doc_key ? pr->doc_key : "";
    it->raw = rec->raw.data;
    it->raw_len = rec->raw.len;
    it->source_name = pr && pr->source ? pr->source->name : NULL;
    it->content_type = pr && pr->source ? pr->source->content_type : NULL;
    it->encoding = pr && pr->source ? pr->source->encoding : NULL;
    it->retry_dead = rec->retry_dead;
    if (rec->producer_id && *rec->producer_id) {
        char seq[32];
        snprintf(seq, sizeof(seq), ":%" PRIu64, (uint64_t)rec->sequence);
        size_t np = strnlen(rec->producer_id, 256), ns = strlen(seq);
        char *sub = ogi_arena_alloc(a, np + ns + 1);
        if (!sub)
            return OGI_ENOMEM;
        memcpy(sub, rec->producer_id, np);
        memcpy(sub + np, seq, ns + 1);
        it->submission = sub;
    }
    ogi_report_t *r = NULL;
    if (!rec->poison && pr && ogi__decode_report_msg(a, pr, &r) == 0) {
        it->report = r;
    } else {
        it->poison_reason = rec->poison_reason && *rec->poison_reason
                                ? rec->poison_reason
                                : "no record";
        it->attempts = rec->attempt;
    }
    return 0;
}

/* Writes a prepared batch until committed (or stopped); then
 * acknowledges. */
static int
flush(sink_t *s, slot_t *b)
{
    Ogi__V1__Record **recs = b->recs;
    size_t n = b->n;
    ogi_db_item_t *items = b->items;
    ogi_db_outcome_t *out = b->out;
    char(*sup)[65] = b->sup;
    uint64_t t0 = ogi__wire_now_ms();
    uint64_t tries = 0;
    for (;;) {
        if (!s->db && reconnect(s))
            return OGI_ERETRY;
        int rc = write_split(s, items, n, out, sup);
        if (rc == 0)
            break;
        s->st.retries++;
        char why[256];
        snprintf(why, sizeof(why), "%s", ogi_db_error(s->db));
        char *nl = strchr(why, '\n');
        if (nl)
            *nl = '\0';
        db_down(s, why);
        ogi_db_destroy(&s->db); /* reconnects with back-off */
        if (s->o->stop && *s->o->stop && ++tries > 50)
            return OGI_ERETRY;
    }
    s->last_check = ogi__wire_now_ms();
    ogi_metric_observe(s->mx.commit_seconds,
                       (double)(s->last_check - t0) / 1000.0);
    ogi_metric_observe(s->mx.batch_records, (double)n);
    s->st.batches++;
    count(s, items, out, n);
    acknowledge(s, recs, items, out, sup, n, b->arena);
    return 0;
}

/*
 * The receiving thread and the sink's thread meet here. The receiver
 * fills slot[fill] and hands it over (ready); the sink writes slot[write]
 * and frees it. The counters are the receiver's, read by the sink under
 * the lock.
 */
typedef struct {
    const ogi_sink_opts_t *o;
    void *pull;
    size_t max, batch;
    unsigned batch_ms;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    slot_t slot[2];
    int writing; /* the sink's thread is writing a batch */
    int done;    /* the receiver stopped: nothing more will be handed over */
    int quit;    /* the sink's thread stopped: the receiver stops */
    uint64_t records, forged, dropped;
} rx_t;

#define NAP_MS 5

static void *
receive(void *arg)
{
    rx_t *x = arg;
    const ogi_sink_opts_t *o = x->o;
    ogi__wire_stats_t ws = {0};
    uint64_t records = 0, forged = 0;
    unsigned fill = 0;
    int quit = 0;
    while (!quit) {
        slot_t *b = &x->slot[fill];
        pthread_mutex_lock(&x->mu);
        while (b->ready && !x->quit)
            pthread_cond_wait(&x->cv, &x->mu);
        quit = x->quit;
        pthread_mutex_unlock(&x->mu);
        if (quit)
            break;
        b->n = 0;
        b->rc = 0;
        uint64_t first = 0;
        for (;;) {
            int stopping = o->stop && *o->stop;
            uint64_t now = ogi__wire_now_ms();
            /* short waits: a stop is seen at once (`ogi ingest` waits) */
            long wait = b->n ? (long)(first + x->batch_ms) - (long)now : 20;
            if (wait < 1)
                wait = b->n ? 2 : 0; /* due: look again for a free writer */
            zmq_pollitem_t it = {x->pull, 0, ZMQ_POLLIN, 0};
            if (stopping)
                ;
            else if (b->n)
                /* a batch under way: records are taken a few ms' worth
                 * at a time, not one wake-up each (the queue holds
                 * them; the batch is not due before) */
                nap(wait > NAP_MS ? NAP_MS : (unsigned)wait);
            else
                zmq_poll(&it, 1, wait > 20 ? 20 : wait);
            ogi__wire_msg_t m;
            while (!stopping && b->n < x->batch &&
                   ogi__wire_recv(x->pull, 0, b->arena, x->max, &m, &ws) !=
                       OGI_ERETRY) {
                if (m.type != OGI__MSG_REC)
                    continue;
                if (!bound_to_bytes(&forged, b->arena,
                                    (Ogi__V1__Record *)m.msg))
                    continue;
                if (b->n == 0)
                    first = ogi__wire_now_ms();
                b->recs[b->n] = (Ogi__V1__Record *)m.msg;
                if (prepare(b, b->n))
                    b->rc = OGI_ENOMEM;
                b->n++;
                records++;
            }
            now = ogi__wire_now_ms();
            if (b->n == 0)
                ogi_arena_reset(b->arena); /* dropped messages only */
            pthread_mutex_lock(&x->mu);
            /* a batch goes when full, or batch_ms after its first record
             * if the writer is free: while it writes, the batch grows (it
             * could not start sooner), so a busy sink makes fewer,
             * larger transactions */
            int full = b->n && (b->n == x->batch || stopping ||
                                (now >= first + x->batch_ms && !x->writing));
            x->records = records;
            x->forged = forged;
            x->dropped = ws.malformed + ws.oversized + ws.undecodable;
            if (full)
                b->ready = 1;
            if (stopping && !full)
                x->done = 1;
            quit = x->quit || x->done;
            if (full || x->done)
                pthread_cond_broadcast(&x->cv);
            pthread_mutex_unlock(&x->mu);
            if (full) {
                fill ^= 1;
                break;
            }
            if (quit)
                break;
        }
    }
    return NULL;
}

int
ogi_sink_run(const ogi_sink_opts_t *o, char *why, size_t why_size)
{
    sink_t s;
    memset(&s, 0, sizeof(s));
    s.o = o;
    static rx_t zero_rx;
    rx_t x = zero_rx;
    x.o = o;
    x.max = o->max_frame ? o->max_frame : (32u << 20);
    x.batch = o->batch ? o->batch : 500;
    x.batch_ms = o->batch_ms ? o->batch_ms : 50;
    size_t max = x.max, batch = x.batch;
    void *ctx = o->ctx ? o->ctx : zmq_ctx_new();
    void *pull = ctx ? zmq_socket(ctx, ZMQ_PULL) : NULL;
    x.pull = pull;
    s.ack = ctx ? zmq_socket(ctx, ZMQ_DEALER) : NULL;
    int rc = pull && s.ack ? 0 : OGI_ENOMEM;
    for (int k = 0; k < 2; k++) {
        x.slot[k].arena = ogi_arena_new(1 << 20);
        x.slot[k].recs = calloc(batch, sizeof(*x.slot[k].recs));
        x.slot[k].items = calloc(batch, sizeof(*x.slot[k].items));
        x.slot[k].out = calloc(batch, sizeof(*x.slot[k].out));
        x.slot[k].sup = calloc(batch, sizeof(*x.slot[k].sup));
        if (!x.slot[k].arena || !x.slot[k].recs || !x.slot[k].items ||
            !x.slot[k].out || !x.slot[k].sup)
            rc = OGI_ENOMEM;
    }
    char id[64];
    snprintf(id, sizeof(id), "sink-%lx", (unsigned long)ogi__wire_now_ms());
    if (!rc)
        rc = ogi_auth_server(o->auth, pull, o->records, why, why_size);
    if (!rc && (ogi__wire_setup(pull, max, (int)batch * 2) ||
                zmq_bind(pull, o->records))) {
        snprintf(why, why_size, "could not bind \"%s\": %s", o->records,
                 zmq_strerror(zmq_errno()));
        rc = OGI_EIO;
    }
    if (!rc)
        rc = ogi_auth_client(o->auth, s.ack, OGI_AUTH_BROKER, o->frontend, why,
                             why_size);
    if (!rc && (ogi__wire_setup(s.ack, max, 100000) ||
                zmq_setsockopt(s.ack, ZMQ_ROUTING_ID, id, strlen(id)) ||
                zmq_connect(s.ack, o->frontend))) {
        snprintf(why, why_size, "could not connect to \"%s\": %s", o->frontend,
                 zmq_strerror(zmq_errno()));
        rc = OGI_EIO;
    }
    if (!rc) {
        s.db = ogi_db_connect(o->db, why, why_size);
        size_t applied;
        if (!s.db || ogi_db_migrate(s.db, &applied) != 0) {
            if (s.db)
                snprintf(why, why_size, "%s", ogi_db_error(s.db));
            rc = OGI_EIO;
        }
    }
    s.m = o->metrics;
    metrics_init(&s);
    if (!rc)
        db_up(&s);
    /* the pull socket is the receiver's from here on */
    pthread_t rt;
    int started = 0;
    if (!rc) {
        pthread_mutex_init(&x.mu, NULL);
        pthread_cond_init(&x.cv, NULL);
        if (pthread_create(&rt, NULL, receive, &x) == 0)
            started = 1;
        else
            rc = OGI_ENOMEM;
    }
    unsigned write = 0;
    while (!rc) {
        slot_t *b = &x.slot[write];
        /* the next batch, or 100 ms: the idle sink's chores go on */
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_mutex_lock(&x.mu);
        while (!b->ready && !x.done &&
               pthread_cond_timedwait(&x.cv, &x.mu, &until) == 0)
            ;
        int ready = b->ready, done = x.done;
        x.writing = ready;
        s.st.records = x.records;
        s.st.forged = x.forged;
        s.st.dropped = x.dropped;
        pthread_mutex_unlock(&x.mu);
        if (ready) {
            if ((b->rc ? b->rc : flush(&s, b)) == OGI_ENOMEM)
                rc = OGI_ENOMEM;
            ogi_arena_reset(b->arena);
            pthread_mutex_lock(&x.mu);
            b->ready = 0;
            x.writing = 0;
            pthread_cond_broadcast(&x.cv);
            pthread_mutex_unlock(&x.mu);
            write ^= 1;
        } else if (!(o->stop && *o->stop)) {
            watch_db(&s, ogi__wire_now_ms());
        }
        ogi_log_limited(&s.garbage, s.st.dropped, 60, "sink",
                        "malformed messages dropped");
        if (o->stats)
            *o->stats = s.st;
        metrics_publish(&s);
        if (o->tick)
            o->tick(o->tick_arg);
        if (done && !ready)
            break; /* the receiver handed over all it had */
    }
    if (started) {
        pthread_mutex_lock(&x.mu);
        x.quit = 1;
        pthread_cond_broadcast(&x.cv);
        pthread_mutex_unlock(&x.mu);
        pthread_join(rt, NULL);
        pthread_cond_destroy(&x.cv);
        pthread_mutex_destroy(&x.mu);
    }
    ogi_db_destroy(&s.db);
    for (int k = 0; k < 2; k++) {
        free(x.slot[k].recs);
        free(x.slot[k].items);
        free(x.slot[k].out);
        free(x.slot[k].sup);
        ogi_arena_destroy(&x.slot[k].arena);
    }
    if (pull)
        zmq_close(pull);
    if (s.ack)
        zmq_close(s.ack);
    if (!o->ctx && ctx)
        zmq_ctx_term(ctx);
    return rc;
}
