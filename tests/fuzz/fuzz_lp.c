/* fuzz_lp.c: the exact LP reader (exact/model/lp_read.c), see fuzz_model.h. */
#include "fuzz_model.h"

FUZZ_TARGET(lp)
{
    return fm_run(data, size, 0);
}
