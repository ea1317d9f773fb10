/* t-fast.c: the float phase (fast.h) and the driver (solve.h).
 *
 * The float phase only proposes a basis; the verdict is the exact phase's.
 * So every test here compares the driver's exact answer with an
 * independent reference (the brute-force oracle of oracle.h on tiny LPs,
 * the pure rational path on Netlib) and has the certificate accepted by
 * the independent checker, while the float phase is run normally, capped
 * at 1-3 iterations, or replaced by a random (mostly wrong, often
 * singular) starting basis:
 *   test_fast_random       random tiny LPs of every outcome, all modes
 *   test_fast_dual_flips   all-boxed random LPs: the dual's bound flips
 *   test_fast_dual_knapsack  one equality row, hundreds of boxed columns:
 *                          the bound-flipping ratio test solves it in one
 *                          dual pivot (greedy optimum derived in the test)
 *   test_fast_implied      a chain of free columns whose costs ask for
 *                          bounds they lack: the dual runs on implied
 *                          bounds, no phase 1 (optimum derived in the test)
 *   test_fast_wrong_basis  Netlib instances from poor or corrupted bases
 *   test_fast_phase        the float phase alone: it reaches a basis the
 *                          exact phase accepts with 0 pivots on Netlib
 *   test_fast_refine_dual  refinement from a basis a hair primal
 *                          infeasible: the dual simplex, a few pivots
 *   test_fast_refine_netlib  the same on Netlib with moved bounds
 *   test_fast_degenerate_assignment  a dual degenerate LP with a known
 *                          optimum, cost perturbation on and off */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cert.h"
#include "check/chk.h"
#include "fast.h"
#include "lp_io.h"
#include "oracle.h"
#include "rat.h"
#include "solve.h"
#include "beval.h"
#include "spx.h"
#include "testlib.h"

/* Write lp to a file, the certificate of res next to it, and run the
 * independent checker on both.  0 = accepted. */
static int cert_ok(const lp_model *lp, const lp_answer *res, const char *path)
{
    static long serial;
    char model[160], cert[160];
    fk_err err;
    int rc = -1;
    serial++;
    if (!path) {
        snprintf(model, sizeof model, "/tmp/fk-fast-%ld-%ld.mps", (long)getpid(), serial);
        if (lp_write_mps(lp, model, &err) != FK_OK) {
            printf("    could not write the model: %s\n", err.msg);
            return -1;
        }
    }
    snprintf(cert, sizeof cert, "/tmp/fk-fast-%ld-%ld.cert", (long)getpid(), serial);
    if (cert_write(cert, path ? path : model, lp, res, &err) == FK_OK)
        rc = chk_files(path ? path : model, cert, 1);
    else
        printf("    could not write the certificate: %s\n", err.msg);
    if (!path)
        unlink(model);
    unlink(cert);
    return rc;
}

/* A random tiny LP: n <= ORACLE_MAX_N columns, small integer data, every
 * kind of bound; about a third come out infeasible or unbounded. */
static lp_model *random_lp_kind(fk_rng *r, int boxed)
{
    lp_model *lp = lp_new();
    long n = fk_rng_range(r, 1, ORACLE_MAX_N), m = fk_rng_range(r, 1, 7), i, j, idx;
    char nm[32];
    mpq_t v;
    fk_err err;
    if (!lp)
        return NULL;
    mpq_init(v);
    lp->sense = fk_rng_range(r, 0, 1) ? LP_MIN : LP_MAX;
    for (j = 0; j < n; j++) {
        long k = boxed ? fk_rng_range(r, 5, 7) : fk_rng_range(r, 0, 9);
        snprintf(nm, sizeof nm, "x%ld", j);
        lp_add_col(lp, nm, &idx, &err);
        mpq_set_si(v, fk_rng_range(r, -9, 9), (unsigned long)fk_rng_range(r, 1, 3));
        mpq_canonicalize(v);
        lp_set_obj(lp, j, v);
        if (k < 5) {                      /* [lo, inf) */
            mpq_set_si(v, fk_rng_range(r, -3, 2), 1);
            lp_set_col_lo(lp, j, v);
        } else if (k < 8) {               /* box */
            mpq_set_si(v, fk_rng_range(r, -3, 2), 1);
            lp_set_col_lo(lp, j, v);
            mpq_set_si(v, fk_rng_range(r, 3, 8), 2);
            mpq_canonicalize(v);
            lp_set_col_hi(lp, j, v);
        } else if (k < 9) {               /* free */
            lp_set_col_lo(lp, j, NULL);
        } else {                          /* (-inf, hi] */
            lp_set_col_lo(lp, j, NULL);
            mpq_set_si(v, fk_rng_range(r, -2, 4), 1);
            lp_set_col_hi(lp, j, v);
        }
    }
    for (i = 0; i < m; i++) {
        long k = fk_rng_range(r, 0, 9);
        int any = 0;
        snprintf(nm, sizeof nm, "r%ld", i);
        lp_add_row(lp, nm, &idx, &err);
        for (j = 0; j < n; j++)
            if (fk_rng_range(r, 0, 99) < 60) {
                mpq_set_si(v, fk_rng_range(r, -6, 6), (unsigned long)fk_rng_range(r, 1, 2));
                mpq_canonicalize(v);
                if (mpq_sgn(v)) {
                    lp_add_coef(lp, i, j, v, &err);
                    any = 1;
                }
            }
        if (!any) {
            mpq_set_si(v, 1, 1);
            lp_add_coef(lp, i, fk_rng_range(r, 0, n - 1), v, &err);
        }
        mpq_set_si(v, fk_rng_range(r, -8, 8), 1);
        if (k < 4) {
            lp_set_row_hi(lp, i, v);
        } else if (k < 7) {
            lp_set_row_lo(lp, i, v);
        } else if (k < 8) {
            lp_set_row_lo(lp, i, v);
            lp_set_row_hi(lp, i, v);
        } else {
            lp_set_row_lo(lp, i, v);
            mpq_set_si(v, fk_rng_range(r, 9, 14), 1);
            lp_set_row_hi(lp, i, v);
        }
    }
    mpq_clear(v);
    if (lp_finalize(lp, &err)) {
        lp_free(lp);
        return NULL;
    }
    return lp;
}

static lp_model *random_lp(fk_rng *r)
{
    return random_lp_kind(r, 0);
}

/* ../shared/data/netlib/NAME.mps read, or NULL: reported as skipped when
 * the file is missing, as failed when it does not read. */
static lp_model *netlib_read(const char *name)
{
    char path[1024];
    lp_model *lp = NULL;
    fk_err err;
    snprintf(path, sizeof path, "%s/data/netlib/%s.mps", tl_shared(), name);
    if (access(path, R_OK) != 0) {
        tl_report(name, TL_SKIP, "%s not found", path);
        return NULL;
    }
    if (!TL_CHECK(lp_read_file(&lp, path, &err) == FK_OK, "%s: read: %s", name, err.msg))
        return NULL;
    return lp;
}

