/* fuzz_mps.c: the exact MPS reader (exact/model/mps_read.c), see fuzz_model.h. */
#include "fuzz_model.h"

FUZZ_TARGET(mps)
{
    return fm_run(data, size, 1);
}
