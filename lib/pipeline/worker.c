/*
 * worker.c - documents in, records out: decode → parse → validate →
 * encode → send to the sink, on N threads.
 *
 * The main thread talks to the broker: it passes each document to the
 * parsing threads over inproc, and reports its state (free slots, the
 * documents it holds, how many it received) in a Ready message whenever
 * that changes and every heartbeat. Each parsing thread owns an arena,
 * reset after every document whatever the outcome, and its own socket to
 * the sink; a slow sink blocks the threads, which stops the credit, which
 * stops the broker: back-pressure without unbounded queues.
 */
#include "ogi_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#include "encode_int.h"
#include "ogi/error.h"
#include "ogi/log.h"
#include "ogi/metrics.h"
#include "ogi/parse.h"
#include "ogi/pipeline.h"
#include "ogi/text.h"
#include "ogi/validate.h"
#include "wire_int.h"

#define MAX_HOLD 1024

#define MAX_THREADS 256

typedef struct {
    const ogi_worker_opts_t *o;
    void *ctx;
    char id[96];
    char jobs_ep[96], done_ep[96];
    volatile int quit;
    size_t max;
    /* when each thread started parsing its current document (ms; 0: not
     * parsing): the watchdog's view. Waiting on a slow sink is not parsing,
     * so back-pressure never looks like a hang. */
    uint64_t started[MAX_THREADS];
    ogi_metric_t *parse_seconds; /* NULL: metrics off */
} shared_t;

typedef struct {
    shared_t *sh;
    unsigned index;
} thread_arg_t;

#ifdef OGI_FAULT_HOOKS
/* Test builds only: documents that crash or hang a worker on purpose, so
 * that the pipeline's handling of poison can be tested. */
static void
fault_hooks(const ProtobufCBinaryData *raw)
{
    if (ogi_text_find((const char *)raw->data, raw->len, "OGI-FAULT-CRASH"))
        abort();
    if (ogi_text_find((const char *)raw->data, raw->len, "OGI-FAULT-HANG"))
        for (;;)
            sleep(1);
}
#endif

/* Parses one packed Document and sends its Record; returns the doc_key
 * (in the arena) to report as finished, or NULL. */
