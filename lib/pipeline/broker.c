/*
 * broker.c - the stable endpoints: producers and workers connect here.
 *
 * Documents from producers wait in one queue and go to workers that have
 * credit. The broker keeps each document it handed out until the worker
 * reports it finished (Ready.holding): when a worker goes silent, or holds
 * a document too long (hung), its documents go back to the front of the
 * queue with their crash count raised, and a document that has been with
 * max_crashes lost workers goes to the sink as poison, raw bytes and all.
 * Acks from the sink pass through to the producer they name.
 */
#include "ogi_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "ogi/error.h"
#include "ogi/log.h"
#include "ogi/metrics.h"
#include "ogi/pipeline.h"
#include "wire_int.h"

#define MAX_WORKERS 256

typedef struct doc {
    struct doc *next;
    char key[65];
    char producer[OGI__ROUTE_MAX + 1];
    size_t producer_len;
    uint32_t crashes;
    uint8_t *bytes;   /* the packed Document */
    size_t len;
    uint64_t index;   /* position among the documents sent to its worker */
    uint64_t sent_at; /* ms */
    int suspect;      /* was on a worker that was lost with others: goes
                         only to a worker holding nothing else */
} doc_t;

typedef struct {
    char id[OGI__ROUTE_MAX + 1];
    size_t id_len;
    int alive;
    uint64_t last_seen;
    uint64_t sent;          /* documents sent to it */
    uint64_t received;      /* as it last reported */
    uint32_t free_slots;    /* as it last reported */
    doc_t *held;            /* sent and not reported finished */
    int isolated;           /* holds a suspect document: nothing else */
} worker_t;

typedef struct {
    const ogi_broker_opts_t *o;
    void *front, *back, *sink;
    doc_t *head, *tail;     /* the queue */
    size_t queued;
    size_t queued_bytes; /* of the documents in the queue */
    size_t bytes; /* of every document held, queued or on a worker */
    worker_t workers[MAX_WORKERS];
    size_t nworkers;
    ogi_broker_stats_t st;
    /* documents finished (by a worker, or sent to the sink as poison)
     * less the ack items that came back through here: a drain waits for
     * it to reach 0. Signed: an ack can pass before its worker's report */
    int64_t owed;
    uint64_t last_owed_ms; /* when owed last changed */
    ogi_metric_t *m_documents, *m_dispatched, *m_requeued, *m_poison,
        *m_acks, *m_dropped, *m_lost, *m_forged, *m_queue, *m_qbytes, *m_bytes,
        *m_credit, *m_alive;
    ogi_log_limit_t garbage;
} broker_t;

static void
metrics_init(broker_t *b, ogi_metrics_t *m)
{
    if (!m)
        return;
    b->m_documents = ogi_metrics_counter(
        m, "ogi_documents_received_total",
        "Documents the broker took in from producers (resends included).",
        NULL, NULL);
    b->m_dispatched = ogi_metrics_counter(
        m, "ogi_documents_dispatched_total",
        "Documents sent to workers, resends included.", NULL, NULL);
    b->m_requeued = ogi_metrics_counter(
        m, "ogi_documents_requeued_total",
        "Documents taken back from lost workers.", NULL, NULL);
    b->m_poison = ogi_metrics_counter(
        m, "ogi_documents_poison_total",
        "Documents sent to the dead letters after too many lost workers.",
        NULL, NULL);
    b->m_acks = ogi_metrics_counter(
        m, "ogi_acks_forwarded_total",
        "Acknowledgements forwarded from the sink to producers.", NULL, NULL);
    b->m_lost = ogi_metrics_counter(m, "ogi_workers_lost_total",
                                    "Workers that went silent or hung.",
                                    NULL, NULL);
    b->m_forged = ogi_metrics_counter(
        m, "ogi_acks_forged_total",
        "Acknowledgements not from the sink's key: dropped.", NULL, NULL);
    b->m_dropped = ogi_metrics_counter(
        m, "ogi_messages_dropped_total",
        "Malformed, oversized or undecodable messages dropped.", "component",
        "broker");
    b->m_queue = ogi_metrics_gauge(m, "ogi_broker_queue_documents",
                                   "Documents waiting for a worker.", NULL,
                                   NULL);
    b->m_qbytes = ogi_metrics_gauge(
        m, "ogi_broker_queue_bytes",
        "Bytes of the documents waiting for a worker.", NULL, NULL);
    b->m_bytes = ogi_metrics_gauge(
        m, "ogi_broker_held_bytes",
        "Bytes of the documents the broker holds, queued or on workers.",
        NULL, NULL);
    b->m_credit = ogi_metrics_gauge(
        m, "ogi_broker_credit_documents",
        "Documents the live workers can take now (their credit).", NULL,
        NULL);
    b->m_alive = ogi_metrics_gauge(m, "ogi_workers_alive",
                                   "Workers heard from recently.", NULL,
                                   NULL);
}

