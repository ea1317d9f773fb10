/* fast.c: real-precision bounded-variable revised simplex (see fast.h).
 *
 * Notation as in spx.c: w = (x, s), K = [A -I], K w = 0, l <= w <= u, the
 * basis head[0..m-1], B = K[:, head], B w_B = -sum_{j nonbasic} K_j w_j.
 * Everything here works on the scaled model
 *     A' = R A C (R, C diagonal powers of two),  x' = C^{-1} x,  s' = R s,
 * which has the same bases as the original, so the basis handed back needs
 * no unscaling.  Powers of two make the scaling itself exact in real.
 *
 * B^{-1} = E_k ... E_1 (L U)^{-1}: a sparse Markowitz LU (flu.h) plus an
 * eta file of product-form updates, refactorised every FAST_REFACTOR
 * updates or when an update looks unstable. */
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
#include <time.h>

#define FAST_REFACTOR 64

typedef struct {
    long m, n, N;
    /* scaled A, CSC */
    long *cbeg, *ridx;
    real *val;
    double *rs, *cs;        /* row / column scale factors (powers of 2) */
    real *lo, *up, *c;      /* N, +-HUGE_VAL for infinite */
    real cscale;            /* costs divided by this (max |c|) */
    long *head, *pos;         /* m, N */
    unsigned char *stat;      /* N */
    real *x;                /* N */

    flu lu;                   /* sparse LU of the last refactored basis */
    long *dep_pos, *dep_row;  /* m: dependent columns found by flu */
    /* eta file */
    long ne, nealloc, nv, nvalloc;
    long *ep, *ebeg, *ei;
    real *ev;
    long updates;

    real *w1, *w2;          /* m work vectors */
    real *lo0, *up0;        /* N: bounds before perturbation, or NULL */
    unsigned long long rng;
    real *d;                /* N reduced costs */
    real *dw;               /* N devex reference weights */
    real *arow, *rho;       /* N pivot row, m its btran vector */
    long *alist, na;          /* nonzero positions of arow */
    long *rbeg, *cidx;        /* scaled A by rows (pivot rows from sparse rho) */
    real *rval;
    int need_full;            /* d must be recomputed from scratch */
    signed char *psign;       /* m: phase-1 cost of each position */
    long nfactor, nunstable;  /* refactorisations, of them forced */
    long flips;               /* bound flips in the dual ratio test */
} fws;

static double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

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

/* mpq -> binary128, correctly truncated to 113 bits of each of numerator
 * and denominator (their quotient is then within a few ulps): digits
 * taken 50 bits at a time, each exact in a double. */
static __float128 z_get_q(const mpz_t z, long *e)
{
    mpz_t t, c;
    long sh = (long)mpz_sizeinbase(z, 2) - 150;
    __float128 r = 0;
    int k;
    mpz_inits(t, c, NULL);
    if (sh > 0)
        mpz_tdiv_q_2exp(t, z, (mp_bitcnt_t)sh);
    else
        mpz_set(t, z);
    if (sh < 0)
        sh = 0;
    for (k = 2; k >= 0; k--) {
        mpz_tdiv_q_2exp(c, t, (mp_bitcnt_t)(50 * k));
        mpz_tdiv_r_2exp(c, c, 50);
        if (mpz_sgn(t) < 0)
            mpz_neg(c, c), mpz_tdiv_r_2exp(c, c, 50), mpz_neg(c, c);
        r = r * 1125899906842624.0 /* 2^50 */ + (__float128)mpz_get_d(c);
    }
    mpz_clears(t, c, NULL);
    *e = sh;
    return r;
}

__float128 fk_mpq_get_q(const mpq_t v)
{
    long en, ed, e;
    __float128 r;
    if (!mpq_sgn(v))
        return 0;
    r = z_get_q(mpq_numref(v), &en) / z_get_q(mpq_denref(v), &ed);
    for (e = en - ed; e > 0; e -= e > 60 ? 60 : e)
        r *= (__float128)(double)(1ULL << (e > 60 ? 60 : e));
    for (e = ed - en; e > 0; e -= e > 60 ? 60 : e)
        r /= (__float128)(double)(1ULL << (e > 60 ? 60 : e));
    return r;
}
#endif

static void fws_clear(fws *w)
{
    free(w->cbeg); free(w->ridx); free(w->val);
    free(w->rs); free(w->cs);
    free(w->lo); free(w->up); free(w->c);
    free(w->head); free(w->pos); free(w->stat); free(w->x);
    flu_clear(&w->lu); free(w->dep_pos); free(w->dep_row);
    free(w->ep); free(w->ebeg); free(w->ei); free(w->ev);
    free(w->w1); free(w->w2); free(w->d);
    free(w->dw); free(w->arow); free(w->rho); free(w->alist);
    free(w->rbeg); free(w->cidx); free(w->rval);
    free(w->lo0); free(w->up0); free(w->psign);
}

/* Round to the nearest power of two (in the log sense), so that scaling
 * by it is exact. */
static double pow2_round(double s)
{
    int e;
    if (!(s > 0) || !isfinite(s))
        return 1.0;
    frexp(s * 1.4142135623730951, &e); /* s*sqrt2 in [2^(e-1), 2^e) */
    return ldexp(1.0, e - 1);
}

/* Geometric scaling: a few passes of r_i = 1/sqrt(min_j |a_ij| max_j |a_ij|)
 * and likewise for columns, rounded to powers of two. */
static void scale(fws *w, const double *a0, double *rmin, double *rmax)
{
    long m = w->m, n = w->n, i, j, k, pass;
    for (i = 0; i < m; i++)
        w->rs[i] = 1.0;
    for (j = 0; j < n; j++)
        w->cs[j] = 1.0;
    for (pass = 0; pass < 6; pass++) {
        for (i = 0; i < m; i++) {
            rmin[i] = HUGE_VAL;
            rmax[i] = 0;
        }
        for (j = 0; j < n; j++)
            for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++) {
                double v = fabs(a0[k]) * w->rs[w->ridx[k]] * w->cs[j];
                i = w->ridx[k];
                if (v < rmin[i]) rmin[i] = v;
                if (v > rmax[i]) rmax[i] = v;
            }
        for (i = 0; i < m; i++)
            if (rmax[i] > 0)
                w->rs[i] /= sqrt(rmin[i] * rmax[i]);
        for (j = 0; j < n; j++) {
            double cmin = HUGE_VAL, cmax = 0;
            for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++) {
                double v = fabs(a0[k]) * w->rs[w->ridx[k]] * w->cs[j];
                if (v < cmin) cmin = v;
                if (v > cmax) cmax = v;
            }
            if (cmax > 0)
                w->cs[j] /= sqrt(cmin * cmax);
        }
    }
    for (i = 0; i < m; i++)
        w->rs[i] = pow2_round(w->rs[i]);
    for (j = 0; j < n; j++)
        w->cs[j] = pow2_round(w->cs[j]);
}

