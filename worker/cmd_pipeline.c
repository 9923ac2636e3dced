/*
 * cmd_pipeline.c - the pipeline's commands: ogi push, broker, worker,
 * sink, and ingest (all of them in one process).
 */
#define _POSIX_C_SOURCE 200809L

#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "cmd.h"
#include "env.h"
#include "ogi.h"
#include "ogi/ingest.h"
#include "ogi/pipeline.h"
#include "keys.h"
#include "reasons.h"
#include "service.h"

static volatile sig_atomic_t stop_flag;

static void
on_signal(int sig)
{
    (void)sig;
    stop_flag = 1; /* drain: no new work, finish, commit, ack, exit */
}

static void
install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

/* A whole number in [min, max]; a bad one is named on stderr. */
static int
number(const char *cmd, const char *opt, const char *arg, unsigned long min,
       unsigned long max, unsigned long *out)
{
    unsigned long long v;
    if (ogi_arg_number(cmd, opt, arg, min, max, &v))
        return -1;
    *out = (unsigned long)v;
    return 0;
}

static const char *const outcome_names[] = {"pending",  "stored",
                                            "duplicate", "rejected",
                                            "poison",   "failed"};

/*
 * Lists the documents not stored as reports, one per line on stderr, as
 * they settle, and counts them by reason for the summary.
 */
static void
report_unsettled(void *arg, const char *path, const char *key,
                 ogi_push_outcome_t out, const char *reason)
{
    ogi_reasons_t *reasons = arg;
    if (out == OGI_PUSH_STORED && reason && *reason)
        fprintf(stderr, "%s: stored, %s\n", path, reason);
    if (out == OGI_PUSH_STORED || out == OGI_PUSH_DUPLICATE)
        return;
    if (!reason || !*reason)
        reason = out == OGI_PUSH_REJECTED ? "not a report" : "no reason given";
    fprintf(stderr, "%s: %s%s%s (%s)\n", path, outcome_names[out],
            *key ? " " : "", key, reason);
    if (out == OGI_PUSH_REJECTED) {
        ogi_reasons_add(reasons, reason);
    } else {
        char r[512];
        snprintf(r, sizeof(r), "%s: %s", outcome_names[out], reason);
        ogi_reasons_add(reasons, r);
    }
}

static void
print_push_summary(const ogi_push_stats_t *st)
{
    printf("%llu documents: %llu stored, %llu duplicates, %llu rejected "
           "(not reports), %llu poison, %llu failed, %llu not acknowledged, "
           "%llu revisions\n",
           (unsigned long long)st->total,
           (unsigned long long)st->outcome[OGI_PUSH_STORED],
           (unsigned long long)st->outcome[OGI_PUSH_DUPLICATE],
           (unsigned long long)st->outcome[OGI_PUSH_REJECTED],
           (unsigned long long)st->outcome[OGI_PUSH_POISON],
           (unsigned long long)st->outcome[OGI_PUSH_FAILED],
           (unsigned long long)st->outcome[OGI_PUSH_PENDING],
           (unsigned long long)st->revisions);
    if (st->stray_acks)
        printf("%llu acknowledgements naming no document in flight were "
               "ignored\n",
               (unsigned long long)st->stray_acks);
}

static void
print_reasons(const ogi_push_stats_t *st, const ogi_reasons_t *reasons)
{
    uint64_t n = st->total - st->outcome[OGI_PUSH_STORED] -
                 st->outcome[OGI_PUSH_DUPLICATE];
    char title[64];
    snprintf(title, sizeof(title), "%llu not stored as reports",
             (unsigned long long)n);
    ogi_reasons_print(reasons, stdout, title);
}

static int
exit_status(int rc, const ogi_push_stats_t *st)
{
    if (rc == OGI_EIO || rc == OGI_ENOMEM)
        return 2;
    if (rc || st->outcome[OGI_PUSH_PENDING] || st->outcome[OGI_PUSH_FAILED] ||
        st->outcome[OGI_PUSH_POISON] || st->outcome[OGI_PUSH_REJECTED])
        return 1;
    return 0;
}

