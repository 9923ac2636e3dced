/*
 * export_int.h - private to lib/store: the filter of ogi export and ogi
 * report as three statement parameters.
 */
#ifndef OGI_EXPORT_INT_H
#define OGI_EXPORT_INT_H

#include "ogi/export.h"

/*
 * The filter as $1 (year, text or NULL), $2 (province or NULL), $3 (LIKE
 * pattern of the division or NULL), for a relation with the columns
 * year, province and division_code.
 */
#define OGI__EXPORT_WHERE                                                      \
    "($1::int IS NULL OR year = $1::int)"                                      \
    " AND ($2::text IS NULL OR province = $2 OR starts_with(province, $2))"    \
    " AND ($3::text IS NULL OR division_code LIKE $3)"

/* The filter's parameters in the holder's buffers. */
typedef struct {
    char year[16];         /* "2024" */
    char division[16];     /* "3208%" */
    const char *values[3]; /* $1..$3, NULL when unset */
} ogi__export_params_t;

/* Fills p from filter (NULL: none). Returns 0 or OGI_EINVAL (a year out of
 * 1900..9999, a division that is not six digits, an empty province). */
int ogi__export_params(const ogi_export_filter_t *filter,
                       ogi__export_params_t *p);

#endif /* OGI_EXPORT_INT_H */
