/*
 * source.h - reading a document from a file or stdin, bounded.
 *
 * A file above the size limit is not read into memory: its SHA-256 is
 * computed in chunks and the report is rejected with the reason.
 */
#ifndef OGI_SOURCE_H
#define OGI_SOURCE_H

#include <stddef.h>

#include "ogi/arena.h"
#include "ogi/parse.h"
#include "ogi/report.h"

/*
 * Parses the file at path ("-" for stdin) into *out (in arena), as
 * ogi_parse_report does. Returns 0; OGI_EIO when the file cannot be read
 * (why receives "could not open file \"x\": reason"); OGI_ENOMEM.
 */
int ogi_source_parse_file(ogi_arena_t *arena, const char *path,
                          const ogi_parse_opts_t *opts, ogi_report_t **out,
                          char *why, size_t why_size);

#endif /* OGI_SOURCE_H */
