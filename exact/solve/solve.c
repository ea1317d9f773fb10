/* solve.c: float phase, then exact phase from its basis (see solve.h). */
#include "solve.h"
#include "spx.h"
#include "beval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fast.h"
#include "pre.h"

/* Finite bounds of variable j of [A -I] (structural j < n, logical n+i). */
static void var_bounds(const lp_model *lp, long j, const mpq_t **lo,
                       const mpq_t **up)
{
    long n = lp->n;
    if (j < n) {
        *lo = lp->clo_fin[j] ? (const mpq_t *)&lp->clo[j] : NULL;
        *up = lp->chi_fin[j] ? (const mpq_t *)&lp->chi[j] : NULL;
    } else {
        *lo = lp->rlo_fin[j - n] ? (const mpq_t *)&lp->rlo[j - n] : NULL;
        *up = lp->rhi_fin[j - n] ? (const mpq_t *)&lp->rhi[j - n] : NULL;
    }
}

/* *mx = max(*mx, v) for a violation v > 0 known exactly; one too small
 * for a double still counts. */
static void bump(double *mx, double v)
{
    if (!(v > 0))
        v = 1e-300;
    if (v > *mx)
        *mx = v;
}

/* The power of two nearest above 1/v (v > 0), kept within double range. */
static int inv_pow2(double v)
{
    int e;
    if (!(v > 0))
        return 0;
    frexp(v, &e); /* v in [2^(e-1), 2^e) */
    e = 1 - e;
    return e > 900 ? 900 : e < -900 ? -900 : e;
}

/* Refinement rounds (see solve.h).  *basis is the float phase's optimal
 * basis on entry and the best basis found on exit.  Returns FK_OK with
 * *done = 1 when an exact evaluation proved a basis optimal (res then holds
 * the full answer), 0 otherwise. */
static fk_status refine(lp_answer *res, const lp_model *lp, lp_basis *basis,
                        const solve_opts *o, double deadline, solve_stats *stats,
                        int *done, fk_err *err)
{
    long m = lp->m, n = lp->n, N = m + n, j;
    int rounds = o->refine_rounds ? o->refine_rounds : SOLVE_REFINE_ROUNDS, r;
    int quad = o->quad_only;
    beval ev;
    fast_opts fo;
    fast_result fr;
    double *lo = NULL, *up = NULL, *cost = NULL;
    mpq_t t;
    fk_status st = FK_OK;

    *done = 0;
    if (rounds < 0)
        return FK_OK;
    beval_init(&ev);
    lo = fk_calloc((size_t)N + 1, sizeof *lo);
    up = fk_calloc((size_t)N + 1, sizeof *up);
    cost = fk_calloc((size_t)N + 1, sizeof *cost);
    mpq_init(t);
    fast_result_init(&fr);
    if (!lo || !up || !cost) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto out;
    }
    for (r = 0;; r++) {
        double pviol = 0, dviol = 0, now;
        int ep, ed;
        long nstruct = 0;
        st = beval_basis(&ev, lp, basis, 1, o->verbose, err);
        if (st)
            goto out;
        if (ev.optimal) {
            st = beval_answer(res, &ev, lp, err);
            *done = !st;
            break;
        }
        if (!ev.evaluated || r >= rounds)
            break;
        now = fk_now_sec();
        if (deadline > 0 && now > deadline)
            break;
        /* exact violations, measured in double (they only choose scales) */
        for (j = 0; j < N; j++) {
            const mpq_t *l, *u;
            int s = ev.basis.stat[j];
            double v;
            var_bounds(lp, j, &l, &u);
            if (l && mpq_cmp(ev.w[j], *l) < 0) {
                mpq_sub(t, *l, ev.w[j]);
                bump(&pviol, mpq_get_d(t));
            }
            if (u && mpq_cmp(ev.w[j], *u) > 0) {
                mpq_sub(t, ev.w[j], *u);
                bump(&pviol, mpq_get_d(t));
            }
            v = fabs(ev.d[j]);
            if (s != LP_BASIC && ev.d[j] != 0 &&
                ((s == LP_AT_LO && ev.d[j] < 0) ||
                 (s == LP_AT_UP && ev.d[j] > 0) || s == LP_AT_ZERO))
                bump(&dviol, v);
            if (j < n && s == LP_BASIC)
                nstruct++;
        }
        ep = inv_pow2(pviol);
        ed = inv_pow2(dviol);
        if (o->verbose)
            fprintf(stderr, "refine: round %d: primal violation %.3g, dual violation %.3g, "
                    "basis %ld structural / %ld, scales 2^%d 2^%d\n",
                    r + 1, pviol, dviol, nstruct, m, ep, ed);
        /* the corrected problem: K dw = 0, (l - w) 2^ep <= dw <= (u - w) 2^ep,
         * cost 2^ed d */
        for (j = 0; j < N; j++) {
            const mpq_t *l, *u;
            var_bounds(lp, j, &l, &u);
            if (l) {
                mpq_sub(t, *l, ev.w[j]);
                lo[j] = ldexp(mpq_get_d(t), ep);
            } else {
                lo[j] = -HUGE_VAL;
            }
            if (u) {
                mpq_sub(t, *u, ev.w[j]);
                up[j] = ldexp(mpq_get_d(t), ep);
            } else {
                up[j] = HUGE_VAL;
            }
            cost[j] = ldexp(ev.d[j], ed);
        }
        fast_opts_default(&fo);
        fo.verbose = o->verbose;
        fo.product_form = o->product_form;
        fo.start = &ev.basis;
        fo.lo = lo;
        fo.up = up;
        fo.cost = cost;
        fo.iter_limit = o->refine_iter_limit;
        if (deadline > 0)
            fo.time_limit = deadline - now > 0.01 ? deadline - now : 0.01;
        st = quad ? fast_solve_q(&fr, lp, &fo, err) : fast_solve(&fr, lp, &fo, err);
        if (st)
            goto out;
        stats->refine_rounds++;
        stats->refine_iters += fr.iters;
        stats->quad_rounds += quad;
        if (o->verbose)
            fprintf(stderr, "refine: round %d: corrected problem (%s) %s after %ld iterations\n",
                    r + 1, quad ? "binary128" : "double", fast_status_str(fr.status), fr.iters);
        /* Double precision has given up when the corrected problem, which
         * has the same optimal bases as the original, comes out failed,
         * infeasible or unbounded, or optimal without a single pivot while
         * the exact check found violations: the next rounds run in
         * binary128.  When that fails too, the exact simplex takes over. */
        if (fr.status == FAST_FAILED || fr.status == FAST_INFEASIBLE ||
            fr.status == FAST_UNBOUNDED || (fr.status == FAST_OPTIMAL && fr.iters == 0)) {
            if (quad || o->no_quad)
                break;
            quad = 1;
            continue;
        }
        for (j = 0; j < m; j++)
            basis->head[j] = fr.basis.head[j];
        for (j = 0; j < N; j++)
            basis->stat[j] = fr.basis.stat[j];
        if (fr.status != FAST_OPTIMAL && fr.status != FAST_ITER_LIMIT)
            break;
    }
