/* spx.c: exact rational bounded-variable revised simplex (see spx.h).
 *
 * Notation.  w = (x, s) in Q^{n+m}, K = [A  -I], K w = 0, l <= w <= u where
 * the logical s_i carries row i's bounds.  A basis is a list head[0..m-1]
 * of variables; B = K[:, head].  Nonbasic variables sit at a bound (or at 0
 * when free), so  B w_B = -sum_{j nonbasic} K_j w_j.
 *
 * B^{-1} is kept in product form:  B^{-1} = E_k ... E_1 B0^{-1},  B0 = -I
 * (the all-logical basis), each E an elementary "eta" matrix that replaces
 * one column.  FTRAN computes B^{-1} v, BTRAN solves B^T pi = c_B.  The eta
 * file is rebuilt from scratch (reinversion) every SPX_REFACTOR updates.
 *
 * Phase 1 minimises the sum of infeasibilities of the basic variables with
 * the textbook piecewise-linear cost (+1 above u, -1 below l), stopping at
 * the first breakpoint.  At its optimum with positive infeasibility f, the
 * phase-1 duals pi satisfy  max_{box} (K^T pi)^T w = -f < 0, which, written
 * for rows and columns, is exactly DESIGN.md's Farkas condition
 * M(pi) < b(pi) with y = pi.  Phase 2 duals pi = B^{-T} c_B are the y of
 * the optimality certificate (z = c - A^T y are the structural reduced
 * costs; the logical reduced costs are pi itself, whose signs give the
 * row sign rule).  All arithmetic is mpq: the verdict is exact.
 *
 * A start basis (opts.start) is first checked without any eta file: the
 * exact basis evaluation (beval.h, p-adic lifting) answers at once, 0
 * pivots, if the basis is primal and dual feasible.  Only otherwise (or if
 * its core is singular) is the product form built by reinvert() and the
 * simplex run from there. */
#include "spx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beval.h"

#ifndef SPX_REFACTOR
#define SPX_REFACTOR 100
#endif
/* Degenerate pivots in a row before switching to Bland's rule.  Bland's
 * smallest-index rule guarantees termination but is very slow (on Netlib
 * brandy it turns 1,300 Dantzig pivots into more than 7,000 without
 * finishing), while real cycling is rare; so Dantzig may stall for a long
 * run before Bland takes over.  Any finite bound keeps the guarantee: a
 * cycle consists of degenerate pivots only. */
#ifndef SPX_DEGEN_SWITCH
#define SPX_DEGEN_SWITCH(m, n) (1000 + 10 * ((m) + (n)))
#endif

typedef struct {
    const lp_model *lp;
    long m, n, N;
    mpq_t *lo, *up;           /* N bounds */
    unsigned char *lof, *upf; /* finite flags */
    mpq_t *c;                 /* N costs of the minimisation (0 on logicals) */
    long *head;               /* m */
    long *pos;                /* N: position in basis or -1 */
    unsigned char *stat;      /* N */
    mpq_t *x;                 /* N current values */

    /* eta file */
    long ne, nealloc;         /* etas */
    long *ep;                 /* pivot position of each eta */
    long *ebeg;               /* ne+1 offsets into ei/ev */
    long nv, nvalloc;         /* used / initialised entries of ev */
    long *ei;
    mpq_t *ev;                /* entry 0 of each eta is the pivot alpha_p */
    long updates;

    mpq_t *w1, *w2;           /* m work vectors */
    mpq_t *d;                 /* N reduced costs */
    mpq_t t1, t2, t3;
} spx_ws;

/* ---------- small helpers ---------- */

static void qzero(mpq_t *a, long k)
{
    long i;
    for (i = 0; i < k; i++)
        if (mpq_sgn(a[i]))
            mpq_set_ui(a[i], 0, 1);
}

void spx_opts_default(spx_opts *o)
{
    memset(o, 0, sizeof *o);
}

/* ---------- eta file ---------- */

