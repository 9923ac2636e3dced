/*
 * meta_int.h - what the parts of the metadata extraction share: the
 * squeezed text they search, and each part's entry point. meta.c finds
 * the agency, year and level and calls the others; meta_date.c reads
 * years and dates, meta_contact.c the contact details, meta_region.c the
 * province. Private to lib/.
 */
#ifndef OGI_META_INT_H
#define OGI_META_INT_H

#include <stddef.h>

#include "ogi/meta.h"
#include "ogi/text.h"

/* The squeezed text (text.h) as meta reads it: contacts, dates and names
 * are searched there. */
typedef struct {
    const char *s;    /* squeezed text, NUL-terminated */
    const char *end;  /* s + its length */
    const char *body; /* where the first heading's line starts in s */
    const char *tail; /* where the last heading's line starts (>= body) */
} ogi__meta_squeezed_t;

/* ---- meta_date.c ---- */

/*
 * The first year "19xx年"/"20xx年" (1990-2099; spaces allowed before 年) in
 * [p, end): returns it and sets *at to its first digit and *after past 年;
 * 0 when there is none.
 */
int ogi__meta_find_year(const char *p, const char *end, const char **at,
                        const char **after);

/* 1 to max ASCII digits at p into *v (a longer run is cut after max, and
 * callers check what follows); returns the end, or NULL. */
const char *ogi__meta_read_uint(const char *p, const char *end, int max,
                                int *v);

/* The year of the statistical period ("统计期限自2021年1月1日起"), or 0. */
int ogi__meta_period_year(const ogi__meta_squeezed_t *sq);

/* The year reported on when the title gives none: period when nonzero,
 * else the first year in the first section (its first 3000 bytes, and
 * never in the last section, whose signature date names the next year);
 * 0 when there is none. */
int ogi__meta_year_from_text(const ogi__meta_squeezed_t *sq, int period);

/* Sets r->meta.published_on (in r's arena) from a date line after the
 * last heading or a "发布日期" header before the first; leaves it NULL
 * when there is neither. Returns 0 or OGI_ENOMEM. */
int ogi__meta_date_extract(ogi_report_t *r, const ogi_text_t *t,
                           size_t first_heading, size_t last_heading);

/* ---- meta_contact.c ---- */

/* Fills r->meta's phones, postal code, e-mail and address (in r's arena)
 * from the intro and from the body's contact sentences. Returns 0 or
 * OGI_ENOMEM. */
int ogi__meta_contact_extract(ogi_report_t *r, const ogi__meta_squeezed_t *sq);

/* ---- meta_region.c ---- */

/* The province (a static string) in the order of trust: postal code,
 * document numbers, a name in the agency or the title and intro, the
 * first area code; NULL when none tells. */
const char *ogi__meta_province_find(const ogi_meta_t *m,
                                    const ogi__meta_squeezed_t *sq);

/* 1 when [p, end) is exactly the name of a municipality (北京市, 天津市,
 * 上海市, 重庆市): its 人民政府 is a province-level government. */
int ogi__meta_is_municipality(const char *p, const char *end);

#endif /* OGI_META_INT_H */
