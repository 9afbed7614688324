/*
 * version.c: library version and status strings (helper).
 */
#include "claimcheck/common.h"

#ifndef CC_VERSION_STRING
#define CC_VERSION_STRING "0.0.0"
#endif

const char *cc_version(void)
{
    return CC_VERSION_STRING;
}

const char *cc_strerror(int status)
{
    switch (status) {
    case CC_OK: return "success";
    case CC_ERR_NOMEM: return "out of memory";
    case CC_ERR_IO: return "input/output error";
    case CC_ERR_RULES: return "errors in the rules";
    case CC_ERR_INPUT: return "unusable input";
    case CC_ERR_LIMIT: return "limit reached";
    case CC_ERR_NOTFOUND: return "not found";
    case CC_ERR_INVALID: return "invalid argument";
    default: return "unknown error";
    }
}