static int same_status(lp_status s, int ost)
{
    return (s == LP_OPTIMAL && ost == ORACLE_OPTIMAL) ||
           (s == LP_INFEASIBLE && ost == ORACLE_INFEASIBLE) ||
           (s == LP_UNBOUNDED && ost == ORACLE_UNBOUNDED);
}

/* A random basis: random variables, statuses at random (the exact phase
 * must repair duplicates, singularity and impossible bound statuses). */
static void random_basis(lp_basis *b, fk_rng *r)
{
    long k, N = b->n + b->m;
    for (k = 0; k < N; k++)
        b->stat[k] = (unsigned char)fk_rng_range(r, LP_AT_LO, LP_AT_ZERO);
    for (k = 0; k < b->m; k++) {
        b->head[k] = fk_rng_range(r, 0, N - 1);
        b->stat[b->head[k]] = LP_BASIC;
    }
}

int test_fast_random(fk_rng *r)
{
    long k, runs = 400 * tl_mult(), cnt[3] = {0, 0, 0}, ncrossed = 0;
    for (k = 0; k < runs; k++) {
        lp_model *lp = random_lp(r);
        mpq_t oval;
        int ost, mode, crossed;
        if (!TL_CHECK(lp != NULL, "random LP build failed"))
            return TL_FAIL;
        mpq_init(oval);
        ost = oracle_solve(lp, oval, NULL);
        if (ost == ORACLE_ERROR) {
            tl_failf(__FILE__, __LINE__, "oracle error");
            goto next;
        }
        cnt[ost]++;
        /* Crossed bounds (l_j > u_j, lo_i > hi_i) make the model empty by
         * its bounds alone, which the certificate format cannot express:
         * every path must refuse such a model, and the oracle must agree
         * that it is infeasible. */
        crossed = lp_check_bounds(lp, NULL) != FK_OK;
        ncrossed += crossed;
        /* 0 pure, 1 fast, 2-4 fast capped at 1-3 iterations, 5 random
         * start, 6 float phase capped at 1 iteration and refinement rounds
         * at 1 iteration each (a stalling refinement), 7 the same with 20
         * rounds of 2 iterations, 8 float phase without its dual phase */
        for (mode = 0; mode <= 8; mode++) {
            lp_answer res;
            solve_opts o;
            fk_err err;
            fk_status st;
            lp_basis b;
            lp_answer_init(&res);
            if (mode == 5) {
                spx_opts so;
                spx_opts_default(&so);
                if (lp_basis_init(&b, lp->m, lp->n)) {
                    tl_failf(__FILE__, __LINE__, "out of memory");
                    lp_answer_clear(&res);
                    goto next;
                }
                random_basis(&b, r);
                so.start = &b;
                st = spx_solve(&res, lp, &so, &err);
                lp_basis_clear(&b);
            } else {
                solve_opts_default(&o);
                o.pure = mode == 0;
                o.fast_iter_limit = mode == 6 || mode == 7 ? 1 : mode >= 2 && mode <= 4 ? mode - 1 : 0;
                o.fast_primal_only = mode == 8;
                if (mode == 6 || mode == 7) {
                    o.refine_iter_limit = mode - 5;
                    o.refine_rounds = mode == 6 ? 3 : 20;
                }
                st = solve_lp(&res, lp, &o, NULL, &err);
            }
            if (crossed) {
                TL_CHECK(st == FK_EINVAL && ost == ORACLE_INFEASIBLE,
                         "run %ld mode %d: crossed bounds not refused (or the oracle finds a point)", k, mode);
                lp_answer_clear(&res);
                continue;
            }
            if (!TL_CHECK(st == FK_OK, "run %ld mode %d: error %s", k, mode, err.msg) ||
                !TL_CHECK(same_status(res.status, ost),
                          "run %ld mode %d: solver %s, oracle %s", k, mode,
                          lp_status_str(res.status), oracle_status_str(ost)) ||
                !TL_CHECK(ost != ORACLE_OPTIMAL || mpq_equal(res.objval, oval),
                          "run %ld mode %d: objective differs from the oracle's", k, mode) ||
                !TL_CHECK(cert_ok(lp, &res, NULL) == 0,
                          "run %ld mode %d: certificate rejected", k, mode)) {
                oracle_dump_lp(lp);
                lp_answer_clear(&res);
                break;
            }
            lp_answer_clear(&res);
        }
    next:
        mpq_clear(oval);
        lp_free(lp);
        if (tl_failed_now())
            break;
    }
    /* the generator must produce every outcome, or a path that answers
     * one status always would pass on the others' absence */
    TL_CHECK(cnt[0] > 0 && cnt[1] > 0 && cnt[2] > 0, "random LPs: %ld optimal, %ld infeasible, %ld unbounded",
             cnt[0], cnt[1], cnt[2]);
    tl_info("fast_random counts", "%ld LPs: %ld optimal, %ld infeasible (%ld of them by crossed bounds, refused), %ld unbounded",
              runs, cnt[0], cnt[1], ncrossed, cnt[2]);
    return TL_RESULT();
}

/* The continuous knapsack  min c^T x  s.t.  a^T x = b,  0 <= x <= u
 * (a > 0): by the Lagrangian, x_j = u_j where c_j / a_j < y*, 0 where it
 * is above, so the greedy fill in ascending c_j / a_j is optimal (the
 * oracle here, exact).  From the slack basis the dual simplex has one
 * infeasible row; its bound-flipping ratio test walks the breakpoints
 * c_j / a_j in order, flipping every column it passes, and stops at y*:
 * one pivot solves the LP.  Passing breakpoints out of order (a wrong
 * heap, or a group taken too wide) picks a pivot that leaves reduced
 * costs on the wrong side, and then more pivots follow. */
struct kn_col {
    mpq_t ratio;
    long j;
};

static int kn_cmp(const void *x, const void *y)
{
    const struct kn_col *a = x, *b = y;
    int c = mpq_cmp(a->ratio, b->ratio);
    return c ? c : (a->j > b->j) - (a->j < b->j);
}