static int fws_init(fws *w, const lp_model *lp, int do_scale)
{
    long m = lp->m, n = lp->n, N = m + n, j, i, k;
    double *a0 = NULL, *t1 = NULL, *t2 = NULL;
    real cmax = 0;
    memset(w, 0, sizeof *w);
    w->m = m;
    w->n = n;
    w->N = N;
    w->cbeg = fk_calloc((size_t)n + 1, sizeof *w->cbeg);
    w->ridx = fk_calloc((size_t)lp->nnz + 1, sizeof *w->ridx);
    w->val = fk_calloc((size_t)lp->nnz + 1, sizeof *w->val);
    w->rs = fk_calloc((size_t)m + 1, sizeof *w->rs);
    w->cs = fk_calloc((size_t)n + 1, sizeof *w->cs);
    w->lo = fk_calloc((size_t)N + 1, sizeof *w->lo);
    w->up = fk_calloc((size_t)N + 1, sizeof *w->up);
    w->c = fk_calloc((size_t)N + 1, sizeof *w->c);
    w->head = fk_calloc((size_t)m + 1, sizeof *w->head);
    w->pos = fk_calloc((size_t)N + 1, sizeof *w->pos);
    w->stat = fk_calloc((size_t)N + 1, 1);
    w->x = fk_calloc((size_t)N + 1, sizeof *w->x);
    flu_init(&w->lu);
    w->dep_pos = fk_calloc((size_t)m + 1, sizeof *w->dep_pos);
    w->dep_row = fk_calloc((size_t)m + 1, sizeof *w->dep_row);
    w->w1 = fk_calloc((size_t)m + 1, sizeof *w->w1);
    w->w2 = fk_calloc((size_t)m + 1, sizeof *w->w2);
    w->d = fk_calloc((size_t)N + 1, sizeof *w->d);
    w->dw = fk_calloc((size_t)N + 1, sizeof *w->dw);
    w->arow = fk_calloc((size_t)N + 1, sizeof *w->arow);
    w->alist = fk_calloc((size_t)N + 1, sizeof *w->alist);
    w->rho = fk_calloc((size_t)m + 1, sizeof *w->rho);
    w->psign = fk_calloc((size_t)m + 1, sizeof *w->psign);
    w->rbeg = fk_calloc((size_t)m + 2, sizeof *w->rbeg);
    w->cidx = fk_calloc((size_t)lp->nnz + 1, sizeof *w->cidx);
    w->rval = fk_calloc((size_t)lp->nnz + 1, sizeof *w->rval);
    if (!w->cbeg || !w->ridx || !w->val || !w->rs || !w->cs || !w->lo ||
        !w->up || !w->c || !w->head || !w->pos || !w->stat || !w->x ||
        !w->dep_pos || !w->dep_row || !w->w1 || !w->w2 || !w->d ||
        !w->dw || !w->arow || !w->alist || !w->rho || !w->psign || !w->rbeg || !w->cidx || !w->rval)
        return -1;
    a0 = fk_calloc((size_t)lp->nnz + 1, sizeof *a0);
    t1 = fk_calloc((size_t)m + 1, sizeof *t1);
    t2 = fk_calloc((size_t)m + 1, sizeof *t2);
    if (!a0 || !t1 || !t2) {
        free(a0); free(t1); free(t2);
        return -1;
    }
    for (j = 0; j <= n; j++)
        w->cbeg[j] = lp->cbeg[j];
    for (k = 0; k < lp->nnz; k++) {
        w->ridx[k] = lp->ridx[k];
        a0[k] = mpq_get_d(lp->val[k]);
    }
    if (do_scale) {
        scale(w, a0, t1, t2);
    } else {
        for (i = 0; i < m; i++) w->rs[i] = 1.0;
        for (j = 0; j < n; j++) w->cs[j] = 1.0;
    }
    for (j = 0; j < n; j++)
        for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++)
            w->val[k] = R_GET(lp->val[k]) * w->rs[w->ridx[k]] * w->cs[j];
    /* the same matrix by rows */
    for (k = 0; k < lp->nnz; k++)
        w->rbeg[w->ridx[k] + 2]++;
    for (i = 0; i < m; i++)
        w->rbeg[i + 2] += w->rbeg[i + 1];
    for (j = 0; j < n; j++)
        for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++) {
            long q = w->rbeg[w->ridx[k] + 1]++;
            w->cidx[q] = j;
            w->rval[q] = w->val[k];
        }
    for (j = 0; j < N; j++)
        w->dw[j] = 1.0;
    for (j = 0; j < n; j++) {
        w->lo[j] = lp->clo_fin[j] ? R_GET(lp->clo[j]) / w->cs[j] : -HUGE_VAL;
        w->up[j] = lp->chi_fin[j] ? R_GET(lp->chi[j]) / w->cs[j] : HUGE_VAL;
        w->c[j] = R_GET(lp->obj[j]) * w->cs[j];
        if (lp->sense == LP_MAX)
            w->c[j] = -w->c[j];
        if (RABS(w->c[j]) > cmax)
            cmax = RABS(w->c[j]);
    }
    /* costs normalised to max 1 so that one dual tolerance fits all */
    w->cscale = cmax > 0 ? cmax : 1.0;
    for (j = 0; j < n; j++)
        w->c[j] /= w->cscale;
    for (i = 0; i < m; i++) {
        w->lo[n + i] = lp->rlo_fin[i] ? R_GET(lp->rlo[i]) * w->rs[i] : -HUGE_VAL;
        w->up[n + i] = lp->rhi_fin[i] ? R_GET(lp->rhi[i]) * w->rs[i] : HUGE_VAL;
    }
    free(a0);
    free(t1);
    free(t2);
    return 0;
}

/* ---------- factorisation ---------- */

/* Put nonbasic j at a bound (its preferred one if finite). */
static void rest(fws *w, long j, int prefer)
{
    if (prefer == LP_AT_UP && w->up[j] < HUGE_VAL)
        w->stat[j] = LP_AT_UP;
    else if (w->lo[j] > -HUGE_VAL)
        w->stat[j] = LP_AT_LO;
    else if (w->up[j] < HUGE_VAL)
        w->stat[j] = LP_AT_UP;
    else
        w->stat[j] = LP_AT_ZERO;
    w->x[j] = w->stat[j] == LP_AT_LO ? w->lo[j]
            : w->stat[j] == LP_AT_UP ? w->up[j] : 0.0;
    w->pos[j] = -1;
}

/* Sparse LU of B.  A column found dependent on the others is replaced by
 * the logical of a row left without a pivot (flu.h), as the exact phase
 * repairs a singular start basis.  Returns -1 when memory runs out. */
static int factor(fws *w)
{
    long t, nd;
    if (flu_factor(&w->lu, w->m, w->n, w->cbeg, w->ridx, w->val, w->head,
                   w->dep_pos, w->dep_row, &nd))
        return -1;
    for (t = 0; t < nd; t++) {
        long k = w->dep_pos[t], lj = w->n + w->dep_row[t], old = w->head[k];
        if (w->pos[old] == k)
            rest(w, old, LP_AT_LO);
        w->head[k] = lj;
        w->pos[lj] = k;
        w->stat[lj] = LP_BASIC;
    }
    w->ne = 0;
    w->nv = 0;
    w->updates = 0;
    return 0;
}