static void
doc_free(broker_t *b, doc_t *d)
{
    if (d) {
        b->bytes -= d->len;
        free(d->bytes);
        free(d);
    }
}

static void
queue_push(broker_t *b, doc_t *d, int front)
{
    d->next = NULL;
    if (!b->head) {
        b->head = b->tail = d;
    } else if (front) {
        d->next = b->head;
        b->head = d;
    } else {
        b->tail->next = d;
        b->tail = d;
    }
    b->queued++;
    b->queued_bytes += d->len;
}

static doc_t *
queue_pop(broker_t *b)
{
    doc_t *d = b->head;
    if (d) {
        b->head = d->next;
        if (!b->head)
            b->tail = NULL;
        b->queued--;
        b->queued_bytes -= d->len;
    }
    return d;
}

/* A Document from a producer: checked, repacked and queued. */
static void
take_document(broker_t *b, const ogi__wire_msg_t *m)
{
    Ogi__V1__Document *doc = (Ogi__V1__Document *)m->msg;
    /* an empty document is a document (protobuf cannot tell its empty
     * bytes from absent ones): the worker rejects it with its reason */
    if (!doc->doc_key || strlen(doc->doc_key) != 64) {
        b->st.dropped++;
        return;
    }
    doc_t *d = calloc(1, sizeof(*d));
    if (!d)
        return; /* the producer resends it */
    memcpy(d->key, doc->doc_key, 64);
    /* acks go back to the connection it came from, whatever it claims */
    memcpy(d->producer, m->route, m->route_len);
    d->producer_len = m->route_len;
    char pid[OGI__ROUTE_MAX + 1];
    memcpy(pid, m->route, m->route_len);
    pid[m->route_len] = '\0';
    doc->producer_id = pid;
    d->crashes = doc->crashes;
    d->len = ogi__v1__document__get_packed_size(doc);
    d->bytes = malloc(d->len ? d->len : 1);
    if (!d->bytes) {
        free(d);
        return;
    }
    ogi__v1__document__pack(doc, d->bytes);
    b->bytes += d->len;
    queue_push(b, d, 0);
    b->st.documents++;
}

static worker_t *
find_worker(broker_t *b, const char *id, size_t len, int create)
{
    for (size_t i = 0; i < b->nworkers; i++)
        if (b->workers[i].alive && b->workers[i].id_len == len &&
            memcmp(b->workers[i].id, id, len) == 0)
            return &b->workers[i];
    if (!create)
        return NULL;
    worker_t *w = NULL;
    for (size_t i = 0; i < b->nworkers && !w; i++)
        if (!b->workers[i].alive)
            w = &b->workers[i];
    if (!w && b->nworkers < MAX_WORKERS)
        w = &b->workers[b->nworkers++];
    if (!w)
        return NULL;
    memset(w, 0, sizeof(*w));
    memcpy(w->id, id, len);
    w->id_len = len;
    w->alive = 1;
    return w;
}

/* The credit a worker has now: what it reported free, less what was sent
 * after its report. */
