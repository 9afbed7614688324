/*
 * claimcheck/claimcheck.h: the whole public API. The pipeline, one header
 * per stage, in the order data flows:
 *
 *   rules.h / lang.h   load claim rules and language packs
 *   doc.h              read an article
 *   detect.h           detect its language
 *   extract.h          extract observations (num.h: exact normalization)
 *   obs.h              observations and the table that holds them
 *   run.h              the above over many articles, on threads
 *   archive.h          observations as JSON Lines (extract, compare, archives)
 *   compare.h          compare observations across articles
 *   baseline.h         accepted conflicts
 *   report.h           report
 */
#ifndef CLAIMCHECK_H
#define CLAIMCHECK_H

#include "common.h"
#include "diag.h"
#include "num.h"
#include "lang.h"
#include "rules.h"
#include "doc.h"
#include "detect.h"
#include "extract.h"
#include "obs.h"
#include "run.h"
#include "compare.h"
#include "discover.h"
#include "archive.h"
#include "baseline.h"
#include "selftest.h"
#include "report.h"

#endif
