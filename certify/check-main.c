/* check-main.c: the stand-alone checker, build/farkas-check MODEL CERT.
 * Links only certify/check/ and GMP (see certify/check/chk.h): nothing of
 * the solver.  chk_main is declared here rather than included because the
 * Makefile's check-indep rule allows only `#include "chk.h"` and this file
 * sits one directory above it. */
int chk_main(int argc, char **argv);
int pchk_main(int argc, char **argv); /* certify/pcheck/pchk.h */

#include <string.h>

int main(int argc, char **argv)
{
    int k;
    for (k = 1; k < argc; k++) {   /* a parametric model: its own checker */
        size_t n = strlen(argv[k]);
        if (n > 7 && strcmp(argv[k] + n - 7, ".pmodel") == 0)
            return pchk_main(argc, argv);
    }
    /* argv[0] plays the subcommand's name, so chk_main sees the same shape
     * as `farkas check MODEL CERT` gives it. */
    return chk_main(argc, argv);
}
