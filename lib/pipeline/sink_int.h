/*
 * sink_int.h - the sink's state, shared by sink.c (batches, the receiving
 * thread, acknowledgements) and sink_health.c (metrics, the database's
 * connection).
 */
#ifndef OGI_SINK_INT_H
#define OGI_SINK_INT_H

#include <stdint.h>

#include "ogi/db.h"
#include "ogi/log.h"
#include "ogi/metrics.h"
#include "ogi/pipeline.h"

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

/* Makes the sink's series (nothing when metrics are off). */
void ogi__sink_metrics_init(sink_t *s);

/* The running totals, as counters, and a heartbeat. */
void ogi__sink_metrics_publish(sink_t *s);

/* The database is gone (why) / a connection was made. */
void ogi__sink_db_down(sink_t *s, const char *why);
void ogi__sink_db_up(sink_t *s);

/* Counts one rejected document by the class of its reason. */
void ogi__sink_count_rejected(sink_t *s, const char *reason);

/* Connects again after a failure, backing off up to 5 s: 0, or
 * OGI_ERETRY when stopped meanwhile. */
int ogi__sink_reconnect(sink_t *s);

/* An idle sink's check of its database at now (ms). */
void ogi__sink_watch_db(sink_t *s, uint64_t now);

#endif /* OGI_SINK_INT_H */
