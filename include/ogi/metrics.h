/*
 * metrics.h - counters, gauges and histograms, exposed in the Prometheus
 * text format (0.0.4) at /metrics, with a health check at /health.
 *
 * A registry holds metric families (a name, its help, its type, at most
 * one label); each family holds series, one per label value. Updating a
 * series takes no lock (atomics); creating one takes the registry's
 * mutex, so look series up once and keep the pointer. Every update
 * function accepts a NULL series and does nothing: code paths run the
 * same with metrics off.
 *
 * Health: components beat (ogi_metrics_beat) each time round their loop
 * and may set a reason they are unhealthy (the sink: its database is
 * unreachable). /health answers 200 "ok" when every component beat in the
 * last few seconds and none gave a reason, 503 with the reason otherwise.
 */
#ifndef OGI_METRICS_H
#define OGI_METRICS_H

#include <stddef.h>
#include <stdint.h>

typedef struct ogi_metrics ogi_metrics_t;
typedef struct ogi_metric ogi_metric_t; /* one series */

/* A new empty registry, or NULL (out of memory). */
ogi_metrics_t *ogi_metrics_new(void);
/* Stops its server (if any) and frees everything; nulls *self_p. */
void ogi_metrics_destroy(ogi_metrics_t **self_p);

/*
 * The series of family name with label (label_name=label_value; both NULL
 * for none), created on first use. help is kept from the first call.
 * bounds (histograms): nbounds upper bounds in increasing order, +Inf
 * added. NULL on out of memory, on a NULL registry, or when name is
 * already a family of another type.
 */
ogi_metric_t *ogi_metrics_counter(ogi_metrics_t *m, const char *name,
                                  const char *help, const char *label_name,
                                  const char *label_value);
ogi_metric_t *ogi_metrics_gauge(ogi_metrics_t *m, const char *name,
                                const char *help, const char *label_name,
                                const char *label_value);
ogi_metric_t *ogi_metrics_histogram(ogi_metrics_t *m, const char *name,
                                    const char *help, const double *bounds,
                                    size_t nbounds);

/* Counters: add n, or raise to a running total kept elsewhere (never
 * lowers: a counter only grows). */
void ogi_metric_add(ogi_metric_t *c, uint64_t n);
void ogi_metric_total(ogi_metric_t *c, uint64_t total);
/* Gauges. */
void ogi_metric_set(ogi_metric_t *g, double v);
/* Histograms: one observation. */
void ogi_metric_observe(ogi_metric_t *h, double v);

/* Bucket bounds shared by the components. */
extern const double ogi_metrics_seconds_bounds[]; /* 1 ms .. 60 s */
extern const size_t ogi_metrics_seconds_nbounds;
extern const double ogi_metrics_batch_bounds[]; /* 1 .. 5000 records */
extern const size_t ogi_metrics_batch_nbounds;

/*
 * The exposition text of every family, in registration order, malloc'd
 * (the caller frees it), its length in *len. NULL on out of memory.
 */
char *ogi_metrics_render(ogi_metrics_t *m, size_t *len);

/* Health: component's loop ran now. */
void ogi_metrics_beat(ogi_metrics_t *m, const char *component);
/* Health: component is unhealthy because of reason (copied), or healthy
 * again with NULL. */
void ogi_metrics_fault(ogi_metrics_t *m, const char *component,
                       const char *reason);
/* 0 when healthy; else fills why. stale_ms: longest time since a beat. */
int ogi_metrics_health(ogi_metrics_t *m, unsigned stale_ms, char *why,
                       size_t why_size);

/*
 * Serves /metrics and /health over HTTP on addr: "PORT" (bound to
 * 127.0.0.1), "HOST:PORT" or "[V6]:PORT". Returns 0, OGI_EINVAL (a bad
 * address; why says), OGI_EIO (could not bind; why says). The actual
 * port (for port 0) is in *port when port is not NULL.
 */
int ogi_metrics_serve(ogi_metrics_t *m, const char *addr, unsigned *port,
                      char *why, size_t why_size);

#endif /* OGI_METRICS_H */
