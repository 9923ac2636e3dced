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
 *
 * The sink's metrics and the keeping of its database connection are in
 * sink_health.c.
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
#include "sink_int.h"
#include "wire_int.h"

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
                ogi__sink_count_rejected(s, items[i].report && items[i].report->nfindings
                                      ? items[i].report->findings[0].message
                                      : NULL);
                break;
            case OGI_DB_POISON:
                s->st.poison++;
                if (items[i].poison_reason &&
                    strstr(items[i].poison_reason, "exceeds the limit"))
                    ogi__sink_count_rejected(s, items[i].poison_reason);
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
        if (!s->db && ogi__sink_reconnect(s))
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
        ogi__sink_db_down(s, why);
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
                ogi__wire_sleep_ms(wait > NAP_MS ? NAP_MS : (unsigned)wait);
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
    ogi__sink_metrics_init(&s);
    if (!rc)
        ogi__sink_db_up(&s);
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
            ogi__sink_watch_db(&s, ogi__wire_now_ms());
        }
        ogi_log_limited(&s.garbage, s.st.dropped, 60, "sink",
                        "malformed messages dropped");
        if (o->stats)
            *o->stats = s.st;
        ogi__sink_metrics_publish(&s);
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