static uint64_t
credit(const worker_t *w)
{
    uint64_t in_transit = w->sent - w->received;
    return w->free_slots > in_transit ? w->free_slots - in_transit : 0;
}

static void
take_ready(broker_t *b, const ogi__wire_msg_t *m, uint64_t now)
{
    const Ogi__V1__Ready *r = (const Ogi__V1__Ready *)m->msg;
    worker_t *w = find_worker(b, m->route, m->route_len, 1);
    if (!w)
        return;
    w->last_seen = now;
    if (r->received > w->sent) {
        /* the worker outlived our record of it (it was dropped and came
         * back): what it got before was requeued; count from here */
        w->sent = r->received;
    }
    w->received = r->received;
    w->free_slots = r->credit;
    /* documents it had received and no longer holds are finished */
    doc_t **pp = &w->held;
    while (*pp) {
        doc_t *d = *pp;
        int holding = d->index >= r->received;
        for (size_t i = 0; !holding && i < r->n_holding; i++)
            holding = r->holding[i] && strcmp(r->holding[i], d->key) == 0;
        if (holding) {
            pp = &d->next;
        } else {
            *pp = d->next;
            doc_free(b, d);
            b->owed++;
            b->last_owed_ms = now;
        }
    }
    if (!w->held)
        w->isolated = 0;
}

/*
 * A document whose worker was lost: back to the queue. Only a loss while
 * it was the worker's one document counts against it (with others, any of
 * them may be at fault: it becomes a suspect, to be tried alone); after
 * max_crashes counted losses it goes to the sink as poison.
 */
static void
requeue(broker_t *b, doc_t *d, int alone)
{
    unsigned k = b->o->max_crashes ? b->o->max_crashes : 3;
    b->st.requeued++;
    if (!alone) {
        d->suspect = 1;
        queue_push(b, d, 1);
        return;
    }
    d->crashes++;
    ogi_arena_t *a = ogi_arena_new(0);
    Ogi__V1__Document *doc =
        a ? ogi__v1__document__unpack(NULL, d->len, d->bytes) : NULL;
    if (!doc) {
        ogi_arena_destroy(&a);
        doc_free(b, d);
        return; /* the producer resends it */
    }
    doc->crashes = d->crashes;
    if (d->crashes >= k) {
        Ogi__V1__Record rec;
        ogi__v1__record__init(&rec);
        char reason[96];
        snprintf(reason, sizeof(reason),
                 "worker lost %u times while holding the document",
                 d->crashes);
        rec.producer_id = doc->producer_id;
        rec.sequence = doc->sequence;
        rec.attempt = doc->attempt;
        rec.raw = doc->raw;
        rec.poison = 1;
        rec.poison_reason = reason;
        rec.worker_id = ogi__pb_str("broker");
        rec.retry_dead = doc->retry_dead;
        /* the Record carries the document's identity for the sink */
        Ogi__V1__Report rep;
        ogi__v1__report__init(&rep);
        rep.doc_key = doc->doc_key;
        Ogi__V1__Source src;
        ogi__v1__source__init(&src);
        src.name = doc->source_name;
        src.bytes = doc->raw.len;
        src.content_type = doc->content_type;
        rep.source = &src;
        rep.status = OGI__V1__STATUS__STATUS_REJECTED;
        rec.report = &rep;
        if (ogi__wire_send(b->sink, NULL, 0, OGI__MSG_REC, &rec.base, 0) ==
            0) {
            ogi_log_fields(OGI_LOG_WARN, "broker",
                           &(ogi_log_field_t){"doc_key", d->key}, 1,
                           "document sent to the dead letters: %s", reason);
            b->st.poison++;
            b->owed++;
            b->last_owed_ms = ogi__wire_now_ms();
        }
        ogi__v1__document__free_unpacked(doc, NULL);
        ogi_arena_destroy(&a);
        doc_free(b, d);
        return;
    }
    size_t n = ogi__v1__document__get_packed_size(doc);
    uint8_t *nb = malloc(n ? n : 1);
    if (nb) {
        ogi__v1__document__pack(doc, nb);
        free(d->bytes);
        b->bytes = b->bytes - d->len + n;
        d->bytes = nb;
        d->len = n;
    }
    ogi__v1__document__free_unpacked(doc, NULL);
    ogi_arena_destroy(&a);
    queue_push(b, d, 1);
}