/* v = B^{-1} v: v is indexed by rows on entry, by positions on exit. */
static void ftran(fws *w, real *v)
{
    long k, q;
    flu_ftran(&w->lu, v);
    for (k = 0; k < w->ne; k++) {
        long p = w->ep[k], b = w->ebeg[k];
        if (v[p] == 0)
            continue;
        v[p] /= w->ev[b];
        for (q = b + 1; q < w->ebeg[k + 1]; q++)
            v[w->ei[q]] -= w->ev[q] * v[p];
    }
}

/* u = B^{-T} u: u indexed by positions on entry, by rows on exit. */
static void btran(fws *w, real *u)
{
    long k, q;
    for (k = w->ne - 1; k >= 0; k--) {
        long p = w->ep[k], b = w->ebeg[k];
        real s = u[p];
        for (q = b + 1; q < w->ebeg[k + 1]; q++)
            s -= w->ev[q] * u[w->ei[q]];
        u[p] = s / w->ev[b];
    }
    flu_btran(&w->lu, u);
}

static int eta_push(fws *w, const real *alpha, long p)
{
    long i, need = w->nv + w->m + 1;
    if (need > w->nvalloc) {
        long cap = w->nvalloc ? w->nvalloc : 1024;
        real *nv;
        long *ni;
        while (cap < need)
            cap *= 2;
        if (!(nv = fk_realloc(w->ev, (size_t)cap, sizeof *nv)))
            return -1;
        w->ev = nv;
        if (!(ni = fk_realloc(w->ei, (size_t)cap, sizeof *ni)))
            return -1;
        w->ei = ni;
        w->nvalloc = cap;
    }
    if (w->ne + 2 > w->nealloc) {
        long cap = w->nealloc ? 2 * w->nealloc : 128, *a;
        if (!(a = fk_realloc(w->ep, (size_t)cap, sizeof *a)))
            return -1;
        w->ep = a;
        if (!(a = fk_realloc(w->ebeg, (size_t)cap + 1, sizeof *a)))
            return -1;
        w->ebeg = a;
        w->nealloc = cap;
    }
    w->ep[w->ne] = p;
    w->ebeg[w->ne] = w->nv;
    w->ev[w->nv] = alpha[p];
    w->ei[w->nv++] = p;
    for (i = 0; i < w->m; i++)
        if (i != p && RABS(alpha[i]) > TOL_DROP) {
            w->ev[w->nv] = alpha[i];
            w->ei[w->nv++] = i;
        }
    w->ne++;
    w->ebeg[w->ne] = w->nv;
    w->updates++;
    return 0;
}

/* v += f K_j (v indexed by rows). */
static void add_col(const fws *w, real *v, long j, real f)
{
    long k;
    if (j >= w->n) {
        v[j - w->n] -= f;
        return;
    }
    for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++)
        v[w->ridx[k]] += w->val[k] * f;
}

static void load_col(const fws *w, real *v, long j)
{
    memset(v, 0, (size_t)w->m * sizeof *v);
    add_col(w, v, j, 1.0);
}

static real dot_col(const fws *w, const real *pi, long j)
{
    long k;
    real s = 0;
    if (j >= w->n)
        return -pi[j - w->n];
    for (k = w->cbeg[j]; k < w->cbeg[j + 1]; k++)
        s += pi[w->ridx[k]] * w->val[k];
    return s;
}

/* x_B recomputed from the nonbasic values. */
static void basic_values(fws *w)
{
    long j, p;
    real *r = w->w1;
    memset(r, 0, (size_t)w->m * sizeof *r);
    for (j = 0; j < w->N; j++)
        if (w->stat[j] != LP_BASIC && w->x[j] != 0)
            add_col(w, r, j, -w->x[j]);
    ftran(w, r);
    for (p = 0; p < w->m; p++)
        w->x[w->head[p]] = r[p];
}

/* Refactor, then x_B afresh. */
static int refresh(fws *w)
{
    if (factor(w))
        return -1;
    w->nfactor++;
    basic_values(w);
    w->need_full = 1;
    return 0;
}

/* The pivot row r of B^{-1} K over the nonbasic variables, into w->arow
 * (nonzeros listed in w->alist): rho = B^{-T} e_r, then rho^T K_j, summed
 * over the rows where rho is nonzero (rho is usually very sparse). */
static void pivot_row(fws *w, long r)
{
    long m = w->m, n = w->n, i, k, t;
    real *rho = w->rho;
    for (t = 0; t < w->na; t++)
        w->arow[w->alist[t]] = 0;
    w->na = 0;
    memset(rho, 0, (size_t)m * sizeof *rho);
    rho[r] = 1.0;
    btran(w, rho);
    for (i = 0; i < m; i++) {
        real ri = rho[i];
        if (RABS(ri) < TOL_DROP)
            continue;
        for (k = w->rbeg[i]; k < w->rbeg[i + 1]; k++) {
            long j = w->cidx[k];
            if (w->stat[j] == LP_BASIC)
                continue;
            if (w->arow[j] == 0)
                w->alist[w->na++] = j;
            w->arow[j] += ri * w->rval[k];
            if (w->arow[j] == 0)
                w->arow[j] = 1e-300; /* keep it listed */
        }
        if (w->stat[n + i] != LP_BASIC) {
            w->alist[w->na++] = n + i;
            w->arow[n + i] = -ri;
        }
    }
}

/* After the pivot (q enters at the position of lv, pivot element ar):
 * devex weights (Forrest-Goldfarb reference framework) and, in phase 2,
 * the reduced costs are updated from the pivot row. */
static void devex_update(fws *w, long q, long lv, real ar, int phase)
{
    long t;
    real wq = w->dw[q], td = w->d[q] / ar, big = 0;
    for (t = 0; t < w->na; t++) {
        long j = w->alist[t];
        real a = w->arow[j], v;
        if (j == q)
            continue;
        v = a / ar;
        v = v * v * wq;
        if (v > w->dw[j])
            w->dw[j] = v;
        if (w->dw[j] > big)
            big = w->dw[j];
        w->d[j] -= td * a;
    }
    w->dw[lv] = wq / (ar * ar) > 1.0 ? wq / (ar * ar) : 1.0;
    w->d[lv] = -td;
    w->d[q] = 0;
    /* weights grown out of proportion: a new reference framework */
    if (big > 1e8)
        for (t = 0; t < w->N; t++)
            w->dw[t] = 1.0;
}

/* -1 below its lower bound, +1 above its upper bound, else 0. */
static int infeas(const fws *w, long j)
{
    if (w->x[j] < w->lo[j] - TOL_PRIMAL)
        return -1;
    if (w->x[j] > w->up[j] + TOL_PRIMAL)
        return 1;
    return 0;
}