static int ev_reserve(spx_ws *w, long extra)
{
    long need = w->nv + extra;
    if (need > w->nvalloc) {
        long cap = w->nvalloc ? w->nvalloc : 256, k;
        mpq_t *nv;
        long *ni;
        while (cap < need)
            cap *= 2;
        if (!(nv = fk_realloc(w->ev, (size_t)cap, sizeof *nv)))
            return -1;
        w->ev = nv;
        if (!(ni = fk_realloc(w->ei, (size_t)cap, sizeof *ni)))
            return -1;
        w->ei = ni;
        for (k = w->nvalloc; k < cap; k++)
            mpq_init(w->ev[k]);
        w->nvalloc = cap;
    }
    return 0;
}

/* Append the eta of pivoting alpha (dense over positions) at position p. */
static int eta_push(spx_ws *w, mpq_t *alpha, long p)
{
    long i, cnt = 0;
    for (i = 0; i < w->m; i++)
        if (mpq_sgn(alpha[i]))
            cnt++;
    if (ev_reserve(w, cnt))
        return -1;
    if (w->ne + 2 > w->nealloc) {
        long cap = w->nealloc ? 2 * w->nealloc : 64;
        long *a = fk_realloc(w->ep, (size_t)cap, sizeof *a);
        if (!a)
            return -1;
        w->ep = a;
        if (!(a = fk_realloc(w->ebeg, (size_t)cap + 1, sizeof *a)))
            return -1;
        w->ebeg = a;
        w->nealloc = cap;
    }
    w->ep[w->ne] = p;
    w->ebeg[w->ne] = w->nv;
    mpq_set(w->ev[w->nv], alpha[p]);
    w->ei[w->nv++] = p;
    for (i = 0; i < w->m; i++)
        if (i != p && mpq_sgn(alpha[i])) {
            mpq_set(w->ev[w->nv], alpha[i]);
            w->ei[w->nv++] = i;
        }
    w->ne++;
    w->ebeg[w->ne] = w->nv;
    return 0;
}

/* v = B^{-1} v  (v dense over positions). */
static void ftran(spx_ws *w, mpq_t *v)
{
    long k, q;
    for (k = 0; k < w->m; k++)
        mpq_neg(v[k], v[k]);
    for (k = 0; k < w->ne; k++) {
        long p = w->ep[k], b = w->ebeg[k];
        if (mpq_sgn(v[p]) == 0)
            continue;
        mpq_div(v[p], v[p], w->ev[b]);
        for (q = b + 1; q < w->ebeg[k + 1]; q++) {
            mpq_mul(w->t1, w->ev[q], v[p]);
            mpq_sub(v[w->ei[q]], v[w->ei[q]], w->t1);
        }
    }
}

/* u = B^{-T} u: solves B^T pi = u. */
static void btran(spx_ws *w, mpq_t *u)
{
    long k, q;
    for (k = w->ne - 1; k >= 0; k--) {
        long p = w->ep[k], b = w->ebeg[k];
        int any = mpq_sgn(u[p]) != 0;
        for (q = b + 1; q < w->ebeg[k + 1]; q++)
            if (mpq_sgn(u[w->ei[q]])) {
                mpq_mul(w->t1, w->ev[q], u[w->ei[q]]);
                mpq_sub(u[p], u[p], w->t1);
                any = 1;
            }
        if (any)
            mpq_div(u[p], u[p], w->ev[b]);
    }
    for (k = 0; k < w->m; k++)
        mpq_neg(u[k], u[k]);
}

/* v = column j of K, dense over rows. */
static void load_col(spx_ws *w, mpq_t *v, long j)
{
    const lp_model *lp = w->lp;
    long k;
    qzero(v, w->m);
    if (j < w->n) {
        for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
            mpq_set(v[lp->ridx[k]], lp->val[k]);
    } else {
        mpq_set_si(v[j - w->n], -1, 1);
    }
}

/* pi^T K_j */
static void dot_col(spx_ws *w, mpq_t r, mpq_t *pi, long j)
{
    const lp_model *lp = w->lp;
    long k;
    mpq_set_ui(r, 0, 1);
    if (j < w->n) {
        for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
            if (mpq_sgn(pi[lp->ridx[k]])) {
                mpq_mul(w->t2, pi[lp->ridx[k]], lp->val[k]);
                mpq_add(r, r, w->t2);
            }
    } else {
        mpq_neg(r, pi[j - w->n]);
    }
}

