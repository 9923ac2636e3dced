/*
 * ingest.h - the whole pipeline in one process: producer, broker,
 * workers and sink over inproc://, writing to PostgreSQL.
 */
#ifndef OGI_INGEST_H
#define OGI_INGEST_H

#include "ogi/pipeline.h"

typedef struct {
    const char *const *paths;  /* files and directories */
    size_t npaths;
    const ogi_push_doc_t *docs;/* when not NULL: sent instead of paths */
    size_t ndocs;
    int retry_dead;            /* they are dead letters tried again */
    const char *db;            /* conninfo; NULL: the local default */
    unsigned threads;          /* parsing threads; 0: 2 */
    unsigned window;           /* documents in flight; 0: 2000 */
    unsigned timeout_ms;       /* the producer's first resend after; 0:
                                  push's default */
    size_t batch;              /* records per transaction; 0: 1000 */
    unsigned max_crashes;      /* 0: 3 */
    int progress;
    volatile sig_atomic_t *stop;
    ogi_push_stats_t push;     /* filled on return */
    ogi_sink_stats_t sink;
    ogi_broker_stats_t broker;
    ogi_metrics_t *metrics;    /* every component's, and /health; may be
                                  NULL */
    ogi_push_report_fn report; /* may be NULL */
    void *report_arg;
} ogi_ingest_opts_t;

/* Runs the pipeline over paths until every document is settled. Returns
 * 0, OGI_ERETRY when some documents were not stored, OGI_EIO (why says)
 * when the database or the sockets could not be set up. */
int ogi_ingest_run(ogi_ingest_opts_t *o, char *why, size_t why_size);

#endif /* OGI_INGEST_H */
