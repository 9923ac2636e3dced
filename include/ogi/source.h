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
 * ogi_parse_report does. Returns 0; OGI_ECONVERT as ogi_parse_report
 * (with *out a rejected report); OGI_EIO when the file cannot be read
 * (why receives "could not open file \"x\": reason"); OGI_ENOMEM.
 */
int ogi_source_parse_file(ogi_arena_t *arena, const char *path,
                          const ogi_parse_opts_t *opts, ogi_report_t **out,
                          char *why, size_t why_size);

/*
 * The files a command was given: every regular file under each path, in
 * name order (hidden names skipped, directories followed to a bounded
 * depth); "-" stands for standard input and is kept as is.
 */
typedef struct {
    char **paths;
    size_t n, cap;
} ogi_source_list_t;

/*
 * Fills *out (zeroed first; ogi_source_list_free releases it) from
 * paths[0..npaths). Returns 0; OGI_EIO when a path cannot be read (why:
 * "could not open \"x\": reason"); OGI_ENOMEM.
 */
int ogi_source_list(const char *const *paths, size_t npaths,
                    ogi_source_list_t *out, char *why, size_t why_size);
void ogi_source_list_free(ogi_source_list_t *list);

#endif /* OGI_SOURCE_H */
