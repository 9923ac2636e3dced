/* wire.c - framing of ogi's messages on ZeroMQ sockets. */
#include "ogi_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

#include "encode_int.h"
#include "ogi/error.h"
#include "wire_int.h"

static const struct {
    const char tag[5];
    ogi__msg_type_t type;
    const ProtobufCMessageDescriptor *desc;
} types[] = {
    {"DOC1", OGI__MSG_DOC, &ogi__v1__document__descriptor},
    {"REC1", OGI__MSG_REC, &ogi__v1__record__descriptor},
    {"ACK1", OGI__MSG_ACK, &ogi__v1__ack__descriptor},
    {"RDY1", OGI__MSG_RDY, &ogi__v1__ready__descriptor},
    {"HBT1", OGI__MSG_HBT, &ogi__v1__heartbeat__descriptor},
};

uint64_t
ogi__wire_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

void
ogi__wire_sleep_ms(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

int
ogi__wire_setup(void *sock, size_t max_frame, int hwm)
{
    int linger = 0;
    int64_t max = (int64_t)max_frame + 64;
    if (zmq_setsockopt(sock, ZMQ_LINGER, &linger, sizeof(linger)) ||
        zmq_setsockopt(sock, ZMQ_MAXMSGSIZE, &max, sizeof(max)) ||
        zmq_setsockopt(sock, ZMQ_SNDHWM, &hwm, sizeof(hwm)) ||
        zmq_setsockopt(sock, ZMQ_RCVHWM, &hwm, sizeof(hwm)))
        return OGI_EIO;
    return 0;
}

/* Reads and discards the rest of a multipart message. */
static void
drain(void *sock, zmq_msg_t *frame)
{
    while (zmq_msg_more(frame)) {
        zmq_msg_close(frame);
        zmq_msg_init(frame);
        if (zmq_msg_recv(frame, sock, 0) < 0)
            break;
    }
}

int
ogi__wire_recv(void *sock, int router, ogi_arena_t *arena, size_t max,
               ogi__wire_msg_t *m, ogi__wire_stats_t *stats)
{
    memset(m, 0, sizeof(*m));
    zmq_msg_t f;
    zmq_msg_init(&f);
    if (zmq_msg_recv(&f, sock, ZMQ_DONTWAIT) < 0) {
        zmq_msg_close(&f);
        return errno == EAGAIN || errno == EINTR ? OGI_ERETRY : OGI_EIO;
    }
    int rc = OGI_EPARSE;
    uint64_t *bad = &stats->malformed;
    if (router) {
        size_t n = zmq_msg_size(&f);
        if (n == 0 || n > OGI__ROUTE_MAX || !zmq_msg_more(&f))
            goto out;
        memcpy(m->route, zmq_msg_data(&f), n);
        m->route_len = n;
        zmq_msg_close(&f);
        zmq_msg_init(&f);
        if (zmq_msg_recv(&f, sock, 0) < 0) {
            rc = OGI_EIO;
            goto out;
        }
    }
    /* the type frame */
    const ProtobufCMessageDescriptor *desc = NULL;
    if (zmq_msg_size(&f) == 4 && zmq_msg_more(&f)) {
        for (size_t i = 0; i < OGI_ARRAY_LEN(types); i++)
            if (memcmp(zmq_msg_data(&f), types[i].tag, 4) == 0) {
                m->type = types[i].type;
                desc = types[i].desc;
            }
    }
    if (!desc)
        goto out;
    const char *user = zmq_msg_gets(&f, "User-Id");
    if (user)
        snprintf(m->user, sizeof(m->user), "%s", user);
    zmq_msg_close(&f);
    zmq_msg_init(&f);
    if (zmq_msg_recv(&f, sock, 0) < 0) {
        rc = OGI_EIO;
        goto out;
    }
    if (zmq_msg_more(&f))
        goto out; /* more frames than the format has */
    m->bytes = zmq_msg_size(&f);
    if (m->bytes > max) {
        bad = &stats->oversized;
        goto out;
    }
    ProtobufCAllocator al = ogi__pb_allocator(arena);
    m->msg = protobuf_c_message_unpack(desc, &al, m->bytes, zmq_msg_data(&f));
    if (!m->msg) {
        bad = &stats->undecodable;
        goto out;
    }
    stats->received++;
    rc = 0;
out:
    if (rc == OGI_EPARSE) {
        drain(sock, &f);
        (*bad)++;
        m->type = OGI__MSG_NONE;
    }
    zmq_msg_close(&f);
    return rc;
}

static const char *
tag_of(ogi__msg_type_t type)
{
    for (size_t i = 0; i < OGI_ARRAY_LEN(types); i++)
        if (types[i].type == type)
            return types[i].tag;
    return NULL;
}

int
ogi__wire_send(void *sock, const char *route, size_t route_len,
               ogi__msg_type_t type, const ProtobufCMessage *msg,
               int dontwait)
{
    const char *tag = tag_of(type);
    if (!tag)
        return OGI_EINVAL;
    int flags = dontwait ? ZMQ_DONTWAIT : 0;
    size_t n = protobuf_c_message_get_packed_size(msg);
    zmq_msg_t body;
    if (zmq_msg_init_size(&body, n))
        return OGI_ENOMEM;
    protobuf_c_message_pack(msg, zmq_msg_data(&body));
    /* the first frame decides: once it is queued the rest follow at once */
    if (route && zmq_send(sock, route, route_len, ZMQ_SNDMORE | flags) < 0)
        goto fail;
    if (zmq_send(sock, tag, 4, ZMQ_SNDMORE | (route ? 0 : flags)) < 0)
        goto fail;
    if (zmq_msg_send(&body, sock, 0) < 0)
        goto fail;
    return 0;
fail:
    zmq_msg_close(&body);
    return errno == EAGAIN || errno == EINTR ? OGI_ERETRY : OGI_EIO;
}