int test_fast_dual_knapsack(fk_rng *r)
{
    long run, runs = 20 * tl_mult(), manyflips = 0;
    for (run = 0; run < runs; run++) {
        long n = fk_rng_range(r, 200, 600), j, idx, k, num[600], den[600], aa[600], uu[600], perm[600];
        lp_model *lp = lp_new();
        struct kn_col *col = calloc((size_t)n, sizeof *col);
        fast_result fr;
        fk_err err;
        mpq_t v, b, left, opt, take;
        char nm[32];
        if (!TL_CHECK(lp != NULL && col != NULL, "allocation"))
            return TL_FAIL;
        mpq_inits(v, b, left, opt, take, NULL);
        lp->sense = LP_MIN;
        lp_add_row(lp, "cap", &idx, &err);
        /* ratios c_j / a_j = (2 pi_j + 1 - n) / n for a random
         * permutation pi: all distinct, so no two breakpoints tie (a tie
         * group that one column cannot absorb takes a second pivot, which
         * is right but not what this test is about) */
        fk_rng_perm(r, perm, n);
        for (j = 0; j < n; j++) {
            aa[j] = fk_rng_range(r, 1, 9);
            num[j] = (2 * perm[j] + 1 - n) * aa[j];
            den[j] = n;
            uu[j] = fk_rng_range(r, 1, 5);
            snprintf(nm, sizeof nm, "x%ld", j);
            lp_add_col(lp, nm, &idx, &err);
            mpq_set_si(v, num[j], (unsigned long)den[j]);
            mpq_canonicalize(v);
            lp_set_obj(lp, j, v);
            mpq_set_si(v, 0, 1);
            lp_set_col_lo(lp, j, v);
            mpq_set_si(v, uu[j], 1);
            lp_set_col_hi(lp, j, v);
            mpq_set_si(v, aa[j], 1);
            lp_add_coef(lp, 0, j, v, &err);
            mpq_init(col[j].ratio);
            mpq_set_si(col[j].ratio, num[j], (unsigned long)(den[j] * aa[j]));
            mpq_canonicalize(col[j].ratio);
            col[j].j = j;
            mpq_set_si(v, aa[j] * uu[j], 1);
            mpq_add(b, b, v);
        }
        /* b: a random share of the capacity, strictly inside */
        mpq_set_si(v, fk_rng_range(r, 1, 9), 10);
        mpq_mul(b, b, v);
        lp_set_row_lo(lp, 0, b);
        lp_set_row_hi(lp, 0, b);
        qsort(col, (size_t)n, sizeof *col, kn_cmp);
        mpq_set(left, b);
        for (k = 0; k < n && mpq_sgn(left) > 0; k++) {
            j = col[k].j;
            mpq_set_si(take, aa[j] * uu[j], 1);
            if (mpq_cmp(take, left) > 0)
                mpq_set(take, left);
            mpq_sub(left, left, take);
            /* cost of x_j = take / a_j */
            mpq_set_si(v, num[j], (unsigned long)(den[j] * aa[j]));
            mpq_canonicalize(v);
            mpq_mul(v, v, take);
            mpq_add(opt, opt, v);
        }
        fast_result_init(&fr);
        if (TL_CHECK(lp_finalize(lp, &err) == FK_OK, "run %ld: %s", run, err.msg) &&
            TL_CHECK(fast_solve(&fr, lp, NULL, &err) == FK_OK, "run %ld: %s", run, err.msg)) {
            double o = mpq_get_d(opt);
            TL_CHECK(fr.status == FAST_OPTIMAL, "run %ld: float phase %s", run,
                     fast_status_str(fr.status));
            TL_CHECK(fabs(fr.objval - o) <= 1e-9 * (1 + fabs(o)),
                     "run %ld: objective %.17g, greedy optimum %.17g", run, fr.objval, o);
            TL_CHECK(fr.iters == 1, "run %ld (n = %ld): %ld pivots (%ld dual, %ld flips), not 1",
                     run, n, fr.iters, fr.dual_iters, fr.flips);
            manyflips += fr.flips >= 20;
        }
        fast_result_clear(&fr);
        for (j = 0; j < n; j++)
            mpq_clear(col[j].ratio);
        free(col);
        mpq_clears(v, b, left, opt, take, NULL);
        lp_free(lp);
        if (tl_failed_now())
            break;
    }
    /* the point: many breakpoints passed in one ratio test */
    TL_CHECK(manyflips * 2 >= runs, "only %ld of %ld runs flipped 20 or more bounds", manyflips, runs);
    return TL_RESULT();
}

/* The dual phase's bound-flipping ratio test: random LPs whose columns
 * are all boxed, so that the ratio test can pass breakpoints by flipping.
 * The float phase runs from the slack basis (dual first), the exact phase
 * finishes from its basis; the answer must be the oracle's and the
 * certificate accepted, and flips must actually have happened. */
int test_fast_dual_flips(fk_rng *r)
{
    long k, runs = 400 * tl_mult(), flips = 0, dual = 0, zero = 0, nopt = 0, p1 = 0;
    for (k = 0; k < runs; k++) {
        lp_model *lp = random_lp_kind(r, 1);
        fast_result fr;
        lp_answer res;
        spx_opts so;
        fk_err err;
        mpq_t oval;
        int ost;
        if (!TL_CHECK(lp != NULL, "random LP build failed"))
            return TL_FAIL;
        if (lp_check_bounds(lp, NULL) != FK_OK) {
            lp_free(lp);
            continue;
        }
        mpq_init(oval);
        ost = oracle_solve(lp, oval, NULL);
        fast_result_init(&fr);
        lp_answer_init(&res);
        spx_opts_default(&so);
        if (TL_CHECK(ost != ORACLE_ERROR, "run %ld: oracle error", k) &&
            TL_CHECK(fast_solve(&fr, lp, NULL, &err) == FK_OK, "run %ld: %s", k, err.msg)) {
            flips += fr.flips;
            dual += fr.dual_iters > 0;
            so.start = &fr.basis;
            if (TL_CHECK(spx_solve(&res, lp, &so, &err) == FK_OK, "run %ld: %s", k, err.msg) &&
                (!TL_CHECK(same_status(res.status, ost), "run %ld: solver %s, oracle %s", k,
                           lp_status_str(res.status), oracle_status_str(ost)) ||
                 !TL_CHECK(ost != ORACLE_OPTIMAL || mpq_equal(res.objval, oval),
                           "run %ld: objective differs from the oracle's", k) ||
                 !TL_CHECK(cert_ok(lp, &res, NULL) == 0, "run %ld: certificate rejected", k)))
                oracle_dump_lp(lp);
            if (ost == ORACLE_OPTIMAL) {
                nopt++;
                zero += fr.status == FAST_OPTIMAL && res.iters == 0;
                p1 += fr.dual_iters > 0 && fr.phase1_iters > 0;
            }
        }
        fast_result_clear(&fr);
        lp_answer_clear(&res);
        mpq_clear(oval);
        lp_free(lp);
        if (tl_failed_now())
            break;
    }
    TL_CHECK(flips > 0, "no bound flip in %ld boxed LPs", runs);
    /* every box is finite, so the dual phase ends primal feasible and the
     * primal simplex needs no phase 1 (a dual pricing that misses an
     * infeasible row stops early and leaves phase-1 work behind) */
    TL_CHECK(p1 == 0, "primal phase 1 ran after the dual phase in %ld of %ld optimal boxed LPs", p1, nopt);
    /* boxed LPs are never unbounded and their slack basis is dual
     * feasible once placed: the dual phase must settle nearly all */
    TL_CHECK(nopt == 0 || zero * 10 >= nopt * 9, "float basis accepted as is in only %ld of %ld optimal LPs",
             zero, nopt);
    tl_info("fast_dual_flips counts", "%ld boxed LPs: %ld ran the dual phase, %ld bound flips; float basis optimal as is in %ld of %ld optimal ones",
              runs, dual, flips, zero, nopt);
    return TL_RESULT();
}

