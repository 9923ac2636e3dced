/* source.c - bounded reading of a document from a file or stdin. */
#include "ogi_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ogi/error.h"
#include "ogi/source.h"
#include "ogi/text.h"

#define CHUNK 65536

/*
 * Reads fd to the end. Up to max bytes are kept in the arena (*buf,
 * *len); past that, *too_big is set and the bytes are only hashed, in
 * chunks, so memory stays bounded; hex then receives the SHA-256.
 */
static int
read_all(int fd, ogi_arena_t *arena, size_t max, char **buf, size_t *len,
         int *too_big, char hex[65])
{
    size_t cap = CHUNK, n = 0;
    char *p = ogi_arena_alloc(arena, cap);
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    if (!p || !md || !EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
        EVP_MD_CTX_free(md);
        return OGI_ENOMEM;
    }
    int rc = 0;
    *too_big = 0;
    for (;;) {
        if (n == cap) {
            if (*too_big) {
                EVP_DigestUpdate(md, p, n);
                n = 0;
            } else {
                char *q = ogi_arena_grow(arena, p, n, cap * 2);
                if (!q) {
                    rc = OGI_ENOMEM;
                    break;
                }
                p = q;
                cap *= 2;
            }
        }
        ssize_t k = read(fd, p + n, cap - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            rc = OGI_EIO;
            break;
        }
        if (k == 0)
            break;
        n += (size_t)k;
        if (n > max)
            *too_big = 1; /* cap > max from here on: no more growth */
    }
    if (rc == 0 && *too_big) {
        unsigned char h[EVP_MAX_MD_SIZE];
        unsigned int hl = 0;
        EVP_DigestUpdate(md, p, n);
        EVP_DigestFinal_ex(md, h, &hl);
        for (unsigned i = 0; i < hl && i < 32; i++)
            snprintf(hex + 2 * i, 3, "%02x", h[i]);
    }
    EVP_MD_CTX_free(md);
    *buf = p;
    *len = n;
    return rc;
}

int
ogi_source_parse_file(ogi_arena_t *arena, const char *path,
                      const ogi_parse_opts_t *opts, ogi_report_t **out,
                      char *why, size_t why_size)
{
    *out = NULL;
    size_t max = opts && opts->max_bytes ? opts->max_bytes
                                         : OGI_TEXT_MAX_DEFAULT;
    int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, why_size, "could not open file \"%s\": %s", path,
                 strerror(errno));
        return OGI_EIO;
    }
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        snprintf(why, why_size, "could not read \"%s\": is a directory",
                 path);
        close(fd);
        return OGI_EIO;
    }
    char *buf = NULL;
    size_t len = 0;
    int too_big = 0;
    char hex[65] = "";
    size_t total = fd != 0 && S_ISREG(sb.st_mode) ? (size_t)sb.st_size : 0;
    int rc = read_all(fd, arena, max, &buf, &len, &too_big, hex);
    int err = errno;
    if (fd != 0)
        close(fd);
    if (rc == OGI_EIO) {
        snprintf(why, why_size, "could not read file \"%s\": %s", path,
                 strerror(err));
        return rc;
    }
    if (rc)
        return rc;
    ogi_parse_opts_t o = opts ? *opts : (ogi_parse_opts_t){0};
    if (!o.name) {
        /* the record names the file, not where it was on this machine */
        const char *slash = strrchr(path, '/');
        o.name = slash ? slash + 1 : path;
    }
    if (!too_big)
        return ogi_parse_report(arena, buf, len, &o, out);

    ogi_report_t *r = ogi_report_new(arena);
    if (!r)
        return OGI_ENOMEM;
    memcpy(r->doc_key, hex, sizeof(r->doc_key));
    r->source_bytes = total;
    r->source_name = ogi_arena_strdup(arena, o.name);
    r->status = OGI_STATUS_REJECTED;
    if (!r->source_name ||
        ogi_report_add_finding(r, "P0", OGI_SEV_ERROR, NULL,
                               "input exceeds the limit of %zu bytes", max))
        return OGI_ENOMEM;
    *out = r;
    return 0;
}

/* ---- the files a command was given ---- */

static int
list_add(ogi_source_list_t *l, const char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        char **v = realloc(l->paths, cap * sizeof(*v));
        if (!v)
            return OGI_ENOMEM;
        l->paths = v;
        l->cap = cap;
    }
    if (!(l->paths[l->n] = strdup(s)))
        return OGI_ENOMEM;
    l->n++;
    return 0;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Every regular file under path, in name order; depth bounded. */
static int
collect(ogi_source_list_t *l, const char *path, int depth, char *why, size_t why_size)
{
    struct stat sb;
    if (strcmp(path, "-") == 0)
        return list_add(l, path);
    if (stat(path, &sb) != 0) {
        snprintf(why, why_size, "could not open \"%s\": %s", path,
                 strerror(errno));
        return OGI_EIO;
    }
    if (!S_ISDIR(sb.st_mode))
        return list_add(l, path);
    if (depth > 32)
        return 0;
    struct dirent **names;
    int n = scandir(path, &names, NULL, by_name);
    if (n < 0) {
        snprintf(why, why_size, "could not read directory \"%s\": %s", path,
                 strerror(errno));
        return OGI_EIO;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        if (!rc && names[i]->d_name[0] != '.') {
            char *p = malloc(strlen(path) + strlen(names[i]->d_name) + 2);
            if (!p) {
                rc = OGI_ENOMEM;
            } else {
                sprintf(p, "%s/%s", path, names[i]->d_name);
                rc = collect(l, p, depth + 1, why, why_size);
                free(p);
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int
ogi_source_list(const char *const *paths, size_t npaths,
                ogi_source_list_t *out, char *why, size_t why_size)
{
    memset(out, 0, sizeof(*out));
    int rc = 0;
    for (size_t i = 0; !rc && i < npaths; i++)
        rc = collect(out, paths[i], 0, why, why_size);
    if (rc)
        ogi_source_list_free(out);
    return rc;
}

void
ogi_source_list_free(ogi_source_list_t *list)
{
    for (size_t i = 0; i < list->n; i++)
        free(list->paths[i]);
    free(list->paths);
    memset(list, 0, sizeof(*list));
}
