/* flu_q.c: the basis LU over binary128 (see flu.h). */
#define FK_QUAD 1
#include "flu.c"