/* Implied bounds in place of dual phase 1 (fast_dual_tmpl.c).  The LP:
 * variables y_1..y_n, all free, y_k = s_k x_k with a random sign s_k;
 * rows x_1 >= 1 and x_{k+1} - x_k >= a_k (a_k in 0..5), each written as
 * a G or, negated, an L row and scaled by a random 1..3; minimise
 * sum c_k x_k with c_k in 1..9 (y_k's cost c_k s_k).  Every y_k's cost
 * asks for a bound it lacks (lower when s_k = 1, upper when -1), so the
 * slack basis is dual infeasible; but the rows imply x_k >= 1 + a_1 + ...
 * + a_{k-1} (one row at a time along the chain), and since every c_k > 0
 * the optimum puts every x_k there:
 *     OPT = sum_k c_k (1 + sum_{i<k} a_i).
 * The float phase must take the implied-bound path (fr.implied: a bound
 * moved inward would cut off the optimum and send it to phase 1, an
 * implied bound missed leaves a phase 1 too), reach OPT, and hand the
 * exact phase a basis it accepts as is; phase 1 (no_implied) must agree. */
int test_fast_implied(fk_rng *r)
{
    long run, runs = 40 * tl_mult(), viaimpl = 0;
    for (run = 0; run < runs; run++) {
        long n = fk_rng_range(r, 3, 60), k, idx, sgn[60], cc[60], aa[60], lowsum = 1;
        lp_model *lp = lp_new();
        fast_result fr, f1;
        fast_opts o1;
        lp_answer res;
        spx_opts so;
        fk_err err;
        mpq_t v, opt;
        char nm[32];
        if (!TL_CHECK(lp != NULL, "allocation"))
            return TL_FAIL;
        mpq_inits(v, opt, NULL);
        lp->sense = LP_MIN;
        for (k = 0; k < n; k++) {
            sgn[k] = fk_rng_range(r, 0, 1) ? 1 : -1;
            cc[k] = fk_rng_range(r, 1, 9);
            aa[k] = fk_rng_range(r, 0, 5);
            snprintf(nm, sizeof nm, "y%ld", k);
            lp_add_col(lp, nm, &idx, &err);
            mpq_set_si(v, cc[k] * sgn[k], 1);
            lp_set_obj(lp, k, v);
            lp_set_col_lo(lp, k, NULL);
            lp_set_col_hi(lp, k, NULL);
            /* x_k's value at the optimum: 1 + a_0 + ... + a_{k-1} */
            mpq_set_si(v, cc[k] * lowsum, 1);
            mpq_add(opt, opt, v);
            lowsum += aa[k];
        }
        /* row k: x_k - x_{k-1} >= a_{k-1} (x_{-1} := 0, a_{-1} := 1) */
        for (k = 0; k < n; k++) {
            long f = fk_rng_range(r, 1, 3), neg = fk_rng_range(r, 0, 1) ? -1 : 1;
            snprintf(nm, sizeof nm, "r%ld", k);
            lp_add_row(lp, nm, &idx, &err);
            mpq_set_si(v, neg * f * sgn[k], 1);
            lp_add_coef(lp, k, k, v, &err);
            if (k > 0) {
                mpq_set_si(v, -neg * f * sgn[k - 1], 1);
                lp_add_coef(lp, k, k - 1, v, &err);
            }
            mpq_set_si(v, neg * f * (k > 0 ? aa[k - 1] : 1), 1);
            if (neg > 0)
                lp_set_row_lo(lp, k, v);
            else
                lp_set_row_hi(lp, k, v);
        }
        fast_result_init(&fr);
        fast_result_init(&f1);
        lp_answer_init(&res);
        spx_opts_default(&so);
        fast_opts_default(&o1);
        o1.no_implied = 1;
        if (TL_CHECK(lp_finalize(lp, &err) == FK_OK, "run %ld: %s", run, err.msg) &&
            TL_CHECK(fast_solve(&fr, lp, NULL, &err) == FK_OK, "run %ld: %s", run, err.msg) &&
            TL_CHECK(fast_solve(&f1, lp, &o1, &err) == FK_OK, "run %ld: %s", run, err.msg)) {
            double od = mpq_get_d(opt);
            viaimpl += fr.implied;
            TL_CHECK(fr.implied, "run %ld (n = %ld): the dual did not settle on implied bounds", run, n);
            TL_CHECK(!f1.implied, "run %ld: implied bounds used against no_implied", run);
            TL_CHECK(fr.status == FAST_OPTIMAL && f1.status == FAST_OPTIMAL, "run %ld: float phase %s / %s",
                     run, fast_status_str(fr.status), fast_status_str(f1.status));
            TL_CHECK(fabs(fr.objval - od) <= 1e-9 * (1 + fabs(od)) && fabs(f1.objval - od) <= 1e-9 * (1 + fabs(od)),
                     "run %ld: objectives %.17g (implied) %.17g (phase 1), derived %.17g", run,
                     fr.objval, f1.objval, od);
            so.start = &fr.basis;
            if (TL_CHECK(spx_solve(&res, lp, &so, &err) == FK_OK, "run %ld: %s", run, err.msg)) {
                TL_CHECK(res.status == LP_OPTIMAL && mpq_equal(res.objval, opt),
                         "run %ld: exact phase %s, objective differs from the derived one", run,
                         lp_status_str(res.status));
                TL_CHECK(res.iters == 0, "run %ld: the exact phase took %ld pivots from the float basis", run, res.iters);
                TL_CHECK(cert_ok(lp, &res, NULL) == 0, "run %ld: certificate rejected", run);
            }
        }
        fast_result_clear(&fr);
        fast_result_clear(&f1);
        lp_answer_clear(&res);
        mpq_clears(v, opt, NULL);
        lp_free(lp);
        if (tl_failed_now())
            break;
    }
    tl_info("fast_implied counts", "%ld of %ld chains solved on implied bounds", viaimpl, runs);
    return TL_RESULT();
}

/* Netlib instances solved from poor bases; the answer must equal the pure
 * path's exactly and its certificate must be accepted. */