static const struct option push_opts[] = {
    {"frontend", required_argument, NULL, 'f'},
    {"window", required_argument, NULL, 'w'},
    {"timeout", required_argument, NULL, 't'},
    {"give-up", required_argument, NULL, 'g'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    OGI_LOG_OPTIONS,
    OGI_KEY_OPTIONS,
    {NULL, 0, NULL, 0},
};

static const struct option broker_opts[] = {
    {"frontend", required_argument, NULL, 'f'},
    {"backend", required_argument, NULL, 'b'},
    {"sink", required_argument, NULL, 's'},
    {"max-crashes", required_argument, NULL, 'k'},
    {"drain-timeout", required_argument, NULL, 'D'},
    {"memory-budget", required_argument, NULL, 'M'},
    {"help", no_argument, NULL, 'h'},
    OGI_LOG_OPTIONS,
    OGI_METRICS_OPTION,
    OGI_KEY_OPTIONS,
    {NULL, 0, NULL, 0},
};

static const struct option worker_opts[] = {
    {"backend", required_argument, NULL, 'b'},
    {"sink", required_argument, NULL, 's'},
    {"threads", required_argument, NULL, 'n'},
    {"parse-timeout", required_argument, NULL, 'p'},
    {"help", no_argument, NULL, 'h'},
    OGI_LOG_OPTIONS,
    OGI_METRICS_OPTION,
    OGI_KEY_OPTIONS,
    {NULL, 0, NULL, 0},
};

static const struct option sink_opts[] = {
    {"records", required_argument, NULL, 'r'},
    {"frontend", required_argument, NULL, 'f'},
    {"db", required_argument, NULL, 'd'},
    {"batch", required_argument, NULL, 'B'},
    {"batch-ms", required_argument, NULL, 'T'},
    {"help", no_argument, NULL, 'h'},
    OGI_LOG_OPTIONS,
    OGI_METRICS_OPTION,
    OGI_KEY_OPTIONS,
    {NULL, 0, NULL, 0},
};

static const struct option ingest_opts[] = {
    {"db", required_argument, NULL, 'd'},
    {"threads", required_argument, NULL, 'n'},
    {"window", required_argument, NULL, 'w'},
    {"batch", required_argument, NULL, 'B'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    OGI_LOG_OPTIONS,
    OGI_METRICS_OPTION,
    {NULL, 0, NULL, 0},
};

/* The commands whose long options come from OGI_* variables too. */
static const ogi_cmdenv_cmd_t env_cmds[] = {
    {"push", push_opts}, {"broker", broker_opts}, {"worker", worker_opts},
    {"sink", sink_opts}, {"ingest", ingest_opts},
};

/* where the running command's options came from (one command a process) */
static ogi_cmdenv_t env;

/*
 * Runs fn on the command line with the variables' options put before it;
 * a bad option from a variable is named.
 */
static int
run_with_env(const char *cmd, const char *shortopts, const struct option *opts,
             int (*fn)(int, char **), int argc, char **argv)
{
    if (ogi_cmdenv_init(&env, cmd, shortopts, opts, env_cmds,
                        sizeof(env_cmds) / sizeof(env_cmds[0]), argc, argv))
        return 2;
    int rc = fn(env.argc, env.argv);
    if (rc == 2)
        ogi_cmdenv_blame(&env, cmd);
    ogi_cmdenv_fini(&env);
    return rc;
}

static int
push_main(int argc, char **argv)
{
    ogi_auth_opts_t ao;
    memset(&ao, 0, sizeof(ao));
    ogi_push_opts_t o;
    memset(&o, 0, sizeof(o));
    o.frontend = OGI_EP_FRONTEND;
    o.progress = isatty(2);
    unsigned long v;
    ogi_service_opts_t so;
    ogi_service_init(&so);
    ogi_metrics_t *metrics = NULL;
    int c;
    optind = 1;
    while ((c = ogi_cmdenv_getopt(&env, "f:w:t:g:qh", push_opts)) != -1) {
        switch (c) {
            case 'f':
                o.frontend = optarg;
                break;
            case 'w':
                if (number("push", "--window", optarg, 1, UINT_MAX, &v))
                    return 2;
                o.window = (unsigned)v;
                break;
            case 't':
                if (number("push", "--timeout", optarg, 0, UINT_MAX, &v))
                    return 2;
                o.timeout_ms = (unsigned)v;
                break;
            case 'g':
                if (number("push", "--give-up", optarg, 0, UINT_MAX, &v))
                    return 2;
                o.give_up_s = (unsigned)v;
                break;
            case 'q':
                o.progress = 0;
                break;
            case 'h':
                printf("usage: ogi push [--frontend EP] [--window W] "
                       "[--timeout MS] [--give-up S] [-q]\n"
                       "                [--key FILE --broker-key FILE | "
                       "--insecure] PATH...\n\n"
                       "Sends every file under PATH (files, directories, "
                       "\"-\" for standard input)\n"
                       "to the broker and waits until each is acknowledged "
                       "as stored after\n"
                       "COMMIT. At most W documents are in flight (default "
                       "64); one not\n"
                       "acknowledged within the timeout (default 10000 ms, "
                       "doubling to 60 s) is\n"
                       "resent. A progress line is shown on a terminal.\n\n"
                       "  --frontend EP   the broker (default %s)\n"
                       "  --give-up S     stop resending after S seconds "
                       "(default: never)\n%s\n"
                       "Files ogi cannot read as reports are stored as "
                       "rejected, each named on\n"
                       "stderr with its reason, and counted by reason at "
                       "the end.\n\n"
                       "exit status: 0 every document stored as a report "
                       "(or a duplicate of one\n"
                       "stored); 1 some were rejected or not stored (listed "
                       "on stderr); 2 usage\n"
                       "or I/O error.\n\n%s",
                       OGI_EP_FRONTEND, ogi_keys_help_client,
                       ogi_service_help_log);
                return 0;
            default:
                if (ogi_keys_option(c, optarg, &ao))
                    break;
                if (ogi_service_option("push", c, optarg, &so) == 1)
                    break;
                return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "ogi push: no paths\n");
        return 2;
    }
    if (ogi_service_start("push", &so, &metrics))
        return 2;
    void *ctx;
    ogi_auth_t *auth;
    if (ogi_keys_setup("ogi push", &ao, 0, &ctx, &auth))
        return 2;
    o.ctx = ctx;
    o.auth = auth;
    install_signals();
    ogi_push_stats_t st;
    o.paths = (const char *const *)(argv + optind);
    o.npaths = (size_t)(argc - optind);
    o.stop = &stop_flag;
    o.stats = &st;
    o.report = report_unsettled;
    ogi_reasons_t *reasons = ogi_reasons_create();
    o.report_arg = reasons;
    char why[512] = "";
    int rc = ogi_push_run(&o, why, sizeof(why));
    if (rc == OGI_EIO || rc == OGI_ENOMEM)
        ogi_log(OGI_LOG_ERROR, "push", "%s", why[0] ? why : ogi_strerror(rc));
    if (rc == OGI_EINVAL)
        ogi_log(OGI_LOG_ERROR, "push", "%s", why);
    ogi_keys_teardown(&ctx, &auth);
    /* a fatal error is the answer: no summary of nothing done */
    if (rc == OGI_EINVAL || ((rc == OGI_EIO || rc == OGI_ENOMEM) &&
                             st.sent == 0 && st.total)) {
        ogi_reasons_destroy(&reasons);
        return 2;
    }
    print_push_summary(&st);
    print_reasons(&st, reasons);
    ogi_reasons_destroy(&reasons);
    return exit_status(rc, &st);
}

static int
broker_main(int argc, char **argv)
{
    (void)argc; /* options only: read through env */
    (void)argv;
    ogi_auth_opts_t ao;
    memset(&ao, 0, sizeof(ao));
    ogi_broker_opts_t o;
    memset(&o, 0, sizeof(o));
    o.frontend = OGI_EP_FRONTEND;
    o.backend = OGI_EP_BACKEND;
    o.sink = OGI_EP_SINK;
    unsigned long v;
    ogi_service_opts_t so;
    ogi_service_init(&so);
    ogi_metrics_t *metrics = NULL;
    int c;
    optind = 1;
    while ((c = ogi_cmdenv_getopt(&env, "h", broker_opts)) != -1) {
        switch (c) {
            case 'f':
                o.frontend = optarg;
                break;
            case 'b':
                o.backend = optarg;
                break;
            case 's':
                o.sink = optarg;
                break;
            case 'k':
                if (number("broker", "--max-crashes", optarg, 1, UINT_MAX, &v))
                    return 2;
                o.max_crashes = (unsigned)v;
                break;
            case 'M':
                if (number("broker", "--memory-budget", optarg, 1, 1024 * 1024, &v))
                    return 2;
                o.max_bytes = (size_t)v << 20;
                break;
            case 'D':
                if (number("broker", "--drain-timeout", optarg, 1, 3600000, &v))
                    return 2;
                o.drain_ms = (unsigned)v;
                break;
            case 'h':
                printf("usage: ogi broker [--frontend EP] [--backend EP] "
                       "[--sink EP] [--max-crashes K] [--drain-timeout MS]"
                       "\n                  [--memory-budget MIB] [--key FILE "
                       "--authorized-keys PATH\n"
                       "                  --sink-key FILE | --insecure]\n\n"
                       "The stable endpoints: producers (and the sink's "
                       "acknowledgements) on\n"
                       "the frontend (default %s), workers on the backend "
                       "(default %s).\n"
                       "A document held by K lost workers (default "
                       "3) goes to the sink\n"
                       "(default %s) as poison. SIGTERM drains: takes no "
                       "new documents, lets\n"
                       "workers finish what they hold and forwards the "
                       "acknowledgements owed\n"
                       "for it, for at most --drain-timeout ms (default "
                       "30000); producers\n"
                       "resend what is left. Documents held (queued or on "
                       "workers) take at most\n"
                       "--memory-budget MiB (default 256) and 10000 "
                       "documents; past either,\n"
                       "producers wait with theirs.\n\n%s"
                       "  --sink-key FILE         the sink's public "
                       "certificate: the broker\n"
                       "                          connects to it and takes "
                       "acknowledgements\n"
                       "                          from that key only\n%s%s",
                       OGI_EP_FRONTEND, OGI_EP_BACKEND, OGI_EP_SINK,
                       ogi_keys_help_server, ogi_service_help_log,
                       ogi_service_help);
                return 0;
            default:
                if (ogi_keys_option(c, optarg, &ao))
                    break;
                if (ogi_service_option("broker", c, optarg, &so) == 1)
                    break;
                return 2;
        }
    }
    if (ogi_service_start("broker", &so, &metrics))
        return 2;
    void *ctx;
    ogi_auth_t *auth;
    if (ogi_keys_setup("ogi broker", &ao, 1, &ctx, &auth)) {
        ogi_metrics_destroy(&metrics);
        return 2;
    }
    o.ctx = ctx;
    o.auth = auth;
    o.metrics = metrics;
    install_signals();
    ogi_broker_stats_t st;
    o.stop = &stop_flag;
    o.stats = &st;
    ogi_service_notify_t notify;
    ogi_service_notify_init(&notify, "broker", &stop_flag);
    o.tick = ogi_service_tick;
    o.tick_arg = &notify;
    char why[512] = "";
    int rc = ogi_broker_run(&o, why, sizeof(why));
    ogi_service_stopping(&notify);
    ogi_keys_teardown(&ctx, &auth);
    ogi_metrics_destroy(&metrics);
    if (rc) {
        ogi_log(OGI_LOG_ERROR, "broker", "%s", why[0] ? why : ogi_strerror(rc));
        return 2;
    }
    ogi_log(OGI_LOG_INFO, "broker",
            "%llu documents, %llu requeued, %llu poison, %llu "
            "workers lost, %llu messages dropped, %llu acknowledgements not "
            "from the sink dropped",
            (unsigned long long)st.documents, (unsigned long long)st.requeued,
            (unsigned long long)st.poison,
            (unsigned long long)st.workers_lost,
            (unsigned long long)st.dropped,
            (unsigned long long)st.forged_acks);
    return 0;
}

static int
worker_main(int argc, char **argv)
{
    (void)argc; /* options only: read through env */
    (void)argv;
    ogi_auth_opts_t ao;
    memset(&ao, 0, sizeof(ao));
    ogi_worker_opts_t o;
    memset(&o, 0, sizeof(o));
    o.backend = OGI_EP_BACKEND;
    o.sink = OGI_EP_SINK;
    unsigned long v;
    ogi_service_opts_t so;
    ogi_service_init(&so);
    ogi_metrics_t *metrics = NULL;
    int c;
    optind = 1;
    while ((c = ogi_cmdenv_getopt(&env, "n:h", worker_opts)) != -1) {
        switch (c) {
            case 'b':
                o.backend = optarg;
                break;
            case 's':
                o.sink = optarg;
                break;
            case 'n':
                if (number("worker", "--threads", optarg, 1, 256, &v))
                    return 2;
                o.threads = (unsigned)v;
                break;
            case 'p':
                if (number("worker", "--parse-timeout", optarg, 1, UINT_MAX, &v))
                    return 2;
                o.parse_timeout_ms = (unsigned)v;
                break;
            case 'h':
                printf("usage: ogi worker [--threads N] [--parse-timeout MS] "
                       "[--backend EP] [--sink EP]\n"
                       "                  [--key FILE --broker-key FILE "
                       "--sink-key FILE | --insecure]\n\n"
                       "Takes documents from the broker (default %s), "
                       "parses and validates\n"
                       "them on N threads (default 2) and sends the records "
                       "to the sink\n"
                       "(default %s). A document parsing longer than MS "
                       "(default 60000)\n"
                       "makes the worker exit, so that the broker retries "
                       "it elsewhere and,\n"
                       "after repeated losses, dead-letters it. SIGTERM "
                       "finishes what it holds\n"
                       "and exits.\n\n%s"
                       "  --sink-key FILE         the sink's public "
                       "certificate\n%s%s",
                       OGI_EP_BACKEND, OGI_EP_SINK, ogi_keys_help_client,
                       ogi_service_help_log, ogi_service_help);
                return 0;
            default:
                if (ogi_keys_option(c, optarg, &ao))
                    break;
                if (ogi_service_option("worker", c, optarg, &so) == 1)
                    break;
                return 2;
        }
    }
    if (ogi_service_start("worker", &so, &metrics))
        return 2;
    void *ctx;
    ogi_auth_t *auth;
    if (ogi_keys_setup("ogi worker", &ao, 0, &ctx, &auth)) {
        ogi_metrics_destroy(&metrics);
        return 2;
    }
    o.ctx = ctx;
    o.auth = auth;
    o.metrics = metrics;
    install_signals();
    o.stop = &stop_flag;
    ogi_service_notify_t notify;
    ogi_service_notify_init(&notify, "worker", &stop_flag);
    o.tick = ogi_service_tick;
    o.tick_arg = &notify;
    char why[512] = "";
    int rc = ogi_worker_run(&o, why, sizeof(why));
    ogi_service_stopping(&notify);
    ogi_keys_teardown(&ctx, &auth);
    ogi_metrics_destroy(&metrics);
    if (rc) {
        ogi_log(OGI_LOG_ERROR, "worker", "%s", why[0] ? why : ogi_strerror(rc));
        return 2;
    }
    return 0;
}

static void
print_findings(const ogi_sink_stats_t *st)
{
    size_t n;
    const ogi_rule_t *rules = ogi_rules_all(&n);
    int any = 0;
    for (size_t i = 0; i < n && i < 64; i++) {
        if (!st->findings[i])
            continue;
        printf("%s %s=%llu", any ? "," : "findings by rule:", rules[i].id,
               (unsigned long long)st->findings[i]);
        any = 1;
    }
    if (any)
        printf("\n");
}

static int
sink_main(int argc, char **argv)
{
    (void)argc; /* options only: read through env */
    (void)argv;
    ogi_auth_opts_t ao;
    memset(&ao, 0, sizeof(ao));
    ogi_sink_opts_t o;
    memset(&o, 0, sizeof(o));
    o.records = OGI_EP_SINK;
    o.frontend = OGI_EP_FRONTEND;
    unsigned long v;
    ogi_service_opts_t so;
    ogi_service_init(&so);
    ogi_metrics_t *metrics = NULL;
    int c;
    optind = 1;
    while ((c = ogi_cmdenv_getopt(&env, "h", sink_opts)) != -1) {
        switch (c) {
            case 'r':
                o.records = optarg;
                break;
            case 'f':
                o.frontend = optarg;
                break;
            case 'd':
                o.db = optarg;
                break;
            case 'B':
                if (number("sink", "--batch", optarg, 1, UINT_MAX, &v))
                    return 2;
                o.batch = v;
                break;
            case 'T':
                if (number("sink", "--batch-ms", optarg, 1, UINT_MAX, &v))
                    return 2;
                o.batch_ms = (unsigned)v;
                break;
            case 'h':
                printf("usage: ogi sink [--records EP] [--frontend EP] "
                       "[--db URL] [--batch B] [--batch-ms T]\n"
                       "                [--key FILE --authorized-keys PATH "
                       "--broker-key FILE | --insecure]\n\n"
                       "Writes records (from workers, on %s) to PostgreSQL "
                       "in transactions of up to\n"
                       "B records (default 500) or T ms (default 50), and "
                       "acknowledges them to\n"
                       "their producers through the broker (%s) after "
                       "COMMIT. The database is\n"
                       "--db, libpq's PG* variables, or the local one of "
                       "'ogi db start'.\n"
                       "Migrations are applied at start. SIGTERM commits, "
                       "acknowledges and exits.\n"
                       "A record is stored only under the SHA-256 of its "
                       "bytes; others are dropped\n"
                       "and counted.\n\n%s"
                       "  --broker-key FILE       the broker's public "
                       "certificate (for the acks)\n%s%s",
                       OGI_EP_SINK, OGI_EP_FRONTEND, ogi_keys_help_server,
                       ogi_service_help_log, ogi_service_help);
                return 0;
            default:
                if (ogi_keys_option(c, optarg, &ao))
                    break;
                if (ogi_service_option("sink", c, optarg, &so) == 1)
                    break;
                return 2;
        }
    }
    if (ogi_service_start("sink", &so, &metrics))
        return 2;
    void *ctx;
    ogi_auth_t *auth;
    if (ogi_keys_setup("ogi sink", &ao, 1, &ctx, &auth)) {
        ogi_metrics_destroy(&metrics);
        return 2;
    }
    o.ctx = ctx;
    o.auth = auth;
    o.metrics = metrics;
    install_signals();
    ogi_sink_stats_t st;
    memset(&st, 0, sizeof(st));
    o.stop = &stop_flag;
    o.stats = &st;
    ogi_service_notify_t notify;
    ogi_service_notify_init(&notify, "sink", &stop_flag);
    o.tick = ogi_service_tick;
    o.tick_arg = &notify;
    char why[512] = "";
    int rc = ogi_sink_run(&o, why, sizeof(why));
    ogi_service_stopping(&notify);
    ogi_keys_teardown(&ctx, &auth);
    ogi_metrics_destroy(&metrics);
    if (rc) {
        ogi_log(OGI_LOG_ERROR, "sink", "%s", why[0] ? why : ogi_strerror(rc));
        return 2;
    }
    ogi_log(OGI_LOG_INFO, "sink",
            "%llu records: %llu stored, %llu duplicates, %llu "
            "rejected, %llu poison in %llu batches; %llu forged records "
            "dropped",
            (unsigned long long)st.records, (unsigned long long)st.stored,
            (unsigned long long)st.duplicates, (unsigned long long)st.rejected,
            (unsigned long long)st.poison, (unsigned long long)st.batches,
            (unsigned long long)st.forged);
    return 0;
}

static int
ingest_main(int argc, char **argv)
{
    ogi_ingest_opts_t o;
    memset(&o, 0, sizeof(o));
    o.progress = isatty(2);
    unsigned long v;
    ogi_service_opts_t so;
    ogi_service_init(&so);
    ogi_metrics_t *metrics = NULL;
    int c;
    optind = 1;
    while ((c = ogi_cmdenv_getopt(&env, "n:qh", ingest_opts)) != -1) {
        switch (c) {
            case 'd':
                o.db = optarg;
                break;
            case 'n':
                if (number("ingest", "--threads", optarg, 1, 256, &v))
                    return 2;
                o.threads = (unsigned)v;
                break;
            case 'w':
                if (number("ingest", "--window", optarg, 1, UINT_MAX, &v))
                    return 2;
                o.window = (unsigned)v;
                break;
            case 'B':
                if (number("ingest", "--batch", optarg, 1, UINT_MAX, &v))
                    return 2;
                o.batch = v;
                break;
            case 'q':
                o.progress = 0;
                break;
            case 'h':
                printf("usage: ogi ingest [--db URL] [--threads N] "
                       "[--window W] [--batch B] [-q]\n"
                       "                  [--metrics [ADDR:]PORT] "
                       "[--log-format text|json] PATH...\n\n"
                       "Parses, validates and stores every report under "
                       "PATH in PostgreSQL:\n"
                       "producer, broker, N worker threads (default 2) and "
                       "sink in one process,\n"
                       "with the pipeline's guarantees (acknowledged only "
                       "after COMMIT, each\n"
                       "document stored once). The database is --db, "
                       "libpq's PG* variables, or\n"
                       "the local one of 'ogi db start'. Ends with a "
                       "summary.\n\n"
                       "Files ogi cannot read as reports (any form: text "
                       "in any Chinese encoding,\n"
                       "HTML, PDF, DOCX, DOC) are stored as rejected, each "
                       "named on stderr with\n"
                       "its reason, and counted by reason at the end.\n\n"
                       "exit status: 0 every document stored as a report "
                       "(or a duplicate of one\n"
                       "stored); 1 some were rejected or not stored; 2 "
                       "usage, database "
                       "or I/O error.\n\n%s%s",
                       ogi_service_help_log, ogi_service_help);
                return 0;
            default:
                if (ogi_service_option("ingest", c, optarg, &so) == 1)
                    break;
                return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "ogi ingest: no paths\n");
        return 2;
    }
    if (ogi_service_start("ingest", &so, &metrics))
        return 2;
    o.metrics = metrics;
    install_signals();
    o.paths = (const char *const *)(argv + optind);
    o.npaths = (size_t)(argc - optind);
    o.stop = &stop_flag;
    o.report = report_unsettled;
    ogi_reasons_t *reasons = ogi_reasons_create();
    o.report_arg = reasons;
    char why[512] = "";
    int rc = ogi_ingest_run(&o, why, sizeof(why));
    ogi_metrics_destroy(&metrics);
    if (rc == OGI_EIO || rc == OGI_ENOMEM)
        ogi_log(OGI_LOG_ERROR, "ingest", "%s",
                why[0] ? why : ogi_strerror(rc));
    if ((rc == OGI_EIO || rc == OGI_ENOMEM) && o.push.sent == 0) {
        /* nothing was done: the error is the whole answer */
        ogi_reasons_destroy(&reasons);
        return 2;
    }
    print_push_summary(&o.push);
    print_reasons(&o.push, reasons);
    print_findings(&o.sink);
    ogi_reasons_destroy(&reasons);
    return exit_status(rc, &o.push);
}

int
ogi_cmd_push(int argc, char **argv)
{
    return run_with_env("push", "f:w:t:g:qh", push_opts, push_main, argc, argv);
}

int
ogi_cmd_broker(int argc, char **argv)
{
    return run_with_env("broker", "h", broker_opts, broker_main, argc, argv);
}

int
ogi_cmd_worker(int argc, char **argv)
{
    return run_with_env("worker", "n:h", worker_opts, worker_main, argc, argv);
}

int
ogi_cmd_sink(int argc, char **argv)
{
    return run_with_env("sink", "h", sink_opts, sink_main, argc, argv);
}

int
ogi_cmd_ingest(int argc, char **argv)
{
    return run_with_env("ingest", "n:qh", ingest_opts, ingest_main, argc, argv);
}
