/*
 * pipeline.h - push → broker → workers → sink → PostgreSQL.
 *
 * Delivery is an application protocol on ZeroMQ (architecture.md): every
 * document has a key (its SHA-256); the sink acknowledges a document to its
 * producer only after the transaction holding it has committed; producers
 * resend what is not acknowledged, with back-off; writes are idempotent.
 * Credit bounds memory everywhere: a producer keeps at most `window`
 * documents in flight and workers take work only when they have room.
 *
 * Each component runs in the calling thread until *stop becomes nonzero
 * (set it from a signal handler to drain: take no new work, finish,
 * commit, acknowledge, return). Endpoints are ZeroMQ addresses; `ctx` is a
 * zmq context to share (required for inproc://), or NULL for a private
 * one. Public headers do not include zmq.h: contexts are void *.
 */
#ifndef OGI_PIPELINE_H
#define OGI_PIPELINE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "ogi/auth.h"
#include "ogi/metrics.h"

/* Default endpoints of the daemons. */
#define OGI_EP_FRONTEND "tcp://127.0.0.1:5560" /* producers, sink acks */
#define OGI_EP_BACKEND  "tcp://127.0.0.1:5561" /* workers */
#define OGI_EP_SINK     "tcp://127.0.0.1:5562" /* records to the sink */

typedef struct {
    uint64_t documents;  /* documents taken in */
    uint64_t dispatched; /* sends to workers, resends included */
    uint64_t requeued;   /* documents taken back from lost workers */
    uint64_t poison;     /* dead-lettered after too many crashes */
    uint64_t acks;       /* acknowledgements forwarded to producers */
    uint64_t dropped;    /* malformed, oversized or undecodable messages */
    uint64_t workers_lost;
    uint64_t forged_acks; /* acks not from the sink's key: dropped */
} ogi_broker_stats_t;

typedef struct {
    void *ctx;
    const char *frontend;      /* bind: producers and the sink's acks */
    const char *backend;       /* bind: workers */
    const char *sink;          /* connect: where poison records go */
    size_t max_frame;          /* 0: 32 MiB */
    unsigned heartbeat_ms;     /* 0: 1000 */
    unsigned worker_timeout_ms;/* silence that drops a worker; 0: 3000 */
    unsigned max_crashes;      /* K: workers lost with a document before it
                                  is poison; 0: 3 */
    size_t max_queue;          /* documents queued before producers wait;
                                  0: 10000 */
    size_t max_bytes;          /* bytes of documents held (queued and on
                                  workers) before producers wait; 0: 256
                                  MiB */
    const ogi_auth_t *auth;    /* CURVE keys; NULL: none (see auth.h) */
    unsigned drain_ms;         /* longest drain after *stop: finishing what
                                  workers hold, forwarding acks owed; 0:
                                  30000 */
    volatile sig_atomic_t *stop;
    ogi_broker_stats_t *stats; /* may be NULL */
    ogi_metrics_t *metrics;    /* where to count (see metrics.h); may be
                                  NULL */
    void (*tick)(void *arg);   /* called each time round the loop (the
                                  service manager's readiness and
                                  watchdog); may be NULL */
    void *tick_arg;
} ogi_broker_opts_t;

/* Runs the broker. Returns 0 after a clean stop, OGI_EIO when an endpoint
 * cannot be bound (why says which), OGI_ENOMEM. */
int ogi_broker_run(const ogi_broker_opts_t *o, char *why, size_t why_size);

typedef struct {
    void *ctx;
    const char *backend;       /* connect: the broker's backend */
    const char *sink;          /* connect: the sink's records endpoint */
    unsigned threads;          /* parsing threads; 0: 2 */
    unsigned per_thread;       /* documents queued per thread; 0: 2 */
    size_t max_frame;          /* 0: 32 MiB */
    unsigned heartbeat_ms;     /* 0: 1000 */
    unsigned broker_timeout_ms;/* silence before reconnecting; 0: 3000 */
    const char *id;            /* worker id; NULL: made up */
    unsigned parse_timeout_ms; /* a parse this long is a hang: the process
                                  exits so that the broker retries the
                                  document elsewhere; 0: 60000 */
    const ogi_auth_t *auth;    /* CURVE keys; NULL: none (see auth.h) */
    volatile sig_atomic_t *stop;
    uint64_t *processed;       /* documents parsed (may be NULL) */
    ogi_metrics_t *metrics;    /* may be NULL */
    void (*tick)(void *arg);   /* called each time round the loop (the
                                  service manager's readiness and
                                  watchdog); may be NULL */
    void *tick_arg;
} ogi_worker_opts_t;

int ogi_worker_run(const ogi_worker_opts_t *o, char *why, size_t why_size);

