/*
 * cluster.h - a private PostgreSQL server for ogi, under a directory of
 * its own (ogi_cluster_default_dir by default): what `ogi db
 * start|stop|status` run.
 *
 * The server uses the PostgreSQL 15 binaries (initdb, pg_ctl, postgres)
 * from $OGI_PG_BINDIR, else /usr/lib/postgresql/15/bin (Debian's
 * postgresql-15), else the PATH. Layout of DIR:
 *
 *   DIR/               the Unix socket (.s.PGSQL.5432); mode 0700
 *   DIR/data/          the data directory (initdb on first start)
 *   DIR/data/ogi.conf  rewritten at each start: listen_addresses = ''
 *                      (nothing listens on TCP), unix_socket_directories,
 *                      wal_level = logical (a reporting database may
 *                      subscribe: replica.h; a server started before
 *                      needs a restart, which ogi db start says)
 *   DIR/postgres.log   the server's log
 *   DIR/setup.log      what initdb and pg_ctl printed
 *
 * Authentication is trust, for the local socket only, so the directory's
 * mode is the access control. PostgreSQL refuses to run as root: when
 * started by root, DIR is given to the user "postgres" (Debian creates it
 * with the server package), the server runs as that user, and the
 * directories above DIR are made searchable by others where needed.
 *
 * These functions fork and wait for child processes; they are not
 * thread-safe with respect to each other on the same directory.
 */
#ifndef OGI_CLUSTER_H
#define OGI_CLUSTER_H

#include <stddef.h>
#include <stdio.h>

#define OGI_CLUSTER_ROOT_DIR "/var/lib/ogi/pg" /* root's default */
#define OGI_CLUSTER_DBNAME   "ogi"      /* the database created at start */
#define OGI_CLUSTER_USER     "postgres" /* its superuser */
#define OGI_CLUSTER_PORT     5432       /* names the socket file only */

/*
 * Writes the libpq conninfo of the server under dir (NULL: the default)
 * into buf, e.g. "host=/var/lib/ogi/pg port=5432 dbname=ogi
 * user=postgres". The directory need not exist. Returns 0, or OGI_EINVAL
 * when buf is too small or the socket path would be too long for a Unix
 * socket.
 */
int ogi_cluster_conninfo(const char *dir, char *buf, size_t size);

/*
 * The default directory into buf, the same wherever ogi is started: $OGI_DATA
 * when set; else $XDG_DATA_HOME/ogi/pg when XDG_DATA_HOME is an absolute
 * path; else, for root, /var/lib/ogi/pg; else $HOME/.local/share/ogi/pg.
 * Returns 0, or OGI_EINVAL when none applies (no absolute HOME) or buf is
 * too small. The README's "The database" section says the same.
 */
int ogi_cluster_default_dir(char *buf, size_t size);

/*
 * The absolute path of dir (NULL: the default) into buf. Returns 0 or
 * OGI_EINVAL (buf too small, or the working directory is unknown).
 */
int ogi_cluster_path(const char *dir, char *buf, size_t size);

/*
 * Whether the server under dir accepts connections: 0 when it runs,
 * OGI_ENOTFOUND when it does not.
 */
int ogi_cluster_status(const char *dir);

/*
 * Starts the server under dir (NULL: the default): creates the directory
 * and runs initdb on first use, starts the server and waits until it
 * accepts connections, then creates the database "ogi" if absent. When
 * the server already runs, only the last step is done. Progress notes go
 * to log (NULL: none). Does not apply migrations (ogi_db_migrate does).
 * Returns 0; OGI_EIO with a message in why ("could not start server:
 * ..."); OGI_EINVAL for a directory whose socket path is too long.
 */
int ogi_cluster_start(const char *dir, FILE *log, char *why, size_t why_size);

/*
 * Stops the server under dir (fast shutdown: open sessions are ended,
 * committed work is kept) and waits until it has stopped. A server that
 * does not run is not an error. Returns 0 or OGI_EIO with why.
 */
int ogi_cluster_stop(const char *dir, FILE *log, char *why, size_t why_size);

/*
 * The path of a PostgreSQL program ("psql", "pg_ctl") as this module finds
 * it, into buf: an absolute path, or the bare name to search in PATH.
 */
void ogi_cluster_program(const char *name, char *buf, size_t size);

#endif /* OGI_CLUSTER_H */
