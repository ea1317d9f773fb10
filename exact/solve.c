/* solve.c: float phase, then exact phase from its basis (see solve.h). */
#include "solve.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fast.h"

static double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void solve_opts_default(solve_opts *o)
{
    memset(o, 0, sizeof *o);
}

fk_status solve_lp(spx_result *res, const lp_model *lp, const solve_opts *o,
                   solve_stats *stats, fk_err *err)
{
    solve_opts defo;
    solve_stats sdummy;
    spx_opts so;
    fast_opts fo;
    fast_result fr;
    fk_status st;
    double t0 = now_sec(), t1;
    int have_start = 0;

    if (!o) {
        solve_opts_default(&defo);
        o = &defo;
    }
    if (!stats)
        stats = &sdummy;
    memset(stats, 0, sizeof *stats);
    stats->fast_status = -1;
    if (!lp->finalized)
        return fk_fail(err, FK_EINVAL, NULL, "model not finalized");
    if ((st = lp_check_bounds(lp, err)))
        return st;
    spx_opts_default(&so);
    so.verbose = o->verbose;
    so.iter_limit = o->iter_limit;
    fast_result_init(&fr);
    if (!o->pure) {
        fast_opts_default(&fo);
        fo.verbose = o->verbose;
        fo.iter_limit = o->fast_iter_limit;
        /* the float phase may use at most half of the budget: the exact
         * phase must still have time to decide from whatever it got */
        fo.time_limit = o->time_limit > 0 ? o->time_limit / 2 : 0;
        st = fast_solve(&fr, lp, &fo, err);
        if (st) {
            fast_result_clear(&fr);
            return st;
        }
        stats->fast_status = (int)fr.status;
        stats->fast_iters = fr.iters;
        /* Any basis the float phase reached is at least as good a start
         * as the slack basis, except when it gave up on numerical trouble
         * (FAST_FAILED), where the basis may be arbitrary. */
        have_start = fr.status != FAST_FAILED;
        if (have_start)
            so.start = &fr.basis;
    }
    t1 = now_sec();
    stats->fast_secs = t1 - t0;
    if (o->verbose)
        fprintf(stderr, "solve: %s, exact phase from %s\n",
                o->pure ? "pure rational path" : "float phase done",
                have_start ? "the float basis" : "the slack basis");
    if (o->time_limit > 0) {
        so.time_limit = o->time_limit - (t1 - t0);
        if (so.time_limit <= 0.01)
            so.time_limit = 0.01;
    }
    st = spx_solve(res, lp, &so, err);
    fast_result_clear(&fr);
    stats->exact_secs = now_sec() - t1;
    stats->exact_iters = res->iters;
    if (!st && o->verbose)
        fprintf(stderr, "solve: exact phase %s after %ld pivots (%.2f s float, %.2f s exact)\n",
                spx_status_str(res->status), res->iters, stats->fast_secs,
                stats->exact_secs);
    return st;
}
