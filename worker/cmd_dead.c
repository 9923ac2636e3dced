/*
 * cmd_dead.c - ogi dead-letters list|show|retry: the documents the
 * pipeline gave up on, read and tried again (include/ogi/dead.h).
 *
 * retry sends each dead letter's bytes through the pipeline once more:
 * in this process by default (producer, broker, workers and sink as
 * `ogi ingest` runs them), or with --via to a running broker as `ogi
 * push` sends. Either way the documents are marked retry_dead, so that
 * the sink deletes the dead letter of one it now stores in the
 * transaction that stores it, and counts one more attempt, with the new
 * reason, on one that fails again. What is left in dead_letters after
 * the run is what failed.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "cmd.h"
#include "keys.h"
#include "ogi.h"
#include "ogi/db.h"
#include "ogi/dead.h"
#include "ogi/ingest.h"
#include "ogi/log.h"
#include "ogi/pipeline.h"

/* Documents, and bytes, tried in one pipeline run: their bytes are held
 * in memory until the run ends. */
#define CHUNK_DOCS  64
#define CHUNK_BYTES ((size_t)128 << 20)

static volatile sig_atomic_t stop_flag;

static void
on_signal(int sig)
{
    (void)sig;
    stop_flag = 1; /* finish the run: commit, acknowledge, then stop */
}

static const char usage_text[] =
    "usage: ogi dead-letters list [--db URL] [--since TIME] [--reason TEXT] "
    "[--json]\n"
    "       ogi dead-letters show [--db URL] [--json] [--raw FILE] "
    "ID|DOC_KEY-PREFIX\n"
    "       ogi dead-letters retry [--db URL] [--threads N] [-q] "
    "(ID|DOC_KEY-PREFIX...\n"
    "                              | --all [--since TIME] [--reason TEXT])\n"
    "                              [--via EP [--key FILE --broker-key FILE "
    "| --insecure]\n"
    "                               [--timeout MS] [--give-up S]]\n"
    "\n"
    "The documents the pipeline gave up on (a converter that crashed or "
    "hung,\n"
    "workers lost, a record the database refused, a document above the "
    "size\n"
    "limit), kept with their bytes in the table dead_letters.\n"
    "\n"
    "list   one line each: id, doc_key (first 12), when (UTC), attempts, "
    "form,\n"
    "       file name, reason; then the count. --since: dead-lettered at or "
    "after\n"
    "       TIME (\"2026-12-05\", \"2026-12-05 10:00+08\"); --reason: whose "
    "reason\n"
    "       contains TEXT (any letter case); --json: one JSON object a line.\n"
    "show   every field of one dead letter, named by its id or the start of "
    "its\n"
    "       doc_key; --raw FILE writes its bytes to FILE (\"-\": standard "
    "output).\n"
    "retry  sends each named dead letter (--all: every one list would show) "
    "through\n"
    "       the pipeline again, after a fix or a parser upgrade: in this "
    "process\n"
    "       as `ogi ingest` does (N parsing threads, default 2), or with "
    "--via to\n"
    "       the broker at EP as `ogi push` does, for the running workers to "
    "parse.\n"
    "       A document now stored (as a report, or rejected as no report) "
    "leaves\n"
    "       the dead letters in the transaction that stores it; one that "
    "fails\n"
    "       again stays, with one more attempt and the new reason, named on "
    "stderr.\n"
    "       A dead letter holding only the head of a document above the size "
    "limit\n"
    "       cannot be retried. A progress line is shown on a terminal. The "
    "key\n"
    "       options are those of `ogi push` (see 'ogi push --help').\n"
    "\n"
    "The database is --db, libpq's PG* variables, or the local one of 'ogi "
    "db\n"
    "start'.\n"
    "\n"
    "exit status: 0 done (retry: every document tried is stored now); 1 "
    "retry:\n"
    "some failed again or could not be tried; 2 usage, database or I/O "
    "error.\n";

enum {
    OPT_SINCE = 0x4400,
    OPT_REASON,
    OPT_JSON,
    OPT_RAW,
    OPT_ALL,
    OPT_VIA,
    OPT_TIMEOUT,
    OPT_GIVE_UP,
};

