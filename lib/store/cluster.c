/*
 * cluster.c - the private PostgreSQL server of `ogi db` (see cluster.h).
 *
 * initdb and pg_ctl run as child processes (fork, then exec), as the user
 * "postgres" when we are root; their output goes to DIR/setup.log so that
 * a failure can point at it. The database "ogi" is created over the Unix
 * socket with libpq.
 */
#define _DEFAULT_SOURCE /* setgroups(): drop root's groups before setuid */
#include "ogi_int.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ogi/cluster.h"
#include "ogi/error.h"

#define PG_BINDIR "/usr/lib/postgresql/15/bin" /* Debian's postgresql-15 */
#define STR_(x)   #x
#define STR(x)    STR_(x)

static int fail(char *why, size_t size, int rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
fail(char *why, size_t size, int rc, const char *fmt, ...)
{
    if (why && size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, size, fmt, ap);
        va_end(ap);
    }
    return rc;
}

static void note(FILE *log, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
note(FILE *log, const char *fmt, ...)
{
    if (!log)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(log, fmt, ap);
    va_end(ap);
    fputc('\n', log);
    fflush(log);
}

/* libpq's messages end with a newline; drop it. */
static const char *
trimmed(const char *msg, char *buf, size_t size)
{
    snprintf(buf, size, "%s", msg ? msg : "");
    size_t n = strlen(buf);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        buf[--n] = '\0';
    return buf;
}

void
ogi_cluster_program(const char *name, char *buf, size_t size)
{
    const char *dir = getenv("OGI_PG_BINDIR");
    char path[PATH_MAX];
    if (dir && *dir) {
        snprintf(buf, size, "%s/%s", dir, name);
        return;
    }
    snprintf(path, sizeof(path), "%s/%s", PG_BINDIR, name);
    if (access(path, X_OK) == 0)
        snprintf(buf, size, "%s", path);
    else
        snprintf(buf, size, "%s", name);
}

int
ogi_cluster_default_dir(char *buf, size_t size)
{
    const char *data = getenv("OGI_DATA");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (data && *data)
        n = snprintf(buf, size, "%s", data);
    else if (xdg && xdg[0] == '/') /* the XDG spec: relative ones are ignored */
        n = snprintf(buf, size, "%s/ogi/pg", xdg);
    else if (geteuid() == 0)
        n = snprintf(buf, size, "%s", OGI_CLUSTER_ROOT_DIR);
    else if (home && home[0] == '/')
        n = snprintf(buf, size, "%s/.local/share/ogi/pg", home);
    else
        return OGI_EINVAL;
    if (n < 0 || (size_t)n >= size)
        return OGI_EINVAL;
    return 0;
}

int
ogi_cluster_path(const char *dir, char *buf, size_t size)
{
    char def[PATH_MAX];
    if (!dir || !*dir) {
        if (ogi_cluster_default_dir(def, sizeof(def)) != 0)
            return OGI_EINVAL;
        dir = def;
    }
    while (dir[0] == '.' && dir[1] == '/') /* "./pg" */
        for (dir += 2; *dir == '/'; dir++)
            ;
    if (!*dir)
        dir = ".";
    char real[PATH_MAX];
    int n;
    if (realpath(dir, real)) {
        n = snprintf(buf, size, "%s", real);
    } else if (dir[0] == '/') {
        n = snprintf(buf, size, "%s", dir);
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof(cwd)))
            return OGI_EINVAL;
        n = snprintf(buf, size, "%s/%s", strcmp(cwd, "/") ? cwd : "", dir);
    }
    if (n < 0 || (size_t)n >= size)
        return OGI_EINVAL;
    while (n > 1 && buf[n - 1] == '/')
        buf[--n] = '\0';
    return 0;
}

/* A conninfo value: quoted when it holds spaces, quotes or backslashes. */
static int
put_value(char *out, size_t size, const char *v)
{
    if (*v && !strpbrk(v, " '\\\t\n"))
        return snprintf(out, size, "%s", v) < (int)size ? 0 : OGI_EINVAL;
    size_t o = 0;
    if (o + 1 >= size)
        return OGI_EINVAL;
    out[o++] = '\'';
    for (; *v; v++) {
        if (o + 3 >= size)
            return OGI_EINVAL;
        if (*v == '\'' || *v == '\\')
            out[o++] = '\\';
        out[o++] = *v;
    }
    if (o + 2 > size)
        return OGI_EINVAL;
    out[o++] = '\'';
    out[o] = '\0';
    return 0;
}