int test_fast_wrong_basis(fk_rng *r)
{
    static const char *names[] = {"afiro", "sc50a", "kb2", "adlittle", "blend",
                                  "recipe", "share2b", "boeing2"};
    size_t k;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        char path[1024];
        lp_model *lp = NULL;
        lp_answer ref, res;
        fk_err err;
        int mode;
        if (!(lp = netlib_read(names[k])))
            continue;
        /* the certificates are checked against the file itself */
        snprintf(path, sizeof path, "%s/data/netlib/%s.mps", tl_shared(), names[k]);
        lp_answer_init(&ref);
        {
            solve_opts o;
            solve_opts_default(&o);
            o.pure = 1;
            o.time_limit = 60;
            if (!TL_CHECK(solve_lp(&ref, lp, &o, NULL, &err) == FK_OK &&
                          ref.status == LP_OPTIMAL, "%s: pure path failed", names[k])) {
                lp_answer_clear(&ref);
                lp_free(lp);
                continue;
            }
        }
        /* 1-3: float phase capped at 1, 2, 3 iterations; 4: a random basis;
         * 5: the float optimum with a quarter of its basis replaced; 6: the
         * float phase and each of 4 refinement rounds capped at 1 iteration
         * (refinement stalls, the exact simplex must finish) */
        for (mode = 1; mode <= 6; mode++) {
            spx_opts so;
            fk_status st;
            lp_answer_init(&res);
            spx_opts_default(&so);
            so.time_limit = 60;
            if (mode <= 3 || mode == 6) {
                solve_opts o;
                solve_opts_default(&o);
                o.fast_iter_limit = mode == 6 ? 1 : mode;
                if (mode == 6) {
                    o.refine_iter_limit = 1;
                    o.refine_rounds = 4;
                }
                o.time_limit = 60;
                st = solve_lp(&res, lp, &o, NULL, &err);
            } else {
                fast_result fr;
                long p;
                fast_result_init(&fr);
                st = fast_solve(&fr, lp, NULL, &err);
                if (st == FK_OK && mode == 4)
                    random_basis(&fr.basis, r);
                if (st == FK_OK && mode == 5)
                    for (p = 0; p < lp->m; p++)
                        if (fk_rng_range(r, 0, 3) == 0) {
                            long j = fk_rng_range(r, 0, lp->n + lp->m - 1);
                            if (fr.basis.stat[j] != LP_BASIC) {
                                fr.basis.stat[fr.basis.head[p]] = LP_AT_UP;
                                fr.basis.head[p] = j;
                                fr.basis.stat[j] = LP_BASIC;
                            }
                        }
                so.start = &fr.basis;
                if (st == FK_OK)
                    st = spx_solve(&res, lp, &so, &err);
                fast_result_clear(&fr);
            }
            if (TL_CHECK(st == FK_OK, "%s mode %d: error %s", names[k], mode, err.msg) &&
                TL_CHECK(res.status == LP_OPTIMAL, "%s mode %d: status %s", names[k], mode,
                         lp_status_str(res.status)) &&
                TL_CHECK(mpq_equal(res.objval, ref.objval),
                         "%s mode %d: objective differs from the pure path's", names[k], mode))
                TL_CHECK(cert_ok(lp, &res, path) == 0, "%s mode %d: certificate rejected",
                         names[k], mode);
            lp_answer_clear(&res);
        }
        lp_answer_clear(&ref);
        lp_free(lp);
    }
    return TL_RESULT();
}

/* The float phase alone on a few Netlib instances: optimal, and the exact
 * phase accepts its basis without a single pivot. */
static void phase_runs(void)
{
    static const char *names[] = {"afiro", "adlittle", "sc105", "israel", "brandy", "capri"};
    size_t k;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        lp_model *lp = NULL;
        fast_result fr;
        lp_answer res;
        spx_opts so;
        fk_err err;
        int v;
        if (!(lp = netlib_read(names[k])))
            continue;
        /* v 0: dual phase then primal (the default), 1: primal only */
        for (v = 0; v < 2; v++) {
            fast_opts fo;
            fast_opts_default(&fo);
            fo.primal_only = v;
            fast_result_init(&fr);
            lp_answer_init(&res);
            spx_opts_default(&so);
            if (TL_CHECK(fast_solve(&fr, lp, &fo, &err) == FK_OK, "%s: %s", names[k], err.msg) &&
                TL_CHECK(fr.status == FAST_OPTIMAL, "%s (%s): float phase %s", names[k],
                         v ? "primal" : "dual", fast_status_str(fr.status))) {
                so.start = &fr.basis;
                if (TL_CHECK(spx_solve(&res, lp, &so, &err) == FK_OK, "%s: %s", names[k], err.msg))
                    TL_CHECK(res.status == LP_OPTIMAL && res.iters == 0,
                             "%s (%s): exact phase needed %ld pivots (%s)", names[k],
                             v ? "primal" : "dual", res.iters, lp_status_str(res.status));
            }
            fast_result_clear(&fr);
            lp_answer_clear(&res);
        }
        lp_free(lp);
    }
}

int test_fast_phase(fk_rng *r)
{
    (void)r;
    phase_runs();
    return TL_RESULT();
}

/* Basis evaluation with the dual solve on its second thread (beval.c; by
 * default only cores of 400 columns and more, forced here for all) against
 * the sequential one: on the float phase's bases of six Netlib LPs both
 * must call the basis optimal (test_fast_phase: the exact simplex then
 * takes 0 pivots from it) and give the same exact x, s and y.  A y lost,
 * or read before its thread is done, changes y or the verdict. */
int test_fast_phase_threaded(fk_rng *r)
{
    static const char *names[] = {"afiro", "adlittle", "sc105", "israel", "brandy", "capri"};
    long old = beval_thread_k, i;
    size_t k;
    (void)r;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        lp_model *lp = NULL;
        fast_result fr;
        beval e1, e2;
        fk_err err;
        if (!(lp = netlib_read(names[k])))
            continue;
        fast_result_init(&fr);
        beval_init(&e1);
        beval_init(&e2);
        if (TL_CHECK(fast_solve(&fr, lp, NULL, &err) == FK_OK, "%s: %s", names[k], err.msg)) {
            beval_thread_k = LONG_MAX;
            TL_CHECK(beval_basis(&e1, lp, &fr.basis, 1, 0, &err) == FK_OK, "%s: %s", names[k], err.msg);
            beval_thread_k = 1;
            TL_CHECK(beval_basis(&e2, lp, &fr.basis, 1, 0, &err) == FK_OK, "%s: %s", names[k], err.msg);
            beval_thread_k = old;
            if (TL_CHECK(e1.optimal && e2.optimal, "%s: optimal sequentially %d, threaded %d", names[k],
                         e1.optimal, e2.optimal)) {
                for (i = 0; i < lp->m; i++)
                    if (!TL_CHECK(mpq_equal(e1.y[i], e2.y[i]), "%s: y_%ld differs threaded", names[k], i))
                        break;
                for (i = 0; i < lp->m + lp->n; i++)
                    if (!TL_CHECK(mpq_equal(e1.w[i], e2.w[i]), "%s: w_%ld differs threaded", names[k], i))
                        break;
            }
        }
        beval_thread_k = old;
        beval_clear(&e1);
        beval_clear(&e2);
        fast_result_clear(&fr);
        lp_free(lp);
    }
    return TL_RESULT();
}

/* An LP whose data spans 1e-20..1e20 (coefficients, bounds, costs), built
 * around a known feasible point so most are feasible and bounded. */