typedef struct {
    uint64_t records;     /* records received */
    uint64_t stored, duplicates, rejected, poison;
    uint64_t batches, retries, bisections;
    uint64_t reconnects;  /* connections made again after a loss */
    uint64_t dropped;     /* malformed messages */
    uint64_t forged;      /* records whose doc_key is not the SHA-256 of
                             their bytes: dropped, never stored */
    uint64_t findings[64];/* stored reports' findings, by rule (see
                             ogi_rules_all order) */
} ogi_sink_stats_t;

typedef struct {
    void *ctx;
    const char *records;       /* bind: records from workers */
    const char *frontend;      /* connect: the broker, for acks */
    const char *db;            /* conninfo; NULL: the local default */
    size_t batch;              /* records per transaction; 0: 500 */
    unsigned batch_ms;         /* longest wait to fill a batch; 0: 50 */
    size_t max_frame;          /* 0: 32 MiB */
    const ogi_auth_t *auth;    /* CURVE keys; NULL: none (see auth.h) */
    volatile sig_atomic_t *stop;
    ogi_sink_stats_t *stats;   /* may be NULL */
    ogi_metrics_t *metrics;    /* may be NULL */
    void (*tick)(void *arg);   /* called each time round the loop (the
                                  service manager's readiness and
                                  watchdog); may be NULL */
    void *tick_arg;
} ogi_sink_opts_t;

int ogi_sink_run(const ogi_sink_opts_t *o, char *why, size_t why_size);

/* What became of one document, as the producer saw it. */
typedef enum {
    OGI_PUSH_PENDING = 0, /* not acknowledged */
    OGI_PUSH_STORED,
    OGI_PUSH_DUPLICATE,
    OGI_PUSH_REJECTED,    /* stored, not a report */
    OGI_PUSH_POISON,      /* in dead letters */
    OGI_PUSH_FAILED,      /* could not be read or sent (too large, I/O) */
} ogi_push_outcome_t;

typedef struct {
    uint64_t total;       /* documents found */
    uint64_t sent;        /* sends, resends included */
    uint64_t resent;
    uint64_t outcome[6];  /* by ogi_push_outcome_t */
    uint64_t revisions;   /* stored, of an (agency, year) that had a
                             current report from another document */
    uint64_t bytes;
    uint64_t stray_acks;  /* acknowledgements naming no document in
                             flight (a stale resend's, or forged): ignored */
} ogi_push_stats_t;

/* Called once per document when it is settled (or given up on). reason:
 * why it was rejected or dead-lettered; for a stored revision "a revision
 * of <doc_key's first 12> (<agency_key>, <year>)"; else NULL. */
typedef void (*ogi_push_report_fn)(void *arg, const char *path,
                                   const char *doc_key,
                                   ogi_push_outcome_t outcome,
                                   const char *reason);

/* A document already in memory, sent instead of files. */
typedef struct {
    const void *raw;  /* its bytes (the caller's, kept during the run) */
    size_t len;
    const char *name; /* its file name as first submitted, or NULL */
} ogi_push_doc_t;

typedef struct {
    void *ctx;
    const char *frontend;      /* connect: the broker */
    const char *const *paths;  /* files, directories, "-" for stdin */
    size_t npaths;
    const ogi_push_doc_t *docs;/* when not NULL: these documents are sent
                                  instead of paths (report's path is the
                                  name, or "") */
    size_t ndocs;
    int retry_dead;            /* the documents are dead letters tried
                                  again (Document.retry_dead) */
    unsigned window;           /* documents in flight; 0: 64 */
    unsigned timeout_ms;       /* first resend after; 0: 10000 */
    unsigned max_timeout_ms;   /* back-off cap; 0: 60000 */
    unsigned give_up_s;        /* stop resending after; 0: never */
    size_t max_bytes;          /* larger files are sent as their first
                                  64 KiB, size and hash, to be kept as dead
                                  letters and acknowledged as rejected;
                                  0: 8 MiB, the parser's limit */
    const char *id;            /* producer id; NULL: 128 random bits */
    int progress;              /* a progress line on stderr */
    const ogi_auth_t *auth;    /* CURVE keys; NULL: none (see auth.h) */
    volatile sig_atomic_t *stop;
    ogi_push_stats_t *stats;   /* may be NULL */
    ogi_metrics_t *metrics;    /* may be NULL */
    ogi_push_report_fn report; /* may be NULL */
    void *report_arg;
} ogi_push_opts_t;

/* Sends every document and waits for every acknowledgement. Returns 0
 * when all were settled (stored, duplicate, rejected or poison), OGI_ERETRY
 * when stopped or given up with some pending, OGI_EIO on I/O errors (why
 * says). */
int ogi_push_run(const ogi_push_opts_t *o, char *why, size_t why_size);

#endif /* OGI_PIPELINE_H */
