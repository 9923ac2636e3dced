/*
 * ogi.h - the umbrella header of libogi: version and public modules.
 *
 * ogi ingests 政府信息公开工作年度报告 (government information-disclosure
 * annual reports): it parses their text into exact records, validates
 * them, and stores them in PostgreSQL.
 */
#ifndef OGI_H
#define OGI_H

#define OGI_VERSION_MAJOR 0
#define OGI_VERSION_MINOR 1
#define OGI_VERSION_PATCH 0
#define OGI_VERSION_STRING "0.1.0"

#include "ogi/alloc.h"
#include "ogi/arena.h"
#include "ogi/encode.h"
#include "ogi/error.h"
#include "ogi/json.h"
#include "ogi/number.h"
#include "ogi/parse.h"
#include "ogi/report.h"
#include "ogi/rules.h"
#include "ogi/skeleton.h"
#include "ogi/source.h"
#include "ogi/text.h"
#include "ogi/validate.h"

#endif /* OGI_H */
