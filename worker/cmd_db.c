/*
 * cmd_db.c - `ogi db`: the private local PostgreSQL server, migrations,
 * and psql on the database ogi writes to.
 */
#define _POSIX_C_SOURCE 200809L

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "ogi/cluster.h"
#include "ogi/db.h"
#include "ogi/error.h"
#include "ogi/replica.h"

static void
db_usage(FILE *out)
{
    fprintf(out,
            "usage: ogi db start|stop|status|migrate [--data DIR] [--db "
            "CONNINFO]\n"
            "       ogi db psql [--data DIR] [--db CONNINFO] [PSQL-ARGS...]\n"
            "       ogi db subscribe --from PUBLISHER [--name NAME] [--data "
            "DIR] [--db CONNINFO]\n"
            "       ogi db unsubscribe [--name NAME] [--data DIR] [--db "
            "CONNINFO]\n"
            "\n"
            "A private PostgreSQL server for ogi under DIR, run\n"
            "with the PostgreSQL 15 binaries ($OGI_PG_BINDIR, else\n"
            "/usr/lib/postgresql/15/bin): no TCP port, its Unix socket in "
            "DIR,\n"
            "trust authentication on that socket only, the database \"ogi\" "
            "with\n"
            "ogi's schema. As root, the server runs as the user "
            "\"postgres\".\n"
            "\n"
            "  start     initialize DIR on first use, start the server, create "
            "the\n"
            "            database and apply the migrations; a no-op when it "
            "runs\n"
            "  stop      stop the server (fast: sessions end, commits are "
            "kept)\n"
            "  status    when the server runs: print its directory, its "
            "conninfo\n"
            "            (libpq quoting) and a command line with it quoted "
            "for the\n"
            "            shell, exit 0; when it does not: exit 3\n"
            "  migrate   apply the migrations built into ogi (a no-op when "
            "all are)\n"
            "  psql      run psql on the database, with PSQL-ARGS\n"
            "  cells-sql print the SQL of the labels table and the table "
            "views,\n"
            "            generated from the format's skeleton "
            "(deploy/sql/009_cells.sql)\n"
            "  subscribe make this database (--data or --db) a reporting "
            "copy that\n"
            "            follows PUBLISHER by logical replication: migrate it, "
            "let\n"
            "            documents.raw be NULL (raw bytes are not sent), "
            "create the\n"
            "            subscription NAME to the publication "
            "\"ogi_reporting\"; the rows\n"
            "            there are copied in the background, then each new "
            "report\n"
            "            follows. The database must be empty of documents; "
            "needs a\n"
            "            superuser; PUBLISHER needs wal_level = logical\n"
            "  unsubscribe  drop the subscription NAME and its slot on the "
            "publisher\n"
            "            (do it before retiring a subscriber: the slot keeps "
            "the\n"
            "            publisher's WAL); the rows received stay\n"
            "\n"
            "  --data DIR       the private server's directory\n"
            "  --db CONNINFO    another database (libpq conninfo or "
            "postgresql:// URL)\n"
            "                   for migrate, psql, status and "
            "(un)subscribe; without it\n"
            "                   they use PG* variables when PGHOST or "
            "PGDATABASE is set,\n"
            "                   else the private server\n"
            "  --from PUBLISHER the publisher's conninfo, as the "
            "SUBSCRIBER's server\n"
            "                   connects with it (for a private server: "
            "the conninfo\n"
            "                   \"ogi db status --data DIR\" prints)\n"
            "  --name NAME      the subscription, and its slot on the "
            "publisher\n"
            "                   (default \"ogi_reporting\"; a second "
            "subscriber of the same\n"
            "                   publisher needs another name)\n"
            "  -h, --help       show this help\n"
            "\n"
            "DIR defaults to the same directory wherever ogi is started: "
            "$OGI_DATA when\n"
            "set, else $XDG_DATA_HOME/ogi/pg when XDG_DATA_HOME is set, "
            "else (root)\n"
            "/var/lib/ogi/pg, else $HOME/.local/share/ogi/pg.\n"
            "\n"
            "exit status: 0 done, 1 failed, 2 usage error, 3 (status) not "
            "running\n");
}

/* The option's value: "--opt=V" or "--opt V"; NULL when absent. */
static const char *
option(int argc, char **argv, int *i, const char *name, int *bad)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        fprintf(stderr, "ogi db: option %s needs a value\n", name);
        *bad = 1;
        return NULL;
    }
    return argv[++*i];
}

/* The conninfo for migrate/psql/status: --data, else --db, else the
 * default (PG* variables or the private server). */
static int
resolve(const char *data, const char *db, char *buf, size_t size)
{
    if (data)
        return ogi_cluster_conninfo(data, buf, size);
    if (db) {
        snprintf(buf, size, "%s", db);
        return 0;
    }
    return ogi_db_default_conninfo(buf, size);
}