/* The path of the socket file must fit in sockaddr_un.sun_path. */
static int
socket_fits(const char *abs)
{
    struct sockaddr_un sa;
    return strlen(abs) + sizeof("/.s.PGSQL." STR(OGI_CLUSTER_PORT)) <=
           sizeof(sa.sun_path);
}

int
ogi_cluster_conninfo(const char *dir, char *buf, size_t size)
{
    char abs[PATH_MAX], host[PATH_MAX * 2 + 3];
    if (ogi_cluster_path(dir, abs, sizeof(abs)) != 0 || !socket_fits(abs))
        return OGI_EINVAL;
    if (put_value(host, sizeof(host), abs) != 0)
        return OGI_EINVAL;
    int n = snprintf(buf, size, "host=%s port=%d dbname=%s user=%s", host,
                     OGI_CLUSTER_PORT, OGI_CLUSTER_DBNAME, OGI_CLUSTER_USER);
    return n >= 0 && (size_t)n < size ? 0 : OGI_EINVAL;
}

/* libpq connection parameters of the server under abs, database db. */
static PGconn *
connect_to(const char *abs, const char *db)
{
    const char *const kw[] = {
        "host", "port", "dbname", "user", "fallback_application_name", NULL};
    const char *const val[] = {
        abs, STR(OGI_CLUSTER_PORT), db, OGI_CLUSTER_USER, "ogi", NULL};
    return PQconnectdbParams(kw, val, 0);
}

static int
running(const char *abs)
{
    const char *const kw[] = {"host", "port", "dbname", "user", NULL};
    const char *const val[] = {abs, STR(OGI_CLUSTER_PORT), "postgres",
                               OGI_CLUSTER_USER, NULL};
    return PQpingParams(kw, val, 0) == PQPING_OK;
}

int
ogi_cluster_status(const char *dir)
{
    char abs[PATH_MAX];
    if (ogi_cluster_path(dir, abs, sizeof(abs)) != 0 || !socket_fits(abs))
        return OGI_ENOTFOUND;
    return running(abs) ? 0 : OGI_ENOTFOUND;
}

/* ---- child processes ---- */

/* Who runs the server programs: ourselves, or (as root) another user. */
typedef struct {
    int drop;  /* switch user in the child */
    uid_t uid; /* the user to switch to */
    gid_t gid; /* and its group */
} runas_t;

/* As root: the owner of an existing data directory, else "postgres". */
static int
runas_for(const char *abs, runas_t *ra, char *why, size_t size)
{
    memset(ra, 0, sizeof(*ra));
    if (geteuid() != 0)
        return 0;
    char data[PATH_MAX];
    struct stat st;
    snprintf(data, sizeof(data), "%s/data", abs);
    if (stat(data, &st) == 0 && st.st_uid != 0) {
        ra->uid = st.st_uid;
        ra->gid = st.st_gid;
    } else {
        struct passwd *pw = getpwnam(OGI_CLUSTER_USER);
        if (!pw)
            return fail(why, size, OGI_EIO,
                        "could not start server as root: user \"%s\" does "
                        "not exist (install postgresql-15, which creates "
                        "it, or run as another user)",
                        OGI_CLUSTER_USER);
        ra->uid = pw->pw_uid;
        ra->gid = pw->pw_gid;
    }
    ra->drop = 1;
    return 0;
}

/* An argument vector whose strings are copies (exec wants char *). */
typedef struct {
    char *argv[16];
    char store[4 * PATH_MAX];
    size_t used;
    int argc;
} args_t;

static void
args_add(args_t *a, const char *s)
{
    size_t n = strlen(s) + 1;
    if (a->argc + 1 >= (int)OGI_ARRAY_LEN(a->argv) ||
        a->used + n > sizeof(a->store))
        return; /* cannot happen with our few short arguments */
    memcpy(a->store + a->used, s, n);
    a->argv[a->argc++] = a->store + a->used;
    a->argv[a->argc] = NULL;
    a->used += n;
}

/*
 * Runs argv with stdin from /dev/null and stdout/stderr to logfd, as
 * ra says; returns its exit status, 128 + signal, or -1 if it could not
 * be started.
 */
