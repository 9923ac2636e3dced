/*
 * meta.h - a report's metadata from its text (README "The report format",
 * metadata).
 *
 * Agency, year, publication date, administrative level, province and
 * contact details. The format version is decided by the table parser, not
 * here. Reads only the normalised text; never fails on odd input.
 */
#ifndef OGI_META_H
#define OGI_META_H

#include <stddef.h>

#include "ogi/report.h"
#include "ogi/text.h"

/*
 * Fills report->meta (all but meta.format) from t. first_heading and
 * last_heading are the line indexes of the first and last section headings
 * found (t->nlines when none): the title lives before the first, a
 * signature and date after the last. Strings are allocated in
 * report->arena. Returns 0 or OGI_ENOMEM.
 */
int ogi_meta_extract(ogi_report_t *report, const ogi_text_t *t,
                     size_t first_heading, size_t last_heading);

#endif /* OGI_META_H */