/* d_j = c_j - K_j^T pi with pi = B^{-T} c_B, for every nonbasic j. */
static void full_d(fws *w)
{
    long p, j;
    real *pi = w->w1;
    for (p = 0; p < w->m; p++)
        pi[p] = w->c[w->head[p]];
    btran(w, pi);
    for (j = 0; j < w->N; j++)
        w->d[j] = w->stat[j] == LP_BASIC ? 0.0 : w->c[j] - dot_col(w, pi, j);
    w->need_full = 0;
}

/* ---------- the dual simplex ---------- */

/* How far x_j lies outside [lo_j, up_j] (0 inside). */
static real violation(const fws *w, long j)
{
    return w->x[j] < w->lo[j] ? w->lo[j] - w->x[j]
         : w->x[j] > w->up[j] ? w->x[j] - w->up[j] : 0;
}

/* Boxed nonbasic j to its other bound; returns the change of x_j. */
static real flip_bound(fws *w, long j)
{
    real old = w->x[j];
    w->stat[j] = w->stat[j] == LP_AT_LO ? LP_AT_UP : LP_AT_LO;
    w->x[j] = w->stat[j] == LP_AT_LO ? w->lo[j] : w->up[j];
    return w->x[j] - old;
}

/* Whether nonbasic j, with pivot-row entry arow[j], can enter in the dual
 * ratio test: moving it off its bound pushes the leaving variable towards
 * its violated bound (below: its lower one), and it is not fixed. */
static int dual_candidate(const fws *w, long j, int below)
{
    real a = w->arow[j];
    int s = w->stat[j];
    if (RABS(a) < TOL_PIVOT || w->lo[j] == w->up[j])
        return 0;
    if (s == LP_AT_ZERO)
        return 1;
    return below ? (s == LP_AT_LO && a < 0) || (s == LP_AT_UP && a > 0)
                 : (s == LP_AT_LO && a > 0) || (s == LP_AT_UP && a < 0);
}

/* How far nonbasic j's reduced cost is on its dual feasible side: at a
 * lower bound d_j >= 0 is feasible, at an upper one d_j <= 0, and a free
 * variable (at zero) needs d_j = 0.  Negative: infeasible by that much. */
static real dual_slack(const fws *w, long j)
{
    int s = w->stat[j];
    return s == LP_AT_LO ? w->d[j] : s == LP_AT_UP ? -w->d[j] : -RABS(w->d[j]);
}

/* The dual simplex's own arrays. */
typedef struct {
    real *dse;        /* m: dual steepest-edge weights ||e_p^T B^{-1}||^2 */
    real *tau, *dx;   /* m: B^{-1} rho, and the flips' effect on x_B */
    long *cand;       /* N: ratio-test candidates, flipped ones first */
    real *rt;         /* N: their breakpoints */
    real *lo1, *up1;  /* N: the true bounds while phase 1 boxes them */
    real *c0;         /* N: the true costs (shifted ones are restored) */
    long nshift;      /* costs shifted so far */
} dws;

/* Refactor, then x_B and d afresh, then dual feasibility restored where
 * rounding lost it: a boxed variable on the wrong side flips to its other
 * bound (x_B recomputed), any other gets its cost shifted so that d_j = 0
 * (Harris's tolerance makes such shifts small; dual_phase takes them back
 * at the end and the primal simplex cleans up). */
static int dual_refresh(fws *w, dws *dv)
{
    long j;
    int flipped = 0;
    if (refresh(w))
        return -1;
    full_d(w);
    for (j = 0; j < w->N; j++) {
        if (w->stat[j] == LP_BASIC || w->lo[j] == w->up[j] || dual_slack(w, j) >= -TOL_DUAL)
            continue;
        if (w->lo[j] > -HUGE_VAL && w->up[j] < HUGE_VAL) {
            flip_bound(w, j);
            flipped = 1;
        } else {
            w->c[j] -= w->d[j];
            w->d[j] = 0;
            dv->nshift++;
        }
    }
    if (flipped)
        basic_values(w);
    return 0;
}

/* Nonbasic variables to the bound their reduced cost asks for, where a
 * finite bound allows (a free one rests at 0); then x_B afresh and d. */
static int dual_place(fws *w, dws *dv)
{
    long j;
    for (j = 0; j < w->N; j++)
        if (w->stat[j] != LP_BASIC)
            rest(w, j, w->d[j] < 0 && w->lo[j] != w->up[j] ? LP_AT_UP : LP_AT_LO);
    return dual_refresh(w, dv);
}

/* The bounded dual simplex from a dual feasible basis (within tolerances)
 * on the current bounds.  Pricing: the largest primal infeasibility
 * squared over its dual steepest-edge weight (exact weights, updated with
 * tau = B^{-1} rho; the slack basis starts them at 1, exactly right for
 * B = -I).  Ratio test: bound flipping (long step) with Harris's
 * tolerance: breakpoints are taken group by group (a group: those within
 * the Harris bound of the smallest), every boxed candidate of a passed
 * group flips to its other bound, as long as the leaving variable stays
 * infeasible; the entering one is the largest |alpha| of the last group.
 * Returns 0 at primal feasibility, 1 at a dual ray (the primal is then
 * infeasible, up to tolerances), 2 when it stops short (limits, an
 * unstable pivot twice), -1 when memory runs out. */
