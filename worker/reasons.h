/*
 * reasons.h - why documents were not stored as reports, counted, so that
 * a run over thousands of files ends with a short summary by reason.
 */
#ifndef OGI_WORKER_REASONS_H
#define OGI_WORKER_REASONS_H

#include <stdio.h>

typedef struct ogi_reasons ogi_reasons_t;

ogi_reasons_t *ogi_reasons_create(void);
void ogi_reasons_destroy(ogi_reasons_t **reasons);

/*
 * Counts one document not stored for reason. Reasons that differ only in
 * their numbers ("input of 9000000 bytes ...") count as one; the first
 * one seen is the one printed. Out of memory loses the detail, never the
 * count.
 */
void ogi_reasons_add(ogi_reasons_t *reasons, const char *reason);

/* Prints "TITLE, by reason:" and one "  COUNT  REASON" line per reason,
 * most frequent first; nothing when none were counted. */
void ogi_reasons_print(const ogi_reasons_t *reasons, FILE *out,
                       const char *title);

#endif /* OGI_WORKER_REASONS_H */
