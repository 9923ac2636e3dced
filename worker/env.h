/*
 * env.h - every long option of the pipeline's commands also from an
 * OGI_* environment variable (README, "Configuration").
 *
 * For option --NAME of command CMD the value is the first set (and not
 * empty) of OGI_CMD_NAME (unless that is another option's shared name:
 * OGI_SINK_KEY is --sink-key, OGI_BROKER_KEY --broker-key), OGI_NAME,
 * and an alias (the sink's --records: OGI_SINK). Flags take
 * 1/0/true/false/yes/no/on/off. A command-line option overrides its
 * variable: a variable whose option is on the command line is not read.
 */
#ifndef OGI_WORKER_ENV_H
#define OGI_WORKER_ENV_H

#include <getopt.h>
#include <stddef.h>

/* The commands and their options, for the known names. */
typedef struct {
    const char *cmd;
    const struct option *opts; /* ends with a NULL name */
} ogi_cmdenv_cmd_t;

typedef struct {
    char **argv; /* argv[0], the variables' options, the command line */
    int argc;
    int nenv;    /* argv[1..nenv] came from variables */
    char **var;  /* var[i]: the variable of argv[i] (i in 1..nenv) */
    int last;    /* index of the last option getopt returned; 0: none */
    int done;    /* getopt has returned -1 */
    int started; /* ogi_cmdenv_getopt has been called */
} ogi_cmdenv_t;

/*
 * Checks the environment (every OGI_ variable must be known to one of
 * cmds[0..ncmds) or be one of extra[]) and builds e->argv for command cmd
 * with options opts (and shortopts) from its variables (those of options
 * not on the command line) then argv. On an unknown variable
 * or a bad flag value prints "ogi CMD: ..." naming the variable and
 * returns -1 (e is then empty). Free with ogi_cmdenv_fini.
 */
int ogi_cmdenv_init(ogi_cmdenv_t *e, const char *cmd, const char *shortopts,
                    const struct option *opts, const ogi_cmdenv_cmd_t *cmds,
                    size_t ncmds, int argc, char **argv);
void ogi_cmdenv_fini(ogi_cmdenv_t *e);

/* getopt_long on e->argv, noting where each option came from. */
int ogi_cmdenv_getopt(ogi_cmdenv_t *e, const char *shortopts,
                      const struct option *longopts);

/* After a command failed (status 2) while reading its options: names the
 * variable the bad option came from, if it came from one. */
void ogi_cmdenv_blame(const ogi_cmdenv_t *e, const char *cmd);

/* The OGI_ variables that are not options (tests, ogi db, the units). */
extern const char *const ogi_cmdenv_extra[];

#endif /* OGI_WORKER_ENV_H */