/* local: conninfo names the private server (a hint helps when it is
 * down). */
static int
migrate(const char *conninfo, int local)
{
    char why[1024];
    ogi_db_t *db = ogi_db_connect(conninfo, why, sizeof(why));
    if (!db) {
        fprintf(stderr, "ogi db: %s\n", why);
        if (local)
            fprintf(stderr, "hint: start the private server with \"ogi db "
                            "start\"\n");
        return 1;
    }
    size_t applied = 0;
    int version = 0;
    int rc = ogi_db_migrate(db, &applied);
    if (rc == 0)
        rc = ogi_db_schema_version(db, &version);
    if (rc)
        fprintf(stderr, "ogi db: %s\n", ogi_db_error(db));
    else
        printf("migrations: %zu applied now, schema version %d (%zu "
               "built in)\n",
               applied, version, ogi_db_migration_count());
    /* Migration 015 skips the publication when the role may not create
     * it (its NOTICE is not shown): say so here. */
    int published = 1;
    if (rc == 0 && ogi_replica_published(db, &published) == 0 && !published)
        fprintf(stderr,
                "ogi db: note: publication \"" OGI_REPLICA_PUBLICATION
                "\" could not be created by this role, so reporting "
                "databases cannot subscribe yet\n"
                "hint: a role that owns the tables and may create in the "
                "database (or a superuser) runs: %s\n",
                OGI_REPLICA_CREATE_SQL);
    ogi_db_destroy(&db);
    return rc ? 1 : 0;
}

/* The conninfo as one shell word, pasteable after --db: single-quoted,
 * each ' inside written '\'' (the conninfo keeps its own libpq quoting
 * of values with spaces). */
static void
print_paste(const char *conninfo)
{
    printf("use it: ogi ingest --db '");
    for (const char *p = conninfo; *p; p++) {
        if (*p == '\'')
            printf("'\\''");
        else
            putchar(*p);
    }
    printf("' PATH...\n");
}

static int
status(const char *data, const char *db)
{
    char conninfo[PATH_MAX + 128], path[PATH_MAX];
    if (db) {
        ogi_db_t *h = ogi_db_connect(db, path, sizeof(path));
        if (!h) {
            printf("not running: %s\n", path);
            return 3;
        }
        int version = 0;
        ogi_db_schema_version(h, &version);
        printf("running\nconninfo: %s\nschema version: %d\n", db, version);
        print_paste(db);
        ogi_db_destroy(&h);
        return 0;
    }
    if (ogi_cluster_path(data, path, sizeof(path)) != 0 ||
        ogi_cluster_conninfo(data, conninfo, sizeof(conninfo)) != 0) {
        fprintf(stderr, "ogi db: invalid directory \"%s\"\n",
                data ? data : "(the default; set OGI_DATA or give --data)");
        return 2;
    }
    if (ogi_cluster_status(data) != 0) {
        printf("not running: %s\n", path);
        return 3;
    }
    printf("running: %s\nconninfo: %s\n", path, conninfo);
    print_paste(conninfo);
    return 0;
}

static int
psql(const char *conninfo, int argc, char **argv)
{
    char prog[PATH_MAX];
    char **args = calloc((size_t)argc + 4, sizeof(*args));
    if (!args) {
        fprintf(stderr, "ogi db: out of memory\n");
        return 1;
    }
    ogi_cluster_program("psql", prog, sizeof(prog));
    /* exec wants char *: copies of our strings. */
    int k = 0;
    args[k++] = strdup(prog);
    args[k++] = strdup("-d");
    args[k++] = strdup(conninfo);
    for (int i = 0; i < argc; i++)
        args[k++] = argv[i];
    args[k] = NULL;
    fflush(NULL);
    execvp(args[0], args);
    perror("ogi db: could not execute psql");
    return 1;
}

/* subscribe (from != NULL) or unsubscribe the database at conninfo. */
static int
subscription(const char *conninfo, const char *from, const char *name)
{
    char why[1024];
    if (from) {
        int rc = ogi_replica_check_publisher(from, why, sizeof(why));
        if (rc == OGI_ENOTFOUND) {
            fprintf(stderr,
                    "ogi db subscribe: warning: could not check the "
                    "publisher from here (%s); its server may still reach "
                    "it\n",
                    why);
        } else if (rc) {
            fprintf(stderr, "ogi db subscribe: %s\n", why);
            return 1;
        }
    }
    ogi_db_t *db = ogi_db_connect(conninfo, why, sizeof(why));
    if (!db) {
        fprintf(stderr, "ogi db: %s\n", why);
        return 1;
    }
    int dropped = 0;
    int rc = from ? ogi_replica_subscribe(db, from, name)
                  : ogi_replica_unsubscribe(db, name, &dropped);
    if (rc)
        fprintf(stderr, "ogi db: %s\n", ogi_db_error(db));
    else if (from)
        printf("subscription \"%s\" created: the publisher's rows are "
               "being copied, then new reports follow\n",
               name ? name : OGI_REPLICA_NAME);
    else
        printf("subscription \"%s\" %s\n", name ? name : OGI_REPLICA_NAME,
               dropped ? "dropped" : "does not exist");
    ogi_db_destroy(&db);
    return rc ? 1 : 0;
}

