/*
 * reparse.c - `ogi reparse` (ogi/reparse.h): stored documents parsed
 * again, a batch at a time. While the threads parse one batch the main
 * thread writes the one before and reads the next, so that parsing and
 * the database work at once.
 */
#include "ogi_int.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "ogi/alloc.h"
#include "ogi/arena.h"
#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/parse.h"
#include "ogi/reparse.h"
#include "ogi/validate.h"
#include "wire_int.h"

#define MAX_THREADS 64

/* One batch: the documents read, their reports once parsed. */
typedef struct {
    ogi_db_doc_t *docs;
    size_t n;
    ogi_db_item_t *items;
    int64_t *ids;
    ogi_arena_t **arenas;
    size_t next; /* the next document a thread takes */
    pthread_mutex_t lock;
    int failed; /* out of memory in a thread */
} batch_t;

static void
batch_free(batch_t *b)
{
    for (size_t i = 0; b->arenas && i < b->n; i++)
        ogi_arena_destroy(&b->arenas[i]);
    ogi_free(b->arenas);
    ogi_free(b->items);
    ogi_free(b->ids);
    ogi_db_docs_free(b->docs, b->n);
    memset(b, 0, sizeof(*b));
}

/* Parses documents of b until none is left; a converter that crashed or
 * hung leaves the item without a report (its stored rows stay). */
static void *
parse_thread(void *arg)
{
    batch_t *b = arg;
    for (;;) {
        pthread_mutex_lock(&b->lock);
        size_t i = b->next++;
        pthread_mutex_unlock(&b->lock);
        if (i >= b->n)
            return NULL;
        ogi_db_doc_t *d = &b->docs[i];
        ogi_arena_t *a = ogi_arena_new(0);
        ogi_report_t *r = NULL;
        ogi_parse_opts_t po = {0};
        po.name = d->source_name;
        int rc =
            a ? ogi_parse_report(a, d->raw, d->raw_len, &po, &r) : OGI_ENOMEM;
        if (rc == 0 && ogi_validate_report(r) != 0)
            rc = OGI_ENOMEM;
        b->arenas[i] = a;
        b->ids[i] = d->id;
        ogi_db_item_t *it = &b->items[i];
        it->doc_key = d->doc_key;
        it->raw = d->raw;
        it->raw_len = d->raw_len;
        it->source_name = d->source_name;
        if (rc == 0) {
            snprintf(r->doc_key, sizeof(r->doc_key), "%s", d->doc_key);
            it->report = r;
            it->content_type = r->content_type;
            it->encoding = r->encoding;
        } else if (rc == OGI_ENOMEM) {
            pthread_mutex_lock(&b->lock);
            b->failed = 1;
            pthread_mutex_unlock(&b->lock);
        }
    }
}

/* Parses b with threads threads (the calling thread waits). */
static int
parse_batch(batch_t *b, unsigned threads, pthread_t *tid, unsigned *started)
{
    b->items = ogi_calloc(b->n ? b->n : 1, sizeof(*b->items));
    b->ids = ogi_calloc(b->n ? b->n : 1, sizeof(*b->ids));
    b->arenas = ogi_calloc(b->n ? b->n : 1, sizeof(*b->arenas));
    if (!b->items || !b->ids || !b->arenas)
        return OGI_ENOMEM;
    *started = 0;
    for (unsigned t = 0; t < threads; t++)
        if (pthread_create(&tid[t], NULL, parse_thread, b) == 0)
            ++*started;
    return *started ? 0 : OGI_ENOMEM;
}

/* Seconds on the pipeline's monotonic clock. */
static double
now_s(void)
{
    return (double)ogi__wire_now_ms() / 1000.0;
}

static void
show(const ogi_reparse_opts_t *o, double t0, int last)
{
    double dt = now_s() - t0;
    fprintf(stderr, "\rreparse: %llu/%llu documents, %.0f/s%s",
            (unsigned long long)o->done, (unsigned long long)o->total,
            dt > 0 ? (double)o->done / dt : 0.0, last ? "\n" : "  ");
}

int
ogi_reparse_run(ogi_reparse_opts_t *o, char *why, size_t why_size)
{
    unsigned threads = o->threads ? o->threads : 2;
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    size_t batch = o->batch ? o->batch : 500;
    o->done = o->reports = o->rejected = o->kept = 0;
    if (why_size)
        why[0] = '\0';
    ogi_db_t *db = ogi_db_connect(o->db, why, why_size);
    if (!db)
        return OGI_EIO;
    size_t applied;
    int rc = ogi_db_migrate(db, &applied);
    ogi_db_reparse_sel_t sel = {o->all, o->year, o->agency};
    int64_t run = 0, after = 0, todo = 0;
    if (rc == 0)
        rc = ogi_db_reparse_begin(db, &sel, &run, &after, &todo, &o->resumed);
    o->total = rc == 0 ? (uint64_t)todo : 0;
    batch_t cur = {0}, next = {0};
    pthread_mutex_init(&cur.lock, NULL);
    pthread_mutex_init(&next.lock, NULL);
    pthread_t tid[MAX_THREADS];
    unsigned started = 0;
    double t0 = now_s(), shown = 0;
    if (rc == 0)
        rc = ogi_db_reparse_fetch(db, &sel, after, batch, &cur.docs, &cur.n);
    while (rc == 0 && cur.n > 0) {
        rc = parse_batch(&cur, threads, tid, &started);
        int64_t last = cur.docs[cur.n - 1].id;
        /* the next batch is read while this one is parsed */
        if (rc == 0 && !(o->stop && *o->stop))
            rc = ogi_db_reparse_fetch(db, &sel, last, batch, &next.docs,
                                      &next.n);
        for (unsigned t = 0; t < started; t++)
            pthread_join(tid[t], NULL);
        started = 0;
        if (rc == 0 && cur.failed)
            rc = OGI_ENOMEM;
        if (rc == 0)
            rc = ogi_db_reparse_batch(db, cur.items, cur.ids, cur.n, run, last);
        if (rc == 0) {
            for (size_t i = 0; i < cur.n; i++) {
                const ogi_report_t *r = cur.items[i].report;
                if (!r)
                    o->kept++;
                else if (r->status == OGI_STATUS_REJECTED)
                    o->rejected++;
                else
                    o->reports++;
            }
            o->done += cur.n;
        }
        pthread_mutex_destroy(&cur.lock);
        batch_free(&cur);
        pthread_mutex_init(&cur.lock, NULL);
        cur.docs = next.docs;
        cur.n = next.n;
        next.docs = NULL;
        next.n = 0;
        if (o->progress && now_s() - shown > 0.5) {
            show(o, t0, 0);
            shown = now_s();
        }
        if (rc == 0 && o->stop && *o->stop)
            rc = OGI_EINTR; /* resumed by the next run of this selection */
    }
    if (o->progress)
        show(o, t0, 1);
    if (rc == 0)
        rc = ogi_db_reparse_finish(db, run);
    if (rc && rc != OGI_EINTR && !why[0])
        snprintf(why, why_size, "%s",
                 rc == OGI_ENOMEM ? "out of memory" : ogi_db_error(db));
    batch_free(&cur);
    ogi_db_docs_free(next.docs, next.n);
    pthread_mutex_destroy(&cur.lock);
    pthread_mutex_destroy(&next.lock);
    ogi_db_destroy(&db);
    return rc;
}