static const struct option dead_opts[] = {
    {"db", required_argument, NULL, 'd'},
    {"since", required_argument, NULL, OPT_SINCE},
    {"reason", required_argument, NULL, OPT_REASON},
    {"json", no_argument, NULL, OPT_JSON},
    {"raw", required_argument, NULL, OPT_RAW},
    {"all", no_argument, NULL, OPT_ALL},
    {"via", required_argument, NULL, OPT_VIA},
    {"threads", required_argument, NULL, 'n'},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"give-up", required_argument, NULL, OPT_GIVE_UP},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    OGI_KEY_OPTIONS,
    {NULL, 0, NULL, 0},
};

typedef struct {
    const char *db; /* conninfo, or NULL: the default */
    ogi_dead_filter_t filter;
    int json;
    const char *raw; /* show --raw FILE */
    int all;
    const char *via; /* retry --via EP */
    unsigned threads;
    unsigned timeout_ms, give_up_s;
    int quiet;
    int keys_given; /* a key option was given */
    ogi_auth_opts_t ao;
} opts_t;

/* ---- list and show ---- */

static json_t *
letter_json(const ogi_dead_letter_t *d, int whole)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(d->id));
    json_object_set_new(o, "doc_key", json_string(d->doc_key));
    json_object_set_new(o, "created_at", json_string(d->created_at));
    json_object_set_new(o, "attempts", json_integer(d->attempts));
    json_object_set_new(o, "content_type",
                        d->content_type ? json_string(d->content_type)
                                        : json_null());
    json_object_set_new(o, "source_name",
                        d->source_name ? json_string(d->source_name)
                                       : json_null());
    json_object_set_new(o, "reason", json_string(d->reason ? d->reason : ""));
    json_object_set_new(o, "raw_bytes", json_integer((json_int_t)d->raw_len));
    if (whole)
        json_object_set_new(o, "whole", json_boolean(d->whole));
    return o;
}

static void
print_json(json_t *o)
{
    char *s = json_dumps(o, JSON_COMPACT);
    if (s)
        printf("%s\n", s);
    free(s);
    json_decref(o);
}

static ogi_db_t *
connect_db(const opts_t *o)
{
    char why[1024];
    ogi_db_t *db = ogi_db_connect(o->db, why, sizeof(why));
    if (!db)
        fprintf(stderr, "ogi dead-letters: %s\n", why);
    return db;
}

static int
cmd_list(const opts_t *o)
{
    ogi_db_t *db = connect_db(o);
    if (!db)
        return 2;
    ogi_dead_list_t l;
    int rc = ogi_dead_list(db, &o->filter, &l);
    if (rc) {
        fprintf(stderr, "ogi dead-letters: %s\n", ogi_db_error(db));
        ogi_db_destroy(&db);
        return 2;
    }
    for (size_t i = 0; i < l.n; i++) {
        const ogi_dead_letter_t *d = &l.v[i];
        if (o->json) {
            print_json(letter_json(d, 0));
            continue;
        }
        printf("%lld  %.12s  %s  %d  %s  %s  %s\n", (long long)d->id,
               d->doc_key, d->created_at, d->attempts,
               d->content_type ? d->content_type : "-",
               d->source_name ? d->source_name : "-", d->reason);
    }
    if (!o->json)
        printf("%zu dead letter%s\n", l.n, l.n == 1 ? "" : "s");
    ogi_dead_list_fini(&l);
    ogi_db_destroy(&db);
    return 0;
}

/* Writes n bytes to path ("-": standard output). Returns 0 or -1 (said). */
static int
write_raw(const char *path, const void *p, size_t n)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "ogi dead-letters: could not open \"%s\": %s\n", path,
                strerror(errno));
        return -1;
    }
    int bad = n && fwrite(p, 1, n, f) != n;
    bad |= f == stdout ? fflush(f) != 0 : fclose(f) != 0;
    if (bad) {
        fprintf(stderr, "ogi dead-letters: could not write \"%s\": %s\n", path,
                strerror(errno));
        return -1;
    }
    return 0;
}

