/*
 * ingest.c - producer, broker, workers and sink in one process.
 *
 * The same components as the daemons, each on its own thread, joined by
 * inproc:// sockets of one ZeroMQ context, so a one-machine job has the
 * daemons' guarantees without starting four processes.
 */
#include "ogi_int.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zmq.h>

#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/ingest.h"

typedef struct {
    ogi_broker_opts_t b;
    ogi_worker_opts_t w;
    ogi_sink_opts_t s;
    volatile sig_atomic_t bstop, wstop, sstop, local_stop;
    volatile sig_atomic_t *abort; /* set when a component fails */
    int brc, wrc, src;
    char bwhy[256], wwhy[256], swhy[256];
} parts_t;

static void *
run_broker(void *arg)
{
    parts_t *p = arg;
    p->brc = ogi_broker_run(&p->b, p->bwhy, sizeof(p->bwhy));
    if (p->brc)
        *p->abort = 1;
    return NULL;
}

static void *
run_worker(void *arg)
{
    parts_t *p = arg;
    p->wrc = ogi_worker_run(&p->w, p->wwhy, sizeof(p->wwhy));
    if (p->wrc)
        *p->abort = 1;
    return NULL;
}

static void *
run_sink(void *arg)
{
    parts_t *p = arg;
    p->src = ogi_sink_run(&p->s, p->swhy, sizeof(p->swhy));
    if (p->src)
        *p->abort = 1;
    return NULL;
}

int
ogi_ingest_run(ogi_ingest_opts_t *o, char *why, size_t why_size)
{
    /* the database first: a job that cannot store should not start */
    ogi_db_t *db = ogi_db_connect(o->db, why, why_size);
    if (!db)
        return OGI_EIO;
    size_t applied;
    if (ogi_db_migrate(db, &applied) != 0) {
        snprintf(why, why_size, "%s", ogi_db_error(db));
        ogi_db_destroy(&db);
        return OGI_EIO;
    }
    ogi_db_destroy(&db);

    void *ctx = zmq_ctx_new();
    if (!ctx)
        return OGI_ENOMEM;
    char front[64], back[64], sink[64];
    snprintf(front, sizeof(front), "inproc://ogi-front-%ld", (long)getpid());
    snprintf(back, sizeof(back), "inproc://ogi-back-%ld", (long)getpid());
    snprintf(sink, sizeof(sink), "inproc://ogi-sink-%ld", (long)getpid());
    static parts_t p; /* large and shared with the threads */
    memset(&p, 0, sizeof(p));
    p.abort = o->stop ? o->stop : &p.local_stop;
    p.b.ctx = p.w.ctx = p.s.ctx = ctx;
    p.b.frontend = front;
    p.b.backend = back;
    p.b.sink = sink;
    p.b.max_crashes = o->max_crashes;
    p.b.stop = &p.bstop;
    p.b.stats = &o->broker;
    p.b.metrics = p.s.metrics = p.w.metrics = o->metrics;
    p.s.records = sink;
    p.s.frontend = front;
    p.s.db = o->db;
    p.s.batch = o->batch ? o->batch : 1000;
    p.s.stop = &p.sstop;
    p.s.stats = &o->sink;
    p.w.backend = back;
    p.w.sink = sink;
    p.w.threads = o->threads;
    p.w.per_thread = 4;
    p.w.stop = &p.wstop;

    pthread_t tb, tw, ts;
    int started = 0, rc = 0;
    if (pthread_create(&ts, NULL, run_sink, &p) == 0)
        started |= 1;
    if (pthread_create(&tb, NULL, run_broker, &p) == 0)
        started |= 2;
    if (pthread_create(&tw, NULL, run_worker, &p) == 0)
        started |= 4;
    if (started != 7)
        rc = OGI_ENOMEM;

    if (!rc) {
        ogi_push_opts_t po;
        memset(&po, 0, sizeof(po));
        po.ctx = ctx;
        po.frontend = front;
        po.paths = o->paths;
        po.npaths = o->npaths;
        po.docs = o->docs;
        po.ndocs = o->ndocs;
        po.retry_dead = o->retry_dead;
        po.window = o->window ? o->window : 2000;
        po.timeout_ms = o->timeout_ms;
        po.progress = o->progress;
        po.stop = p.abort;
        po.stats = &o->push;
        po.metrics = o->metrics;
        po.report = o->report;
        po.report_arg = o->report_arg;
        rc = ogi_push_run(&po, why, why_size);
    }
    /* everything acknowledged is committed, so all parts can stop; each
     * still drains what it holds. The sink stops last: a worker still
     * parsing a resent document (a slow converter) sends its record
     * there before it can stop. */
    p.wstop = p.bstop = 1;
    if (started & 4)
        pthread_join(tw, NULL);
    p.sstop = 1;
    if (started & 2)
        pthread_join(tb, NULL);
    if (started & 1)
        pthread_join(ts, NULL);
    zmq_ctx_term(ctx);
    if (!rc && (p.src || p.brc || p.wrc)) {
        snprintf(why, why_size, "%s%s%s", p.swhy, p.bwhy, p.wwhy);
        rc = OGI_EIO;
    }
    return rc;
}
