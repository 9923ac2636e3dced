/*
 * review.h - ogi report: one self-contained HTML page summing up the
 * current reports of a year for a province office's annual review.
 *
 * The page reads the reporting views (deploy/sql/011_reporting.sql) and
 * shows, with Chinese labels: applications received and how they were
 * answered, by region and year; administrative reviews and lawsuits and
 * their outcomes; the share of reports with errors, by rule; the agencies
 * with the most findings, each linking to its findings; who has not
 * published; year on year where the previous year is stored. Charts are
 * drawn by Apache ECharts, embedded in the page with its licence (the
 * Makefile fetches it from the npm registry), so the page opens offline.
 * Every value is HTML-escaped; chart data is JSON with '<', '>' and '&'
 * escaped.
 *
 * Each chart's container (div.chart) carries data-expected, the number of
 * bars or points it must draw; once drawn, the page's script sets
 * data-rendered to the number of bars or points ECharts drew.
 */
#ifndef OGI_REVIEW_H
#define OGI_REVIEW_H

#include <stddef.h>
#include <stdio.h>

#include "ogi/db.h"
#include "ogi/export.h"

/* What a page holds. */
typedef struct {
    int year;       /* the year reviewed (0: no reports matched) */
    size_t reports; /* current reports of that year */
    size_t charts;  /* charts drawn (those with data) */
} ogi_review_stats_t;

/*
 * Writes the page for filter (NULL: everything) to out: filter->year is
 * the year reviewed (0: the latest stored); province or division narrow
 * the places, and the regions shown are provinces (no place given),
 * prefectures (a province) or divisions (a division code). stats may be
 * NULL. Returns 0; OGI_EINVAL for a bad filter; OGI_EIO when writing
 * failed; OGI_ENOMEM; or a database failure as ogi_db_classify says
 * (message in ogi_db_error).
 */
int ogi_review_write(ogi_db_t *db, const ogi_export_filter_t *filter, FILE *out,
                     ogi_review_stats_t *stats);

/* The version of the embedded Apache ECharts ("5.6.0"). */
const char *ogi_review_echarts_version(void);

#endif /* OGI_REVIEW_H */
