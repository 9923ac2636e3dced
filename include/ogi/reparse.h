/*
 * reparse.h - `ogi reparse`: the stored raw documents parsed again by
 * this binary's parser, their reports replaced (ogi_db_reparse_batch).
 *
 * Documents are taken in id order, a batch at a time: read from the
 * database, parsed and validated by `threads` threads (the same
 * ogi_parse_report and ogi_validate_report as the workers, PDF and Word
 * converters in their sandbox), then written in one transaction with the
 * run's progress (deploy/sql/012_reparse.sql). A run stopped part way (a
 * signal, a kill, a lost connection) resumes after its last committed
 * batch when started again with the same selection.
 */
#ifndef OGI_REPARSE_H
#define OGI_REPARSE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *db;         /* conninfo; NULL: the local default */
    int all;                /* every document, not only those parsed by
                               another version */
    int year;               /* only reports on this year; 0: any */
    const char *agency;     /* only this agency key ("320813:人民政府");
                               NULL: any */
    unsigned threads;       /* parsing threads; 0: 2 */
    size_t batch;           /* documents per transaction; 0: 500 */
    int progress;           /* a progress line on stderr */
    volatile sig_atomic_t *stop; /* set: end after the current batch */
    /* filled on return */
    uint64_t total;         /* documents selected when the run (re)started */
    uint64_t done;          /* parsed again and stored in this call */
    uint64_t reports, rejected;
    uint64_t kept;          /* not parsed again (a converter crashed or
                               hung): their stored rows stay */
    int resumed;            /* an unfinished run was continued */
} ogi_reparse_opts_t;

/* Returns 0 when every selected document was done, OGI_EINTR when *stop
 * ended it early (resumable), OGI_EIO or OGI_ERETRY (why says) when the
 * database failed. */
int ogi_reparse_run(ogi_reparse_opts_t *o, char *why, size_t why_size);

#endif /* OGI_REPARSE_H */