static void
lose_worker(broker_t *b, worker_t *w)
{
    w->alive = 0;
    b->st.workers_lost++;
    int alone = w->held && !w->held->next;
    size_t held = 0;
    for (const doc_t *d = w->held; d; d = d->next)
        held++;
    char id[OGI__ROUTE_MAX + 1];
    snprintf(id, sizeof(id), "%.*s", (int)w->id_len, w->id);
    ogi_log_fields(OGI_LOG_WARN, "broker",
                   &(ogi_log_field_t){"worker", id}, 1,
                   "worker \"%s\" lost: %zu documents it held requeued", id,
                   held);
    while (w->held) {
        doc_t *d = w->held;
        w->held = d->next;
        requeue(b, d, alone);
    }
}

/* The worker with the most credit that may take d, or NULL: a suspect
 * document only goes to a worker holding nothing. */
static worker_t *
pick_worker(broker_t *b, const doc_t *d)
{
    worker_t *best = NULL;
    uint64_t bc = 0;
    for (size_t i = 0; i < b->nworkers; i++) {
        worker_t *w = &b->workers[i];
        if (!w->alive || w->isolated || (d->suspect && w->held))
            continue;
        uint64_t c = credit(w);
        if (c > bc) {
            bc = c;
            best = w;
        }
    }
    return best;
}

/* Hands queued documents to workers with credit; a suspect waiting for an
 * idle worker does not hold up the documents behind it. */
