/* args.h - command-line values shared by the subcommands. */
#ifndef OGI_WORKER_ARGS_H
#define OGI_WORKER_ARGS_H

#include "ogi/export.h"

/*
 * Reads arg, the value of option opt of command cmd, as a whole number in
 * [min, max] into *out. On a bad value prints "ogi CMD: invalid OPT \"ARG\":
 * give a whole number from MIN to MAX" on stderr and returns -1; else 0.
 */
int ogi_arg_number(const char *cmd, const char *opt, const char *arg,
                   unsigned long long min, unsigned long long max,
                   unsigned long long *out);

/*
 * Checks the filter of command cmd (export, report) as its options gave
 * it: --province or --division, not both; a division a 6-digit code; a
 * province not empty. On a bad one prints "ogi CMD: ..." on stderr and
 * returns -1; else 0.
 */
int ogi_arg_filter(const char *cmd, const ogi_export_filter_t *filter);

#endif /* OGI_WORKER_ARGS_H */
