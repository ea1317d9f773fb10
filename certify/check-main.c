/* check-main.c: the stand-alone checker, build/farkas-check MODEL CERT.
 * Links only certify/check/ and GMP (see certify/check/chk.h): nothing of
 * the solver.  chk_main is declared here rather than included because the
 * Makefile's check-indep rule allows only `#include "chk.h"` and this file
 * sits one directory above it. */
int chk_main(int argc, char **argv);

int main(int argc, char **argv)
{
    /* argv[0] plays the subcommand's name, so chk_main sees the same shape
     * as `farkas check MODEL CERT` gives it. */
    return chk_main(argc, argv);
}