/* Put a nonbasic variable at a valid resting place for its bounds. */
static void rest(spx_ws *w, long j, int prefer)
{
    if (prefer == LP_AT_UP && w->upf[j])
        w->stat[j] = LP_AT_UP;
    else if (w->lof[j])
        w->stat[j] = LP_AT_LO;
    else if (w->upf[j])
        w->stat[j] = LP_AT_UP;
    else
        w->stat[j] = LP_AT_ZERO;
    if (w->stat[j] == LP_AT_LO)
        mpq_set(w->x[j], w->lo[j]);
    else if (w->stat[j] == LP_AT_UP)
        mpq_set(w->x[j], w->up[j]);
    else
        mpq_set_ui(w->x[j], 0, 1);
}

/* Recompute basic values from the nonbasic ones: B x_B = -sum K_j x_j. */
static void compute_xb(spx_ws *w)
{
    const lp_model *lp = w->lp;
    mpq_t *r = w->w1;
    long j, k;
    qzero(r, w->m);
    for (j = 0; j < w->N; j++) {
        if (w->stat[j] == LP_BASIC || mpq_sgn(w->x[j]) == 0)
            continue;
        if (j < w->n) {
            for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++) {
                mpq_mul(w->t1, lp->val[k], w->x[j]);
                mpq_sub(r[lp->ridx[k]], r[lp->ridx[k]], w->t1);
            }
        } else {
            mpq_add(r[j - w->n], r[j - w->n], w->x[j]);
        }
    }
    ftran(w, r);
    for (k = 0; k < w->m; k++)
        mpq_set(w->x[w->head[k]], r[k]);
}

/* Rebuild the eta file for the variables marked basic in head.  Structural
 * columns are pivoted in by increasing length, each at the free position
 * (a row whose logical is not basic) of least static row count; columns
 * that cannot be pivoted (singular basis) are made nonbasic and their
 * positions filled with logicals, so any start basis is repaired. */
static int reinvert(spx_ws *w)
{
    const lp_model *lp = w->lp;
    long m = w->m, n = w->n, k, p, j;
    long *cols = NULL, *rcnt = NULL, ncols = 0;
    unsigned char *used = NULL;
    long *newhead = NULL;
    int rc = -1;

    cols = fk_calloc((size_t)m + 1, sizeof *cols);
    rcnt = fk_calloc((size_t)m + 1, sizeof *rcnt);
    used = fk_calloc((size_t)m + 1, 1);
    newhead = fk_calloc((size_t)m + 1, sizeof *newhead);
    if (!cols || !rcnt || !used || !newhead)
        goto done;
    w->ne = 0;
    w->nv = 0;
    w->updates = 0;
    for (p = 0; p < m; p++)
        newhead[p] = -1;
    for (p = 0; p < m; p++) {
        j = w->head[p];
        if (j >= n) {
            used[j - n] = 1; /* logical stays at its own position */
            newhead[j - n] = j;
        } else {
            cols[ncols++] = j;
            for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
                rcnt[lp->ridx[k]]++;
        }
    }
    /* insertion sort by column length: bases are at most a few thousand */
    for (k = 1; k < ncols; k++) {
        long c = cols[k], len = lp->cbeg[c + 1] - lp->cbeg[c], q = k - 1;
        while (q >= 0 && lp->cbeg[cols[q] + 1] - lp->cbeg[cols[q]] > len) {
            cols[q + 1] = cols[q];
            q--;
        }
        cols[q + 1] = c;
    }
    for (k = 0; k < ncols; k++) {
        long best = -1;
        j = cols[k];
        load_col(w, w->w2, j);
        ftran(w, w->w2);
        for (p = 0; p < m; p++)
            if (!used[p] && mpq_sgn(w->w2[p]) &&
                (best < 0 || rcnt[p] < rcnt[best]))
                best = p;
        if (best < 0) {
            /* dependent column: leave it out */
            w->pos[j] = -1;
            rest(w, j, LP_AT_LO);
            continue;
        }
        if (eta_push(w, w->w2, best))
            goto done;
        used[best] = 1;
        newhead[best] = j;
    }
    for (p = 0; p < m; p++)
        if (newhead[p] < 0) {
            newhead[p] = n + p;
            w->stat[n + p] = LP_BASIC;
        }
    for (p = 0; p < m; p++) {
        w->head[p] = newhead[p];
        w->pos[newhead[p]] = p;
        w->stat[newhead[p]] = LP_BASIC;
    }
    w->updates = 0;
    rc = 0;
done:
    free(cols);
    free(rcnt);
    free(used);
    free(newhead);
    return rc;
}

