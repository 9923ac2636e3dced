/*
 * db_error.c - what a database failure means for the caller (retry,
 * reject the record, give up) and the names of a batch's outcomes
 * (include/ogi/db.h).
 */
#include "ogi_int.h"

#include <string.h>

#include "ogi/db.h"
#include "ogi/error.h"

int
ogi_db_classify(const char *sqlstate)
{
    if (!sqlstate || strlen(sqlstate) != 5)
        return OGI_EIO;
    if (strncmp(sqlstate, "08", 2) == 0 || /* connection exception */
        strcmp(sqlstate, "40001") == 0 ||  /* serialization failure */
        strcmp(sqlstate, "40P01") == 0 ||  /* deadlock detected */
        strncmp(sqlstate, "53", 2) == 0 || /* insufficient resources */
        strcmp(sqlstate, "57P01") == 0 ||  /* admin shutdown */
        strcmp(sqlstate, "57P02") == 0 ||  /* crash shutdown */
        strcmp(sqlstate, "57P03") == 0)    /* cannot connect now */
        return OGI_ERETRY;
    if (strncmp(sqlstate, "22", 2) == 0 || /* data exception */
        strncmp(sqlstate, "23", 2) == 0)   /* integrity constraint */
        return OGI_EREJECT;
    return OGI_EIO;
}

const char *
ogi_db_outcome_name(ogi_db_outcome_t outcome)
{
    switch (outcome) {
        case OGI_DB_STORED:
            return "stored";
        case OGI_DB_DUPLICATE:
            return "duplicate";
        case OGI_DB_REJECTED:
            return "rejected";
        case OGI_DB_POISON:
            return "poison";
    }
    return "unknown";
}
