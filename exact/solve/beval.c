/* beval.c: exact evaluation of a simplex basis (see beval.h). */
#include "beval.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsolve.h"

/* The dual solve A_core^T y = c_B on a second thread, while the primal
 * one runs on this: the two only read the factorisation (bsolve.h), and
 * on the large cores each takes seconds (maros-r7: 1.7 s and 1.4 s).
 * Cores below beval_thread_k columns solve both in a few milliseconds:
 * no thread there. */
long beval_thread_k = 400;

typedef struct {
    bsolve *bs;
    mpq_t *y, *c;
    int r;
    double secs;
} ysolve;

static void *ysolve_run(void *arg)
{
    ysolve *ys = arg;
    double t0 = fk_now_sec();
    ys->r = bsolve_solve_t(ys->bs, ys->y, ys->c);
    ys->secs = fk_now_sec() - t0;
    return NULL;
}

/* Finite bounds of variable j (NULL: infinite). */
static const mpq_t *var_lo(const lp_model *lp, long j)
{
    if (j < lp->n)
        return lp->clo_fin[j] ? (const mpq_t *)&lp->clo[j] : NULL;
    return lp->rlo_fin[j - lp->n] ? (const mpq_t *)&lp->rlo[j - lp->n] : NULL;
}

static const mpq_t *var_up(const lp_model *lp, long j)
{
    if (j < lp->n)
        return lp->chi_fin[j] ? (const mpq_t *)&lp->chi[j] : NULL;
    return lp->rhi_fin[j - lp->n] ? (const mpq_t *)&lp->rhi[j - lp->n] : NULL;
}

static int is_fixed(const lp_model *lp, long j)
{
    const mpq_t *l = var_lo(lp, j), *u = var_up(lp, j);
    return l && u && mpq_equal(*l, *u);
}

/* +1 above its upper bound, -1 below its lower, else 0. */
static int infeas_sign(const lp_model *lp, const mpq_t v, long j)
{
    const mpq_t *l = var_lo(lp, j), *u = var_up(lp, j);
    if (u && mpq_cmp(v, *u) > 0)
        return 1;
    if (l && mpq_cmp(v, *l) < 0)
        return -1;
    return 0;
}

/* Nonbasic j to a resting place valid for its bounds (see beval.h). */
static void rest(beval *e, const lp_model *lp, long j, int prefer)
{
    const mpq_t *l = var_lo(lp, j), *u = var_up(lp, j);
    unsigned char *st = &e->basis.stat[j];
    if (prefer == LP_AT_UP && u)
        *st = LP_AT_UP;
    else if (l)
        *st = LP_AT_LO;
    else if (u)
        *st = LP_AT_UP;
    else
        *st = LP_AT_ZERO;
    if (*st == LP_AT_LO)
        mpq_set(e->w[j], *l);
    else if (*st == LP_AT_UP)
        mpq_set(e->w[j], *u);
    else
        mpq_set_ui(e->w[j], 0, 1);
}

/* e->basis := b made valid, nonbasic values in e->w.  -1: no memory. */
static int normalise(beval *e, const lp_model *lp, const lp_basis *b)
{
    long m = lp->m, n = lp->n, N = m + n, p, j;
    unsigned char *seen = fk_calloc((size_t)N + 1, 1);
    if (!seen)
        return -1;
    for (p = 0; p < m; p++) {
        j = b->head[p];
        if (j < 0 || j >= N || seen[j])
            j = -1;
        else
            seen[j] = 1;
        e->basis.head[p] = j;
    }
    /* positions with invalid entries get an unused logical */
    for (p = 0; p < m; p++)
        if (e->basis.head[p] < 0) {
            long i;
            for (i = 0; i < m && seen[n + i]; i++)
                ;
            seen[n + i] = 1;
            e->basis.head[p] = n + i;
        }
    for (j = 0; j < N; j++) {
        if (seen[j]) {
            e->basis.stat[j] = LP_BASIC;
            continue;
        }
        rest(e, lp, j, b->stat[j]);
    }
    free(seen);
    return 0;
}