static int
cmd_show(const opts_t *o, const char *ref)
{
    ogi_db_t *db = connect_db(o);
    if (!db)
        return 2;
    ogi_dead_letter_t d;
    if (ogi_dead_find(db, ref, o->raw != NULL, &d) != 0) {
        fprintf(stderr, "ogi dead-letters: %s\n", ogi_db_error(db));
        ogi_db_destroy(&db);
        return 2;
    }
    ogi_db_destroy(&db);
    int rc = 0;
    int raw_to_stdout = o->raw && strcmp(o->raw, "-") == 0;
    if (o->json && !raw_to_stdout) {
        print_json(letter_json(&d, 1));
    } else if (!raw_to_stdout) {
        printf("id:           %lld\n", (long long)d.id);
        printf("doc_key:      %s\n", d.doc_key);
        printf("created_at:   %s\n", d.created_at);
        printf("attempts:     %d\n", d.attempts);
        printf("content_type: %s\n", d.content_type ? d.content_type : "-");
        printf("source_name:  %s\n", d.source_name ? d.source_name : "-");
        printf("raw:          %zu bytes (%s)\n", d.raw_len,
               d.whole ? "the whole document"
                       : "the head of a larger document: it cannot be "
                         "retried");
        printf("reason:       %s\n", d.reason);
    }
    if (o->raw && write_raw(o->raw, d.raw, d.raw_len) != 0)
        rc = 2;
    ogi_dead_letter_fini(&d);
    return rc;
}

/* ---- retry ---- */

/* One dead letter being tried. */
typedef struct {
    ogi_dead_letter_t d;        /* with its bytes while tried */
    ogi_push_outcome_t outcome; /* as the pipeline acknowledged it */
    char why[512];              /* the acknowledgement's reason, if any */
    int settled;                /* acknowledged (or given up on) */
} try_t;

typedef struct {
    try_t *t; /* the chunk being tried */
    size_t n;
    size_t done, total; /* over the whole retry, for the progress line */
    int progress;
    size_t stored, rejected, duplicate, failed, skipped;
} retry_t;

static void
progress_line(const retry_t *r, int final)
{
    fprintf(stderr, "\r%zu/%zu dead letters retried   %s", r->done, r->total,
            final ? "\n" : "");
}

/* The pipeline's word on one document. */
static void
on_settled(void *arg, const char *path, const char *key, ogi_push_outcome_t out,
           const char *reason)
{
    (void)path;
    retry_t *r = arg;
    for (size_t i = 0; i < r->n; i++) {
        try_t *t = &r->t[i];
        if (t->settled || strcmp(t->d.doc_key, key) != 0)
            continue;
        t->settled = 1;
        t->outcome = out;
        snprintf(t->why, sizeof(t->why), "%s", reason ? reason : "");
        r->done++;
        if (r->progress)
            progress_line(r, 0);
        return;
    }
}

/* One pipeline run over docs[0..n): in this process, or to o->via. */
static int
run_pipeline(const opts_t *o, retry_t *r, const ogi_push_doc_t *docs, size_t n,
             void *ctx, ogi_auth_t *auth, char *why, size_t why_size)
{
    if (!o->via) {
        ogi_ingest_opts_t io;
        memset(&io, 0, sizeof(io));
        io.db = o->db;
        io.threads = o->threads;
        io.docs = docs;
        io.ndocs = n;
        io.retry_dead = 1;
        /* nothing is lost in one process: a resend would only parse a
         * slow document twice, and count two attempts */
        io.timeout_ms = 300000;
        io.stop = &stop_flag;
        io.report = on_settled;
        io.report_arg = r;
        return ogi_ingest_run(&io, why, why_size);
    }
    ogi_push_opts_t po;
    memset(&po, 0, sizeof(po));
    po.ctx = ctx;
    po.auth = auth;
    po.frontend = o->via;
    po.docs = docs;
    po.ndocs = n;
    po.retry_dead = 1;
    po.timeout_ms = o->timeout_ms;
    po.give_up_s = o->give_up_s;
    po.stop = &stop_flag;
    po.report = on_settled;
    po.report_arg = r;
    return ogi_push_run(&po, why, why_size);
}

