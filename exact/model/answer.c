/* answer.c: the answer type (answer.h). */
#include <stdlib.h>
#include <string.h>

#include "answer.h"

fk_status lp_basis_init(lp_basis *b, long m, long n)
{
    long k;
    b->m = m;
    b->n = n;
    b->head = fk_calloc((size_t)(m > 0 ? m : 1), sizeof *b->head);
    b->stat = fk_calloc((size_t)(n + m > 0 ? n + m : 1), 1);
    if (!b->head || !b->stat) {
        lp_basis_clear(b);
        return FK_ENOMEM;
    }
    for (k = 0; k < m; k++)
        b->head[k] = n + k;
    for (k = 0; k < n; k++)
        b->stat[k] = LP_AT_LO;
    for (k = 0; k < m; k++)
        b->stat[n + k] = LP_BASIC;
    return FK_OK;
}

void lp_basis_clear(lp_basis *b)
{
    free(b->head);
    free(b->stat);
    b->head = NULL;
    b->stat = NULL;
    b->m = b->n = 0;
}

void lp_answer_init(lp_answer *r)
{
    memset(r, 0, sizeof *r);
    mpq_init(r->objval);
}

void lp_answer_clear(lp_answer *r)
{
    fk_qarr_free(r->x, r->n);
    fk_qarr_free(r->y, r->m);
    fk_qarr_free(r->ray, r->n);
    mpq_clear(r->objval);
    lp_basis_clear(&r->basis);
    memset(r, 0, sizeof *r);
}

const char *lp_status_str(lp_status s)
{
    switch (s) {
    case LP_OPTIMAL: return "optimal";
    case LP_INFEASIBLE: return "infeasible";
    case LP_UNBOUNDED: return "unbounded";
    case LP_ITER_LIMIT: return "iteration-limit";
    case LP_TIME_LIMIT: return "time-limit";
    }
    return "?";
}
