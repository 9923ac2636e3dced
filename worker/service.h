/*
 * service.h - the options every daemon shares: --log-format,
 * --log-level and --metrics (ogi push takes the first two).
 */
#ifndef OGI_WORKER_SERVICE_H
#define OGI_WORKER_SERVICE_H

#include <signal.h>
#include <stdint.h>

#include "ogi/log.h"
#include "ogi/metrics.h"

/* getopt_long codes (beyond any short option) */
enum {
    OGI_OPT_LOG_FORMAT = 0x5300,
    OGI_OPT_LOG_LEVEL,
    OGI_OPT_METRICS,
};

#define OGI_LOG_OPTIONS                                                        \
    {"log-format", required_argument, NULL, OGI_OPT_LOG_FORMAT},               \
    {                                                                          \
        "log-level", required_argument, NULL, OGI_OPT_LOG_LEVEL                \
    }
#define OGI_METRICS_OPTION                                                     \
    {                                                                          \
        "metrics", required_argument, NULL, OGI_OPT_METRICS                    \
    }

typedef struct {
    ogi_log_format_t format;
    ogi_log_level_t level;
    const char *metrics; /* ADDR:PORT, PORT, or NULL: off */
} ogi_service_opts_t;

/* Defaults: text, info, no metrics. */
void ogi_service_init(ogi_service_opts_t *so);

/* Takes option c (with arg) of command cmd; returns 1 when it was one of
 * these, 0 when not, -1 (after a message naming it) on a bad value. */
int ogi_service_option(const char *cmd, int c, const char *arg,
                       ogi_service_opts_t *so);

/* Applies the log options and, with --metrics, makes a registry and
 * serves it (*metrics; NULL without). On error prints why and returns
 * -1. */
int ogi_service_start(const char *cmd, const ogi_service_opts_t *so,
                      ogi_metrics_t **metrics);

/*
 * The service manager (systemd, Type=notify): READY=1 the first time a
 * daemon's loop runs (its sockets are bound, its database connected),
 * WATCHDOG=1 from the loop at half the WatchdogSec interval (a loop that
 * hangs stops the pings), STOPPING=1 once a stop was asked. Without
 * $NOTIFY_SOCKET each is a no-op.
 */
typedef struct {
    const char *name;            /* for the STATUS= line */
    volatile sig_atomic_t *stop; /* the daemon's stop flag */
    int ready, stopping;
    uint64_t watchdog_ms; /* ping interval; 0: no watchdog */
    uint64_t last_ping_ms;
} ogi_service_notify_t;

void ogi_service_notify_init(ogi_service_notify_t *n, const char *name,
                             volatile sig_atomic_t *stop);
/* The loop's hook (a tick in the pipeline's options): arg is an
 * ogi_service_notify_t. */
void ogi_service_tick(void *arg);
/* STOPPING=1, if not said yet: call when the loop has returned. */
void ogi_service_stopping(ogi_service_notify_t *n);

/* The help text of the options. */
extern const char ogi_service_help[];
extern const char ogi_service_help_log[];

#endif /* OGI_WORKER_SERVICE_H */