static int
run(args_t *a, const runas_t *ra, int logfd)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY);
        if (null > 0) {
            dup2(null, 0);
            close(null);
        }
        if (logfd >= 0) {
            dup2(logfd, 1);
            dup2(logfd, 2);
        }
        if (ra->drop && (setgroups(0, NULL) != 0 || setgid(ra->gid) != 0 ||
                         setuid(ra->uid) != 0)) {
            dprintf(2, "ogi: could not switch to user id %ld: %s\n",
                    (long)ra->uid, strerror(errno));
            _exit(126);
        }
        execvp(a->argv[0], a->argv);
        dprintf(2, "ogi: could not execute \"%s\": %s\n", a->argv[0],
                strerror(errno));
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
}

/* mkdir -p: parents 0755, the last one 0700. */
static int
make_dirs(const char *abs)
{
    char p[PATH_MAX];
    snprintf(p, sizeof(p), "%s", abs);
    for (char *s = p + 1;; s++) {
        int last = (*s == '\0');
        if (*s == '/' || last) {
            char c = *s;
            *s = '\0';
            if (mkdir(p, last ? 0700 : 0755) != 0 && errno != EEXIST)
                return -1;
            *s = c;
        }
        if (last)
            break;
    }
    return 0;
}

/*
 * As root: the server's user must be able to reach abs, so each directory
 * above it that it cannot search gets the search bit for others (not the
 * read bit: its listing stays private).
 */
static int
make_reachable(const char *abs, const runas_t *ra, FILE *log, char *why,
               size_t size)
{
    char p[PATH_MAX];
    snprintf(p, sizeof(p), "%s", abs);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        struct stat st;
        if (stat(p, &st) == 0) {
            int ok = (st.st_mode & S_IXOTH) ||
                     (st.st_uid == ra->uid && (st.st_mode & S_IXUSR)) ||
                     (st.st_gid == ra->gid && (st.st_mode & S_IXGRP));
            if (!ok) {
                if (chmod(p, (st.st_mode & 07777) | S_IXOTH) != 0)
                    return fail(why, size, OGI_EIO,
                                "could not make directory \"%s\" searchable: "
                                "%s",
                                p, strerror(errno));
                note(log,
                     "made directory \"%s\" searchable by others, so that "
                     "the server's user can reach \"%s\"",
                     p, abs);
            }
        }
        *s = '/';
    }
    return 0;
}

/* A postgresql.conf string: '...' with ' and \ escaped. */
static void
conf_string(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            fputc(*s, f);
        fputc(*s, f);
    }
    fputc('\'', f);
}

/* DIR/data/ogi.conf: no TCP, the socket in DIR, logical WAL. Rewritten at
 * each start, so that a moved directory still works and a directory made
 * by an older ogi gets today's settings. */
static int
write_conf(const char *abs, const runas_t *ra, char *why, size_t size)
{
    char path[PATH_MAX + 16];
    snprintf(path, sizeof(path), "%s/data/ogi.conf", abs);
    FILE *f = fopen(path, "w");
    if (!f)
        return fail(why, size, OGI_EIO, "could not write file \"%s\": %s", path,
                    strerror(errno));
    fprintf(f, "# written by ogi at each start (lib/store/cluster.c): "
               "a private server\n"
               "listen_addresses = ''\n"
               "unix_socket_directories = ");
    conf_string(f, abs);
    fprintf(f, "\nunix_socket_permissions = 0700\nport = %d\n",
            OGI_CLUSTER_PORT);
    /* Logical decoding, so that a reporting database can subscribe to
     * the publication ogi_reporting (015_publication.sql, ogi db
     * subscribe); a server started before needs a restart for it. */
    fprintf(f, "wal_level = logical\n"
               "max_replication_slots = 10\n"
               "max_wal_senders = 10\n");
    int bad = ferror(f);
    if (fclose(f) != 0 || bad)
        return fail(why, size, OGI_EIO, "could not write file \"%s\"", path);
    if (ra->drop && chown(path, ra->uid, ra->gid) != 0)
        return fail(why, size, OGI_EIO, "could not change owner of \"%s\": %s",
                    path, strerror(errno));
    return 0;
}

