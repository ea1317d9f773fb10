/* t-mech.c: the Szentes and Yamashita cases end to end.  Each case checks
 * its own claim (it fails with FK_EINVAL otherwise); here we require the
 * verdict and that the checker accepted every certificate.  Hand facts
 * (Peters' essay, derived again): in Szentes' matching pennies principal
 * 2's pure minmax is min(max(-1,1), max(1,-1)) = 1 and his pure maxmin
 * max(min(-1,1), min(1,-1)) = -1; in Yamashita's game the minmax of each
 * principal is 0, so exactly (Up,Left) = (2,2) and (Down,Right) = (0,0)
 * give both at least 0. */
#include <stdio.h>

#include "caseutil.h"
#include "testlib.h"

int test_mech_szentes_yamashita(fk_rng *r)
{
    econ_out o;
    fk_err err;
    char dir[64];
    if (cu_open(&o, dir))
        return TL_SKIP;
    fk_err_clear(&err);
    TL_CHECK(case_szentes(&o, 0, NULL, &err) == FK_OK, "szentes: %s", err.msg);
    TL_CHECK(o.ncert == 3, "szentes wrote %d certificates", o.ncert);
    TL_CHECK(case_yamashita(&o, 0, NULL, &err) == FK_OK, "yamashita: %s", err.msg);
    TL_CHECK(o.ncert == 7, "yamashita wrote %d certificates", o.ncert - 3);
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    cu_close(dir);
    return TL_RESULT();
}
