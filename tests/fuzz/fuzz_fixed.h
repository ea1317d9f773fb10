/* fuzz_fixed.h: the fixed model of the certificate harnesses, a copy of
 * tests/data/max_ranged.lp (maximisation, ranged row, free column,
 * objective constant, a '|' in a name).  The seed certificates in
 * tests/fuzz/corpus/{cert,check_cert}/ were written for exactly these
 * bytes, so their model-sha256 matches. */
#ifndef FUZZ_FIXED_H
#define FUZZ_FIXED_H

#include "fuzz.h"

static const char fuzz_fixed_lp[] =
    "\\ A maximisation with a ranged row, a free column, an objective constant\n"
    "\\ and a column name containing '|' (the SMT export must quote it safely).\n"
    "maximize\n"
    " profit: 3 x + 2 y|z - w + 1/2\n"
    "subject to\n"
    " cap: x + y|z + w <= 10\n"
    " band: -2 <= x - y|z <= 4\n"
    " mix: x + 2 y|z - w >= 1\n"
    " floor: w >= -3\n"
    "bounds\n"
    " w free\n"
    " x <= 8\n"
    "end\n";

/* The fixed model written to its temporary file (once per process). */
static const char *fuzz_fixed_path(void)
{
    static char p[128];
    static int done;
    if (!done) {
        if (!fuzz_file(p, sizeof p, "fixed.lp", (const uint8_t *)fuzz_fixed_lp,
                       sizeof fuzz_fixed_lp - 1))
            abort();
        done = 1;
    }
    return p;
}

#endif