static int
initdb(const char *abs, const runas_t *ra, int logfd, FILE *log, char *why,
       size_t size)
{
    char prog[PATH_MAX], data[PATH_MAX + 8], conf[PATH_MAX + 32];
    snprintf(data, sizeof(data), "%s/data", abs);
    note(log, "initializing a database cluster in \"%s\"", data);
    args_t a = {.argc = 0};
    ogi_cluster_program("initdb", prog, sizeof(prog));
    args_add(&a, prog);
    args_add(&a, "-D");
    args_add(&a, data);
    args_add(&a, "-U");
    args_add(&a, OGI_CLUSTER_USER);
    args_add(&a, "--encoding=UTF8");
    args_add(&a, "--no-locale");
    args_add(&a, "--auth-local=trust");
    args_add(&a, "--auth-host=reject");
    args_add(&a, "--no-instructions");
    int st = run(&a, ra, logfd);
    if (st != 0)
        return fail(why, size, OGI_EIO,
                    "could not initialize database cluster: initdb exited "
                    "with status %d; see \"%s/setup.log\"",
                    st, abs);
    snprintf(conf, sizeof(conf), "%s/postgresql.conf", data);
    FILE *f = fopen(conf, "a");
    if (!f)
        return fail(why, size, OGI_EIO, "could not open file \"%s\": %s", conf,
                    strerror(errno));
    fprintf(f, "\n# ogi: a private server (lib/store/cluster.c)\n"
               "include_if_exists = 'ogi.conf'\n");
    if (fclose(f) != 0)
        return fail(why, size, OGI_EIO, "could not write file \"%s\"", conf);
    return 0;
}

/* Creates the database "ogi" unless it exists. */
static int
create_database(const char *abs, FILE *log, char *why, size_t size)
{
    char msg[512];
    int rc = OGI_EIO;
    PGresult *res = NULL;
    PGconn *c = connect_to(abs, "postgres");
    if (!c || PQstatus(c) != CONNECTION_OK) {
        fail(why, size, OGI_EIO, "could not connect to server: %s",
             trimmed(PQerrorMessage(c), msg, sizeof(msg)));
        goto out;
    }
    const char *const params[1] = {OGI_CLUSTER_DBNAME};
    res = PQexecParams(c, "SELECT 1 FROM pg_database WHERE datname = $1", 1,
                       NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        fail(why, size, OGI_EIO, "could not list databases: %s",
             trimmed(PQresultErrorMessage(res), msg, sizeof(msg)));
        goto out;
    }
    if (PQntuples(res) == 0) {
        PQclear(res);
        note(log, "creating database \"%s\"", OGI_CLUSTER_DBNAME);
        /* A constant statement: CREATE DATABASE takes no parameters. */
        res = PQexecParams(c,
                           "CREATE DATABASE " OGI_CLUSTER_DBNAME
                           " ENCODING 'UTF8' TEMPLATE template0",
                           0, NULL, NULL, NULL, NULL, 0);
        const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        if (PQresultStatus(res) != PGRES_COMMAND_OK &&
            !(state && strcmp(state, "42P04") == 0)) { /* created meanwhile */
            fail(why, size, OGI_EIO, "could not create database \"%s\": %s",
                 OGI_CLUSTER_DBNAME,
                 trimmed(PQresultErrorMessage(res), msg, sizeof(msg)));
            goto out;
        }
    }
    rc = 0;
out:
    PQclear(res);
    PQfinish(c);
    return rc;
}

/* A server left running by an older ogi may lack wal_level = logical,
 * which only a restart changes: say so (a publication needs it). */
static void
check_wal_level(const char *abs, FILE *log)
{
    PGconn *c = connect_to(abs, "postgres");
    PGresult *res = NULL;
    if (!c || PQstatus(c) != CONNECTION_OK)
        goto out;
    res = PQexec(c, "SHOW wal_level");
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
        strcmp(PQgetvalue(res, 0, 0), "logical") != 0)
        note(log,
             "server runs with wal_level = %s: restart it (ogi db stop, "
             "then ogi db start) to set wal_level = logical, which a "
             "subscribing reporting database needs",
             PQgetvalue(res, 0, 0));
out:
    PQclear(res);
    PQfinish(c);
}

static int
open_log(const char *abs, char *why, size_t size, int *fd)
{
    char path[PATH_MAX + 16];
    snprintf(path, sizeof(path), "%s/setup.log", abs);
    *fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (*fd < 0)
        return fail(why, size, OGI_EIO, "could not open file \"%s\": %s", path,
                    strerror(errno));
    return 0;
}