static const char *
name_or_dash(const ogi_dead_letter_t *d)
{
    return d->source_name && *d->source_name ? d->source_name : "-";
}

/*
 * Tries ids[0..n) (dead letters' ids) in one pipeline run and says what
 * became of each. Returns 0, or 2 on a database or pipeline error.
 */
static int
retry_chunk(const opts_t *o, ogi_db_t *db, retry_t *r, const int64_t *ids,
            size_t n, void *ctx, ogi_auth_t *auth)
{
    try_t *t = calloc(n, sizeof(*t));
    ogi_push_doc_t *docs = calloc(n, sizeof(*docs));
    const char **keys = calloc(n, sizeof(*keys));
    int rc = t && docs && keys ? 0 : 2;
    size_t nd = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        char ref[32];
        snprintf(ref, sizeof(ref), "%lld", (long long)ids[i]);
        if (ogi_dead_find(db, ref, 1, &t[i].d) != 0) {
            fprintf(stderr, "ogi dead-letters: %s\n", ogi_db_error(db));
            rc = 2;
            break;
        }
        if (!t[i].d.whole) {
            /* only its head was kept: parsing it would store another
             * document under another key */
            fprintf(stderr,
                    "ogi dead-letters: %lld %.12s %s: not retried: only "
                    "the first %zu bytes of the document are kept (%s)\n",
                    (long long)t[i].d.id, t[i].d.doc_key, name_or_dash(&t[i].d),
                    t[i].d.raw_len, t[i].d.reason);
            t[i].settled = -1;
            r->skipped++;
            r->done++;
            continue;
        }
        docs[nd].raw = t[i].d.raw;
        docs[nd].len = t[i].d.raw_len;
        docs[nd].name = t[i].d.source_name;
        keys[nd] = t[i].d.doc_key;
        nd++;
    }
    r->t = t;
    r->n = n;
    char why[512] = "";
    int prc = rc == 0 && nd
                  ? run_pipeline(o, r, docs, nd, ctx, auth, why, sizeof(why))
                  : 0;
    if (prc == OGI_EIO || prc == OGI_ENOMEM || prc == OGI_EINVAL) {
        fprintf(stderr, "%sogi dead-letters: could not retry: %s\n",
                r->progress ? "\n" : "", why[0] ? why : ogi_strerror(prc));
        rc = 2;
    }
    /* what is left in dead_letters is what failed */
    ogi_dead_list_t left = {0};
    if (rc == 0 && ogi_dead_still(db, keys, nd, &left) != 0) {
        fprintf(stderr, "ogi dead-letters: %s\n", ogi_db_error(db));
        rc = 2;
    }
    for (size_t i = 0; rc == 0 && i < n; i++) {
        try_t *x = &t[i];
        if (x->settled < 0)
            continue;
        const ogi_dead_letter_t *still = NULL;
        for (size_t k = 0; k < left.n; k++)
            if (strcmp(left.v[k].doc_key, x->d.doc_key) == 0)
                still = &left.v[k];
        if (r->progress)
            fprintf(stderr, "\r");
        if (!still) {
            const char *what = "stored as a report";
            if (x->outcome == OGI_PUSH_REJECTED) {
                what = "stored as rejected (not a report)";
                r->rejected++;
            } else if (x->outcome == OGI_PUSH_DUPLICATE) {
                what = "already stored";
                r->duplicate++;
            } else {
                r->stored++;
            }
            if (!o->quiet)
                printf("%lld %.12s %s: %s, left the dead letters%s%s\n",
                       (long long)x->d.id, x->d.doc_key, name_or_dash(&x->d),
                       what, x->why[0] ? ": " : "", x->why);
            continue;
        }
        r->failed++;
        if (x->settled && x->outcome == OGI_PUSH_POISON)
            fprintf(stderr,
                    "ogi dead-letters: %lld %.12s %s: failed again "
                    "(attempts %d): %s\n",
                    (long long)x->d.id, x->d.doc_key, name_or_dash(&x->d),
                    still->attempts, still->reason);
        else
            fprintf(stderr,
                    "ogi dead-letters: %lld %.12s %s: not stored (%s), "
                    "still a dead letter (attempts %d): %s\n",
                    (long long)x->d.id, x->d.doc_key, name_or_dash(&x->d),
                    x->settled ? "acknowledged, but kept" : "not acknowledged",
                    still->attempts, still->reason);
    }
    ogi_dead_list_fini(&left);
    for (size_t i = 0; t && i < n; i++)
        ogi_dead_letter_fini(&t[i].d);
    r->t = NULL;
    r->n = 0;
    free(t);
    free(docs);
    free(keys);
    return rc;
}

