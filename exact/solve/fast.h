/* fast.h: the floating-point phase of DESIGN.md "Solving fast and exactly".
 *
 * A bounded-variable revised simplex (dual, then primal) in double over the variable
 * layout of spx.h ([A -I](x, s) = 0 over a box; variable n+i is the
 * logical of row i).  It never decides anything: it only proposes a basis
 * (lp_basis) that the exact phase (spx_solve with opts.start) factorises,
 * verifies and, if needed, repairs with exact pivots.  A wrong or poor
 * basis therefore costs time, never correctness.
 *
 * Method: powers-of-two geometric scaling of A; a sparse Markowitz LU of
 * the basis (flu.h) with Forrest-Tomlin updates and periodic
 * refactorisation.  From the slack basis the dual simplex runs first:
 * phase 1 on Fourer's auxiliary box problem when the slack basis is dual
 * infeasible, phase 2 with dual steepest-edge pricing, a bound-flipping
 * ratio test with Harris's tolerance, costs perturbed against dual
 * degeneracy, and cost shifting where rounding loses dual feasibility.
 * The primal simplex (devex pricing, Harris's
 * two-pass ratio test with bound flips, a composite phase 1, bound
 * perturbation when it stalls) then finishes: it removes the shifts and
 * the perturbation, or
 * does the whole solve from a given start basis that is primal feasible.
 * A given start that is primal infeasible gets the dual simplex (phase 2,
 * its wrong-signed costs shifted) first: solve.c's corrected problems
 * start from a basis a hair off, which the dual repairs in a few pivots
 * where the primal phase 1 wandered (fast_dual_tmpl.c, dual_from_start).  An iteration and time
 * guard; singular bases met on the way are repaired with logicals, like
 * the exact phase does.  It can start from a given
 * basis and solve the model with other bounds and costs (same matrix):
 * solve.c's refinement rounds use both. */
#ifndef FAST_H
#define FAST_H

#include "fk.h"
#include "lp.h"
#include "spx.h"

typedef enum {
    FAST_OPTIMAL = 0, /* within tolerances: a candidate optimal basis */
    FAST_INFEASIBLE,  /* phase 1 stuck at positive infeasibility */
    FAST_UNBOUNDED,   /* an improving ray was found (within tolerances) */
    FAST_ITER_LIMIT,
    FAST_TIME_LIMIT,
    FAST_FAILED       /* too big, or numerical trouble: no useful basis */
} fast_status;

typedef struct {
    long iter_limit;    /* 0 = default guard (20 (m+n) + 10000) */
    double time_limit;  /* seconds, 0 = none */
    int verbose;        /* progress on stderr */
    int no_scale;       /* 1 = skip scaling (tests) */
    const lp_basis *start; /* start basis (NULL: slack basis, and a dual
                               phase runs before the primal simplex; given
                               and primal infeasible: the dual from it) */
    int primal_only;    /* 1 = no dual simplex at all (tests, comparisons) */
    int product_form;   /* 1 = the product-form eta file instead of
                           Forrest-Tomlin updates (comparisons) */
    int perturb;        /* cost perturbation in the dual phase, on tied
                           costs only: 0 = after 2m dual iterations
                           (default), 1 = from the start, -1 = never
                           (tests, comparisons) */
    int no_implied;     /* 1 = dual phase 1 even where implied bounds
                           would make the slack basis dual feasible
                           (comparisons) */
    /* NULL, or N = m+n values replacing the model's bounds (lo, up: both
     * or neither; +-HUGE_VAL for infinite) and costs (logicals included),
     * in the model's units and sense already taken as minimisation */
    const double *lo, *up, *cost;
} fast_opts;

void fast_opts_default(fast_opts *o);

typedef struct {
    fast_status status;
    long iters, phase1_iters, dual_iters; /* all, primal phase 1, dual phase */
    long flips;         /* bound flips taken by the dual ratio test */
    long dual_degen;    /* dual phase iterations with a dual step of 0 */
    int implied;        /* 1: the slack basis was dual infeasible and the
                           dual phase ran on implied bounds instead of a
                           phase 1, ending on a basis that stood with the
                           true bounds back (fast_dual_tmpl.c) */
    double objval;      /* model sense, with c0 (approximate) */
    lp_basis basis;    /* always filled when FK_OK is returned */
} fast_result;

void fast_result_init(fast_result *r);
void fast_result_clear(fast_result *r);

/* Run the float phase on a finalized lp.  Errors: FK_ENOMEM, FK_EINVAL
 * (not finalized).  Every LP outcome, failure included, is FK_OK with
 * res->status set and res->basis a valid basis (all-logical at worst). */
fk_status fast_solve(fast_result *res, const lp_model *lp, const fast_opts *o,
                     fk_err *err);

const char *fast_status_str(fast_status s);

/* The same phase in binary128 (113-bit significand, about 10^-34): the
 * precision-boosted stage, for the bases that double cannot settle.  Slower
 * (software arithmetic) and same contract. */
fk_status fast_solve_q(fast_result *res, const lp_model *lp, const fast_opts *o,
                       fk_err *err);

/* An mpq as binary128 (within a few ulps). */
__float128 fk_mpq_get_q(const mpq_t v);

#endif
