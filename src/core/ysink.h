/*
 * ysink.h: the YAML DOM (ydom.h, which knows nothing of claimcheck) as the
 * rule loaders and front matter use it: its errors become diagnostics, its
 * statuses claimcheck's, and rule numbers exact decimals.
 */
#ifndef CC_YSINK_H
#define CC_YSINK_H

#include "claimcheck/diag.h"
#include "claimcheck/num.h"
#include "ydom.h"

/* A sink that adds every error and note of a document to d, with the
 * diagnostic code of each of the DOM's own errors (CC_D_YAML, ...). */
y_sink cc_ysink(cc_diags *d);

/* cc_ydoc_parse through cc_ysink(d), returning CC_OK, CC_ERR_RULES after
 * reporting why, or CC_ERR_NOMEM. */
int cc_ydoc_parse_diags(ydoc *doc, cc_arena *a, const char *file, const char *text, size_t len,
                        cc_diags *d);

/* A decimal literal such as 6.6e9 or 650000000; with percent_ok, "1%" reads
 * as 0.01. Reports an error and returns false otherwise. */
bool y_dec(ydoc *doc, const ynode *n, const char *what, bool percent_ok, cc_dec *out);

#endif
