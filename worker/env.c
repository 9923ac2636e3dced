/* env.c - options from OGI_* environment variables (see env.h). */
#define _POSIX_C_SOURCE 200809L

#include "env.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi/env.h"

extern char **environ;

const char *const ogi_cmdenv_extra[] = {
    /* the units' key directory (deploy/systemd) */
    "OGI_KEYS",
    /* ogi db: where PostgreSQL's programs are */
    "OGI_PG_BINDIR",
    /* tests and tools */
    "OGI_GEN_SHOW", "OGI_TEST_DUMP", "OGI_TEST_FILE", "OGI_TEST_READER",
    "OGI_TEST_VERBOSE", "OGI_FORMS_N", "OGI_FORMS_SEED", "OGI_FORMS_SHOW",
    "OGI_HTML_N", "OGI_ENC_PAGES", NULL};

/* another name an option of a command also reads */
static const struct {
    const char *cmd, *option, *var;
} aliases[] = {
    {"sink", "records", "OGI_SINK"},
};

enum { NAME_MAX_LEN = 96 };

/* Growable list of owned strings. */
typedef struct {
    char **v;
    size_t n, cap;
} names_t;

static int
names_add(names_t *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0)
            return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **v = realloc(l->v, cap * sizeof(*v));
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    if (!(l->v[l->n] = strdup(s)))
        return -1;
    l->n++;
    return 0;
}

static void
names_free(names_t *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof(*l));
}

static int
takes_env(const struct option *o)
{
    return strcmp(o->name, "help") != 0;
}

/* 1 when name is the shared name (OGI_NAME) of an option of any command */
static int
is_shared(const char *name, const ogi_cmdenv_cmd_t *cmds, size_t ncmds)
{
    char buf[NAME_MAX_LEN];
    for (size_t c = 0; c < ncmds; c++)
        for (const struct option *o = cmds[c].opts; o->name; o++)
            if (takes_env(o) &&
                ogi_env_name(NULL, o->name, buf, sizeof(buf)) == 0 &&
                strcmp(buf, name) == 0)
                return 1;
    return 0;
}

/* every name any command reads, and the extras */
static int
known_names(names_t *l, const ogi_cmdenv_cmd_t *cmds, size_t ncmds)
{
    char buf[NAME_MAX_LEN];
    for (size_t c = 0; c < ncmds; c++)
        for (const struct option *o = cmds[c].opts; o->name; o++) {
            if (!takes_env(o))
                continue;
            if (ogi_env_name(NULL, o->name, buf, sizeof(buf)) ||
                names_add(l, buf))
                return -1;
            if (ogi_env_name(cmds[c].cmd, o->name, buf, sizeof(buf)) ||
                (!is_shared(buf, cmds, ncmds) && names_add(l, buf)))
                return -1;
        }
    for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
        if (names_add(l, aliases[i].var))
            return -1;
    for (size_t i = 0; ogi_cmdenv_extra[i]; i++)
        if (names_add(l, ogi_cmdenv_extra[i]))
            return -1;
    return 0;
}

/* The variable (set, not empty) option o of cmd reads, into var. */
static const char *
lookup(const char *cmd, const struct option *o, const ogi_cmdenv_cmd_t *cmds,
       size_t ncmds, char *var, size_t size)
{
    const char *v;
    if (ogi_env_name(cmd, o->name, var, size) == 0 &&
        !is_shared(var, cmds, ncmds) && (v = getenv(var)) && *v)
        return v;
    if (ogi_env_name(NULL, o->name, var, size) == 0 && (v = getenv(var)) && *v)
        return v;
    for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
        if (strcmp(aliases[i].cmd, cmd) == 0 &&
            strcmp(aliases[i].option, o->name) == 0 &&
            (v = getenv(aliases[i].var)) && *v) {
            snprintf(var, size, "%s", aliases[i].var);
            return v;
        }
    return NULL;
}

void
ogi_cmdenv_fini(ogi_cmdenv_t *e)
{
    if (e->argv)
        for (int i = 1; i <= e->nenv; i++)
            free(e->argv[i]);
    if (e->var)
        for (int i = 1; i <= e->nenv; i++)
            free(e->var[i]);
    free(e->argv);
    free(e->var);
    memset(e, 0, sizeof(*e));
}

/*
 * Whether option val is on the command line: a quiet getopt pass over a
 * copy of argv (so a variable a command-line option overrides is not
 * read, even when its value is bad).
 */