static int
cmd_retry(opts_t *o, char **refs, size_t nrefs)
{
    if (o->all == (nrefs > 0)) {
        fprintf(stderr, "ogi dead-letters retry: give the dead letters "
                        "(ID or DOC_KEY-PREFIX...) or --all\n");
        return 2;
    }
    if (!o->all && (o->filter.since || o->filter.reason)) {
        fprintf(stderr, "ogi dead-letters retry: --since and --reason "
                        "choose with --all\n");
        return 2;
    }
    if (!o->via && (o->keys_given || o->timeout_ms || o->give_up_s)) {
        fprintf(stderr, "ogi dead-letters retry: key options, --timeout "
                        "and --give-up are for --via\n");
        return 2;
    }
    ogi_db_t *db = connect_db(o);
    if (!db)
        return 2;
    /* every dead letter named is found before any is tried */
    int64_t *ids = NULL;
    size_t *sizes = NULL; /* bytes kept of each */
    size_t n = 0;
    int rc = 0;
    if (o->all) {
        ogi_dead_list_t l;
        if (ogi_dead_list(db, &o->filter, &l) != 0) {
            fprintf(stderr, "ogi dead-letters: %s\n", ogi_db_error(db));
            rc = 2;
        } else {
            ids = calloc(l.n ? l.n : 1, sizeof(*ids));
            sizes = calloc(l.n ? l.n : 1, sizeof(*sizes));
            for (size_t i = 0; ids && sizes && i < l.n; i++) {
                sizes[n] = l.v[i].raw_len;
                ids[n++] = l.v[i].id;
            }
            ogi_dead_list_fini(&l);
        }
    } else {
        ids = calloc(nrefs, sizeof(*ids));
        sizes = calloc(nrefs, sizeof(*sizes));
        for (size_t i = 0; ids && sizes && rc == 0 && i < nrefs; i++) {
            ogi_dead_letter_t d;
            if (ogi_dead_find(db, refs[i], 0, &d) != 0) {
                fprintf(stderr, "ogi dead-letters: %s\n", ogi_db_error(db));
                rc = 2;
                break;
            }
            size_t k = 0;
            while (k < n && ids[k] != d.id)
                k++;
            if (k == n) { /* named twice: tried once */
                sizes[n] = d.raw_len;
                ids[n++] = d.id;
            }
            ogi_dead_letter_fini(&d);
        }
    }
    if ((!ids || !sizes) && rc == 0) {
        fprintf(stderr, "ogi dead-letters: out of memory\n");
        rc = 2;
    }
    void *ctx = NULL;
    ogi_auth_t *auth = NULL;
    if (rc == 0 && o->via &&
        ogi_keys_setup("ogi dead-letters", &o->ao, 0, &ctx, &auth))
        rc = 2;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    retry_t r;
    memset(&r, 0, sizeof(r));
    r.total = n;
    r.progress = !o->quiet && isatty(2);
    size_t next = 0;
    while (rc == 0 && next < n && !stop_flag) {
        /* at most CHUNK_DOCS documents and about CHUNK_BYTES in memory */
        size_t k = 0, bytes = 0;
        while (next + k < n && k < CHUNK_DOCS &&
               (k == 0 || bytes + sizes[next + k] <= CHUNK_BYTES))
            bytes += sizes[next + k++];
        rc = retry_chunk(o, db, &r, ids + next, k, ctx, auth);
        next += k;
    }
    if (r.progress && n)
        progress_line(&r, 1);
    if (o->via)
        ogi_keys_teardown(&ctx, &auth);
    ogi_db_destroy(&db);
    free(ids);
    free(sizes);
    if (rc)
        return rc;
    size_t untried =
        n - r.stored - r.rejected - r.duplicate - r.failed - r.skipped;
    printf("%zu dead letter%s retried: %zu stored, %zu rejected (not "
           "reports), %zu already stored, %zu failed again, %zu not "
           "retried\n",
           n, n == 1 ? "" : "s", r.stored, r.rejected, r.duplicate, r.failed,
           r.skipped + untried);
    return r.failed || r.skipped || untried ? 1 : 0;
}