static const char *
process(shared_t *sh, unsigned index, ogi_arena_t *a, void *sink,
        const void *bytes, size_t len)
{
    Ogi__V1__Document *doc = ogi__v1__document__unpack(NULL, len, bytes);
    if (!doc)
        return NULL;
    char *key = ogi_arena_strdup(a, doc->doc_key ? doc->doc_key : "");
    __atomic_store_n(&sh->started[index], ogi__wire_now_ms(),
                     __ATOMIC_RELAXED);
#ifdef OGI_FAULT_HOOKS
    fault_hooks(&doc->raw);
#endif
    ogi_parse_opts_t po = {0};
    po.name = doc->source_name;
    ogi_report_t *r = NULL;
    Ogi__V1__Report *pr = NULL;
    const char *poison = "out of memory while parsing";
    char big[160];
    int prc = 0;
    if (doc->size > doc->raw.len) {
        /* only its head came: kept as a dead letter, not parsed */
        snprintf(big, sizeof(big),
                 "input of %llu bytes exceeds the limit of %zu bytes (its "
                 "first %zu bytes are kept)",
                 (unsigned long long)doc->size,
                 (size_t)OGI_TEXT_MAX_DEFAULT, doc->raw.len);
        poison = big;
    } else {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        prc = ogi_parse_report(a, (const char *)doc->raw.data, doc->raw.len,
                               &po, &r);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        ogi_metric_observe(sh->parse_seconds,
                           (double)(t1.tv_sec - t0.tv_sec) +
                               (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    }
    if (doc->size > doc->raw.len) {
        /* the record stays NULL */
    } else if (prc == OGI_ECONVERT && r && r->nfindings) {
        /* a converter that crashed or hung may do better after an
         * upgrade: a dead letter keeps the bytes for a retry */
        poison = r->findings[0].message;
    } else if (prc == 0 && ogi_validate_report(r) == 0) {
        /* the producer's key names the document, whatever it holds */
        snprintf(r->doc_key, sizeof(r->doc_key), "%s", key);
        /* content_type stays the form told from the bytes: a producer's
         * label (a file name's extension, a web server's header) is
         * often wrong */
        ogi__encode_report_msg(a, r, &pr);
    }
    __atomic_store_n(&sh->started[index], 0, __ATOMIC_RELAXED);
    Ogi__V1__Record rec;
    ogi__v1__record__init(&rec);
    rec.report = pr;
    rec.producer_id = doc->producer_id;
    rec.sequence = doc->sequence;
    rec.attempt = doc->attempt;
    rec.raw = doc->raw;
    rec.worker_id = sh->id;
    rec.retry_dead = doc->retry_dead;
    /* a poison record still names its document, for the dead letter */
    Ogi__V1__Report rep;
    Ogi__V1__Source src;
    if (!pr) {
        rec.poison = 1;
        rec.poison_reason = ogi__pb_str(poison);
        rec.too_large = doc->size > doc->raw.len;
        ogi__v1__report__init(&rep);
        ogi__v1__source__init(&src);
        rep.doc_key = key;
        rep.status = OGI__V1__STATUS__STATUS_REJECTED;
        src.name = doc->source_name;
        src.bytes = doc->size > doc->raw.len ? doc->size : doc->raw.len;
        if (r && r->content_type)
            src.content_type = ogi__pb_str(r->content_type);
        rep.source = &src;
        rec.report = &rep;
    }
    int rc;
    do {
        rc = ogi__wire_send(sink, NULL, 0, OGI__MSG_REC, &rec.base, 0);
    } while (rc == OGI_ERETRY && !sh->quit);
    ogi__v1__document__free_unpacked(doc, NULL);
    return rc == 0 ? key : NULL;
}

static void *
parse_thread(void *arg)
{
    thread_arg_t *ta = arg;
    shared_t *sh = ta->sh;
    void *jobs = zmq_socket(sh->ctx, ZMQ_PULL);
    void *done = zmq_socket(sh->ctx, ZMQ_PUSH);
    void *sink = zmq_socket(sh->ctx, ZMQ_PUSH);
    /* a first block that holds a whole parse (some 300 KB for a real
     * report): a reset then frees nothing, and the next parse takes no
     * memory from the system (brk and page faults cost a tenth of a
     * parse with 64 KB blocks) */
    ogi_arena_t *a = ogi_arena_new(1 << 20);
    int timeout = 500;
    char why[256];
    if (!jobs || !done || !sink || !a ||
        /* checked in ogi_worker_run before the threads start */
        ogi_auth_client(sh->o->auth, sink, OGI_AUTH_SINK, sh->o->sink, why,
                        sizeof(why)) ||
        ogi__wire_setup(sink, sh->max, 8) ||
        zmq_setsockopt(sink, ZMQ_SNDTIMEO, &timeout, sizeof(timeout)) ||
        zmq_connect(jobs, sh->jobs_ep) || zmq_connect(done, sh->done_ep) ||
        zmq_connect(sink, sh->o->sink))
        sh->quit = 1;
    int linger = 0;
    if (jobs)
        zmq_setsockopt(jobs, ZMQ_LINGER, &linger, sizeof(linger));
    while (!sh->quit) {
        /* a short wait: a stopping worker joins its threads at once (an
         * `ogi ingest` waits for it before it exits) */
        zmq_pollitem_t it = {jobs, 0, ZMQ_POLLIN, 0};
        if (zmq_poll(&it, 1, 20) <= 0)
            continue;
        zmq_msg_t job;
        zmq_msg_init(&job);
        if (zmq_msg_recv(&job, jobs, ZMQ_DONTWAIT) >= 0) {
            const char *key = process(sh, ta->index, a, sink,
                                      zmq_msg_data(&job), zmq_msg_size(&job));
            if (key && *key)
                zmq_send(done, key, strlen(key), 0);
        }
        zmq_msg_close(&job);
        ogi_arena_reset(a);
    }
    ogi_arena_destroy(&a);
    if (jobs)
        zmq_close(jobs);
    if (done)
        zmq_close(done);
    if (sink)
        zmq_close(sink);
    return NULL;
}

typedef struct {
    char key[MAX_HOLD][65];
    size_t n;
} holding_t;

static void
hold(holding_t *h, const char *k, size_t n)
{
    if (h->n < MAX_HOLD && n == 64) {
        memcpy(h->key[h->n], k, 64);
        h->key[h->n][64] = '\0';
        h->n++;
    }
}

static void
release(holding_t *h, const char *k, size_t n)
{
    for (size_t i = 0; i < h->n; i++)
        if (n == 64 && memcmp(h->key[i], k, 64) == 0) {
            memmove(h->key[i], h->key[h->n - 1], 65);
            h->n--;
            return;
        }
}

static int
send_ready(void *dealer, const char *id, size_t capacity, holding_t *h,
           uint64_t received, int closing)
{
    Ogi__V1__Ready rdy;
    ogi__v1__ready__init(&rdy);
    char *keys[MAX_HOLD];
    for (size_t i = 0; i < h->n; i++)
        keys[i] = h->key[i];
    rdy.worker_id = ogi__pb_str(id);
    rdy.credit = closing || h->n >= capacity ? 0 : (uint32_t)(capacity - h->n);
    rdy.n_holding = h->n;
    rdy.holding = keys;
    rdy.received = received;
    return ogi__wire_send(dealer, NULL, 0, OGI__MSG_RDY, &rdy.base, 1);
}

static void *
connect_dealer(void *ctx, const ogi_auth_t *auth, const char *ep,
               const char *id, size_t max)
{
    void *d = zmq_socket(ctx, ZMQ_DEALER);
    if (!d)
        return NULL;
    char why[256];
    if (ogi_auth_client(auth, d, OGI_AUTH_BROKER, ep, why, sizeof(why)) ||
        ogi__wire_setup(d, max, 1000) ||
        zmq_setsockopt(d, ZMQ_ROUTING_ID, id, strlen(id)) ||
        zmq_connect(d, ep)) {
        zmq_close(d);
        return NULL;
    }
    return d;
}

int
ogi_worker_run(const ogi_worker_opts_t *o, char *why, size_t why_size)
{
    shared_t sh;
    memset(&sh, 0, sizeof(sh));
    sh.o = o;
    sh.max = o->max_frame ? o->max_frame : (32u << 20);
    sh.ctx = o->ctx ? o->ctx : zmq_ctx_new();
    if (!sh.ctx)
        return OGI_ENOMEM;
    unsigned nthreads = o->threads ? o->threads : 2;
    if (nthreads > MAX_THREADS)
        nthreads = MAX_THREADS;
    uint64_t parse_timeout = o->parse_timeout_ms ? o->parse_timeout_ms : 60000;
    size_t capacity = (size_t)nthreads * (o->per_thread ? o->per_thread : 2);
    if (capacity > MAX_HOLD)
        capacity = MAX_HOLD;
    unsigned hb = o->heartbeat_ms ? o->heartbeat_ms : 1000;
    unsigned bt = o->broker_timeout_ms ? o->broker_timeout_ms : 3000;
    static volatile unsigned instance;
    unsigned me = __atomic_add_fetch(&instance, 1, __ATOMIC_RELAXED);
    char base[64];
    if (o->id)
        snprintf(base, sizeof(base), "%s", o->id);
    else
        snprintf(base, sizeof(base), "w%ld-%u", (long)getpid(), me);
    unsigned incarnation = 0;
    snprintf(sh.id, sizeof(sh.id), "%s.%u", base, incarnation);
    snprintf(sh.jobs_ep, sizeof(sh.jobs_ep), "inproc://ogi-jobs-%s", base);
    ogi_metrics_t *mx = o->metrics;
    sh.parse_seconds = ogi_metrics_histogram(
        mx, "ogi_parse_seconds", "Time to parse one document.",
        ogi_metrics_seconds_bounds, ogi_metrics_seconds_nbounds);
    ogi_metric_t *m_parsed = ogi_metrics_counter(
        mx, "ogi_documents_parsed_total",
        "Documents a worker parsed and sent to the sink.", NULL, NULL);
    ogi_metric_t *m_dropped = ogi_metrics_counter(
        mx, "ogi_messages_dropped_total",
        "Malformed, oversized or undecodable messages dropped.", "component",
        "worker");
    uint64_t parsed = 0;
    int broker_lost = 0; /* said once until it is back */
    ogi_log_limit_t garbage = {0};
    snprintf(sh.done_ep, sizeof(sh.done_ep), "inproc://ogi-done-%s", base);

    /* the endpoints' keys, checked once with a reason before any
     * thread or connection depends on them */
    int rc = 0;
    void *probe = zmq_socket(sh.ctx, ZMQ_DEALER);
    if (!probe ||
        (rc = ogi_auth_client(o->auth, probe, OGI_AUTH_BROKER, o->backend,
                              why, why_size)) ||
        (rc = ogi_auth_client(o->auth, probe, OGI_AUTH_SINK, o->sink, why,
                              why_size))) {
        if (probe)
            zmq_close(probe);
        if (!o->ctx)
            zmq_ctx_term(sh.ctx);
        return rc ? rc : OGI_ENOMEM;
    }
    zmq_close(probe);
    void *jobs = zmq_socket(sh.ctx, ZMQ_PUSH);
    void *done = zmq_socket(sh.ctx, ZMQ_PULL);
    void *dealer = connect_dealer(sh.ctx, o->auth, o->backend, sh.id, sh.max);
    int linger = 0;
    if (!jobs || !done || !dealer || zmq_bind(jobs, sh.jobs_ep) ||
        zmq_bind(done, sh.done_ep)) {
        snprintf(why, why_size, "could not connect to \"%s\": %s", o->backend,
                 zmq_strerror(zmq_errno()));
        rc = OGI_EIO;
    }
    if (jobs)
        zmq_setsockopt(jobs, ZMQ_LINGER, &linger, sizeof(linger));
    pthread_t *threads = calloc(nthreads, sizeof(*threads));
    thread_arg_t *targs = calloc(nthreads, sizeof(*targs));
    unsigned started = 0;
    for (; !rc && threads && targs && started < nthreads; started++) {
        targs[started].sh = &sh;
        targs[started].index = started;
        if (pthread_create(&threads[started], NULL, parse_thread,
                           &targs[started])) {
            rc = OGI_ENOMEM;
            break;
        }
    }
    holding_t *h = calloc(1, sizeof(*h));
    if (!threads || !h)
        rc = OGI_ENOMEM;
    ogi_arena_t *arena = ogi_arena_new(0);
    uint64_t received = 0, now = ogi__wire_now_ms();
    uint64_t last_broker = now, next_rdy = now;
    ogi__wire_stats_t ws = {0};
    while (!rc && arena) {
        int stopping = o->stop && *o->stop;
        if (stopping && h->n == 0)
            break;
        zmq_pollitem_t items[2] = {{dealer, 0, ZMQ_POLLIN, 0},
                                   {done, 0, ZMQ_POLLIN, 0}};
        zmq_poll(items, 2, 20); /* short: a stop is seen at once */
        now = ogi__wire_now_ms();
        int changed = 0;
        ogi__wire_msg_t m;
        while (ogi__wire_recv(dealer, 0, arena, sh.max, &m, &ws) !=
               OGI_ERETRY) {
            last_broker = now;
            if (broker_lost) {
                ogi_log(OGI_LOG_INFO, "worker", "broker back, as \"%s\"",
                        sh.id);
                broker_lost = 0;
            }
            if (m.type != OGI__MSG_DOC)
                continue;
            Ogi__V1__Document *doc = (Ogi__V1__Document *)m.msg;
            received++;
            size_t n = ogi__v1__document__get_packed_size(doc);
            void *buf = ogi_arena_alloc(arena, n ? n : 1);
            if (!buf || !doc->doc_key)
                continue;
            ogi__v1__document__pack(doc, buf);
            hold(h, doc->doc_key, strlen(doc->doc_key));
            zmq_send(jobs, buf, n, 0);
            changed = 1;
        }
        ogi_arena_reset(arena);
        char key[80];
        int k;
        while ((k = zmq_recv(done, key, sizeof(key), ZMQ_DONTWAIT)) >= 0) {
            release(h, key, (size_t)k);
            parsed++;
            if (o->processed)
                __atomic_add_fetch(o->processed, 1, __ATOMIC_RELAXED);
            changed = 1;
        }
        if (now - last_broker > bt) {
            /* the broker is gone or restarted: a new identity, a new count */
            if (!broker_lost)
                ogi_log(OGI_LOG_WARN, "worker",
                        "no word from the broker for %u ms: connecting "
                        "again until it answers",
                        bt);
            broker_lost = 1;
            zmq_close(dealer);
            snprintf(sh.id, sizeof(sh.id), "%s.%u", base, ++incarnation);
            dealer = connect_dealer(sh.ctx, o->auth, o->backend, sh.id, sh.max);
            if (!dealer) {
                rc = OGI_EIO;
                break;
            }
            received = 0;
            last_broker = now;
            changed = 1;
        }
        /* a parse that does not end: this process cannot recover the
         * thread, so it exits; the broker hears nothing more, gives the
         * document to another worker and counts the loss against it */
        for (unsigned i = 0; i < started; i++) {
            uint64_t t = __atomic_load_n(&sh.started[i], __ATOMIC_RELAXED);
            if (t && now > t && now - t > parse_timeout) {
                ogi_log(OGI_LOG_ERROR, "worker",
                        "a document has been parsing for %llu ms; exiting "
                        "so that it is retried elsewhere",
                        (unsigned long long)(now - t));
                _exit(3);
            }
        }
        if (changed || now >= next_rdy) {
            send_ready(dealer, sh.id, capacity, h, received, stopping);
            next_rdy = now + hb;
        }
        uint64_t dropped = ws.malformed + ws.oversized + ws.undecodable;
        ogi_log_limited(&garbage, dropped, 60, "worker",
                        "malformed messages dropped");
        ogi_metric_total(m_parsed, parsed);
        ogi_metric_total(m_dropped, dropped);
        ogi_metrics_beat(mx, "worker");
        if (o->tick)
            o->tick(o->tick_arg);
    }
    sh.quit = 1;
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    free(targs);
    free(h);
    ogi_arena_destroy(&arena);
    if (dealer)
        zmq_close(dealer);
    if (jobs)
        zmq_close(jobs);
    if (done)
        zmq_close(done);
    if (!o->ctx)
        zmq_ctx_term(sh.ctx);
    return rc;
}