static int dual_loop(fws *w, dws *dv, const fast_opts *o, long *iters, long limit,
                     long give_up, double t0, const char *tag)
{
    long m = w->m, p, t, k, start_iters = *iters;
    int unstable = 0;
    real *alpha = w->w2;
    for (;;) {
        long r = -1, q = -1, lv, nc = 0, nf = 0;
        real best = 0, slope, theta_d, theta_p, target, ar, wr;
        int below;
        if (*iters >= limit || *iters - start_iters > give_up ||
            (o->time_limit > 0 && (*iters & 15) == 0 && now_sec() - t0 > o->time_limit))
            return 2;
        if (w->updates >= FAST_REFACTOR) {
            if (dual_refresh(w, dv))
                return -1;
        }
        for (p = 0; p < m; p++) {
            real v = violation(w, w->head[p]);
            if (v > TOL_PRIMAL && v * v > best * dv->dse[p]) {
                best = v * v / dv->dse[p];
                r = p;
            }
        }
        if (r < 0)
            return 0;
        lv = w->head[r];
        below = w->x[lv] < w->lo[lv];
        slope = violation(w, lv);
        pivot_row(w, r);
        for (t = 0; t < w->na; t++) {
            long j = w->alist[t];
            if (dual_candidate(w, j, below)) {
                real sl = dual_slack(w, j);
                dv->cand[nc] = j;
                dv->rt[nc++] = (sl > 0 ? sl : 0) / RABS(w->arow[j]);
            }
        }
        /* cand[0..nf) are passed (to flip), cand[nf..nc) remain; rt[k]
         * is cand[k]'s breakpoint, where its d_j reaches 0 */
        for (;;) {
            real tmax = HUGE_VAL, red = 0, amax = 0;
            for (k = nf; k < nc; k++) {
                real v = dv->rt[k] + TOL_DUAL / RABS(w->arow[dv->cand[k]]);
                if (v < tmax)
                    tmax = v;
            }
            if (tmax == HUGE_VAL)
                break; /* nothing left to block: a dual ray */
            for (k = nf; k < nc && red < HUGE_VAL; k++) {
                long j = dv->cand[k];
                if (dv->rt[k] > tmax)
                    continue;
                if (w->lo[j] > -HUGE_VAL && w->up[j] < HUGE_VAL)
                    red += RABS(w->arow[j]) * (w->up[j] - w->lo[j]);
                else
                    red = HUGE_VAL;
            }
            if (slope - red > TOL_PRIMAL) {
                /* the whole group is passed: move it to the flip part */
                slope -= red;
                for (k = nf; k < nc; k++)
                    if (dv->rt[k] <= tmax) {
                        long j = dv->cand[k];
                        real v = dv->rt[k];
                        dv->cand[k] = dv->cand[nf];
                        dv->rt[k] = dv->rt[nf];
                        dv->cand[nf] = j;
                        dv->rt[nf++] = v;
                    }
                continue;
            }
            for (k = nf; k < nc; k++) {
                real a = RABS(w->arow[dv->cand[k]]);
                if (dv->rt[k] <= tmax && a > amax) {
                    amax = a;
                    q = dv->cand[k];
                }
            }
            break;
        }
        if (q < 0)
            return 1;
        ar = w->arow[q];
        load_col(w, alpha, q);
        ftran(w, alpha);
        if (RABS(alpha[r] - ar) > 1e-6 * (1 + RABS(alpha[r]))) {
            w->nunstable++;
            if (++unstable > 1)
                return 2;
            if (dual_refresh(w, dv))
                return -1;
            continue;
        }
        unstable = 0;
        /* the flips: x_B moves by -B^{-1} sum_j K_j dx_j */
        if (nf > 0) {
            memset(dv->dx, 0, (size_t)m * sizeof *dv->dx);
            for (k = 0; k < nf; k++)
                add_col(w, dv->dx, dv->cand[k], flip_bound(w, dv->cand[k]));
            ftran(w, dv->dx);
            for (p = 0; p < m; p++)
                if (dv->dx[p] != 0)
                    w->x[w->head[p]] -= dv->dx[p];
            w->flips += nf;
        }
        target = below ? w->lo[lv] : w->up[lv];
        theta_p = (w->x[lv] - target) / alpha[r];
        for (p = 0; p < m; p++)
            if (alpha[p] != 0)
                w->x[w->head[p]] -= theta_p * alpha[p];
        w->x[q] += theta_p;
        /* Harris's tolerance lets d_q sit slightly on the wrong side of
         * 0; a step then taken backwards would spoil the dual feasibility
         * of every other candidate, so it is 0 instead (d_q's small error
         * is dropped as q becomes basic) */
        theta_d = w->d[q] / alpha[r];
        if (below ? theta_d > 0 : theta_d < 0)
            theta_d = 0;
        for (t = 0; t < w->na; t++) {
            long j = w->alist[t];
            if (j != q)
                w->d[j] -= theta_d * w->arow[j];
        }
        /* dual steepest edge: row p of the new B^{-1} is
         * rho_p - (alpha_p / alpha_r) rho_r */
        wr = 0;
        for (p = 0; p < m; p++)
            wr += w->rho[p] * w->rho[p];
        memcpy(dv->tau, w->rho, (size_t)m * sizeof *dv->tau);
        ftran(w, dv->tau);
        for (p = 0; p < m; p++)
            if (p != r && alpha[p] != 0) {
                real kp = alpha[p] / alpha[r], v;
                v = dv->dse[p] + kp * (kp * wr - 2 * dv->tau[p]);
                dv->dse[p] = v > 1e-6 ? v : 1e-6;
            }
        dv->dse[r] = wr / (alpha[r] * alpha[r]);
        if (dv->dse[r] < 1e-6)
            dv->dse[r] = 1e-6;
        if (eta_push(w, alpha, r))
            return -1;
        w->stat[lv] = below ? LP_AT_LO : LP_AT_UP;
        w->x[lv] = target;
        w->pos[lv] = -1;
        w->d[lv] = -theta_d;
        w->d[q] = 0;
        w->head[r] = q;
        w->pos[q] = r;
        w->stat[q] = LP_BASIC;
        (*iters)++;
        if (RABS(alpha[r]) < 1e-7) {
            if (dual_refresh(w, dv))
                return -1;
        }
        if (o->verbose && *iters % 500 == 0) {
            real sinf = 0, obj = 0;
            long j;
            for (p = 0; p < m; p++)
                sinf += violation(w, w->head[p]);
            for (j = 0; j < w->N; j++)
                obj += w->c[j] * w->x[j];
            /* the dual objective (scaled), nondecreasing but for shifts */
            fprintf(stderr, "fast: %s, %ld iterations, LU %ld, primal infeasibility %.10g, objective %.12g, %.2f s\n",
                    tag, *iters, w->lu.nnz_lu, (double)sinf, (double)obj, now_sec() - t0);
        }
    }
}

/* Dual phase (from the slack basis).  Phase 1, only when some variable
 * without a finite bound on the side its reduced cost asks for is dual
 * infeasible: the dual simplex on the auxiliary problem whose bounds are
 * boxes [0,1], [-1,0], [-1,1] for variables with only a lower, only an
 * upper, no bound, and [0,0] for boxed and fixed ones (all finite, so
 * every basis is dual feasible there; at its optimum the reduced costs
 * are as dual feasible as the true problem allows: Fourer's auxiliary
 * problem, Koberstein's thesis ch. 4).  Phase 2: the dual simplex on the
 * true bounds from there.  The primal simplex that follows finishes (a
 * few pivots when the dual ended optimal).  Returns 0 (or 1 at a dual
 * ray); 2 when it gave up (past 30m + 1000 iterations, or an unstable
 * pivot twice), the basis to be discarded; -1: out of memory.  (pilot87
 * needs 6.7m iterations; the guard is for hopeless runs only.) */
