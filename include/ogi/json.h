/*
 * json.h - a report as the JSON record (README "The record").
 *
 * Key names come from the skeleton, so JSON, protobuf and SQL agree.
 * Thread-safe; the report is only read.
 */
#ifndef OGI_JSON_H
#define OGI_JSON_H

#include "ogi/report.h"

#define OGI_JSON_COMPACT 0x01u /* one line (for --jsonl) */
#define OGI_JSON_CELLS   0x02u /* add "cells": each cell's state and span */

/* The record as a NUL-terminated JSON string, allocated with malloc (the
 * caller frees it with free()), or NULL when out of memory. */
char *ogi_json_dump(const ogi_report_t *report, unsigned flags);

#endif /* OGI_JSON_H */