/* ---------- workspace ---------- */

static void ws_clear(spx_ws *w)
{
    fk_qarr_free(w->lo, w->N);
    fk_qarr_free(w->up, w->N);
    fk_qarr_free(w->c, w->N);
    fk_qarr_free(w->x, w->N);
    fk_qarr_free(w->d, w->N);
    fk_qarr_free(w->w1, w->m);
    fk_qarr_free(w->w2, w->m);
    fk_qarr_free(w->ev, w->nvalloc);
    free(w->ei);
    free(w->ep);
    free(w->ebeg);
    free(w->lof);
    free(w->upf);
    free(w->head);
    free(w->pos);
    free(w->stat);
    mpq_clear(w->t1);
    mpq_clear(w->t2);
    mpq_clear(w->t3);
}

static int ws_init(spx_ws *w, const lp_model *lp)
{
    long j, i;
    memset(w, 0, sizeof *w);
    mpq_init(w->t1);
    mpq_init(w->t2);
    mpq_init(w->t3);
    w->lp = lp;
    w->m = lp->m;
    w->n = lp->n;
    w->N = lp->n + lp->m;
    w->lo = fk_qarr_new(w->N);
    w->up = fk_qarr_new(w->N);
    w->c = fk_qarr_new(w->N);
    w->x = fk_qarr_new(w->N);
    w->d = fk_qarr_new(w->N);
    w->w1 = fk_qarr_new(w->m);
    w->w2 = fk_qarr_new(w->m);
    w->lof = fk_calloc((size_t)w->N + 1, 1);
    w->upf = fk_calloc((size_t)w->N + 1, 1);
    w->head = fk_calloc((size_t)w->m + 1, sizeof *w->head);
    w->pos = fk_calloc((size_t)w->N + 1, sizeof *w->pos);
    w->stat = fk_calloc((size_t)w->N + 1, 1);
    if (!w->lo || !w->up || !w->c || !w->x || !w->d || !w->w1 || !w->w2 ||
        !w->lof || !w->upf || !w->head || !w->pos || !w->stat)
        return -1;
    for (j = 0; j < w->n; j++) {
        mpq_set(w->lo[j], lp->clo[j]);
        mpq_set(w->up[j], lp->chi[j]);
        w->lof[j] = lp->clo_fin[j];
        w->upf[j] = lp->chi_fin[j];
        mpq_set(w->c[j], lp->obj[j]);
        if (lp->sense == LP_MAX)
            mpq_neg(w->c[j], w->c[j]);
    }
    for (i = 0; i < w->m; i++) {
        mpq_set(w->lo[w->n + i], lp->rlo[i]);
        mpq_set(w->up[w->n + i], lp->rhi[i]);
        w->lof[w->n + i] = lp->rlo_fin[i];
        w->upf[w->n + i] = lp->rhi_fin[i];
    }
    return 0;
}

/* ---------- the simplex loop ---------- */

static int is_fixed(const spx_ws *w, long j)
{
    return w->lof[j] && w->upf[j] && mpq_equal(w->lo[j], w->up[j]);
}

/* Phase-1 cost of basic variable j: +1 above u, -1 below l, else 0. */
static int infeas_sign(const spx_ws *w, long j)
{
    if (w->upf[j] && mpq_cmp(w->x[j], w->up[j]) > 0)
        return 1;
    if (w->lof[j] && mpq_cmp(w->x[j], w->lo[j]) < 0)
        return -1;
    return 0;
}