static int dual_phase(fws *w, const fast_opts *o, long *iters, long limit, double t0)
{
    long m = w->m, N = w->N, j, p, start_iters = *iters, give_up = 30 * m + 1000;
    int rc = -1, need = 0;
    dws dv;
    dv.dse = fk_calloc((size_t)m + 1, sizeof *dv.dse);
    dv.tau = fk_calloc((size_t)m + 1, sizeof *dv.tau);
    dv.dx = fk_calloc((size_t)m + 1, sizeof *dv.dx);
    dv.cand = fk_calloc((size_t)N + 1, sizeof *dv.cand);
    dv.rt = fk_calloc((size_t)N + 1, sizeof *dv.rt);
    dv.lo1 = fk_calloc((size_t)N + 1, sizeof *dv.lo1);
    dv.up1 = fk_calloc((size_t)N + 1, sizeof *dv.up1);
    dv.c0 = fk_calloc((size_t)N + 1, sizeof *dv.c0);
    dv.nshift = 0;
    if (!dv.dse || !dv.tau || !dv.dx || !dv.cand || !dv.rt || !dv.lo1 || !dv.up1 || !dv.c0)
        goto out;
    memcpy(dv.c0, w->c, (size_t)N * sizeof *w->c);
    for (p = 0; p < m; p++)
        dv.dse[p] = 1.0;
    full_d(w);
    for (j = 0; j < N; j++)
        if (w->stat[j] != LP_BASIC &&
            ((w->lo[j] == -HUGE_VAL && w->d[j] > TOL_DUAL) ||
             (w->up[j] == HUGE_VAL && w->d[j] < -TOL_DUAL)))
            need = 1;
    if (need) {
        memcpy(dv.lo1, w->lo, (size_t)N * sizeof *w->lo);
        memcpy(dv.up1, w->up, (size_t)N * sizeof *w->up);
        for (j = 0; j < N; j++) {
            int fl = w->lo[j] > -HUGE_VAL, fu = w->up[j] < HUGE_VAL;
            w->lo[j] = fl ? 0 : -1;
            w->up[j] = fu ? 0 : 1;
        }
        if (dual_place(w, &dv))
            goto restore;
        rc = dual_loop(w, &dv, o, iters, limit, give_up, t0, "dual phase 1");
    restore:
        memcpy(w->lo, dv.lo1, (size_t)N * sizeof *w->lo);
        memcpy(w->up, dv.up1, (size_t)N * sizeof *w->up);
        if (rc != 0)
            goto out;
        if (o->verbose)
            fprintf(stderr, "fast: dual phase 1 done after %ld iterations, %.2f s\n",
                    *iters - start_iters, now_sec() - t0);
    }
    if (dual_place(w, &dv)) {
        rc = -1;
        goto out;
    }
    rc = dual_loop(w, &dv, o, iters, limit, give_up - (*iters - start_iters), t0, "dual");
out:
    if (dv.nshift > 0) {
        memcpy(w->c, dv.c0, (size_t)N * sizeof *w->c);
        w->need_full = 1;
    }
    if (o->verbose)
        fprintf(stderr, "fast: dual phase %s after %ld iterations (%ld cost shifts), %.2f s\n",
                rc < 0 ? "failed" : rc == 1 ? "found a dual ray" : rc == 2 ? "abandoned" : "done",
                *iters - start_iters, dv.nshift, now_sec() - t0);
    free(dv.dse); free(dv.tau); free(dv.dx); free(dv.cand); free(dv.rt); free(dv.lo1); free(dv.up1); free(dv.c0);
    return rc;
}

/* Degeneracy: after a long run of steps of length 0 every finite bound is
 * moved outwards by a small random amount (relative 1e-6 at most), which
 * breaks the ties that let the simplex stall or cycle.  The original
 * bounds come back when the perturbed problem is solved, and the simplex
 * continues from there (usually a few pivots).  Only once per solve. */
static real rnd(fws *w)
{
    w->rng = w->rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (real)(w->rng >> 11) * (1.0 / 9007199254740992.0);
}

static void set_nonbasic_values(fws *w)
{
    long j;
    for (j = 0; j < w->N; j++)
        if (w->stat[j] != LP_BASIC)
            w->x[j] = w->stat[j] == LP_AT_LO ? w->lo[j]
                    : w->stat[j] == LP_AT_UP ? w->up[j] : 0.0;
}

static int perturb(fws *w)
{
    long j;
    w->lo0 = fk_calloc((size_t)w->N + 1, sizeof *w->lo0);
    w->up0 = fk_calloc((size_t)w->N + 1, sizeof *w->up0);
    if (!w->lo0 || !w->up0)
        return -1;
    for (j = 0; j < w->N; j++) {
        w->lo0[j] = w->lo[j];
        w->up0[j] = w->up[j];
        if (w->lo[j] == w->up[j])
            continue; /* fixed: a perturbation would free it */
        if (w->lo[j] > -HUGE_VAL)
            w->lo[j] -= (1e-7 + 1e-7 * RABS(w->lo[j])) * (1 + 9 * rnd(w));
        if (w->up[j] < HUGE_VAL)
            w->up[j] += (1e-7 + 1e-7 * RABS(w->up[j])) * (1 + 9 * rnd(w));
    }
    set_nonbasic_values(w);
    return 0;
}

static void unperturb(fws *w)
{
    memcpy(w->lo, w->lo0, (size_t)w->N * sizeof *w->lo);
    memcpy(w->up, w->up0, (size_t)w->N * sizeof *w->up);
    set_nonbasic_values(w);
}

/* The start basis: the caller's (positions in order, the rest at their
 * recorded bounds; a wrong size or a repeated or missing column falls back
 * to the slack basis), else all logicals with structurals at a bound. */
static void start(fws *w, const lp_basis *b)
{
    long m = w->m, n = w->n, j, p, cnt = 0;
    if (b && b->m == m && b->n == n) {
        for (j = 0; j < w->N; j++)
            w->pos[j] = -1;
        for (p = 0; p < m; p++) {
            j = b->head[p];
            if (j < 0 || j >= w->N || w->pos[j] >= 0)
                break;
            w->pos[j] = p;
            cnt++;
        }
    }
    if (cnt == m && b) {
        for (j = 0; j < w->N; j++)
            if (w->pos[j] < 0)
                rest(w, j, b->stat[j]);
        for (p = 0; p < m; p++) {
            w->head[p] = b->head[p];
            w->stat[b->head[p]] = LP_BASIC;
        }
        return;
    }
    for (p = 0; p < m; p++) {
        w->head[p] = n + p;
        w->pos[n + p] = p;
        w->stat[n + p] = LP_BASIC;
    }
    for (j = 0; j < n; j++)
        rest(w, j, LP_AT_LO);
}

/* A power of two near 1/v (v > 0), so that rescaling by it is exact. */
static double inv_pow2(double v)
{
    int e;
    frexp(v, &e);
    return ldexp(1.0, e < -1000 ? 1000 : e > 1000 ? -1000 : -e);
}

/* Bounds given by the caller (original units) replace the model's: the
 * refinement rounds of solve.c solve corrected problems over the same
 * matrix this way. */
static void override_bounds(fws *w, const fast_opts *o)
{
    long j, n = w->n;
    if (!o->lo || !o->up)
        return;
    for (j = 0; j < w->N; j++) {
        real sc = j < n ? 1.0 / w->cs[j] : w->rs[j - n];
        w->lo[j] = isfinite(o->lo[j]) ? o->lo[j] * sc : -HUGE_VAL;
        w->up[j] = isfinite(o->up[j]) ? o->up[j] * sc : HUGE_VAL;
    }
}

/* Costs given by the caller, after the start basis is in place.  In a
 * corrected problem the violations sit in the first basis: the basic
 * costs are 0 and the basic values 0 (the nonbasic bounds are 0), so the
 * violated bounds and wrong-signed costs are read off directly.  The
 * scaled model may still shrink them below the tolerances (columns with
 * tiny scale factors), so costs are divided by the largest violated one
 * and all bounds by the largest violated one (a common factor: the system
 * K w = 0 is homogeneous), both powers of two. */
