/* solve.h: the driver of DESIGN.md "Solving fast and exactly".
 *
 * solve_lp() runs the double-precision phase (fast.h) for a candidate
 * basis -- first on the model presolved by pre.h when that removes at
 * least 5% of the rows: the reduced model's optimal basis is
 * mapped back to the original model, where the float phase is warm
 * started from it (capped at half the reduced solve's iterations + 100;
 * on failure the plain float phase runs from scratch), so everything after
 * it sees the original model only -- then refines it (Gleixner and Steffy's iterative refinement, in
 * its basis form): the basis is solved exactly (beval.h, p-adic lifting),
 * and if its exact primal or dual solution violates a bound
 * or a sign, the float phase is run again from that basis on the
 * corrected problem -- bounds shifted by the exact solution and scaled by
 * 1/(largest primal violation), costs replaced by the exact reduced costs
 * scaled by 1/(largest dual violation), both powers of two.  The corrected
 * problem has the same bases and the same optimal bases as the original,
 * but its violations are of order 1, so double precision sees them.
 * From a start that is primal infeasible there the float phase runs the
 * dual simplex (a basis a hair off needs a few pivots), else the primal
 * (fast.h).
 * Precision is boosted when double gives up (a failed float phase, or a
 * corrected problem declared failed, infeasible, unbounded or optimal
 * without a pivot although violations remain): the same simplex compiled
 * over binary128 (fast_solve_q, 113-bit significand) takes the next
 * rounds.
 * After at most a few rounds the last basis goes to the exact rational
 * simplex as its start: if it is optimal (checked exactly) the answer and
 * its certificate come straight from it; otherwise it continues with
 * exact pivots.  If the float phase yields nothing useful the exact
 * simplex starts from the slack basis.  The verdict is always the exact
 * phase's: the float phase can cost time, never correctness. */
#ifndef SOLVE_H
#define SOLVE_H

#include "fk.h"
#include "answer.h"
#include "lp.h"

typedef struct {
    double time_limit;     /* seconds for the whole solve, 0 = none */
    int verbose;           /* progress on stderr */
    int pure;              /* 1 = skip the float phase (reference path) */
    long fast_iter_limit;  /* 0 = default; tests cap it to force poor bases */
    long iter_limit;       /* exact pivots, 0 = none */
    int refine_rounds;     /* 0 = default (SOLVE_REFINE_ROUNDS), -1 = none */
    long refine_iter_limit;/* float iterations per round, 0 = default;
                              tests cap it to make refinement stall */
    int quad_only;         /* 1 = float phase and rounds in binary128 */
    int no_quad;           /* 1 = never boost to binary128 (tests) */
    int fast_primal_only;  /* 1 = float phase without its dual phase */
    int product_form;      /* 1 = float LU updated by the product-form eta
                              file, not Forrest-Tomlin (comparisons; the CLI
                              sets it from FK_FAST_FT=0) */
    int no_presolve;       /* 1 = float phase on the model as given (pre.h
                              otherwise reduces it first; comparisons) */
} solve_opts;

#define SOLVE_REFINE_ROUNDS 8

void solve_opts_default(solve_opts *o);

/* Statistics of the last solve_lp() (for progress lines and the bench). */
typedef struct {
    int fast_status;       /* fast_status, -1 if the float phase did not run */
    long fast_iters;
    double fast_secs, exact_secs;
    long exact_iters;      /* exact pivots after the float phase's basis */
    int refine_rounds;     /* corrected problems solved in double */
    long refine_iters;     /* float iterations of those solves, all rounds */
    double refine_secs;    /* exact evaluations + corrected solves */
    int quad_rounds;       /* float solves run in binary128 */
    long pre_rows, pre_cols; /* rows and columns the presolve dropped
                              (0 when it did not run or was not used) */
    long pre_iters;        /* float iterations on the reduced model */
    long warm_iters;       /* float iterations of the warm start on the
                              original model from the mapped basis, -1 if
                              that did not run */
    double pre_secs;       /* presolve + reduced solve + map-back */
} solve_stats;

/* Solve a finalized lp.  FK_OK with
 * res->status the LP outcome; errors FK_ENOMEM / FK_EINVAL.  stats may be
 * NULL. */
fk_status solve_lp(lp_answer *res, const lp_model *lp, const solve_opts *o,
                   solve_stats *stats, fk_err *err);

#endif
