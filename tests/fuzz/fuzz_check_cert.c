/* fuzz_check_cert.c: the independent checker (certify/check) on the fixed
 * model of fuzz_fixed.h and a fuzzed certificate.  Any exit code is fine
 * (0 accepted, 1 rejected, 2 unreadable); memory errors, leaks and hangs
 * are not.  An accepted certificate is checked a second time and must be
 * accepted again (the checker keeps no state between runs). */
#include "fuzz_fixed.h"

#include "check/chk.h"

FUZZ_TARGET(check_cert)
{
    char p[128];
    const char *model = fuzz_fixed_path();
    const char *cert = fuzz_file(p, sizeof p, "check.cert", data, size);
    if (!cert)
        return 0;
    if (chk_files(model, cert, 1) == 0 && chk_files(model, cert, 1) != 0)
        FUZZ_BUG("the checker accepted a certificate once, then not");
    return 0;
}