out:
    fast_result_clear(&fr);
    mpq_clear(t);
    beval_clear(&ev);
    free(lo);
    free(up);
    free(cost);
    return st;
}

/* The presolved float phase: fast_solve on pre.h's reduced model, its
 * basis mapped back, then fast_solve on lp from that basis with an
 * iteration cap.  *used = 1 when fr holds an optimal float basis of lp
 * reached that way; 0 when presolve removed too little (under
 * SOLVE_PRE_MIN of the rows: the reduced solve and the second start would
 * cost time for nothing; pilot87 loses 10% with 3% of its rows and 6% of
 * its columns gone) or any step did not end optimal, and
 * the caller then runs the plain float phase from scratch. */
#define SOLVE_PRE_MIN 0.05
static fk_status presolved(fast_result *fr, const lp_model *lp, const fast_opts *fo0,
                           const solve_opts *o, solve_stats *stats, int *used, fk_err *err)
{
    pre p;
    fast_result rr;
    fast_opts fo = *fo0;
    lp_basis mb;
    fk_status st;
    double t0 = fk_now_sec();

    *used = 0;
    pre_init(&p);
    fast_result_init(&rr);
    memset(&mb, 0, sizeof mb);
    if ((st = pre_run(&p, lp, SOLVE_PRE_MIN, err)))
        goto out;
    if (o->verbose) {
        int k;
        fprintf(stderr, "presolve: %ld of %ld rows and %ld of %ld columns dropped in %d passes (%.2f s):",
                p.rows_dropped, lp->m, p.cols_dropped, lp->n, p.passes, fk_now_sec() - t0);
        for (k = 0; k < PRE_NKINDS; k++)
            if (p.count[k])
                fprintf(stderr, " %ld %s", p.count[k], pre_kind_str(k));
        fprintf(stderr, "%s\n", p.infeasible ? "; infeasible, not used" : "");
    }
    if (!p.red || (p.red->m == 0) != (p.red->n == 0)) {
        if (o->verbose && !p.infeasible)
            fprintf(stderr, "presolve: not used (%s)\n",
                    !p.red ? "too few rows removed" : "reduced model degenerate");
        goto out;
    }
    if (p.red->m == 0) { /* nothing left: the records alone give the basis */
        if (lp_basis_init(&rr.basis, 0, 0)) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto out;
        }
        rr.status = FAST_OPTIMAL;
    } else if ((st = fast_solve(&rr, p.red, &fo, err))) {
        goto out;
    }
    stats->pre_iters = rr.iters;
    if (rr.status != FAST_OPTIMAL)
        goto out;
    if (pre_basis_back(&mb, &p, lp, &rr.basis, err)) {
        if (o->verbose)
            fprintf(stderr, "presolve: map-back failed (%s), solving from scratch\n", err->msg);
        goto out;
    }
    fo.start = &mb;
    fo.iter_limit = rr.iters / 2 + 100;
    if ((st = fast_solve(fr, lp, &fo, err)))
        goto out;
    stats->warm_iters = fr->iters;
    if (o->verbose)
        fprintf(stderr, "presolve: reduced model %ld x %ld solved in %ld iterations, "
                "warm start on the original %s after %ld iterations (%.2f s in all)\n",
                p.red->m, p.red->n, rr.iters, fast_status_str(fr->status), fr->iters,
                fk_now_sec() - t0);
    if (fr->status == FAST_OPTIMAL) {
        *used = 1;
        stats->pre_rows = p.rows_dropped;
        stats->pre_cols = p.cols_dropped;
    }
