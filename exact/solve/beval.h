/* beval.h: exact evaluation of a simplex basis.
 *
 * Model + basis -> the basis's exact primal solution w = (x, s), its duals
 * y, the signs of its reduced costs, and whether it is primal feasible,
 * dual feasible, optimal.  Used by the refinement driver (solve.c, on every
 * basis the float phase proposes) and by the exact simplex (spx.c, on its
 * start basis), so that both judge a basis by the same computation.
 *
 * Mathematics (variables as in spx.h: K = [A -I], K w = 0, l <= w <= u).
 * Nonbasic variables sit at the bound their status names (0 when free).
 * With the logical s_i nonbasic exactly on the rows R of the "core", the
 * basic structurals x_C solve the square system
 *     A[R, C] x_C = s_R - A[R, N] x_N          (N: nonbasic structurals),
 * the basic logicals are then s_i = a_i^T x, and the duals solve
 *     A[R, C]^T y_R = c_C,   y_i = 0 where s_i is basic,
 * with c the costs of the minimisation of sense*c^T x.  Both systems are
 * solved exactly by p-adic lifting (bsolve.h), never with a rational
 * inverse.  The reduced costs d_j = c_j - K_j^T y (d = y_i on the logical
 * of row i) have the right sign when d_j >= 0 at a lower bound, <= 0 at an
 * upper one, = 0 when free (fixed variables do not count); primal
 * feasibility is l_B <= w_B <= u_B.  Both together: the basis is optimal
 * and (x, y) is the certificate of DESIGN.md.  Their signs are computed in
 * integers over a common denominator (see beval.c). */
#ifndef BEVAL_H
#define BEVAL_H

#include <gmp.h>

#include "fk.h"
#include "answer.h"
#include "lp.h"

typedef struct {
    long m, n;
    lp_basis basis;     /* the basis evaluated: the one given, made valid
                           (repeated or out-of-range entries replaced by
                           unused logicals; a nonbasic variable at the
                           bound its status names when that is finite,
                           else at its finite lower, else upper bound,
                           else free at 0) */
    mpq_t *w;           /* N = n+m: the basic solution (x, s) */
    mpq_t *y;           /* m: the duals */
    double *d;          /* N: reduced costs as doubles whose signs are exact
                           (0 on basic and fixed variables; a tiny nonzero
                           never rounds to 0) */
    int evaluated;      /* 1: w, y and d are all filled */
    int primal_feasible, dual_feasible;
    int optimal;        /* primal and dual feasible: w, y are the answer */
} beval;

void beval_init(beval *e);
void beval_clear(beval *e);

/* Cores of at least this many columns (default 400) solve A^T y = c_B on
 * a second thread beside A x = b; the tests set it to 1 to run that path
 * on small LPs. */
extern long beval_thread_k;

/* Evaluate basis b of the finalized lp.  full = 1: compute w, y and d
 * completely even when a violation shows up early (evaluated = 1 unless
 * the core is singular or inconsistent); full = 0: stop at the first
 * violation (only `optimal` is then meaningful).  A basis that is not
 * optimal is no error: FK_OK with the flags saying so.  Errors: FK_ENOMEM,
 * FK_EINVAL (b of the wrong size).  verbose: progress on stderr. */
fk_status beval_basis(beval *e, const lp_model *lp, const lp_basis *b,
                      int full, int verbose, fk_err *err);

/* The answer of an optimal evaluation: status LP_OPTIMAL, x, y, the
 * objective, the basis, 0 pivots. */
fk_status beval_answer(lp_answer *res, const beval *e, const lp_model *lp,
                       fk_err *err);

#endif