/* Signs of the reduced costs d_j = c_j - K_j^T y of the nonbasic, non-fixed
 * variables, in integers: with D the common denominator of y (Y = D y) and
 * L_j that of column j and c_j, d_j D L_j = c_j L_j D - sum_i (a_ij L_j) Y_i.
 * The rational route costs a gcd per operation on numbers of thousands of
 * digits (pilot87: 14 s against well under 1 s).  1: every sign is right
 * (dual feasible), 0: some is wrong, -1: out of memory.  With full, every
 * d_j goes to e->d as a double whose sign is exact (0 for basic and fixed
 * variables); without, it stops at the first wrong sign. */
static int dual_signs(beval *e, const lp_model *lp, int full)
{
    long m = lp->m, n = lp->n, i, j, q;
    mpq_t *y = e->y;
    double *dd = full ? e->d : NULL;
    mpz_t *Y = fk_calloc((size_t)m + 1, sizeof *Y);
    mpz_t D, L, acc, u;
    int ok = 1;
    if (!Y)
        return -1;
    mpz_inits(D, L, acc, u, NULL);
    mpz_set_ui(D, 1);
    for (i = 0; i < m; i++)
        if (mpq_sgn(y[i]))
            mpz_lcm(D, D, mpq_denref(y[i]));
    for (i = 0; i < m; i++) {
        mpz_init(Y[i]);
        if (mpq_sgn(y[i])) {
            mpz_divexact(u, D, mpq_denref(y[i]));
            mpz_mul(Y[i], u, mpq_numref(y[i]));
        }
    }
    for (j = 0; j < n + m; j++) {
        int st = e->basis.stat[j], sg;
        if (dd)
            dd[j] = 0;
        if (st == LP_BASIC || is_fixed(lp, j))
            continue;
        if (j >= n) {
            /* logical: K_j = -e_i, c_j = 0, so d_j = y_i */
            sg = mpq_sgn(y[j - n]);
            if (dd && sg)
                dd[j] = mpq_get_d(y[j - n]);
        } else {
            /* c_j of the minimisation: sense * obj_j */
            const mpq_t *c = (const mpq_t *)&lp->obj[j];
            mpz_set(L, mpq_denref(*c));
            for (q = lp->cbeg[j]; q < lp->cbeg[j + 1]; q++)
                if (mpz_cmp_ui(mpq_denref(lp->val[q]), 1) != 0)
                    mpz_lcm(L, L, mpq_denref(lp->val[q]));
            /* acc = c_j L D - sum (a_ij L) Y_i */
            mpz_divexact(u, L, mpq_denref(*c));
            mpz_mul(u, u, mpq_numref(*c));
            if (lp->sense == LP_MAX)
                mpz_neg(u, u);
            mpz_mul(acc, u, D);
            for (q = lp->cbeg[j]; q < lp->cbeg[j + 1]; q++) {
                i = lp->ridx[q];
                if (!mpz_sgn(Y[i]))
                    continue;
                mpz_divexact(u, L, mpq_denref(lp->val[q]));
                mpz_mul(u, u, mpq_numref(lp->val[q]));
                mpz_submul(acc, u, Y[i]);
            }
            sg = mpz_sgn(acc);
            if (dd && sg) {
                long ea, eb;
                double fa = mpz_get_d_2exp(&ea, acc), fb;
                mpz_mul(u, L, D);
                fb = mpz_get_d_2exp(&eb, u);
                dd[j] = ldexp(fa / fb, (int)(ea - eb < -1100 ? -1100 : ea - eb > 1100 ? 1100 : ea - eb));
                if (dd[j] == 0)
                    dd[j] = sg > 0 ? 1e-300 : -1e-300;
            }
        }
        if (sg == 0 || (st == LP_AT_LO && sg > 0) || (st == LP_AT_UP && sg < 0))
            continue;
        ok = 0; /* an improving nonbasic variable */
        if (!dd)
            break;
    }
    for (i = 0; i < m; i++)
        mpz_clear(Y[i]);
    free(Y);
    mpz_clears(D, L, acc, u, NULL);
    return ok;
}

/* The core systems of beval.h, solved by p-adic lifting.  0 done (the flags
 * say what was found), -1 out of memory. */
