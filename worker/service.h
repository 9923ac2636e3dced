/*
 * service.h - the options every daemon shares: --log-format,
 * --log-level and --metrics (ogi push takes the first two).
 */
#ifndef OGI_WORKER_SERVICE_H
#define OGI_WORKER_SERVICE_H

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

/* The help text of the options. */
extern const char ogi_service_help[];
extern const char ogi_service_help_log[];

#endif /* OGI_WORKER_SERVICE_H */
