/*
 * wire_int.h - typed, size-limited frames on ZeroMQ sockets
 * (proto/ogi/v1/wire.proto describes the framing).
 *
 * A message is [routing id] [type] [protobuf]; the routing id is present
 * on ROUTER sockets only. Anything else that arrives (missing frames, an
 * unknown type, a frame above the limit, bytes that do not decode) is read
 * to its end, counted and dropped: bad input never stops a daemon. Private
 * to lib/; a socket is used by one thread.
 */
#ifndef OGI_WIRE_INT_H
#define OGI_WIRE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ogi/arena.h"
#include "ogi/v1/wire.pb-c.h"

typedef enum {
    OGI__MSG_NONE = 0,
    OGI__MSG_DOC, /* Document */
    OGI__MSG_REC, /* Record */
    OGI__MSG_ACK, /* Ack */
    OGI__MSG_RDY, /* Ready */
    OGI__MSG_HBT, /* Heartbeat */
} ogi__msg_type_t;

#define OGI__ROUTE_MAX 255 /* bytes of a routing id */

typedef struct {
    ogi__msg_type_t type;
    char route[OGI__ROUTE_MAX + 1]; /* sender's routing id (ROUTER) */
    size_t route_len;
    char user[41];                  /* the sender's CURVE public key
                                       (Z85) as the ZAP handler admitted
                                       it; "" on unauthenticated sockets */
    ProtobufCMessage *msg;          /* decoded, in the caller's arena */
    size_t bytes;                   /* size of the protobuf frame */
} ogi__wire_msg_t;

/* Counters of what a socket's reader dropped. */
typedef struct {
    uint64_t received;  /* well-formed messages */
    uint64_t malformed; /* wrong frame count or unknown type */
    uint64_t oversized; /* protobuf frame above the limit */
    uint64_t undecodable; /* bytes that are not the named message */
} ogi__wire_stats_t;

/*
 * Receives one message without blocking. router: the socket is a ROUTER
 * (a routing id frame comes first). Returns 0 with *m filled (decoded in
 * arena), OGI_ERETRY when nothing is waiting, OGI_EPARSE when a bad
 * message was read and dropped (counted in stats), OGI_EIO on a socket
 * error.
 */
int ogi__wire_recv(void *sock, int router, ogi_arena_t *arena, size_t max,
                   ogi__wire_msg_t *m, ogi__wire_stats_t *stats);

/*
 * Sends msg as type, to route (route_len bytes; NULL/0 on DEALER/PUSH
 * sockets). dontwait: fail with OGI_ERETRY rather than block when the
 * socket's queue is full. Returns 0, OGI_ERETRY, OGI_ENOMEM or OGI_EIO.
 */
int ogi__wire_send(void *sock, const char *route, size_t route_len,
                   ogi__msg_type_t type, const ProtobufCMessage *msg,
                   int dontwait);

/* Sets the options every ogi socket has: linger, max message size,
 * high-water marks. */
int ogi__wire_setup(void *sock, size_t max_frame, int hwm);

/* protobuf-c declares strings char * though it only reads them when
 * packing: this hands it a constant without a cast. */
static inline char *
ogi__pb_str(const char *s)
{
    union {
        const char *c;
        char *m;
    } u = {s ? s : ""};
    return u.m;
}

/* Milliseconds on a monotonic clock. */
uint64_t ogi__wire_now_ms(void);

/* Sleeps ms milliseconds (a back-off between tries). */
void ogi__wire_sleep_ms(unsigned ms);

#endif /* OGI_WIRE_INT_H */