static int evaluate(beval *e, const lp_model *lp, int full, int verbose)
{
    long m = lp->m, n = lp->n, k = 0, kr = 0, i, j, p, q, t;
    long *cols = NULL, *rowmap = NULL, *rowof = NULL;
    const long *head = e->basis.head;
    const unsigned char *stat = e->basis.stat;
    mpq_t *b = NULL, *xs = NULL, *cs = NULL, *yr = NULL, *x = e->w, tq;
    bsolve *bs = NULL;
    int rc = -1, r, feasible = 1, threaded = 0;
    double t0 = fk_now_sec(), tm[5] = {0, 0, 0, 0, 0}, ysecs = 0;
    ysolve ys;
    pthread_t yt;

    mpq_init(tq);
    cols = fk_calloc((size_t)m + 1, sizeof *cols);
    rowmap = fk_calloc((size_t)m + 1, sizeof *rowmap);
    rowof = fk_calloc((size_t)m + 1, sizeof *rowof);
    if (!cols || !rowmap || !rowof)
        goto done;
    for (p = 0; p < m; p++)
        if (head[p] < n)
            cols[k++] = head[p];
    for (i = 0; i < m; i++) {
        if (stat[n + i] == LP_BASIC) {
            rowmap[i] = -1;
        } else {
            rowmap[i] = kr;
            rowof[kr++] = i;
        }
    }
    rc = 0;
    if (kr != k) {
        if (verbose)
            fprintf(stderr, "simplex: start basis inconsistent: %ld structurals, %ld rows\n", k, kr);
        goto done;
    }
    r = bsolve_new(&bs, lp, cols, rowmap, k);
    tm[0] = fk_now_sec();
    if (r && verbose)
        fprintf(stderr, "simplex: start basis core %s\n",
                r == 1 ? "singular" : r == 2 ? "above the p-adic size limit" : "too big for memory");
    if (r) {
        rc = r < 0 ? -1 : 0;
        goto done;
    }
    rc = -1;
    b = fk_qarr_new(k + 1);
    xs = fk_qarr_new(k + 1);
    cs = fk_qarr_new(k + 1);
    yr = fk_qarr_new(k + 1);
    if (!b || !xs || !cs || !yr)
        goto done;
    /* core rhs: s_i (nonbasic logical) minus the nonbasic structurals */
    for (t = 0; t < k; t++)
        mpq_set(b[t], x[n + rowof[t]]);
    for (j = 0; j < n; j++) {
        if (stat[j] == LP_BASIC || !mpq_sgn(x[j]))
            continue;
        for (q = lp->cbeg[j]; q < lp->cbeg[j + 1]; q++)
            if (rowmap[lp->ridx[q]] >= 0) {
                mpq_mul(tq, lp->val[q], x[j]);
                mpq_sub(b[rowmap[lp->ridx[q]]], b[rowmap[lp->ridx[q]]], tq);
            }
    }
    /* duals' rhs c_B; y = 0 on rows with a basic logical */
    for (t = 0; t < k; t++) {
        mpq_set(cs[t], lp->obj[cols[t]]);
        if (lp->sense == LP_MAX)
            mpq_neg(cs[t], cs[t]);
    }
    ys.bs = bs;
    ys.y = yr;
    ys.c = cs;
    ys.r = 0;
    ys.secs = 0;
    threaded = k >= beval_thread_k && pthread_create(&yt, NULL, ysolve_run, &ys) == 0;
    r = bsolve_solve(bs, xs, b);
    tm[1] = fk_now_sec();
    if (r) {
        rc = r < 0 ? -1 : 0;
        goto done;
    }
    for (t = 0; t < k; t++)
        mpq_set(x[cols[t]], xs[t]);
    /* basic logicals: s_i = a_i^T x */
    for (i = 0; i < m; i++)
        if (rowmap[i] < 0)
            mpq_set_ui(x[n + i], 0, 1);
    for (j = 0; j < n; j++) {
        if (!mpq_sgn(x[j]))
            continue;
        for (q = lp->cbeg[j]; q < lp->cbeg[j + 1]; q++)
            if (rowmap[lp->ridx[q]] < 0) {
                mpq_mul(tq, lp->val[q], x[j]);
                mpq_add(x[n + lp->ridx[q]], x[n + lp->ridx[q]], tq);
            }
    }
    rc = 0;
    tm[2] = fk_now_sec();
    e->primal_feasible = 1;
    for (p = 0; p < m; p++)
        if (infeas_sign(lp, x[head[p]], head[p])) {
            e->primal_feasible = feasible = 0;
            if (!full)
                goto done;
        }
    /* duals: A_core^T y_core = c_B */
    if (threaded) {
        pthread_join(yt, NULL);
        threaded = 0;
        r = ys.r;
        ysecs = ys.secs;
    } else {
        r = bsolve_solve_t(bs, yr, cs);
        ysecs = fk_now_sec() - tm[2];
    }
    tm[3] = fk_now_sec();
    if (r) {
        rc = r < 0 ? -1 : 0;
        goto done;
    }
    for (i = 0; i < m; i++)
        mpq_set_ui(e->y[i], 0, 1);
    for (t = 0; t < k; t++)
        mpq_set(e->y[rowof[t]], yr[t]);
    r = dual_signs(e, lp, full);
    if (r < 0) {
        rc = -1;
        goto done;
    }
    e->dual_feasible = r;
    if (r == 0)
        feasible = 0;
    tm[4] = fk_now_sec();
    e->evaluated = 1;
    e->optimal = feasible;
done:
    if (threaded) /* left early: the dual solve's result is not needed */
        pthread_join(yt, NULL);
    if (verbose)
        fprintf(stderr, "simplex: start basis (core %ld) %s by p-adic solve, %.2f s\n", k,
                e->optimal ? "verified optimal" : rc == 0 ? "not optimal" : "failed",
                fk_now_sec() - t0);
    if (verbose && tm[4] > 0)
        fprintf(stderr, "simplex: p-adic: factor %.2f s, x %.2f s, basic rows %.2f s, y %.2f s%s, "
                "reduced costs %.2f s\n", tm[0] - t0, tm[1] - tm[0], tm[2] - tm[1],
                ysecs, k >= beval_thread_k ? " (beside x, on a second thread)" : "", tm[4] - tm[3]);
    bsolve_free(bs);
    fk_qarr_free(b, k + 1);
    fk_qarr_free(xs, k + 1);
    fk_qarr_free(cs, k + 1);
    fk_qarr_free(yr, k + 1);
    free(cols);
    free(rowmap);
    free(rowof);
    mpq_clear(tq);
    return rc;
}