int
ogi_cluster_start(const char *dir, FILE *log, char *why, size_t why_size)
{
    char abs[PATH_MAX], path[PATH_MAX + 32], prog[PATH_MAX];
    if (ogi_cluster_path(dir, abs, sizeof(abs)) != 0)
        return fail(why, why_size, OGI_EINVAL,
                    "could not start server: invalid directory \"%s\"",
                    dir ? dir : "(the default)");
    if (!socket_fits(abs))
        return fail(why, why_size, OGI_EINVAL,
                    "could not start server: directory \"%s\" is too long "
                    "a path for a Unix socket",
                    abs);
    if (running(abs)) {
        note(log, "server already running in \"%s\"", abs);
        check_wal_level(abs, log);
        return create_database(abs, log, why, why_size);
    }
    runas_t ra;
    int rc = runas_for(abs, &ra, why, why_size);
    if (rc)
        return rc;
    if (make_dirs(abs) != 0 || chmod(abs, 0700) != 0)
        return fail(why, why_size, OGI_EIO,
                    "could not create directory \"%s\": %s", abs,
                    strerror(errno));
    if (ra.drop) {
        rc = make_reachable(abs, &ra, log, why, why_size);
        if (rc)
            return rc;
        if (chown(abs, ra.uid, ra.gid) != 0)
            return fail(why, why_size, OGI_EIO,
                        "could not change owner of \"%s\": %s", abs,
                        strerror(errno));
    }
    int logfd;
    rc = open_log(abs, why, why_size, &logfd);
    if (rc)
        return rc;
    snprintf(path, sizeof(path), "%s/data/PG_VERSION", abs);
    if (access(path, F_OK) != 0) {
        rc = initdb(abs, &ra, logfd, log, why, why_size);
        if (rc)
            goto out;
    }
    rc = write_conf(abs, &ra, why, why_size);
    if (rc)
        goto out;
    note(log, "starting server in \"%s\"", abs);
    args_t a = {.argc = 0};
    ogi_cluster_program("pg_ctl", prog, sizeof(prog));
    args_add(&a, prog);
    args_add(&a, "-D");
    snprintf(path, sizeof(path), "%s/data", abs);
    args_add(&a, path);
    args_add(&a, "-l");
    snprintf(path, sizeof(path), "%s/postgres.log", abs);
    args_add(&a, path);
    args_add(&a, "-w");
    args_add(&a, "-t");
    args_add(&a, "60");
    args_add(&a, "start");
    int st = run(&a, &ra, logfd);
    if (st != 0) {
        rc = fail(why, why_size, OGI_EIO,
                  "could not start server: pg_ctl exited with status %d; "
                  "see \"%s/postgres.log\" and \"%s/setup.log\"",
                  st, abs, abs);
        goto out;
    }
    rc = create_database(abs, log, why, why_size);
out:
    close(logfd);
    return rc;
}

int
ogi_cluster_stop(const char *dir, FILE *log, char *why, size_t why_size)
{
    char abs[PATH_MAX], pid[PATH_MAX + 32], data[PATH_MAX + 8], prog[PATH_MAX];
    if (ogi_cluster_path(dir, abs, sizeof(abs)) != 0)
        return fail(why, why_size, OGI_EINVAL,
                    "could not stop server: invalid directory \"%s\"",
                    dir ? dir : "(the default)");
    snprintf(data, sizeof(data), "%s/data", abs);
    snprintf(pid, sizeof(pid), "%s/postmaster.pid", data);
    if (access(pid, F_OK) != 0) {
        note(log, "server is not running in \"%s\"", abs);
        return 0;
    }
    runas_t ra;
    int rc = runas_for(abs, &ra, why, why_size);
    if (rc)
        return rc;
    int logfd;
    rc = open_log(abs, why, why_size, &logfd);
    if (rc)
        return rc;
    note(log, "stopping server in \"%s\"", abs);
    args_t a = {.argc = 0};
    ogi_cluster_program("pg_ctl", prog, sizeof(prog));
    args_add(&a, prog);
    args_add(&a, "-D");
    args_add(&a, data);
    args_add(&a, "-m");
    args_add(&a, "fast");
    args_add(&a, "-w");
    args_add(&a, "-t");
    args_add(&a, "60");
    args_add(&a, "stop");
    int st = run(&a, &ra, logfd);
    close(logfd);
    /* pg_ctl fails when a stale postmaster.pid names no live server. */
    if (st != 0 && running(abs))
        return fail(why, why_size, OGI_EIO,
                    "could not stop server: pg_ctl exited with status %d; "
                    "see \"%s/setup.log\"",
                    st, abs);
    return 0;
}