int
ogi_cmd_dead_letters(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *sub = argv[1];
    if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0 ||
        strcmp(sub, "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    int list = strcmp(sub, "list") == 0, show = strcmp(sub, "show") == 0,
        retry = strcmp(sub, "retry") == 0;
    if (!list && !show && !retry) {
        fprintf(stderr, "ogi dead-letters: unknown command \"%s\"\n", sub);
        fputs(usage_text, stderr);
        return 2;
    }
    opts_t o;
    memset(&o, 0, sizeof(o));
    unsigned long long v;
    int c;
    optind = 1;
    argc--;
    argv++;
    while ((c = getopt_long(argc, argv, "d:n:qh", dead_opts, NULL)) != -1) {
        switch (c) {
            case 'd':
                o.db = optarg;
                break;
            case OPT_SINCE:
                o.filter.since = optarg;
                break;
            case OPT_REASON:
                o.filter.reason = optarg;
                break;
            case OPT_JSON:
                o.json = 1;
                break;
            case OPT_RAW:
                o.raw = optarg;
                break;
            case OPT_ALL:
                o.all = 1;
                break;
            case OPT_VIA:
                o.via = optarg;
                break;
            case 'n':
                if (ogi_arg_number("dead-letters", "--threads", optarg, 1, 256,
                                   &v))
                    return 2;
                o.threads = (unsigned)v;
                break;
            case OPT_TIMEOUT:
                if (ogi_arg_number("dead-letters", "--timeout", optarg, 1,
                                   UINT_MAX, &v))
                    return 2;
                o.timeout_ms = (unsigned)v;
                break;
            case OPT_GIVE_UP:
                if (ogi_arg_number("dead-letters", "--give-up", optarg, 1,
                                   UINT_MAX, &v))
                    return 2;
                o.give_up_s = (unsigned)v;
                break;
            case 'q':
                o.quiet = 1;
                break;
            case 'h':
                fputs(usage_text, stdout);
                return 0;
            default:
                if (ogi_keys_option(c, optarg, &o.ao)) {
                    o.keys_given = 1;
                    break;
                }
                return 2;
        }
    }
    int nargs = argc - optind;
    /* each option belongs to its command */
    int bad = (!list && !retry && (o.filter.since || o.filter.reason)) ||
              (retry && o.json) || (!show && o.raw) || (!retry && o.all) ||
              (!retry && (o.via || o.threads || o.keys_given || o.timeout_ms ||
                          o.give_up_s || o.quiet));
    if (bad) {
        fprintf(stderr,
                "ogi dead-letters %s: an option of another command was "
                "given (see 'ogi dead-letters --help')\n",
                sub);
        return 2;
    }
    if (list) {
        if (nargs) {
            fprintf(stderr, "ogi dead-letters list: takes no arguments\n");
            return 2;
        }
        return cmd_list(&o);
    }
    if (show) {
        if (nargs != 1) {
            fprintf(stderr, "ogi dead-letters show: give one ID or "
                            "DOC_KEY-PREFIX\n");
            return 2;
        }
        return cmd_show(&o, argv[optind]);
    }
    return cmd_retry(&o, argv + optind, (size_t)nargs);
}
