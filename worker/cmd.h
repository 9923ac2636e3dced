/* cmd.h - the subcommands of the ogi binary. */
#ifndef OGI_WORKER_CMD_H
#define OGI_WORKER_CMD_H

/* Each returns the process exit code: 0 success, 1 some input was not a
 * report (or had errors), 2 usage or I/O error. */
int ogi_cmd_parse(int argc, char **argv);
int ogi_cmd_check(int argc, char **argv);
int ogi_cmd_rules(int argc, char **argv);
int ogi_cmd_decode(int argc, char **argv);
int ogi_cmd_gen(int argc, char **argv);
/* ogi db: 0 done, 1 failed, 2 usage, 3 (status) server not running */
int ogi_cmd_db(int argc, char **argv);
/* the pipeline: 0 every document settled, 1 some not stored, 2 usage,
 * database or I/O error */
int ogi_cmd_push(int argc, char **argv);
int ogi_cmd_broker(int argc, char **argv);
int ogi_cmd_worker(int argc, char **argv);
int ogi_cmd_sink(int argc, char **argv);
int ogi_cmd_ingest(int argc, char **argv);
/* ogi agency: 0 every name resolved, 1 some not, 2 usage */
int ogi_cmd_agency(int argc, char **argv);
/* ogi dead-letters list|show|retry: 0 done (every document retried is
 * stored), 1 some failed again, 2 usage, database or I/O error */
int ogi_cmd_dead_letters(int argc, char **argv);
/* ogi keygen: 0 written, 1 failed, 2 usage */
int ogi_cmd_keygen(int argc, char **argv);

/* ogi export, ogi report: 0 written, 1 database or output failure,
 * 2 usage */
int ogi_cmd_export(int argc, char **argv);
int ogi_cmd_report(int argc, char **argv);
/* ogi reparse: 0 done, 1 stopped before the end (resumable), 2 usage or
 * database error */
int ogi_cmd_reparse(int argc, char **argv);

#endif /* OGI_WORKER_CMD_H */
