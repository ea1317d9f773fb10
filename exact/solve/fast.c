/* fast.c: real-precision bounded-variable revised simplex (see fast.h).
 *
 * Notation as in spx.c: w = (x, s), K = [A -I], K w = 0, l <= w <= u, the
 * basis head[0..m-1], B = K[:, head], B w_B = -sum_{j nonbasic} K_j w_j.
 * Everything here works on the scaled model
 *     A' = R A C (R, C diagonal powers of two),  x' = C^{-1} x,  s' = R s,
 * which has the same bases as the original, so the basis handed back needs
 * no unscaling.  Powers of two make the scaling itself exact in real.
 *
 * B^{-1} from a sparse Markowitz LU (flu.h) kept up to date by
 * Forrest-Tomlin updates of its U (flu_update), refactorised after
 * FAST_REFACTOR_FT updates, when flu finds its factors grown or refuses an
 * update, or when an update looks unstable.  fast_opts.product_form (the
 * CLI: FK_FAST_FT=0 in the environment) selects the older product-form eta file instead,
 * B^{-1} = E_k ... E_1 (L U)^{-1}, refactorised every FAST_REFACTOR updates
 * (for comparisons; bench/PROFILE.md, 2026-12-04).
 *
 * The source is split by role into files included below, one translation
 * unit per precision (the Makefile compiles no *_tmpl.c on its own):
 *   fast_ws_tmpl.c      workspace, scaling
 *   fast_basis_tmpl.c   LU + eta file, FTRAN/BTRAN, pivot row, start basis
 *   fast_dual_tmpl.c    the dual simplex (phases 1 and 2)
 *   fast_over_tmpl.c    bounds and costs given by solve.c's refinement
 *   fast_primal_tmpl.c  the primal simplex and fast_solve
 * and fast_conv.c (compiled once) converts mpq to binary128. */
#include "fast.h"

#include <math.h>

/* One source, two precisions: compiled as is over double, and again by
 * fast_q.c with FK_QUAD over binary128 (__float128, 113-bit significand),
 * giving fast_solve_q, the precision-boosted stage of solve.c.  The
 * scaling factors stay double: they are powers of two, exact in both. */
#ifdef FK_QUAD
typedef __float128 real;
#define RABS(x) ((x) < 0 ? -(x) : (x))
#define R_GET(q) fk_mpq_get_q(q)
#define fast_solve fast_solve_q
#define TOL_PRIMAL 1e-12
#define TOL_DUAL 1e-12
#define TOL_PIVOT 1e-12
#define TOL_DROP 1e-28
#else
typedef double real;
#define RABS(x) fabs(x)
#define R_GET(q) mpq_get_d(q)
#define TOL_PRIMAL 1e-9   /* bound violation accepted as feasible (scaled) */
#define TOL_DUAL 1e-9     /* reduced cost accepted as optimal (scaled, |c|<=1) */
#define TOL_PIVOT 1e-9    /* smallest |alpha_p| the ratio test accepts */
#define TOL_DROP 1e-14    /* eta entries dropped */
#endif

#include "flu.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAST_REFACTOR 64            /* product-form updates per factorisation */
#define FAST_REFACTOR_FT FLU_FT_MAX /* Forrest-Tomlin updates per factorisation */

#ifndef FK_QUAD /* precision-independent parts: compiled once */
void fast_opts_default(fast_opts *o)
{
    memset(o, 0, sizeof *o);
}

void fast_result_init(fast_result *r)
{
    memset(r, 0, sizeof *r);
}

void fast_result_clear(fast_result *r)
{
    lp_basis_clear(&r->basis);
    memset(r, 0, sizeof *r);
}

const char *fast_status_str(fast_status s)
{
    switch (s) {
    case FAST_OPTIMAL: return "optimal";
    case FAST_INFEASIBLE: return "infeasible";
    case FAST_UNBOUNDED: return "unbounded";
    case FAST_ITER_LIMIT: return "iteration-limit";
    case FAST_TIME_LIMIT: return "time-limit";
    case FAST_FAILED: return "failed";
    }
    return "?";
}
#endif

/* The roles, in the order each needs the ones before. */
#include "fast_ws_tmpl.c"
#include "fast_basis_tmpl.c"
#include "fast_dual_tmpl.c"
#include "fast_over_tmpl.c"
#include "fast_primal_tmpl.c"
