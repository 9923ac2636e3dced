/*
 * parse.h - a report's bytes to an ogi_report_t.
 *
 * The input is untrusted: any bytes give either a report or a rejected
 * record with a reason, never a crash; memory use is bounded by the size
 * limit. Thread-safe as long as each thread uses its own arena.
 */
#ifndef OGI_PARSE_H
#define OGI_PARSE_H

#include <stddef.h>

#include "ogi/arena.h"
#include "ogi/report.h"

#include "ogi/version.h" /* OGI_PARSER_VERSION */

typedef struct {
    size_t max_bytes; /* inputs above this are rejected; 0: 8 MiB */
    const char *name; /* source name recorded in the report, or NULL */
} ogi_parse_opts_t;

/*
 * Parses raw[0..len) into a report allocated in arena (*out). The report's
 * status is OGI_STATUS_REJECTED, with a P0 finding giving the reason, when
 * the input is not a report or cannot be read. Returns 0; OGI_ECONVERT
 * when the converter of the input's form (PDF, DOC) crashed, ran out of
 * time or could not start: *out is then a rejected report whose P0
 * finding gives the reason, and the document deserves another try later
 * (the pipeline keeps it as a dead letter); or OGI_ENOMEM (then *out is
 * NULL). raw may be NULL when len is 0 (as protobuf gives empty bytes).
 * raw need not outlive the call: spans are offsets, not pointers.
 */
int ogi_parse_report(ogi_arena_t *arena, const char *raw, size_t len,
                     const ogi_parse_opts_t *opts, ogi_report_t **out);


#endif /* OGI_PARSE_H */