out:
    stats->pre_secs = fk_now_sec() - t0;
    lp_basis_clear(&mb);
    fast_result_clear(&rr);
    pre_clear(&p);
    return st;
}

void solve_opts_default(solve_opts *o)
{
    memset(o, 0, sizeof *o);
}

fk_status solve_lp(lp_answer *res, const lp_model *lp, const solve_opts *o,
                   solve_stats *stats, fk_err *err)
{
    solve_opts defo;
    solve_stats sdummy;
    spx_opts so;
    fast_opts fo;
    fast_result fr;
    fk_status st;
    double t0 = fk_now_sec(), t1;
    int have_start = 0, pre_used = 0;
    long pre_spent = 0; /* float iterations of presolved() that fr does not count */

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
        fo.product_form = o->product_form;
        fo.iter_limit = o->fast_iter_limit;
        fo.primal_only = o->fast_primal_only;
        /* the float phase may use at most half of the budget: the exact
         * phase must still have time to decide from whatever it got */
        fo.time_limit = o->time_limit > 0 ? o->time_limit / 2 : 0;
        stats->warm_iters = -1;
        if (!o->no_presolve && !o->quad_only && !o->fast_iter_limit) {
            st = presolved(&fr, lp, &fo, o, stats, &pre_used, err);
            if (st) {
                fast_result_clear(&fr);
                return st;
            }
            pre_spent = stats->pre_iters + (!pre_used && stats->warm_iters > 0 ? stats->warm_iters : 0);
        }
        if (!pre_used)
            st = o->quad_only ? fast_solve_q(&fr, lp, &fo, err) : fast_solve(&fr, lp, &fo, err);
        if (!st && fr.status == FAST_FAILED && !o->quad_only && !o->no_quad) {
            /* numerical trouble in double: the same phase in binary128 */
            if (o->verbose)
                fprintf(stderr, "solve: float phase failed in double, again in binary128\n");
            stats->quad_rounds++;
            st = fast_solve_q(&fr, lp, &fo, err);
        }
        if (st) {
            fast_result_clear(&fr);
            return st;
        }
        stats->fast_status = (int)fr.status;
        stats->fast_iters = fr.iters + pre_spent;
        /* Any basis the float phase reached is at least as good a start
         * as the slack basis, except when it gave up on numerical trouble
         * (FAST_FAILED), where the basis may be arbitrary. */
        have_start = fr.status != FAST_FAILED;
        if (have_start)
            so.start = &fr.basis;
        /* refine what the float phase ended with, unless it proved (in
         * double) infeasibility or unboundedness: the exact phase decides
         * those from its basis directly */
        if (fr.status == FAST_OPTIMAL || fr.status == FAST_ITER_LIMIT) {
            double tr = fk_now_sec(), deadline = 0;
            int done = 0;
            if (o->time_limit > 0)
                deadline = t0 + 0.75 * o->time_limit;
            st = refine(res, lp, &fr.basis, o, deadline, stats, &done, err);
            stats->refine_secs = fk_now_sec() - tr;
            if (st || done) {
                stats->fast_secs = tr - t0;
                stats->exact_secs = stats->refine_secs;
                stats->exact_iters = 0;
                fast_result_clear(&fr);
                if (!st && o->verbose)
                    fprintf(stderr, "solve: basis verified optimal after %d refinement rounds "
                            "(%.2f s float, %.2f s refinement)\n", stats->refine_rounds,
                            stats->fast_secs, stats->refine_secs);
                return st;
            }
        }
    }
    t1 = fk_now_sec();
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
    stats->exact_secs = fk_now_sec() - t1;
    stats->exact_iters = res->iters;
    if (!st && o->verbose)
        fprintf(stderr, "solve: exact phase %s after %ld pivots (%.2f s float, %.2f s exact)\n",
                lp_status_str(res->status), res->iters, stats->fast_secs,
                stats->exact_secs);
    return st;
}