static lp_model *wide_lp(fk_rng *r)
{
    lp_model *lp = lp_new();
    long n = fk_rng_range(r, 3, 12), m = fk_rng_range(r, 2, 9), i, j, idx;
    char nm[32];
    mpq_t v, p10, act;
    mpq_t *x0;
    fk_err err;
    if (!lp)
        return NULL;
    x0 = fk_qarr_new(n);
    mpq_init(v);
    mpq_init(p10);
    mpq_init(act);
    lp->sense = LP_MIN;
    for (j = 0; j < n; j++) {
        long e = fk_rng_range(r, -20, 20);
        snprintf(nm, sizeof nm, "x%ld", j);
        lp_add_col(lp, nm, &idx, &err);
        mpz_ui_pow_ui(mpq_numref(p10), 10, (unsigned long)(e < 0 ? -e : e));
        mpz_set_ui(mpq_denref(p10), 1);
        if (e < 0)
            mpq_inv(p10, p10);
        mpq_set_si(v, fk_rng_range(r, -9, 9), 1);
        mpq_mul(v, v, p10);
        lp_set_obj(lp, j, v);
        mpq_set_si(v, fk_rng_range(r, 1, 5), 1); /* x0_j in (0, ub) */
        mpq_mul(x0[j], v, p10);
        mpq_set_ui(v, 0, 1);
        lp_set_col_lo(lp, j, v);
        mpq_set_si(v, 10, 1);
        mpq_mul(v, v, p10);
        lp_set_col_hi(lp, j, v);
    }
    for (i = 0; i < m; i++) {
        snprintf(nm, sizeof nm, "r%ld", i);
        lp_add_row(lp, nm, &idx, &err);
        mpq_set_ui(act, 0, 1);
        for (j = 0; j < n; j++)
            if (fk_rng_range(r, 0, 99) < 60) {
                long e = fk_rng_range(r, -20, 20);
                mpz_ui_pow_ui(mpq_numref(p10), 10, (unsigned long)(e < 0 ? -e : e));
                mpz_set_ui(mpq_denref(p10), 1);
                if (e < 0)
                    mpq_inv(p10, p10);
                mpq_set_si(v, fk_rng_range(r, -9, 9), (unsigned long)fk_rng_range(r, 1, 3));
                mpq_canonicalize(v);
                mpq_mul(v, v, p10);
                if (mpq_sgn(v)) {
                    lp_add_coef(lp, i, j, v, &err);
                    mpq_mul(v, v, x0[j]);
                    mpq_add(act, act, v);
                }
            }
        /* a x0 sits inside the row's range, touching it or not */
        if (fk_rng_range(r, 0, 1))
            lp_set_row_hi(lp, i, act);
        else
            lp_set_row_lo(lp, i, act);
    }
    mpq_clear(v);
    mpq_clear(p10);
    mpq_clear(act);
    fk_qarr_free(x0, n);
    if (lp_finalize(lp, &err)) {
        lp_free(lp);
        return NULL;
    }
    return lp;
}

/* Data over 40 orders of magnitude: the double phase's basis is often
 * wrong (or it fails); every answer must still equal the pure path's,
 * exactly, with an accepted certificate. */
int test_fast_wide_range(fk_rng *r)
{
    long k, runs = (tl_quick() ? 40 : 200) * tl_mult(), notaccepted = 0;
    long refined[3] = {0, 0, 0}, pivoted[3] = {0, 0, 0}, quad_used = 0;
    static const char *vname[3] = {"auto", "double only", "binary128 only"};
    for (k = 0; k < runs; k++) {
        lp_model *lp = wide_lp(r);
        lp_answer ref, res;
        solve_opts o;
        solve_stats ss;
        fk_err err;
        int v;
        if (!TL_CHECK(lp != NULL, "wide LP build failed"))
            return TL_FAIL;
        lp_answer_init(&ref);
        solve_opts_default(&o);
        o.pure = 1;
        if (!TL_CHECK(solve_lp(&ref, lp, &o, NULL, &err) == FK_OK, "run %ld: pure: %s", k, err.msg)) {
            lp_answer_clear(&ref);
            lp_free(lp);
            break;
        }
        /* 0: default (double, boosted to binary128 when double gives up),
         * 1: double only, 2: binary128 from the start */
        for (v = 0; v < 3; v++) {
            lp_answer_init(&res);
            solve_opts_default(&o);
            o.no_quad = v == 1;
            o.quad_only = v == 2;
            o.verbose = getenv("FK_DBG") != NULL;
            if (TL_CHECK(solve_lp(&res, lp, &o, &ss, &err) == FK_OK, "run %ld %s: %s", k, vname[v], err.msg) &&
                TL_CHECK(res.status == ref.status, "run %ld %s: %s, pure path %s", k, vname[v],
                         lp_status_str(res.status), lp_status_str(ref.status)) &&
                TL_CHECK(res.status != LP_OPTIMAL || mpq_equal(res.objval, ref.objval),
                         "run %ld %s: objective differs from the pure path's", k, vname[v]))
                TL_CHECK(cert_ok(lp, &res, NULL) == 0, "run %ld %s: certificate rejected", k, vname[v]);
            if (v == 0 && (ss.fast_status != FAST_OPTIMAL || ss.exact_iters > 0 || ss.refine_rounds > 0))
                notaccepted++;
            if (v == 0 && ss.quad_rounds > 0)
                quad_used++;
            refined[v] += ss.refine_rounds > 0;
            pivoted[v] += ss.exact_iters > 0;
            lp_answer_clear(&res);
        }
        lp_answer_clear(&ref);
        lp_free(lp);
        if (tl_failed_now())
            break;
    }
    /* the boosted stage must actually have been exercised */
    TL_CHECK(quad_used > 0, "no LP used the binary128 stage");
    tl_info("fast_wide_range counts",
              "%ld LPs, %ld where the double basis was not accepted as is; exact pivots needed: "
              "%ld (auto, binary128 in %ld), %ld (double only), %ld (binary128 only); refined: %ld, %ld, %ld",
              runs, notaccepted, pivoted[0], quad_used, pivoted[1], pivoted[2],
              refined[0], refined[1], refined[2]);
    return TL_RESULT();
}

/* Refinement from a basis a hair primal infeasible, dual feasible (the
 * case of dfl001 in bench/PROFILE.md, issue 22), on an LP solved by hand:
 * R rows  sum_k k x_rk >= 2^-70,  0 <= x_rk <= 1 (k = 1..K),  minimise
 * sum k^2 x_rk.  The cheapest column per unit of row is k = 1, so the
 * optimum is x_r1 = 2^-70, objective R 2^-70.  The slack basis is dual
 * feasible and its violation 2^-70 is below the float tolerance: the float
 * phase accepts it, the exact check does not, and the corrected problem
 * (row bounds 1, boxes 2^70 wide) starts dual feasible and R rows primal
 * infeasible.  The dual simplex needs R pivots there (one a row, k = 1
 * by its ratio test); the primal phase 1, blind to the costs, enters a
 * column of large k and phase 2 has to walk back down to k = 1 (3 R
 * pivots in all before issue 22's change).  One round capped at 2 R
 * iterations must end on the optimal basis. */
