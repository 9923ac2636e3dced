/*
 * inputs.h - the files a command reads reports from (ogi parse, ogi
 * check): the list its arguments name, an arena for one document at a
 * time, and the tally of the reasons files were not reports.
 */
#ifndef OGI_WORKER_INPUTS_H
#define OGI_WORKER_INPUTS_H

#include "ogi.h"
#include "reasons.h"

typedef struct {
    ogi_source_list_t list;
    ogi_arena_t *arena;
    ogi_reasons_t *reasons;
} ogi_inputs_t;

/*
 * Lists the files (and the folders' files) names[0..n) name, and makes the
 * arena and the tally. On failure prints "ogi CMD: REASON" on stderr and
 * returns -1, with nothing left to close; else 0.
 */
int ogi_inputs_open(const char *cmd, char *const *names, size_t n,
                    ogi_inputs_t *in);
void ogi_inputs_close(ogi_inputs_t *in);

#endif /* OGI_WORKER_INPUTS_H */
