/*
 * encode_int.h - the report <-> protobuf mapping as messages rather than
 * bytes, for the pipeline, which nests a Report inside a Record. Private
 * to lib/.
 */
#ifndef OGI_ENCODE_INT_H
#define OGI_ENCODE_INT_H

#include "ogi/encode.h"
#include "ogi/v1/report.pb-c.h"

/* The Report message of r, allocated in arena (*out). Returns 0,
 * OGI_ENOMEM or OGI_EINVAL (a skeleton key with no field). */
int ogi__encode_report_msg(ogi_arena_t *arena, const ogi_report_t *r,
                           Ogi__V1__Report **out);

/* The report held by a decoded Report message, in arena (*out). Returns
 * 0 or OGI_ENOMEM. */
int ogi__decode_report_msg(ogi_arena_t *arena, const Ogi__V1__Report *pr,
                           ogi_report_t **out);

/* A protobuf-c allocator that takes from arena and frees nothing: the
 * messages go with the arena. */
ProtobufCAllocator ogi__pb_allocator(ogi_arena_t *arena);

#endif /* OGI_ENCODE_INT_H */
