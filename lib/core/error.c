/* error.c - messages and names generated from OGI_ERR_MAP. */
#include "ogi/error.h"

const char *
ogi_strerror(int rc)
{
    switch (rc) {
#define OGI__ERR_MSG(name, value, msg)                                         \
    case (value):                                                              \
        return (msg);
        OGI_ERR_MAP(OGI__ERR_MSG)
#undef OGI__ERR_MSG
    }
    return "unknown error";
}

const char *
ogi_err_name(int rc)
{
    switch (rc) {
#define OGI__ERR_NAME(name, value, msg)                                        \
    case (value):                                                              \
        return "OGI_" #name;
        OGI_ERR_MAP(OGI__ERR_NAME)
#undef OGI__ERR_NAME
    }
    return "OGI_UNKNOWN";
}
