/* args.h - command-line values shared by the subcommands. */
#ifndef OGI_WORKER_ARGS_H
#define OGI_WORKER_ARGS_H

/*
 * Reads arg, the value of option opt of command cmd, as a whole number in
 * [min, max] into *out. On a bad value prints "ogi CMD: invalid OPT \"ARG\":
 * give a whole number from MIN to MAX" on stderr and returns -1; else 0.
 */
int ogi_arg_number(const char *cmd, const char *opt, const char *arg,
                   unsigned long long min, unsigned long long max,
                   unsigned long long *out);

#endif /* OGI_WORKER_ARGS_H */