static void override_costs(fws *w, const fast_opts *o)
{
    long j, n = w->n;
    real vd = 0, vp = 0, f;
    if (o->cost) {
        for (j = 0; j < w->N; j++) {
            int s = w->stat[j];
            real c = j < n ? o->cost[j] * w->cs[j] : o->cost[j] / w->rs[j - n];
            w->c[j] = c;
            if (s != LP_BASIC && w->lo[j] != w->up[j] &&
                ((s == LP_AT_LO && c < 0) || (s == LP_AT_UP && c > 0) ||
                 (s == LP_AT_ZERO && c != 0)) && RABS(c) > vd)
                vd = RABS(c);
        }
        w->cscale = 1.0;
        if (vd > 0) {
            f = inv_pow2(vd);
            w->cscale = 1.0 / f;
            for (j = 0; j < w->N; j++)
                w->c[j] *= f;
        }
    }
    if (o->lo && o->up) {
        for (j = 0; j < w->N; j++)
            if (w->stat[j] == LP_BASIC) {
                if (w->lo[j] > vp) vp = w->lo[j];
                if (-w->up[j] > vp) vp = -w->up[j];
            }
        if (vp > 0) {
            f = inv_pow2(vp);
            for (j = 0; j < w->N; j++) {
                w->lo[j] *= f;
                w->up[j] *= f;
                w->x[j] *= f;
            }
        }
    }
}

/* The step along which basic variable p (changing at rate per unit step)
 * reaches the bound that blocks it, each bound relaxed by tol; in phase 1
 * an infeasible variable is blocked by the bound it is moving towards.  0
 * when no bound blocks it (or its rate is below the pivot tolerance). */
static int primal_ratio(const fws *w, long p, real rate, int phase, real tol, real *t)
{
    long b = w->head[p];
    real xj = w->x[b];
    int inf;
    if (RABS(rate) < TOL_PIVOT)
        return 0;
    inf = phase == 1 ? infeas(w, b) : 0;
    if (rate > 0) {
        if (inf < 0)
            *t = (w->lo[b] - xj + tol) / rate;
        else if (inf == 0 && w->up[b] < HUGE_VAL)
            *t = (w->up[b] - xj + tol) / rate;
        else
            return 0;
    } else {
        if (inf > 0)
            *t = (xj - w->up[b] + tol) / -rate;
        else if (inf == 0 && w->lo[b] > -HUGE_VAL)
            *t = (xj - w->lo[b] + tol) / -rate;
        else
            return 0;
    }
    return 1;
}

