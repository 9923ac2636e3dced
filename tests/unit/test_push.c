/*
 * test_push.c - the producer against a stand-in broker (a ROUTER socket
 * over inproc://, in this thread): it settles a document only on an
 * acknowledgement that names both its sequence number and its doc_key,
 * and its producer id cannot be guessed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#include "ogi.h"
#include "ogi/hash.h"
#include "ogi/pipeline.h"
#include "wire_int.h"

typedef struct {
    ogi_push_opts_t o;
    ogi_push_stats_t st;
    int rc;
    char why[256];
} run_t;

static void *
run_push(void *arg)
{
    run_t *r = arg;
    r->rc = ogi_push_run(&r->o, r->why, sizeof(r->why));
    return NULL;
}

/* Waits for the next Document on the stand-in broker. */
static Ogi__V1__Document *
next_doc(void *router, ogi_arena_t *a, ogi__wire_msg_t *m)
{
    ogi__wire_stats_t ws = {0};
    for (int tries = 0; tries < 500; tries++) {
        zmq_pollitem_t it = {router, 0, ZMQ_POLLIN, 0};
        zmq_poll(&it, 1, 10);
        if (ogi__wire_recv(router, 1, a, 1 << 20, m, &ws) == 0 &&
            m->type == OGI__MSG_DOC)
            return (Ogi__V1__Document *)m->msg;
    }
    return NULL;
}

static void
send_ack(void *router, const ogi__wire_msg_t *to, uint64_t seq, const char *key)
{
    Ogi__V1__AckItem item;
    ogi__v1__ack_item__init(&item);
    item.sequence = seq;
    item.doc_key = ogi__pb_str(key);
    item.outcome = OGI__V1__OUTCOME__OUTCOME_STORED;
    Ogi__V1__AckItem *items[1] = {&item};
    Ogi__V1__Ack ack;
    ogi__v1__ack__init(&ack);
    ack.n_items = 1;
    ack.items = items;
    assert_int_equal(ogi__wire_send(router, to->route, to->route_len,
                                    OGI__MSG_ACK, &ack.base, 0),
                     0);
}

static void
ack_must_name_the_document(void **state)
{
    (void)state;
    char dir[] = "/tmp/ogi-push-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof(path), "%s/a.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("a report", f);
    fclose(f);
    char key[65];
    ogi_hash_sha256_hex("a report", 8, key);

    void *ctx = zmq_ctx_new();
    void *router = zmq_socket(ctx, ZMQ_ROUTER);
    assert_int_equal(ogi__wire_setup(router, 1 << 20, 1000), 0);
    assert_int_equal(zmq_bind(router, "inproc://test-push"), 0);
    run_t r;
    memset(&r, 0, sizeof(r));
    const char *paths[1] = {path};
    r.o.ctx = ctx;
    r.o.frontend = "inproc://test-push";
    r.o.paths = paths;
    r.o.npaths = 1;
    r.o.timeout_ms = 60000; /* no resend during the test */
    r.o.stats = &r.st;
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, run_push, &r), 0);

    ogi_arena_t *a = ogi_arena_new(0);
    ogi__wire_msg_t m;
    Ogi__V1__Document *doc = next_doc(router, a, &m);
    if (!doc) {
        fail_msg("push sent no document");
        return;
    }
    assert_string_equal(doc->doc_key, key);
    /* the producer id: "p" and 128 random bits in hex */
    assert_int_equal(m.route_len, 33);
    assert_int_equal(m.route[0], 'p');
    assert_int_equal(strspn(m.route + 1, "0123456789abcdef"), 32);

    /* right sequence, another document's key: not settled */
    char other[65];
    ogi_hash_sha256_hex("another", 7, other);
    send_ack(router, &m, doc->sequence, other);
    /* and an ack without any key */
    send_ack(router, &m, doc->sequence, "");
    struct timespec ts = {0, 300 * 1000 * 1000};
    nanosleep(&ts, NULL);
    assert_int_equal(r.st.outcome[OGI_PUSH_STORED], 0);
    /* the true ack settles it */
    send_ack(router, &m, doc->sequence, key);
    pthread_join(t, NULL);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.st.outcome[OGI_PUSH_STORED], 1);
    assert_int_equal(r.st.stray_acks, 2);

    ogi_arena_destroy(&a);
    zmq_close(router);
    zmq_ctx_term(ctx);
    unlink(path);
    rmdir(dir);
}

/* Two producers never draw the same id. */
static void
producer_ids_differ(void **state)
{
    (void)state;
    char ids[2][40];
    for (int k = 0; k < 2; k++) {
        char dir[] = "/tmp/ogi-push-XXXXXX";
        assert_non_null(mkdtemp(dir));
        char path[64];
        snprintf(path, sizeof(path), "%s/a.txt", dir);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs("x", f);
        fclose(f);
        void *ctx = zmq_ctx_new();
        void *router = zmq_socket(ctx, ZMQ_ROUTER);
        ogi__wire_setup(router, 1 << 20, 1000);
        assert_int_equal(zmq_bind(router, "inproc://test-push-id"), 0);
        run_t r;
        memset(&r, 0, sizeof(r));
        const char *paths[1] = {path};
        r.o.ctx = ctx;
        r.o.frontend = "inproc://test-push-id";
        r.o.paths = paths;
        r.o.npaths = 1;
        r.o.timeout_ms = 60000;
        r.o.stats = &r.st;
        pthread_t t;
        assert_int_equal(pthread_create(&t, NULL, run_push, &r), 0);
        ogi_arena_t *a = ogi_arena_new(0);
        ogi__wire_msg_t m;
        Ogi__V1__Document *doc = next_doc(router, a, &m);
        if (!doc) {
            fail_msg("push sent no document");
            return;
        }
        snprintf(ids[k], sizeof(ids[k]), "%.*s", (int)m.route_len, m.route);
        send_ack(router, &m, doc->sequence, doc->doc_key);
        pthread_join(t, NULL);
        ogi_arena_destroy(&a);
        zmq_close(router);
        zmq_ctx_term(ctx);
        unlink(path);
        rmdir(dir);
    }
    assert_string_not_equal(ids[0], ids[1]);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ack_must_name_the_document),
        cmocka_unit_test(producer_ids_differ),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