static void
dispatch(broker_t *b, uint64_t now)
{
    doc_t **pp = &b->head, *prev = NULL;
    int scanned = 0;
    while (*pp && scanned++ < 256) {
        doc_t *d = *pp;
        worker_t *w = pick_worker(b, d);
        if (!w) {
            if (!d->suspect)
                return; /* no credit anywhere */
            prev = d;
            pp = &d->next;
            continue;
        }
        if (zmq_send(b->back, w->id, w->id_len,
                     ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0 ||
            zmq_send(b->back, "DOC1", 4, ZMQ_SNDMORE) < 0 ||
            zmq_send(b->back, d->bytes, d->len, 0) < 0)
            return;
        /* unlink d from the queue */
        *pp = d->next;
        if (b->tail == d)
            b->tail = prev;
        b->queued--;
        b->queued_bytes -= d->len;
        d->index = w->sent++;
        d->sent_at = now;
        d->next = w->held;
        w->held = d;
        if (d->suspect)
            w->isolated = 1;
        b->st.dispatched++;
    }
}

static void
heartbeat(broker_t *b, uint64_t now)
{
    const ogi_broker_opts_t *o = b->o;
    unsigned wt = o->worker_timeout_ms ? o->worker_timeout_ms : 3000;
    Ogi__V1__Heartbeat hb;
    ogi__v1__heartbeat__init(&hb);
    hb.sender_id = ogi__pb_str("broker");
    hb.sent_at_ms = now;
    for (size_t i = 0; i < b->nworkers; i++) {
        worker_t *w = &b->workers[i];
        if (!w->alive)
            continue;
        /* a hung parse is the worker's to detect (it exits); a worker
         * merely waiting on a slow sink keeps its heartbeat */
        if (now - w->last_seen > wt) {
            lose_worker(b, w);
            continue;
        }
        ogi__wire_send(b->back, w->id, w->id_len, OGI__MSG_HBT, &hb.base, 1);
    }
}

/* The running totals and the levels, for /metrics; the loop ran. */
static void
publish(broker_t *b)
{
    if (!b->o->metrics)
        return;
    ogi_metric_total(b->m_documents, b->st.documents);
    ogi_metric_total(b->m_dispatched, b->st.dispatched);
    ogi_metric_total(b->m_requeued, b->st.requeued);
    ogi_metric_total(b->m_poison, b->st.poison);
    ogi_metric_total(b->m_acks, b->st.acks);
    ogi_metric_total(b->m_dropped, b->st.dropped);
    ogi_metric_total(b->m_lost, b->st.workers_lost);
    ogi_metric_total(b->m_forged, b->st.forged_acks);
    uint64_t c = 0, alive = 0;
    for (size_t i = 0; i < b->nworkers; i++)
        if (b->workers[i].alive) {
            alive++;
            c += credit(&b->workers[i]);
        }
    ogi_metric_set(b->m_queue, (double)b->queued);
    ogi_metric_set(b->m_qbytes, (double)b->queued_bytes);
    ogi_metric_set(b->m_bytes, (double)b->bytes);
    ogi_metric_set(b->m_credit, (double)c);
    ogi_metric_set(b->m_alive, (double)alive);
    ogi_metrics_beat(b->o->metrics, "broker");
}

static int
open_socket(broker_t *b, void *ctx, int type, const char *ep, int bind,
            void **out, char *why, size_t why_size)
{
    *out = zmq_socket(ctx, type);
    if (!*out)
        return OGI_ENOMEM;
    /* producers and workers connect to the broker; it connects to the
     * sink */
    int rc = bind ? ogi_auth_server(b->o->auth, *out, ep, why, why_size)
                  : ogi_auth_client(b->o->auth, *out, OGI_AUTH_SINK, ep, why,
                                    why_size);
    if (rc)
        return rc;
    size_t max = b->o->max_frame ? b->o->max_frame : (32u << 20);
    if (ogi__wire_setup(*out, max, 1000) ||
        (bind ? zmq_bind(*out, ep) : zmq_connect(*out, ep)) != 0) {
        snprintf(why, why_size, "could not %s \"%s\": %s",
                 bind ? "bind" : "connect to", ep, zmq_strerror(zmq_errno()));
        return OGI_EIO;
    }
    return 0;
}

int
ogi_broker_run(const ogi_broker_opts_t *o, char *why, size_t why_size)
{
    broker_t *b = calloc(1, sizeof(*b));
    if (!b)
        return OGI_ENOMEM;
    b->o = o;
    metrics_init(b, o->metrics);
    void *ctx = o->ctx ? o->ctx : zmq_ctx_new();
    ogi_arena_t *arena = ogi_arena_new(0);
    int rc = ctx && arena ? 0 : OGI_ENOMEM;
    if (!rc)
        rc = open_socket(b, ctx, ZMQ_ROUTER, o->frontend, 1, &b->front, why,
                         why_size);
    if (!rc)
        rc = open_socket(b, ctx, ZMQ_ROUTER, o->backend, 1, &b->back, why,
                         why_size);
    if (!rc)
        rc = open_socket(b, ctx, ZMQ_PUSH, o->sink, 0, &b->sink, why,
                         why_size);
    size_t max = o->max_frame ? o->max_frame : (32u << 20);
    size_t max_queue = o->max_queue ? o->max_queue : 10000;
    /* past the budget, producers' documents wait in their own windows */
    size_t max_bytes = o->max_bytes ? o->max_bytes : ((size_t)256 << 20);
    unsigned hb = o->heartbeat_ms ? o->heartbeat_ms : 1000;
    uint64_t next_hb = ogi__wire_now_ms() + hb;
    ogi__wire_stats_t ws = {0};
    const char *sink_key = ogi_auth_sink_key(o->auth);
    unsigned drain_ms = o->drain_ms ? o->drain_ms : 30000;
    uint64_t drain_end = 0;
    while (!rc) {
        int draining = o->stop && *o->stop;
        if (draining) {
            /* finish what workers hold, then forward the acks owed for
             * it (the sink commits in batches); never past the deadline:
             * with no worker alive nothing would ever finish, and
             * producers resend whatever is left */
            uint64_t now = ogi__wire_now_ms();
            if (!drain_end)
                drain_end = now + drain_ms;
            size_t held = 0;
            for (size_t i = 0; i < b->nworkers; i++)
                for (doc_t *d = b->workers[i].held;
                     b->workers[i].alive && d; d = d->next)
                    held++;
            /* acks that never come (a resend's, a record the sink
             * dropped) must not hold the drain: 2 s of silence ends it */
            int acked = b->owed <= 0 || now >= b->last_owed_ms + 2000;
            if (!b->head && held == 0 && acked)
                break;
            if (now >= drain_end) {
                ogi_log(OGI_LOG_WARN, "broker",
                        "drain deadline of %u ms reached: %zu "
                        "documents queued, %zu held by workers, %lld "
                        "acknowledgements owed; producers resend them",
                        drain_ms, b->queued, held,
                        (long long)(b->owed > 0 ? b->owed : 0));
                break;
            }
        }
        zmq_pollitem_t items[2] = {
            {b->front, 0, ZMQ_POLLIN, 0},
            {b->back, 0, ZMQ_POLLIN, 0},
        };
        /* a full queue or budget stops reading producers: their windows
         * fill up */
        long wait = (long)(next_hb - ogi__wire_now_ms());
        if (wait < 0)
            wait = 0;
        /* short: a stop is seen at once (an `ogi ingest` waits for it) */
        if (zmq_poll(items, 2, wait > 20 ? 20 : wait) < 0 &&
            zmq_errno() != EINTR) {
            rc = OGI_EIO;
            break;
        }
        uint64_t now = ogi__wire_now_ms();
        for (int burst = 0; burst < 256; burst++) {
            int got = 0;
            ogi__wire_msg_t m;
            if (b->queued < max_queue && b->bytes < max_bytes &&
                ogi__wire_recv(b->front, 1, arena, max, &m, &ws) != OGI_ERETRY) {
                got = 1;
                if (m.type == OGI__MSG_DOC && !draining) {
                    take_document(b, &m);
                } else if (m.type == OGI__MSG_ACK && sink_key &&
                           strcmp(m.user, sink_key) != 0) {
                    /* only the sink acknowledges */
                    b->st.forged_acks++;
                } else if (m.type == OGI__MSG_ACK) {
                    const Ogi__V1__Ack *ack = (const Ogi__V1__Ack *)m.msg;
                    if (ack->producer_id && *ack->producer_id &&
                        ogi__wire_send(b->front, ack->producer_id,
                                       strlen(ack->producer_id), OGI__MSG_ACK,
                                       m.msg, 1) == 0)
                        b->st.acks++;
                    b->owed -= (int64_t)ack->n_items;
                    b->last_owed_ms = now;
                }
            }
            if (ogi__wire_recv(b->back, 1, arena, max, &m, &ws) != OGI_ERETRY) {
                got = 1;
                if (m.type == OGI__MSG_RDY)
                    take_ready(b, &m, now);
            }
            ogi_arena_reset(arena);
            if (!got)
                break;
        }
        dispatch(b, now);
        if (now >= next_hb) {
            heartbeat(b, now);
            dispatch(b, now);
            next_hb = now + hb;
        }
        b->st.dropped = ws.malformed + ws.oversized + ws.undecodable;
        ogi_log_limited(&b->garbage, b->st.dropped, 60, "broker",
                        "malformed messages dropped");
        if (o->stats)
            *o->stats = b->st;
        publish(b);
        if (o->tick)
            o->tick(o->tick_arg);
    }
    while (b->head)
        doc_free(b, queue_pop(b));
    for (size_t i = 0; i < b->nworkers; i++)
        while (b->workers[i].held) {
            doc_t *d = b->workers[i].held;
            b->workers[i].held = d->next;
            doc_free(b, d);
        }
    if (b->front)
        zmq_close(b->front);
    if (b->back)
        zmq_close(b->back);
    if (b->sink)
        zmq_close(b->sink);
    if (!o->ctx && ctx)
        zmq_ctx_term(ctx);
    ogi_arena_destroy(&arena);
    free(b);
    return rc;
}
