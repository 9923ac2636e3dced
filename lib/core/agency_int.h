/*
 * agency_int.h - the division table shared by agency.c (names resolved)
 * and agency_divisions.c (the table read from the embedded TSV).
 */
#ifndef OGI_AGENCY_INT_H
#define OGI_AGENCY_INT_H

#include <stddef.h>

#define OGI__AGENCY_DIV_MAX 4096

typedef struct {
    char code[7];        /* "320813" */
    unsigned char level; /* ogi_agency_level_t */
    const char *name;    /* into the table's pool */
    size_t len;          /* strlen(name) */
    int parent;          /* index or -1 */
    int next_same;       /* next division of the same name, or -1 */
} ogi__division_t;

typedef struct {
    const char *name; /* NULL: empty slot */
    size_t len;
    int first; /* a division index */
    int alias; /* a province's short name: only `first` */
} ogi__division_slot_t;

/* The divisions in code order, read once by ogi__agency_ready(). */
extern ogi__division_t ogi__agency_divs[OGI__AGENCY_DIV_MAX];

/* Reads the table once (thread-safe); 0 when the embedded TSV is bad. */
int ogi__agency_ready(void);
/* How many divisions the table holds. */
int ogi__agency_count(void);
/* Bytes of the longest name (or province short name) in the table. */
size_t ogi__agency_longest(void);
/* The slot of the name s[0..n), NULL when no division has it. */
const ogi__division_slot_t *ogi__agency_lookup(const char *s, size_t n);
/* The index of the division of a six-digit code, -1 when none. */
int ogi__agency_find_code(const char *code);
/* Whether division a is an ancestor of division d. */
int ogi__agency_is_ancestor(int a, int d);
/* The province a division lies in (itself for a province). */
int ogi__agency_province_of(int d);

#endif