/* |a| <=> |b| */
static int cmpabs(const mpq_t a, const mpq_t b)
{
    mpz_t l, r;
    int c;
    mpz_init(l);
    mpz_init(r);
    mpz_mul(l, mpq_numref(a), mpq_denref(b));
    mpz_mul(r, mpq_numref(b), mpq_denref(a));
    c = mpz_cmpabs(l, r);
    mpz_clear(l);
    mpz_clear(r);
    return c;
}

typedef enum { STEP_PIVOT, STEP_OPTIMAL, STEP_UNBOUNDED, STEP_ERROR, STEP_NOMEM } step_result;

/* One iteration of phase `phase` (1 or 2).  pi is left in w1 on
 * STEP_OPTIMAL; on STEP_UNBOUNDED the entering column alpha is in w2 and
 * *qout / *sout hold the entering variable and direction. */
static step_result iterate(spx_ws *w, int phase, int bland, int *degenerate,
                           long *qout, int *sout)
{
    long m = w->m, N = w->N, p, j, q = -1, r = -1;
    mpq_t *pi = w->w1, *alpha = w->w2;
    int sigma = 0, r_to_up = 0, flip = 0, bounded;
    mpq_t best, tmin, tq;
    step_result res = STEP_PIVOT;

    mpq_init(best);
    mpq_init(tmin);
    mpq_init(tq);
    for (p = 0; p < m; p++) {
        j = w->head[p];
        if (phase == 1)
            mpq_set_si(pi[p], infeas_sign(w, j), 1);
        else
            mpq_set(pi[p], w->c[j]);
    }
    btran(w, pi);
    /* pricing */
    for (j = 0; j < N; j++) {
        int st = w->stat[j], s;
        if (st == LP_BASIC || is_fixed(w, j))
            continue;
        dot_col(w, w->t3, pi, j);
        if (phase == 1)
            mpq_neg(w->d[j], w->t3);
        else
            mpq_sub(w->d[j], w->c[j], w->t3);
        s = mpq_sgn(w->d[j]);
        if (s == 0 || (st == LP_AT_LO && s > 0) || (st == LP_AT_UP && s < 0))
            continue;
        /* eligible */
        if (bland) {
            q = j;
            sigma = s < 0 ? 1 : -1;
            break;
        }
        mpq_abs(w->t3, w->d[j]);
        if (q < 0 || mpq_cmp(w->t3, best) > 0) {
            mpq_set(best, w->t3);
            q = j;
            sigma = s < 0 ? 1 : -1;
        }
    }
    if (q < 0) {
        res = STEP_OPTIMAL;
        goto done;
    }
    load_col(w, alpha, q);
    ftran(w, alpha);
    /* ratio test: basic var at p moves at rate -sigma*alpha_p per unit t */
    bounded = 0;
    if (w->lof[q] && w->upf[q]) {
        mpq_sub(tmin, w->up[q], w->lo[q]);
        bounded = 1;
        flip = 1;
    }
    for (p = 0; p < m; p++) {
        int s = mpq_sgn(alpha[p]), dir, inf;
        const mpq_t *bnd = NULL;
        int to_up = 0;
        if (s == 0)
            continue;
        j = w->head[p];
        dir = -sigma * s; /* +1 increasing, -1 decreasing */
        inf = phase == 1 ? infeas_sign(w, j) : 0;
        if (dir > 0) {
            if (inf < 0) {
                bnd = (const mpq_t *)&w->lo[j]; /* reaches its lower bound */
            } else if (inf == 0 && w->upf[j]) {
                bnd = (const mpq_t *)&w->up[j];
                to_up = 1;
            }
        } else {
            if (inf > 0) {
                bnd = (const mpq_t *)&w->up[j];
                to_up = 1;
            } else if (inf == 0 && w->lof[j]) {
                bnd = (const mpq_t *)&w->lo[j];
            }
        }
        if (!bnd)
            continue;
        /* t = |x_j - bnd| / |alpha_p| */
        mpq_sub(tq, w->x[j], *bnd);
        mpq_abs(tq, tq);
        mpq_abs(w->t3, alpha[p]);
        mpq_div(tq, tq, w->t3);
        if (!bounded || mpq_cmp(tq, tmin) < 0 ||
            (mpq_cmp(tq, tmin) == 0 && !flip && r >= 0 &&
             (bland ? w->head[p] < w->head[r]
                    : cmpabs(alpha[p], alpha[r]) > 0))) {
            mpq_set(tmin, tq);
            r = p;
            r_to_up = to_up;
            flip = 0;
            bounded = 1;
        }
    }
    if (!bounded) {
        *qout = q;
        *sout = sigma;
        res = phase == 2 ? STEP_UNBOUNDED : STEP_ERROR;
        goto done;
    }
    *degenerate = mpq_sgn(tmin) == 0;
    /* update values */
    if (mpq_sgn(tmin)) {
        for (p = 0; p < m; p++)
            if (mpq_sgn(alpha[p])) {
                mpq_mul(w->t3, alpha[p], tmin);
                j = w->head[p];
                if (sigma > 0)
                    mpq_sub(w->x[j], w->x[j], w->t3);
                else
                    mpq_add(w->x[j], w->x[j], w->t3);
            }
        if (sigma > 0)
            mpq_add(w->x[q], w->x[q], tmin);
        else
            mpq_sub(w->x[q], w->x[q], tmin);
    }
    if (flip) {
        w->stat[q] = sigma > 0 ? LP_AT_UP : LP_AT_LO;
        mpq_set(w->x[q], sigma > 0 ? w->up[q] : w->lo[q]);
        goto done;
    }
    /* pivot: q enters at position r, head[r] leaves at its bound */
    {
        long lv = w->head[r];
        if (eta_push(w, alpha, r)) {
            res = STEP_NOMEM;
            goto done;
        }
        w->stat[lv] = r_to_up ? LP_AT_UP : LP_AT_LO;
        mpq_set(w->x[lv], r_to_up ? w->up[lv] : w->lo[lv]);
        w->pos[lv] = -1;
        w->head[r] = q;
        w->pos[q] = r;
        w->stat[q] = LP_BASIC;
        w->updates++;
    }
done:
    mpq_clear(best);
    mpq_clear(tmin);
    mpq_clear(tq);
    return res;
}