#define RD_R 6
#define RD_K 64
static lp_model *refine_dual_lp(int both)
{
    lp_model *lp = lp_new();
    long r, k, idx;
    char nm[64];
    mpq_t v;
    fk_err err;
    if (!lp)
        return NULL;
    mpq_init(v);
    lp->sense = LP_MIN;
    for (r = 0; r < RD_R; r++) {
        snprintf(nm, sizeof nm, "r%ld", r);
        lp_add_row(lp, nm, &idx, &err);
        mpq_set_ui(v, 1, 1);
        mpq_div_2exp(v, v, 70);
        lp_set_row_lo(lp, idx, v);
    }
    for (r = 0; r < RD_R; r++)
        for (k = 1; k <= RD_K; k++) {
            snprintf(nm, sizeof nm, "x%ld_%ld", r, k);
            lp_add_col(lp, nm, &idx, &err);
            mpq_set_ui(v, (unsigned long)(k * k), 1);
            lp_set_obj(lp, idx, v);
            mpq_set_ui(v, 0, 1);
            lp_set_col_lo(lp, idx, v);
            mpq_set_ui(v, 1, 1);
            lp_set_col_hi(lp, idx, v);
            mpq_set_ui(v, (unsigned long)k, 1);
            lp_add_coef(lp, r, idx, v, &err);
        }
    /* both: a column z_r >= 0 per row, coefficient 1, cost -2^-70, and
     * row r at most 1: z_r is nonbasic at 0 in the slack basis, dual
     * infeasible by 2^-70 (below the float tolerance too, and without an
     * upper bound to move to), and at the optimum z_r = 1 fills row r
     * alone: objective -R 2^-70 */
    for (r = 0; both && r < RD_R; r++) {
        snprintf(nm, sizeof nm, "z%ld", r);
        lp_add_col(lp, nm, &idx, &err);
        mpq_set_si(v, -1, 1);
        mpq_div_2exp(v, v, 70);
        lp_set_obj(lp, idx, v);
        mpq_set_ui(v, 0, 1);
        lp_set_col_lo(lp, idx, v);
        mpq_set_ui(v, 1, 1);
        lp_add_coef(lp, r, idx, v, &err);
        lp_set_row_hi(lp, r, v);
    }
    mpq_clear(v);
    if (lp_finalize(lp, &err)) {
        lp_free(lp);
        return NULL;
    }
    return lp;
}

/* both = 0: the test above.  both = 1: the start is dual infeasible as
 * well (scales 2^70 and 2^70), the dual simplex runs on shifted costs and
 * the primal removes the shifts (here R + R pivots in double; where the
 * magnitudes are beyond double the rounds go on in binary128): the answer
 * must be exact and refinement (default rounds) end on the optimal basis. */
int test_fast_refine_dual(fk_rng *r)
{
    int both;
    (void)r;
    for (both = 0; both < 2; both++) {
        lp_model *lp = refine_dual_lp(both);
        lp_answer res;
        solve_opts o;
        solve_stats ss;
        fk_err err;
        mpq_t want;
        if (!TL_CHECK(lp != NULL, "LP build failed"))
            return TL_FAIL;
        mpq_init(want);
        mpq_set_si(want, both ? -RD_R : RD_R, 1);
        mpq_div_2exp(want, want, 70);
        lp_answer_init(&res);
        solve_opts_default(&o);
        if (!both) {
            o.refine_rounds = 1;
            o.refine_iter_limit = 2 * RD_R;
        }
        o.verbose = getenv("FK_DBG") != NULL;
        if (TL_CHECK(solve_lp(&res, lp, &o, &ss, &err) == FK_OK, "%s", err.msg) &&
            TL_CHECK(res.status == LP_OPTIMAL && mpq_equal(res.objval, want),
                     "both %d: %s, objective not %d 2^-70", both, lp_status_str(res.status),
                     both ? -RD_R : RD_R) &&
            TL_CHECK(cert_ok(lp, &res, NULL) == 0, "both %d: certificate rejected", both) &&
            TL_CHECK(ss.refine_rounds >= 1 && (both || ss.refine_rounds == 1),
                     "both %d: %d refinement rounds (the float phase must accept the slack basis)",
                     both, ss.refine_rounds))
            TL_CHECK(ss.exact_iters == 0, "both %d: refinement (%d rounds, %ld iterations) left %ld exact pivots",
                     both, ss.refine_rounds, ss.refine_iters, ss.exact_iters);
        if (getenv("FK_DBG"))
            printf("    both %d: %d rounds (%d binary128), refine iterations %ld, exact pivots %ld\n", both,
                   ss.refine_rounds, ss.quad_rounds, ss.refine_iters, ss.exact_iters);
        lp_answer_clear(&res);
        mpq_clear(want);
        lp_free(lp);
    }
    return TL_RESULT();
}

/* The same on Netlib: an optimal basis B is made primal infeasible in
 * exact arithmetic only, by moving every nonbasic bound outwards by 2^-60
 * (relative), far below the float phase's tolerance.  The feasible set
 * only grows and B stays dual feasible, so the LP keeps an optimum; the
 * float phase ends on B or a basis like it, and refinement starts from a
 * basis a hair primal infeasible (the degenerate basic variables move
 * out of their bounds).  The answer must equal the pure path's, with an
 * accepted certificate, and refinement must end on an optimal basis. */
