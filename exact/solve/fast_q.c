/* fast_q.c: the float phase over binary128 (see fast.c). */
#define FK_QUAD 1
#include "fast.c"
