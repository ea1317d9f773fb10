/* solve.h: the driver of DESIGN.md "Solving fast and exactly".
 *
 * solve_lp() runs the double-precision phase (fast.h) for a candidate
 * basis and hands it to the exact rational simplex (spx.h) as its start:
 * the exact phase factorises it, and if it is primal and dual feasible
 * (checked exactly, implicitly: an optimal start finishes in 0 pivots) the
 * answer and its certificate come straight from it; otherwise it continues
 * with exact pivots.  If the float phase yields nothing useful the exact
 * simplex starts from the slack basis.  The verdict is always the exact
 * phase's: the float phase can cost time, never correctness. */
#ifndef SOLVE_H
#define SOLVE_H

#include "fk.h"
#include "lp.h"
#include "spx.h"

typedef struct {
    double time_limit;     /* seconds for the whole solve, 0 = none */
    int verbose;           /* progress on stderr */
    int pure;              /* 1 = skip the float phase (reference path) */
    long fast_iter_limit;  /* 0 = default; tests cap it to force poor bases */
    long iter_limit;       /* exact pivots, 0 = none */
} solve_opts;

void solve_opts_default(solve_opts *o);

/* Statistics of the last solve_lp() (for progress lines and the bench). */
typedef struct {
    int fast_status;       /* fast_status, -1 if the float phase did not run */
    long fast_iters;
    double fast_secs, exact_secs;
    long exact_iters;      /* exact pivots after the float phase's basis */
} solve_stats;

/* Solve a finalized lp.  Same contract as spx_solve(): FK_OK with
 * res->status the LP outcome; errors FK_ENOMEM / FK_EINVAL.  stats may be
 * NULL. */
fk_status solve_lp(spx_result *res, const lp_model *lp, const solve_opts *o,
                   solve_stats *stats, fk_err *err);

#endif