fk_status fast_solve(fast_result *res, const lp_model *lp, const fast_opts *o,
                     fk_err *err)
{
    fws w;
    fast_opts defo;
    long m = lp->m, n = lp->n, N = m + n, j, p, iters = 0, limit;
    double t0 = now_sec();
    int phase = 0, perturbed = 0, last_phase = 0, merit_phase = 0;
    long last_r = -1, last_lv = -1;
    real best_merit = HUGE_VAL;
    long stall = 0;
    long degen_run = 0;
    fk_status st = FK_OK;

    if (!o) {
        fast_opts_default(&defo);
        o = &defo;
    }
    if (!lp->finalized)
        return fk_fail(err, FK_EINVAL, NULL, "model not finalized");
    fast_result_clear(res);
    if (lp_basis_init(&res->basis, m, n))
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    if (m == 0) {
        res->status = FAST_FAILED;
        return FK_OK;
    }
    if (fws_init(&w, lp, !o->no_scale)) {
        fws_clear(&w);
        /* too big for memory is not an error of the whole solve: the exact
         * path does not need the float phase */
        res->status = FAST_FAILED;
        return FK_OK;
    }
    limit = o->iter_limit > 0 ? o->iter_limit : 20 * N + 10000;
    override_bounds(&w, o);
    start(&w, o->start);
    override_costs(&w, o);
    res->status = FAST_FAILED;
    if (refresh(&w))
        goto done;
    /* from the slack basis, the dual simplex first (see dual_phase) */
    if (!o->start && !o->primal_only) {
        int dr = dual_phase(&w, o, &iters, limit, t0);
        if (dr < 0) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        if (dr == 2) {
            /* abandoned: the primal simplex from the slack basis */
            start(&w, NULL);
            if (refresh(&w))
                goto done;
        }
    }
    res->dual_iters = iters;
    for (;;) {
        long q = -1, r = -1;
        real best = 0, sigma, tmax, tstep, amax;
        real *pi = w.w1, *alpha = w.w2;
        int flip = 0, ninf = 0, fresh = 0, unstable = 0;
        real sinf = 0;

        if (w.updates >= FAST_REFACTOR && refresh(&w)) {
            res->status = FAST_FAILED;
            break;
        }
        if (iters >= limit) {
            res->status = FAST_ITER_LIMIT;
            break;
        }
        if (o->time_limit > 0 && (iters & 15) == 0 && now_sec() - t0 > o->time_limit) {
            res->status = FAST_TIME_LIMIT;
            break;
        }
        /* phase and basic costs */
        for (p = 0; p < m; p++) {
            int s = infeas(&w, w.head[p]);
            pi[p] = s;
            if (s) {
                ninf++;
                sinf += s > 0 ? w.x[w.head[p]] - w.up[w.head[p]]
                              : w.lo[w.head[p]] - w.x[w.head[p]];
            }
        }
        if (ninf == 0) {
            if (phase != 2)
                res->phase1_iters = iters - res->dual_iters;
            phase = 2;
            for (p = 0; p < m; p++)
                pi[p] = w.c[w.head[p]];
        } else {
            phase = 1;
        }
        if (o->verbose && iters % 500 == 0) {
            real obj = 0;
            for (j = 0; j < n; j++)
                obj += w.c[j] * w.x[j];
            fprintf(stderr, "fast: phase %d, %ld iterations, %ld factorisations (%ld forced), LU %ld, %s %.10g, %.2f s\n",
                    phase, iters, w.nfactor, w.nunstable, w.lu.nnz_lu, phase == 1 ? "infeasibility" : "objective",
                    (double)(phase == 1 ? sinf : obj * w.cscale * (lp->sense == LP_MAX ? -1 : 1)),
                    now_sec() - t0);
        }
        /* reduced costs: from scratch in phase 1 (its costs change as
         * variables become feasible) and after a refactorisation, else
         * as updated from the last pivot row */
        /* Phase 1's costs (+-1 on the infeasible basic variables) stay
         * put from one iteration to the next when only the leaving
         * variable changed its sign (it left the basis, its cost went to
         * 0, which shifts its own reduced cost by -sign and nothing else):
         * then the updated d is right.  Any other change recomputes. */
        if (phase == 1 && last_phase == 1 && !w.need_full) {
            int same = 1;
            for (p = 0; p < m && same; p++) {
                int s = (int)pi[p];
                if (p == last_r ? s != 0 : s != w.psign[p])
                    same = 0;
            }
            if (same && last_r >= 0)
                w.d[last_lv] -= w.psign[last_r];
            if (!same)
                w.need_full = 1;
        }
        if (phase == 1)
            for (p = 0; p < m; p++)
                w.psign[p] = (signed char)pi[p];
        last_r = -1;
        if (w.need_full || phase != last_phase) {
            btran(&w, pi);
            for (j = 0; j < N; j++)
                w.d[j] = w.stat[j] == LP_BASIC ? 0.0
                       : (phase == 2 ? w.c[j] : 0.0) - dot_col(&w, pi, j);
            w.need_full = 0;
            fresh = 1;
        }
        last_phase = phase;
        /* devex pricing: the largest d_j^2 / weight_j among improving j */
        for (j = 0; j < N; j++) {
            real dj = w.d[j], sc;
            int s = w.stat[j];
            if (s == LP_BASIC || w.lo[j] == w.up[j])
                continue;
            if ((s == LP_AT_LO && dj < -TOL_DUAL) || (s == LP_AT_UP && dj > TOL_DUAL) ||
                (s == LP_AT_ZERO && RABS(dj) > TOL_DUAL)) {
                sc = dj * dj / w.dw[j];
                if (sc > best) {
                    best = sc;
                    q = j;
                }
            }
        }
        if (q < 0 && !fresh) {
            /* confirm optimality with reduced costs computed afresh */
            w.need_full = 1;
            continue;
        }
        if (q < 0) {
            if (perturbed == 1) {
                /* solved with moved bounds: put them back and go on */
                unperturb(&w);
                perturbed = 2;
                if (o->verbose)
                    fprintf(stderr, "fast: bounds restored after %ld iterations\n", iters);
                if (refresh(&w))
                    break;
                continue;
            }
            res->status = phase == 2 ? FAST_OPTIMAL : FAST_INFEASIBLE;
            break;
        }
        sigma = w.d[q] < 0 ? 1.0 : -1.0;
        load_col(&w, alpha, q);
        ftran(&w, alpha);
        /* Harris pass 1: the largest step keeping every basic variable
         * within its bounds relaxed by the primal tolerance */
        tmax = HUGE_VAL;
        for (p = 0; p < m; p++) {
            real t;
            if (primal_ratio(&w, p, -sigma * alpha[p], phase, TOL_PRIMAL, &t) && t < tmax)
                tmax = t;
        }
        if (w.lo[q] > -HUGE_VAL && w.up[q] < HUGE_VAL && w.up[q] - w.lo[q] <= tmax) {
            flip = 1;
            tstep = w.up[q] - w.lo[q];
        } else if (tmax == HUGE_VAL) {
            res->status = phase == 2 ? FAST_UNBOUNDED : FAST_FAILED;
            break;
        } else {
            /* pass 2: among the ratios within tmax, the largest pivot */
            amax = 0;
            tstep = 0;
            for (p = 0; p < m; p++) {
                real t;
                if (!primal_ratio(&w, p, -sigma * alpha[p], phase, 0, &t))
                    continue;
                if (t <= tmax && RABS(alpha[p]) > amax) {
                    amax = RABS(alpha[p]);
                    r = p;
                    tstep = t < 0 ? 0 : t;
                }
            }
            if (r < 0) {
                res->status = FAST_FAILED;
                break;
            }
        }
        /* update values */
        if (tstep != 0) {
            for (p = 0; p < m; p++)
                if (alpha[p] != 0)
                    w.x[w.head[p]] -= sigma * alpha[p] * tstep;
            w.x[q] += sigma * tstep;
        }
        iters++;
        /* stalling: no step, or no progress of the phase's merit
         * (infeasibility sum, objective) for a long run of iterations */
        {
            real merit = 0;
            if (phase == 1) {
                merit = sinf;
            } else {
                for (j = 0; j < N; j++)
                    if (w.c[j] != 0)
                        merit += w.c[j] * w.x[j];
            }
            if (phase != merit_phase || merit < best_merit - 1e-9 * (1 + RABS(best_merit))) {
                best_merit = merit;
                merit_phase = phase;
                stall = 0;
            } else {
                stall++;
            }
        }
        degen_run = tstep == 0 ? degen_run + 1 : 0;
        if (!perturbed && (degen_run > 100 + w.m / 20 || stall > 500 + w.m / 5)) {
            if (perturb(&w)) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                break;
            }
            perturbed = 1;
            if (o->verbose)
                fprintf(stderr, "fast: %ld degenerate steps in a row, %ld without progress: bounds perturbed\n",
                        degen_run, stall);
            if (refresh(&w))
                break;
            continue;
        }
        if (flip) {
            w.stat[q] = sigma > 0 ? LP_AT_UP : LP_AT_LO;
            w.x[q] = sigma > 0 ? w.up[q] : w.lo[q];
            continue;
        }
        {
            long lv = w.head[r];
            int to_up;
            /* the leaving variable rests at the bound it has reached */
            if (w.lo[lv] > -HUGE_VAL && w.up[lv] < HUGE_VAL)
                to_up = RABS(w.x[lv] - w.up[lv]) < RABS(w.x[lv] - w.lo[lv]);
            else
                to_up = !(w.lo[lv] > -HUGE_VAL);
            pivot_row(&w, r);
            /* the row and the column must agree on the pivot element */
            unstable = RABS(w.arow[q] - alpha[r]) > 1e-6 * (1 + RABS(alpha[r]));
            devex_update(&w, q, lv, alpha[r], phase);
            last_r = r;
            last_lv = lv;
            if (eta_push(&w, alpha, r)) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                break;
            }
            rest(&w, lv, to_up ? LP_AT_UP : LP_AT_LO);
            w.head[r] = q;
            w.pos[q] = r;
            w.stat[q] = LP_BASIC;
            /* an unstable update: start again from a fresh factorisation */
            if (unstable)
                w.nunstable++;
            if ((unstable || RABS(alpha[r]) < 1e-7) && refresh(&w)) {
                res->status = FAST_FAILED;
                break;
            }
        }
    }
done:
    res->iters = iters;
    res->flips = w.flips;
    if (phase == 1)
        res->phase1_iters = iters - res->dual_iters;
    {
        real obj = 0;
        for (j = 0; j < n; j++)
            obj += w.c[j] * w.x[j];
        obj *= w.cscale;
        if (lp->sense == LP_MAX)
            obj = -obj;
        res->objval = (double)(obj + R_GET(lp->objconst));
    }
    if (o->verbose)
        fprintf(stderr, "fast: %s after %ld iterations (%ld dual, %ld in primal phase 1), objective ~ %.15g, %.2f s\n",
                fast_status_str(res->status), iters, res->dual_iters, res->phase1_iters, res->objval,
                now_sec() - t0);
    for (p = 0; p < m; p++)
        res->basis.head[p] = w.head[p];
    for (j = 0; j < N; j++)
        res->basis.stat[j] = w.stat[j];
    fws_clear(&w);
    return st;
}