static int basic_infeasible(const spx_ws *w)
{
    long p;
    for (p = 0; p < w->m; p++)
        if (infeas_sign(w, w->head[p]))
            return 1;
    return 0;
}

fk_status spx_solve(lp_answer *res, const lp_model *lp, const spx_opts *opts,
                    fk_err *err)
{
    spx_ws w;
    spx_opts defo;
    fk_status st = FK_OK;
    long j, p, iters = 0, degen_run = 0;
    int phase, bland = 0;
    double t0 = fk_now_sec();

    if (!opts) {
        spx_opts_default(&defo);
        opts = &defo;
    }
    if (!lp->finalized)
        return fk_fail(err, FK_EINVAL, NULL, "model not finalized");
    if (lp_check_bounds(lp, err))
        return FK_EINVAL;
    if (opts->start && (opts->start->m != lp->m || opts->start->n != lp->n))
        return fk_fail(err, FK_EINVAL, NULL, "start basis has the wrong size");
    lp_answer_clear(res);
    lp_answer_init(res);
    res->m = lp->m;
    res->n = lp->n;
    res->x = fk_qarr_new(lp->n);
    res->y = fk_qarr_new(lp->m);
    res->ray = fk_qarr_new(lp->n);
    if (ws_init(&w, lp) || !res->x || !res->y || !res->ray ||
        lp_basis_init(&res->basis, lp->m, lp->n)) {
        ws_clear(&w);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    /* starting basis */
    for (j = 0; j < w.N; j++)
        w.pos[j] = -1;
    if (opts->start) {
        /* the start basis, made valid and checked exactly (beval.h): if it
         * is optimal, that is the answer after 0 pivots; else it is
         * factorised here and the simplex goes on from it */
        beval ev;
        beval_init(&ev);
        st = beval_basis(&ev, lp, opts->start, 0, opts->verbose, err);
        if (!st && ev.optimal)
            st = beval_answer(res, &ev, lp, err);
        if (st || ev.optimal) {
            beval_clear(&ev);
            goto out;
        }
        for (p = 0; p < w.m; p++)
            w.head[p] = ev.basis.head[p];
        for (j = 0; j < w.N; j++) {
            if (ev.basis.stat[j] == LP_BASIC)
                w.stat[j] = LP_BASIC;
            else
                rest(&w, j, ev.basis.stat[j]);
        }
        beval_clear(&ev);
    } else {
        for (p = 0; p < w.m; p++) {
            w.head[p] = w.n + p;
            w.stat[w.n + p] = LP_BASIC;
        }
        for (j = 0; j < w.n; j++)
            rest(&w, j, LP_AT_LO);
    }
    if (reinvert(&w)) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto out;
    }
    compute_xb(&w);

    phase = basic_infeasible(&w) ? 1 : 2;
    bland = opts->bland_after == 1;
    for (;;) {
        long q = -1;
        int sigma = 0, degenerate = 0;
        step_result sr;
        if (opts->iter_limit && iters >= opts->iter_limit) {
            res->status = LP_ITER_LIMIT;
            break;
        }
        if (opts->time_limit > 0 && (iters & 15) == 0 &&
            fk_now_sec() - t0 > opts->time_limit) {
            res->status = LP_TIME_LIMIT;
            break;
        }
        if (w.updates >= SPX_REFACTOR) {
            if (reinvert(&w)) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                goto out;
            }
            compute_xb(&w);
        }
        if (phase == 1 && !basic_infeasible(&w)) {
            phase = 2;
            bland = opts->bland_after == 1;
            degen_run = 0;
            res->phase1_iters = iters;
        }
        sr = iterate(&w, phase, bland, &degenerate, &q, &sigma);
        if (sr == STEP_NOMEM) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory in the simplex (phase %d)", phase);
            goto out;
        }
        if (sr == STEP_ERROR) {
            /* phase 1 unbounded cannot happen (its objective is >= 0) */
            st = fk_fail(err, FK_EINVAL, NULL, "internal error: phase 1 unbounded");
            goto out;
        }
        if (sr == STEP_OPTIMAL) {
            if (phase == 1) {
                res->status = LP_INFEASIBLE;
                for (p = 0; p < w.m; p++)
                    mpq_set(res->y[p], w.w1[p]);
            } else {
                res->status = LP_OPTIMAL;
                for (p = 0; p < w.m; p++)
                    mpq_set(res->y[p], w.w1[p]);
                for (j = 0; j < w.n; j++)
                    mpq_set(res->x[j], w.x[j]);
            }
            break;
        }
        if (sr == STEP_UNBOUNDED) {
            res->status = LP_UNBOUNDED;
            for (j = 0; j < w.n; j++)
                mpq_set(res->x[j], w.x[j]);
            if (q < w.n)
                mpq_set_si(res->ray[q], sigma, 1);
            for (p = 0; p < w.m; p++) {
                j = w.head[p];
                if (j < w.n && mpq_sgn(w.w2[p])) {
                    mpq_set(res->ray[j], w.w2[p]);
                    if (sigma > 0)
                        mpq_neg(res->ray[j], res->ray[j]);
                }
            }
            break;
        }
        iters++;
        if (degenerate) {
            if (++degen_run >= (opts->bland_after > 0 ? opts->bland_after
                                                       : SPX_DEGEN_SWITCH(w.m, w.n)))
                bland = 1;
        } else {
            degen_run = 0;
            bland = opts->bland_after == 1;
        }
        if (opts->verbose && iters % 1000 == 0)
            fprintf(stderr, "simplex: phase %d, %ld iterations, %.1f s%s\n",
                    phase, iters, fk_now_sec() - t0, bland ? " (Bland)" : "");
    }
    res->iters = iters;
    if (phase == 1)
        res->phase1_iters = iters;
    /* objective in the model's own sense */
    if (res->status == LP_OPTIMAL)
        lp_objective(res->objval, lp, res->x);
    for (p = 0; p < w.m; p++)
        res->basis.head[p] = w.head[p];
    for (j = 0; j < w.N; j++)
        res->basis.stat[j] = w.stat[j];
out:
    ws_clear(&w);
    return st;
}