static int *
given_options(const char *shortopts, const struct option *opts, int argc,
              char **argv, size_t *n)
{
    char **copy = calloc((size_t)argc + 1, sizeof(*copy));
    int *seen = calloc((size_t)argc + 1, sizeof(*seen));
    if (!copy || !seen) {
        free(copy);
        free(seen);
        return NULL;
    }
    memcpy(copy, argv, (size_t)argc * sizeof(*copy));
    int saved = opterr, c;
    opterr = 0;
    optind = 0;
    *n = 0;
    while ((c = getopt_long(argc, copy, shortopts, opts, NULL)) != -1)
        seen[(*n)++] = c;
    opterr = saved;
    optind = 1;
    free(copy);
    return seen;
}

int
ogi_cmdenv_init(ogi_cmdenv_t *e, const char *cmd, const char *shortopts,
                const struct option *opts, const ogi_cmdenv_cmd_t *cmds,
                size_t ncmds, int argc, char **argv)
{
    int *seen = NULL;
    size_t nseen = 0;
    memset(e, 0, sizeof(*e));
    names_t known = {0};
    if (known_names(&known, cmds, ncmds))
        goto nomem;
    size_t len;
    const char *bad =
        ogi_env_unknown((const char *const *)environ,
                        (const char *const *)known.v, known.n, &len);
    if (bad) {
        char name[NAME_MAX_LEN];
        snprintf(name, sizeof(name), "%.*s", (int)len, bad);
        fprintf(stderr,
                "ogi %s: unknown variable %s in the environment (did you "
                "mean %s?)\n",
                cmd, name,
                ogi_env_closest(name, (const char *const *)known.v, known.n));
        names_free(&known);
        return -1;
    }
    names_free(&known);

    if (!(seen = given_options(shortopts, opts, argc, argv, &nseen)))
        goto nomem;
    size_t nopts = 0;
    while (opts[nopts].name)
        nopts++;
    e->argv = calloc(nopts + (size_t)argc + 1, sizeof(*e->argv));
    e->var = calloc(nopts + 1, sizeof(*e->var));
    if (!e->argv || !e->var)
        goto nomem;
    e->argv[0] = argv[0];
    int at = 1;
    for (const struct option *o = opts; o->name; o++) {
        char var[NAME_MAX_LEN];
        const char *v;
        if (!takes_env(o) ||
            !(v = lookup(cmd, o, cmds, ncmds, var, sizeof(var))))
            continue;
        size_t k = 0;
        while (k < nseen && seen[k] != o->val)
            k++;
        if (k < nseen)
            continue; /* the command line's wins */
        char *arg;
        if (o->has_arg == no_argument) {
            int f = ogi_env_flag(v);
            if (f < 0) {
                fprintf(stderr,
                        "ogi %s: invalid %s \"%s\" (a flag: 1, 0, true, "
                        "false, yes or no)\n",
                        cmd, var, v);
                free(seen);
                ogi_cmdenv_fini(e);
                return -1;
            }
            if (f == 0)
                continue;
            size_t n = strlen(o->name) + 3;
            if (!(arg = malloc(n)))
                goto nomem;
            snprintf(arg, n, "--%s", o->name);
        } else {
            size_t n = strlen(o->name) + strlen(v) + 4;
            if (!(arg = malloc(n)))
                goto nomem;
            snprintf(arg, n, "--%s=%s", o->name, v);
        }
        e->argv[at] = arg;
        if (!(e->var[at] = strdup(var))) {
            e->nenv = at;
            goto nomem;
        }
        e->nenv = at;
        at++;
    }
    for (int i = 1; i < argc; i++)
        e->argv[at++] = argv[i];
    e->argv[at] = NULL;
    e->argc = at;
    free(seen);
    return 0;
nomem:
    fprintf(stderr, "ogi %s: out of memory\n", cmd);
    free(seen);
    names_free(&known);
    ogi_cmdenv_fini(e);
    return -1;
}

int
ogi_cmdenv_getopt(ogi_cmdenv_t *e, const char *shortopts,
                  const struct option *longopts)
{
    /* the first call starts getopt afresh (the check of the command line
     * in ogi_cmdenv_init ran it once) */
    if (!e->started) {
        e->started = 1;
        optind = 0;
    }
    int before = optind ? optind : 1;
    int c = getopt_long(e->argc, e->argv, shortopts, longopts, NULL);
    if (c == -1)
        e->done = 1;
    else
        e->last = before >= 1 && before <= e->nenv ? before : 0;
    return c;
}

void
ogi_cmdenv_blame(const ogi_cmdenv_t *e, const char *cmd)
{
    if (e->done || e->last < 1 || e->last > e->nenv)
        return;
    const char *v = getenv(e->var[e->last]);
    fprintf(stderr, "ogi %s: the value is %s=\"%s\" from the environment\n",
            cmd, e->var[e->last], v ? v : "");
}
