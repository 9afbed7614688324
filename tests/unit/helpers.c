/* helpers.c: shared test helpers. */
#include "helpers.h"