void beval_init(beval *e)
{
    memset(e, 0, sizeof *e);
}

void beval_clear(beval *e)
{
    fk_qarr_free(e->w, e->m + e->n);
    fk_qarr_free(e->y, e->m);
    free(e->d);
    lp_basis_clear(&e->basis);
    memset(e, 0, sizeof *e);
}

fk_status beval_basis(beval *e, const lp_model *lp, const lp_basis *b,
                      int full, int verbose, fk_err *err)
{
    long m = lp->m, n = lp->n;
    if (!lp->finalized)
        return fk_fail(err, FK_EINVAL, NULL, "model not finalized");
    if (b->m != m || b->n != n)
        return fk_fail(err, FK_EINVAL, NULL, "start basis has the wrong size");
    beval_clear(e);
    e->m = m;
    e->n = n;
    e->w = fk_qarr_new(n + m);
    e->y = fk_qarr_new(m);
    e->d = fk_calloc((size_t)(n + m) + 1, sizeof *e->d);
    if (!e->w || !e->y || !e->d || lp_basis_init(&e->basis, m, n) ||
        normalise(e, lp, b) || evaluate(e, lp, full, verbose)) {
        beval_clear(e);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    return FK_OK;
}

fk_status beval_answer(lp_answer *res, const beval *e, const lp_model *lp,
                       fk_err *err)
{
    long m = lp->m, n = lp->n, j;
    lp_answer_clear(res);
    lp_answer_init(res);
    res->m = m;
    res->n = n;
    res->x = fk_qarr_new(n);
    res->y = fk_qarr_new(m);
    res->ray = fk_qarr_new(n);
    if (!res->x || !res->y || !res->ray || lp_basis_init(&res->basis, m, n))
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    res->status = LP_OPTIMAL;
    for (j = 0; j < n; j++)
        mpq_set(res->x[j], e->w[j]);
    for (j = 0; j < m; j++)
        mpq_set(res->y[j], e->y[j]);
    for (j = 0; j < m; j++)
        res->basis.head[j] = e->basis.head[j];
    for (j = 0; j < n + m; j++)
        res->basis.stat[j] = e->basis.stat[j];
    lp_objective(res->objval, lp, res->x);
    return FK_OK;
}
