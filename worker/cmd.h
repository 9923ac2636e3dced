/* cmd.h - the subcommands of the ogi binary. */
#ifndef OGI_WORKER_CMD_H
#define OGI_WORKER_CMD_H

/* Each returns the process exit code: 0 success, 1 some input was not a
 * report (or had errors), 2 usage or I/O error. */
int ogi_cmd_parse(int argc, char **argv);
int ogi_cmd_check(int argc, char **argv);
int ogi_cmd_rules(int argc, char **argv);
int ogi_cmd_decode(int argc, char **argv);

#endif /* OGI_WORKER_CMD_H */