int
ogi_cmd_db(int argc, char **argv)
{
    const char *data = NULL, *db = NULL, *sub = NULL, *from = NULL;
    const char *name = NULL;
    int bad = 0, i;
    /* argv[0] is "db"; options may come before and after the command */
    for (i = 1; i < argc; i++) {
        const char *v;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            db_usage(stdout);
            return 0;
        }
        if ((v = option(argc, argv, &i, "--data", &bad))) {
            data = v;
        } else if ((v = option(argc, argv, &i, "--db", &bad))) {
            db = v;
        } else if ((v = option(argc, argv, &i, "--from", &bad))) {
            from = v;
        } else if ((v = option(argc, argv, &i, "--name", &bad))) {
            name = v;
        } else if (bad) {
            return 2;
        } else if (!sub && argv[i][0] != '-') {
            sub = argv[i];
            if (strcmp(sub, "psql") == 0) {
                /* the rest goes to psql, after our own options */
                while (i + 1 < argc) {
                    int j = i + 1;
                    if ((v = option(argc, argv, &j, "--data", &bad)))
                        data = v;
                    else if ((v = option(argc, argv, &j, "--db", &bad)))
                        db = v;
                    else
                        break;
                    i = j;
                }
                if (bad)
                    return 2;
                i++;
                break;
            }
        } else {
            fprintf(stderr, "ogi db: unexpected argument \"%s\"\n", argv[i]);
            db_usage(stderr);
            return 2;
        }
    }
    if (!sub) {
        fprintf(stderr, "ogi db: no command\n");
        db_usage(stderr);
        return 2;
    }
    if (data && db) {
        fprintf(stderr, "ogi db: give --data or --db, not both\n");
        return 2;
    }
    int subscribing = strcmp(sub, "subscribe") == 0;
    if ((from && !subscribing) ||
        (name && !subscribing && strcmp(sub, "unsubscribe") != 0)) {
        fprintf(stderr, "ogi db %s: --%s is for subscribe%s\n", sub,
                from ? "from" : "name", from ? "" : " and unsubscribe");
        return 2;
    }
    if (subscribing && !from) {
        fprintf(stderr, "ogi db subscribe: --from PUBLISHER is needed\n");
        return 2;
    }
    if (strcmp(sub, "cells-sql") == 0) {
        char *sql = ogi_db_cells_sql();
        if (!sql) {
            fprintf(stderr, "ogi db cells-sql: out of memory\n");
            return 1;
        }
        fputs(sql, stdout);
        free(sql);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    char why[1024], conninfo[PATH_MAX + 128];
    if (strcmp(sub, "start") == 0 || strcmp(sub, "stop") == 0) {
        if (db) {
            fprintf(stderr,
                    "ogi db %s: --db names a server ogi does not "
                    "run; use --data\n",
                    sub);
            return 2;
        }
        int start = strcmp(sub, "start") == 0;
        int rc = start ? ogi_cluster_start(data, stdout, why, sizeof(why))
                       : ogi_cluster_stop(data, stdout, why, sizeof(why));
        if (rc) {
            fprintf(stderr, "ogi db: %s\n", why);
            return 1;
        }
        if (!start)
            return 0;
        if (ogi_cluster_conninfo(data, conninfo, sizeof(conninfo)) != 0)
            return 1;
        rc = migrate(conninfo, 0);
        if (rc == 0)
            printf("conninfo: %s\n", conninfo);
        return rc;
    }
    if (strcmp(sub, "status") == 0)
        return status(data, db);
    if (resolve(data, db, conninfo, sizeof(conninfo)) != 0) {
        fprintf(stderr, "ogi db: invalid directory \"%s\"\n",
                data ? data : "(the default; set OGI_DATA or give --data)");
        return 2;
    }
    if (strcmp(sub, "migrate") == 0)
        return migrate(conninfo, !db && *conninfo);
    if (strcmp(sub, "psql") == 0)
        return psql(conninfo, argc - i, argv + i);
    if (subscribing || strcmp(sub, "unsubscribe") == 0)
        return subscription(conninfo, subscribing ? from : NULL, name);
    fprintf(stderr, "ogi db: unknown command \"%s\"\n", sub);
    db_usage(stderr);
    return 2;
}
