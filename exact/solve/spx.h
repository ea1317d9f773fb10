/* spx.h: exact rational bounded-variable revised simplex.
 *
 * The solver works on the model of lp.h with one logical variable per row:
 *     s_i = a_i^T x,   lo_i <= s_i <= hi_i,   l_j <= x_j <= u_j,
 * i.e. [A  -I] (x, s) = 0 over a box.  Variables are numbered 0..n-1
 * (structural) and n..n+m-1 (logical of row k = var n+k).  It minimises
 * sense*c^T x; a maximisation is solved as min -c^T x, and the duals and
 * Farkas multipliers it returns are those of that minimisation, which is
 * the convention of the certificate (shared/DESIGN.md).
 *
 * Results, exactly as DESIGN.md defines the certificates:
 *   LP_OPTIMAL     x (n), y (m): x feasible, z = sense*c - A^T y obeys the
 *                   sign rule and sense*c^T x = b(y) + sum z_j * bound_j.
 *   LP_INFEASIBLE  y (m): Farkas multipliers obeying the sign rule with
 *                   max over the column box of (A^T y)^T x < b(y).
 *   LP_UNBOUNDED   x (n) feasible and ray (n) with sense*c^T ray < 0.
 * Pricing is Dantzig's rule, switching to Bland's rule after a run of
 * degenerate pivots (anti-cycling), back to Dantzig after progress.
 *
 * A starting basis may be given (e.g. by a floating-point phase); it is
 * first evaluated exactly (beval.h: optimal means 0 pivots), otherwise
 * factorised exactly and, if singular, repaired with logicals. */
#ifndef SPX_H
#define SPX_H

#include <gmp.h>

#include "fk.h"
#include "answer.h"
#include "lp.h"

typedef struct {
    long iter_limit;          /* 0 = none */
    double time_limit;        /* seconds, 0 = none */
    int verbose;              /* progress lines on stderr */
    const lp_basis *start;   /* NULL = all-logical start */
    long bland_after;         /* degenerate pivots before Bland's rule;
                                 0 = default (1000 + 10(m+n)), 1 = always */
} spx_opts;

void spx_opts_default(spx_opts *o);

/* Solve lp (must be finalized).  An LP outcome is not an error: the
 * return is FK_OK and res->status says what happened.  Errors are
 * FK_ENOMEM, FK_EINVAL (model not finalized, bad start basis size). */
fk_status spx_solve(lp_answer *res, const lp_model *lp, const spx_opts *opts,
                    fk_err *err);


#endif