int test_fast_refine_netlib(fk_rng *r)
{
    static const char *names[] = {"sc105", "share2b", "brandy", "e226", "stocfor1", "agg"};
    size_t k;
    long exercised = 0;
    (void)r;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
        lp_model *lp = NULL, *lp2 = NULL;
        lp_answer a0, ref, res;
        solve_opts o;
        solve_stats ss;
        fk_err err;
        mpq_t v, eps;
        long j, moved = 0;
        if (!(lp = netlib_read(names[k])))
            continue;
        lp_answer_init(&a0);
        lp_answer_init(&ref);
        lp_answer_init(&res);
        mpq_init(v);
        mpq_init(eps);
        if (!TL_CHECK(solve_lp(&a0, lp, NULL, NULL, &err) == FK_OK && a0.status == LP_OPTIMAL,
                      "%s: not solved", names[k]) ||
            !TL_CHECK((lp2 = lp_copy(lp)) != NULL, "%s: out of memory", names[k]))
            goto next;
        /* every nonbasic bound outwards: the feasible set only grows and
         * B stays dual feasible, so the LP stays feasible and bounded */
        for (j = 0; j < lp->n + lp->m; j++) {
            int s = a0.basis.stat[j];
            mpq_t *bd;
            if (s != LP_AT_LO && s != LP_AT_UP)
                continue;
            bd = j < lp->n ? (s == LP_AT_LO ? &lp->clo[j] : &lp->chi[j])
                           : (s == LP_AT_LO ? &lp->rlo[j - lp->n] : &lp->rhi[j - lp->n]);
            /* eps = 2^-60 (1 + |bound|) */
            mpq_abs(eps, *bd);
            mpq_set_ui(v, 1, 1);
            mpq_add(eps, eps, v);
            mpq_div_2exp(eps, eps, 60);
            if (s == LP_AT_LO)
                mpq_sub(v, *bd, eps);
            else
                mpq_add(v, *bd, eps);
            if (j < lp->n)
                (s == LP_AT_LO ? lp_set_col_lo : lp_set_col_hi)(lp2, j, v);
            else
                (s == LP_AT_LO ? lp_set_row_lo : lp_set_row_hi)(lp2, j - lp->n, v);
            moved++;
        }
        if (moved == 0 || !TL_CHECK(lp_finalize(lp2, &err) == FK_OK, "%s: %s", names[k], err.msg))
            goto next;
        solve_opts_default(&o);
        o.pure = 1;
        o.time_limit = 60;
        if (!TL_CHECK(solve_lp(&ref, lp2, &o, NULL, &err) == FK_OK && ref.status == LP_OPTIMAL,
                      "%s: pure path failed on the moved bounds (%s)", names[k], lp_status_str(ref.status)))
            goto next;
        solve_opts_default(&o);
        o.verbose = getenv("FK_DBG") != NULL;
        if (TL_CHECK(solve_lp(&res, lp2, &o, &ss, &err) == FK_OK, "%s: %s", names[k], err.msg) &&
            TL_CHECK(res.status == LP_OPTIMAL && mpq_equal(res.objval, ref.objval),
                     "%s: %s, objective differs from the pure path's", names[k], lp_status_str(res.status)) &&
            TL_CHECK(cert_ok(lp2, &res, NULL) == 0, "%s: certificate rejected", names[k]))
            TL_CHECK(ss.exact_iters == 0, "%s: %ld bounds moved, refinement (%d rounds, %ld iterations) "
                     "left %ld exact pivots", names[k], moved, ss.refine_rounds, ss.refine_iters,
                     ss.exact_iters);
        exercised += ss.refine_rounds > 0;
        if (getenv("FK_DBG"))
            printf("    %s: %ld moved, %d rounds, %ld refine iterations, %ld exact pivots\n", names[k],
                   moved, ss.refine_rounds, ss.refine_iters, ss.exact_iters);
    next:
        mpq_clear(v);
        mpq_clear(eps);
        lp_answer_clear(&a0);
        lp_answer_clear(&ref);
        lp_answer_clear(&res);
        lp_free(lp2);
        lp_free(lp);
    }
    /* the moved bounds must have sent most of them through refinement */
    TL_CHECK(exercised >= 5, "only %ld LPs went through refinement", exercised);
    tl_info("fast_refine_netlib counts", "%ld LPs refined from a basis 2^-60 primal infeasible", exercised);
    return TL_RESULT();
}

/* A degenerate LP whose optimum is known by hand: the n x n assignment
 * polytope (sum_j x_ij = 1, sum_i x_ij = 1, x >= 0) with cost 0 on the
 * superdiagonal (j = i + 1) and 1 elsewhere.  Column 1 has no 0 cost, so
 * sum_i c_i1 x_i1 = sum_i x_i1 = 1 bounds every feasible point below by 1,
 * and the permutation i -> i + 1, n -> 1 costs exactly 1: the optimum is 1.
 * All costs 0 or 1 make the reduced costs tie, and without perturbation
 * nearly every dual step has length 0.  The float phase with and without
 * the dual phase's cost perturbation, then the exact phase from its basis:
 * the exact optimum, a certificate the checker accepts, and fewer
 * degenerate dual steps with the perturbation than without. */
int test_fast_degenerate_assignment(fk_rng *r)
{
    const long n = 20;
    lp_model *lp = lp_new();
    long i, j, idx, degen[2] = {0, 0};
    char nm[64];
    mpq_t v;
    fk_err err;
    int pert;
    (void)r;
    if (!TL_CHECK(lp != NULL, "out of memory"))
        return TL_FAIL;
    mpq_init(v);
    for (i = 0; i < 2 * n; i++) {
        snprintf(nm, sizeof nm, "%s%ld", i < n ? "row" : "col", i % n + 1);
        lp_add_row(lp, nm, &idx, &err);
        mpq_set_si(v, 1, 1);
        lp_set_row_lo(lp, i, v);
        lp_set_row_hi(lp, i, v);
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            long k = i * n + j;
            snprintf(nm, sizeof nm, "x%ld_%ld", i + 1, j + 1);
            lp_add_col(lp, nm, &idx, &err);
            mpq_set_si(v, j == i + 1 ? 0 : 1, 1);
            lp_set_obj(lp, k, v);
            mpq_set_si(v, 1, 1);
            lp_add_coef(lp, i, k, v, &err);
            lp_add_coef(lp, n + j, k, v, &err);
        }
    if (!TL_CHECK(lp_finalize(lp, &err) == FK_OK, "finalize: %s", err.msg)) {
        lp_free(lp);
        mpq_clear(v);
        return TL_FAIL;
    }
    for (pert = 0; pert < 2; pert++) {
        fast_opts fo;
        fast_result fr;
        lp_answer res;
        spx_opts so;
        fast_opts_default(&fo);
        fo.perturb = pert ? 1 : -1;
        fast_result_init(&fr);
        lp_answer_init(&res);
        spx_opts_default(&so);
        if (TL_CHECK(fast_solve(&fr, lp, &fo, &err) == FK_OK, "%s", err.msg) &&
            TL_CHECK(fr.status == FAST_OPTIMAL, "perturbation %s: float phase %s",
                     pert ? "on" : "off", fast_status_str(fr.status))) {
            degen[pert] = fr.dual_degen;
            so.start = &fr.basis;
            if (TL_CHECK(spx_solve(&res, lp, &so, &err) == FK_OK, "%s", err.msg) &&
                TL_CHECK(res.status == LP_OPTIMAL && mpq_cmp_si(res.objval, 1, 1) == 0,
                         "perturbation %s: %s, objective %.17g (want 1)", pert ? "on" : "off",
                         lp_status_str(res.status), mpq_get_d(res.objval)))
                TL_CHECK(cert_ok(lp, &res, NULL) == 0, "perturbation %s: certificate rejected",
                         pert ? "on" : "off");
        }
        fast_result_clear(&fr);
        lp_answer_clear(&res);
    }
    TL_CHECK(degen[1] < degen[0], "degenerate dual steps: %ld with perturbation, %ld without",
             degen[1], degen[0]);
    lp_free(lp);
    mpq_clear(v);
    return TL_RESULT();
}
