/* pre.c: exact presolve and basis map-back (see pre.h). */
#include "pre.h"
#include "flu.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define UNSET 255
#define PRE_FILL_MAX 8 /* entries of a doubleton's eliminated column */
#define PRE_SUBST_ROW 3 /* active columns of a row (R10) eliminates from */
#define PRE_SUBST_COL 8 /* entries of the column (R10) eliminates */

/* The working model: the original's data, bounds and costs as they are
 * changed by the reductions so far (the matrix entries never change). */
typedef struct {
    const lp_model *lp;
    pre *p;
    long m, n;
    mpq_t *rlo, *rhi, *clo, *chi, *c;
    unsigned char *rlof, *rhif, *clof, *chif;
    mpq_t c0;
    double *dlo, *dup, *drlo, *drhi; /* the bounds as doubles (screening) */
    /* A as it is now, by rows and by columns: row i has the columns
     * rc[i][0..rlen[i]), column j the rows cr[j][0..clen[j]), each entry
     * with a value index (rk, ck) into val(): the model's own values
     * (index < nnz, CSC order) or ones made by a doubleton's fill-in
     * (pool).  Dropped columns and rows stay in the lists (skipped by the
     * flags); entries that cancel to 0 are removed. */
    long nnz, *rlen, *rcap, **rc, **rk, *clen, *ccap, **cr, **ck;
    mpq_t *pool;
    long npool, apool;
    double *aval;                    /* val() as doubles (nnz + apool) */
    unsigned char *ract, *cact, *rdirty, *cdirty;
    long *rcnt, *ccnt;
    mpq_t t, u, smin, smax;
    int infeasible;
    long npass;                      /* records pushed in this pass */
} pw;

static mpq_srcptr val(const pw *w, long k)
{
    return k < w->nnz ? w->lp->val[k] : w->pool[k - w->nnz];
}

/* append (idx, k) to a list; -1 when memory runs out */
static int lpush(long **li, long **lk, long *len, long *cap, long idx, long k)
{
    if (*len == *cap) {
        long nc = 2 * *cap + 4;
        long *a = realloc(*li, (size_t)nc * sizeof *a), *b;
        if (!a)
            return -1;
        *li = a;
        b = realloc(*lk, (size_t)nc * sizeof *b);
        if (!b)
            return -1;
        *lk = b;
        *cap = nc;
    }
    (*li)[*len] = idx;
    (*lk)[*len] = k;
    ++*len;
    return 0;
}

/* position of idx in a list, -1 if absent */
static long lfind(const long *li, long len, long idx)
{
    long t;
    for (t = 0; t < len; t++)
        if (li[t] == idx)
            return t;
    return -1;
}

const char *pre_kind_str(int kind)
{
    static const char *s[PRE_NKINDS] = {"empty rows", "redundant rows", "singleton rows",
        "forcing rows", "fixed columns", "empty columns", "dual-fixed columns",
        "free column singletons", "doubletons", "substitutions"};
    return kind >= 0 && kind < PRE_NKINDS ? s[kind] : "?";
}

void pre_init(pre *p)
{
    memset(p, 0, sizeof *p);
}

void pre_clear(pre *p)
{
    lp_free(p->red);
    free(p->rmap);
    free(p->cmap);
    free(p->rinv);
    free(p->cinv);
    free(p->rec);
    free(p->fcol);
    free(p->fside);
    free(p->fa);
    free(p->lsrc);
    free(p->usrc);
    memset(p, 0, sizeof *p);
}

static double bd(const mpq_t v, int fin, double inf)
{
    return fin ? mpq_get_d(v) : inf;
}

/* a new record, its index in p->rec; -1 when memory runs out */
static long push(pw *w, int kind, long row, long col)
{
    pre *p = w->p;
    pre_rec *r;
    if (p->nrec == p->arec) {
        long na = p->arec ? 2 * p->arec : 64;
        pre_rec *nr = realloc(p->rec, (size_t)na * sizeof *nr);
        if (!nr)
            return -1;
        p->rec = nr;
        p->arec = na;
    }
    r = &p->rec[p->nrec];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->row = row;
    r->col = col;
    r->col2 = -1;
    r->prev_lo = r->prev_up = -1;
    p->count[kind]++;
    w->npass++;
    return p->nrec++;
}

static void rows_dirty(pw *w, long j)
{
    long t;
    for (t = 0; t < w->clen[j]; t++)
        w->rdirty[w->cr[j][t]] = 1;
}

static void set_lo(pw *w, long j, const mpq_t v, long src)
{
    mpq_set(w->clo[j], v);
    w->clof[j] = 1;
    w->dlo[j] = mpq_get_d(v);
    w->p->lsrc[j] = src;
    rows_dirty(w, j);
    w->cdirty[j] = 1;
}

static void set_up(pw *w, long j, const mpq_t v, long src)
{
    mpq_set(w->chi[j], v);
    w->chif[j] = 1;
    w->dup[j] = mpq_get_d(v);
    w->p->usrc[j] = src;
    rows_dirty(w, j);
    w->cdirty[j] = 1;
}

static void drop_row(pw *w, long r)
{
    long q;
    w->ract[r] = 0;
    w->p->rows_dropped++;
    for (q = 0; q < w->rlen[r]; q++) {
        long k = w->rc[r][q];
        if (w->cact[k]) {
            w->ccnt[k]--;
            w->cdirty[k] = 1;
        }
    }
}

/* Row i's sides move by -v (an equation's constant moved across). */
static void shift_sides(pw *w, long i, const mpq_t v)
{
    if (w->rlof[i]) {
        mpq_sub(w->rlo[i], w->rlo[i], v);
        w->drlo[i] = mpq_get_d(w->rlo[i]);
    }
    if (w->rhif[i]) {
        mpq_sub(w->rhi[i], w->rhi[i], v);
        w->drhi[i] = mpq_get_d(w->rhi[i]);
    }
}

/* drop column j at the value v: the row sides move by -a_ij v */
static void fix_col(pw *w, long j, const mpq_t v)
{
    long q;
    w->cact[j] = 0;
    w->p->cols_dropped++;
    if (mpq_sgn(v) != 0) {
        mpq_mul(w->t, w->c[j], v);
        mpq_add(w->c0, w->c0, w->t);
    }
    for (q = 0; q < w->clen[j]; q++) {
        long i = w->cr[j][q];
        if (!w->ract[i])
            continue;
        w->rcnt[i]--;
        w->rdirty[i] = 1;
        if (mpq_sgn(v) == 0)
            continue;
        mpq_mul(w->t, val(w, w->ck[j][q]), v);
        shift_sides(w, i, w->t);
    }
}

/* Exact activity bounds of row r over the active columns but ex:
 * smin, smax and the counts of infinite contributions to each. */
static void activity(pw *w, long r, long ex, long *nmin, long *nmax)
{
    long q;
    *nmin = *nmax = 0;
    mpq_set_ui(w->smin, 0, 1);
    mpq_set_ui(w->smax, 0, 1);
    for (q = 0; q < w->rlen[r]; q++) {
        long k = w->rc[r][q];
        mpq_srcptr a = val(w, w->rk[r][q]);
        int pos = mpq_sgn(a) > 0;
        if (!w->cact[k] || k == ex)
            continue;
        /* min: a > 0 at l, a < 0 at u; max the other way */
        if (pos ? w->clof[k] : w->chif[k]) {
            mpq_mul(w->t, a, pos ? w->clo[k] : w->chi[k]);
            mpq_add(w->smin, w->smin, w->t);
        } else {
            ++*nmin;
        }
        if (pos ? w->chif[k] : w->clof[k]) {
            mpq_mul(w->t, a, pos ? w->chi[k] : w->clo[k]);
            mpq_add(w->smax, w->smax, w->t);
        } else {
            ++*nmax;
        }
    }
}

/* (R5): every active column of row r to the bound giving the activity
 * L_r (side LP_AT_UP: L_r = hi_r) or U_r (LP_AT_LO: U_r = lo_r) */
static int forcing(pw *w, long r, int side)
{
    pre *p = w->p;
    long q, k = push(w, PRE_FORCING, r, -1);
    long len = w->rlen[r];
    if (k < 0)
        return -1;
    if (p->nf + len > p->af) {
        long na = 2 * (p->nf + len) + 64;
        long *nc = realloc(p->fcol, (size_t)na * sizeof *nc);
        unsigned char *ns;
        double *nv;
        if (!nc)
            return -1;
        p->fcol = nc;
        ns = realloc(p->fside, (size_t)na);
        if (!ns)
            return -1;
        p->fside = ns;
        nv = realloc(p->fa, (size_t)na * sizeof *nv);
        if (!nv)
            return -1;
        p->fa = nv;
        p->af = na;
    }
    p->rec[k].side = side;
    p->rec[k].beg = p->nf;
    drop_row(w, r);
    for (q = 0; q < w->rlen[r]; q++) {
        long j = w->rc[r][q];
        mpq_srcptr a = val(w, w->rk[r][q]);
        int pos = mpq_sgn(a) > 0;
        int lo = side == LP_AT_UP ? pos : !pos; /* at l_j? */
        if (!w->cact[j])
            continue;
        p->fcol[p->nf] = j;
        p->fside[p->nf] = lo ? LP_AT_LO : LP_AT_UP;
        p->fa[p->nf] = mpq_get_d(a);
        p->nf++;
        mpq_set(w->u, lo ? w->clo[j] : w->chi[j]);
        fix_col(w, j, w->u);
    }
    p->rec[k].end = p->nf;
    return 0;
}

/* (R4): row r with one active column */
static int singleton(pw *w, long r)
{
    pre *p = w->p;
    long q, j = -1, k;
    mpq_srcptr a = NULL;
    pre_rec *rc;
    for (q = 0; q < w->rlen[r]; q++)
        if (w->cact[w->rc[r][q]]) {
            j = w->rc[r][q];
            a = val(w, w->rk[r][q]);
        }
    if (j < 0)
        return 0;
    k = push(w, PRE_SINGLETON, r, j);
    if (k < 0)
        return -1;
    rc = &p->rec[k];
    rc->a = mpq_get_d(a);
    rc->prev_lo = p->lsrc[j];
    rc->prev_up = p->usrc[j];
    /* lo <= a x <= hi: x >= lo/a, x <= hi/a for a > 0, the other way else */
    {
        int pos = mpq_sgn(a) > 0;
        int fl = pos ? w->rlof[r] : w->rhif[r], fu = pos ? w->rhif[r] : w->rlof[r];
        if (fl) {
            mpq_div(w->u, pos ? w->rlo[r] : w->rhi[r], a);
            if (!w->clof[j] || mpq_cmp(w->u, w->clo[j]) > 0) {
                set_lo(w, j, w->u, k);
                rc->set_lo = 1;
            }
        }
        if (fu) {
            mpq_div(w->u, pos ? w->rhi[r] : w->rlo[r], a);
            if (!w->chif[j] || mpq_cmp(w->u, w->chi[j]) < 0) {
                set_up(w, j, w->u, k);
                rc->set_up = 1;
            }
        }
    }
    if (w->clof[j] && w->chif[j] && mpq_cmp(w->clo[j], w->chi[j]) > 0)
        w->infeasible = 1;
    drop_row(w, r);
    return 0;
}

static int colsing(pw *w, long j, long r);
static int doubleton(pw *w, long r, long j, long k2, mpq_srcptr a, mpq_srcptr a2);
static int try_subst(pw *w, long r);

/* an equality row with two active columns: eliminate the one with fewer
 * entries, if it has at most PRE_FILL_MAX (they fill in); 1 if done */
static int try_doubleton(pw *w, long r)
{
    long q, c[2], nc = 0;
    mpq_srcptr v[2] = {NULL, NULL};
    for (q = 0; q < w->rlen[r] && nc < 2; q++)
        if (w->cact[w->rc[r][q]]) {
            c[nc] = w->rc[r][q];
            v[nc++] = val(w, w->rk[r][q]);
        }
    if (nc != 2)
        return 0;
    if (w->ccnt[c[1]] < w->ccnt[c[0]]) {
        long tc = c[0];
        mpq_srcptr tv = v[0];
        c[0] = c[1];
        v[0] = v[1];
        c[1] = tc;
        v[1] = tv;
    }
    if (w->ccnt[c[0]] == 1) /* a column singleton: colsing's (R7) */
        return colsing(w, c[0], r) < 0 ? -1 : 1;
    if (w->ccnt[c[0]] > PRE_FILL_MAX)
        return 0;
    return doubleton(w, r, c[0], c[1], v[0], v[1]) < 0 ? -1 : 1;
}

/* one row: (R1), (R4), (R7'), then the activity tests (R5), (R6) */
static int row_step(pw *w, long r)
{
    long q, nmin = 0, nmax = 0;
    double lmin = 0, lmax = 0, mag = 0, tol;
    int lo_ok, hi_ok;
    if (w->rcnt[r] == 0) {
        if ((w->rlof[r] && mpq_sgn(w->rlo[r]) > 0) || (w->rhif[r] && mpq_sgn(w->rhi[r]) < 0)) {
            w->infeasible = 1;
            return 0;
        }
        if (push(w, PRE_EMPTY_ROW, r, -1) < 0)
            return -1;
        drop_row(w, r);
        return 0;
    }
    if (w->rcnt[r] == 1)
        return singleton(w, r);
    if (w->rcnt[r] == 2 && w->rlof[r] && w->rhif[r] && mpq_equal(w->rlo[r], w->rhi[r])) {
        int d = try_doubleton(w, r);
        if (d)
            return d < 0 ? -1 : 0;
    }
    if (w->rcnt[r] >= 3 && w->rcnt[r] <= PRE_SUBST_ROW && w->rlof[r] && w->rhif[r] &&
        mpq_equal(w->rlo[r], w->rhi[r])) {
        int d = try_subst(w, r);
        if (d)
            return d < 0 ? -1 : 0;
    }
    if (!w->rlof[r] && !w->rhif[r]) { /* a free row */
        if (push(w, PRE_REDUNDANT, r, -1) < 0)
            return -1;
        drop_row(w, r);
        return 0;
    }
    /* screen in double; decide exactly */
    for (q = 0; q < w->rlen[r]; q++) {
        long k = w->rc[r][q];
        double a = w->aval[w->rk[r][q]], l, u;
        if (!w->cact[k])
            continue;
        l = a > 0 ? w->dlo[k] : w->dup[k];
        u = a > 0 ? w->dup[k] : w->dlo[k];
        if (isinf(l))
            nmin++;
        else
            lmin += a * l, mag += fabs(a * l);
        if (isinf(u))
            nmax++;
        else
            lmax += a * u, mag += fabs(a * u);
    }
    if (nmin && nmax)
        return 0;
    /* (an infinite side is -+HUGE_VAL: times 0 it would be a NaN) */
    tol = 1e-9 * (1 + mag + (w->rlof[r] ? fabs(w->drlo[r]) : 0) + (w->rhif[r] ? fabs(w->drhi[r]) : 0));
    lo_ok = !w->rlof[r] || (!nmin && lmin >= w->drlo[r] - tol);
    hi_ok = !w->rhif[r] || (!nmax && lmax <= w->drhi[r] + tol);
    if (!(lo_ok && hi_ok) && !(!nmin && w->rhif[r] && lmin >= w->drhi[r] - tol) &&
        !(!nmax && w->rlof[r] && lmax <= w->drlo[r] + tol))
        return 0;
    activity(w, r, -1, &nmin, &nmax);
    if ((!nmin && w->rhif[r] && mpq_cmp(w->smin, w->rhi[r]) > 0) ||
        (!nmax && w->rlof[r] && mpq_cmp(w->smax, w->rlo[r]) < 0)) {
        w->infeasible = 1;
        return 0;
    }
    if (!nmin && w->rhif[r] && mpq_equal(w->smin, w->rhi[r]))
        return forcing(w, r, LP_AT_UP);
    if (!nmax && w->rlof[r] && mpq_equal(w->smax, w->rlo[r]))
        return forcing(w, r, LP_AT_LO);
    if ((!w->rlof[r] || (!nmin && mpq_cmp(w->smin, w->rlo[r]) >= 0)) &&
        (!w->rhif[r] || (!nmax && mpq_cmp(w->smax, w->rhi[r]) <= 0))) {
        if (push(w, PRE_REDUNDANT, r, -1) < 0)
            return -1;
        drop_row(w, r);
    }
    return 0;
}

/* A doubleton a x_j + a2 x_k2 = b (record k): x_j's bounds become bounds
 * of x_k2 = (b - a x_j) / a2 where tighter; the record notes which bound of
 * x_j gave each. */
static void carry(pw *w, long k, long j, long k2, mpq_srcptr a, mpq_srcptr a2, const mpq_t b)
{
    pre_rec *rc = &w->p->rec[k];
    /* x_k2 is increasing in x_j when -a/a2 > 0 */
    int inc = mpq_sgn(a) != mpq_sgn(a2);
    if (w->clof[j]) { /* x_j = l_j gives x_k2's lower bound if inc */
        mpq_mul(w->t, a, w->clo[j]);
        mpq_sub(w->t, b, w->t);
        mpq_div(w->t, w->t, a2);
        if (inc && (!w->clof[k2] || mpq_cmp(w->t, w->clo[k2]) > 0)) {
            set_lo(w, k2, w->t, k);
            rc->set_lo = LP_AT_LO;
        } else if (!inc && (!w->chif[k2] || mpq_cmp(w->t, w->chi[k2]) < 0)) {
            set_up(w, k2, w->t, k);
            rc->set_up = LP_AT_LO;
        }
    }
    if (w->chif[j]) {
        mpq_mul(w->t, a, w->chi[j]);
        mpq_sub(w->t, b, w->t);
        mpq_div(w->t, w->t, a2);
        if (inc && (!w->chif[k2] || mpq_cmp(w->t, w->chi[k2]) < 0)) {
            set_up(w, k2, w->t, k);
            rc->set_up = LP_AT_UP;
        } else if (!inc && (!w->clof[k2] || mpq_cmp(w->t, w->clo[k2]) > 0)) {
            set_lo(w, k2, w->t, k);
            rc->set_lo = LP_AT_UP;
        }
    }
    if (w->clof[k2] && w->chif[k2] && mpq_cmp(w->clo[k2], w->chi[k2]) > 0)
        w->infeasible = 1;
}

/* a new value index holding v (in the pool); -1 when memory runs out */
static long newval(pw *w, const mpq_t v)
{
    if (w->npool == w->apool) {
        long na = 2 * w->apool + 64, t;
        mpq_t *np = realloc(w->pool, (size_t)na * sizeof *np);
        double *nd;
        if (!np)
            return -1;
        for (t = w->apool; t < na; t++)
            mpq_init(np[t]);
        w->pool = np;
        w->apool = na;
        nd = realloc(w->aval, (size_t)(w->nnz + na + 1) * sizeof *nd);
        if (!nd)
            return -1;
        w->aval = nd;
    }
    mpq_set(w->pool[w->npool], v);
    w->aval[w->nnz + w->npool] = mpq_get_d(v);
    return w->nnz + w->npool++;
}

static void ldel(long *li, long *lk, long *len, long t)
{
    --*len;
    li[t] = li[*len];
    lk[t] = lk[*len];
}

/* a_ik += v (w->t): fills in a new entry or cancels one to 0; -1 when
 * memory runs out.  Clobbers w->t. */
static int add_entry(pw *w, long i, long k)
{
    long tr = lfind(w->rc[i], w->rlen[i], k), tc, nk;
    if (tr >= 0) {
        tc = lfind(w->cr[k], w->clen[k], i);
        mpq_add(w->t, w->t, val(w, w->rk[i][tr]));
        if (mpq_sgn(w->t) == 0) {
            ldel(w->rc[i], w->rk[i], &w->rlen[i], tr);
            ldel(w->cr[k], w->ck[k], &w->clen[k], tc);
            w->rcnt[i]--;
            w->ccnt[k]--;
        } else if ((nk = newval(w, w->t)) < 0) {
            return -1;
        } else {
            w->rk[i][tr] = nk;
            w->ck[k][tc] = nk;
        }
    } else if ((nk = newval(w, w->t)) < 0 ||
               lpush(&w->rc[i], &w->rk[i], &w->rlen[i], &w->rcap[i], k, nk) ||
               lpush(&w->cr[k], &w->ck[k], &w->clen[k], &w->ccap[k], i, nk)) {
        return -1;
    } else {
        w->rcnt[i]++;
        w->ccnt[k]++;
    }
    return 0;
}

/* x_j = (b - sum_q av[q] x_kk[q]) / a out of equality row r: its cost
 * moves to the kk (c_k -= c_j av / a, the constant c_j b / a to c0), it is
 * substituted into its other rows i (a_ik += -a_ij av / a, filling in or
 * cancelling; the sides move by -a_ij b / a), and the row and x_j are
 * dropped.  (R7') and (R10) share it.  a, av, b must not live in the pool
 * (newval() may move it).  0, or -1 when memory runs out. */
static int substitute(pw *w, long r, long j, const mpq_t a, long nk, const long *kk,
                      mpq_t *av, const mpq_t b)
{
    long q, t;
    mpq_t f;
    int rcode = 0;
    mpq_init(f);
    if (mpq_sgn(w->c[j]) != 0) {
        mpq_div(w->u, w->c[j], a);
        mpq_mul(w->t, w->u, b);
        mpq_add(w->c0, w->c0, w->t);
        for (q = 0; q < nk; q++) {
            mpq_mul(w->t, w->u, av[q]);
            mpq_sub(w->c[kk[q]], w->c[kk[q]], w->t);
        }
    }
    for (t = 0; t < w->clen[j] && !rcode; t++) {
        long i = w->cr[j][t];
        if (i == r || !w->ract[i])
            continue;
        mpq_div(f, val(w, w->ck[j][t]), a); /* a_ij / a */
        mpq_mul(w->t, f, b);
        shift_sides(w, i, w->t);
        w->rcnt[i]--;
        w->rdirty[i] = 1;
        for (q = 0; q < nk && !rcode; q++) {
            mpq_mul(w->t, f, av[q]);
            mpq_neg(w->t, w->t); /* a_ik += -a_ij a_rk / a */
            rcode = add_entry(w, i, kk[q]);
        }
    }
    mpq_clear(f);
    drop_row(w, r);
    w->cact[j] = 0;
    w->p->cols_dropped++;
    for (q = 0; q < nk; q++) {
        w->cdirty[kk[q]] = 1;
        rows_dirty(w, kk[q]);
    }
    return rcode;
}

/* (R7') the general doubleton a x_j + a2 x_k2 = b of row r, x_j with other
 * entries: x_j's bounds carried to x_k2, then x_j = (b - a2 x_k2) / a
 * substituted out (substitute). */
static int doubleton(pw *w, long r, long j, long k2, mpq_srcptr a0, mpq_srcptr a20)
{
    pre *p = w->p;
    long k = push(w, PRE_DOUBLETON, r, j);
    pre_rec *rc;
    mpq_t b, a, a2[1]; /* a, a2 copied: newval() may move the pool */
    int rcode;
    if (k < 0)
        return -1;
    mpq_init(a);
    mpq_init(a2[0]);
    mpq_set(a, a0);
    mpq_set(a2[0], a20);
    rc = &p->rec[k];
    rc->a = mpq_get_d(a);
    rc->a2 = mpq_get_d(a2[0]);
    rc->y = w->lp->sense * mpq_get_d(w->c[j]) / rc->a;
    rc->col2 = k2;
    rc->prev_lo = p->lsrc[k2];
    rc->prev_up = p->usrc[k2];
    mpq_init(b);
    mpq_set(b, w->rlo[r]);
    carry(w, k, j, k2, a, a2[0], b);
    rcode = substitute(w, r, j, a, 1, &k2, a2, b);
    mpq_clear(b);
    mpq_clear(a);
    mpq_clear(a2[0]);
    return rcode;
}

/* Whether column j of equality row r (entry a) is implied free by r: its
 * bounds follow from x_j = (b - s) / a, s over the others' activity. */
static int implied_free(pw *w, long j, long r, mpq_srcptr a)
{
    long nmin, nmax;
    int pos = mpq_sgn(a) > 0;
    activity(w, r, j, &nmin, &nmax);
    if (w->clof[j]) {
        if (pos ? nmax : nmin)
            return 0;
        mpq_sub(w->t, w->rlo[r], pos ? w->smax : w->smin);
        mpq_div(w->t, w->t, a);
        if (mpq_cmp(w->t, w->clo[j]) < 0)
            return 0;
    }
    if (w->chif[j]) {
        if (pos ? nmin : nmax)
            return 0;
        mpq_sub(w->t, w->rlo[r], pos ? w->smin : w->smax);
        mpq_div(w->t, w->t, a);
        if (mpq_cmp(w->t, w->chi[j]) > 0)
            return 0;
    }
    return 1;
}

/* (R10) on equality row r of 3..PRE_SUBST_ROW active columns: the column
 * with fewest entries (2..PRE_SUBST_COL) that r leaves implied free is
 * substituted out.  1 if done, 0 if none qualifies, -1 out of memory. */
static int try_subst(pw *w, long r)
{
    pre *p = w->p;
    long q, j = -1, nk = 0, kk[PRE_SUBST_ROW], k;
    mpq_t av[PRE_SUBST_ROW], a, b;
    int rcode;
    for (q = 0; q < w->rlen[r]; q++) {
        long c = w->rc[r][q];
        if (!w->cact[c] || w->ccnt[c] < 2 || w->ccnt[c] > PRE_SUBST_COL || (j >= 0 && w->ccnt[c] >= w->ccnt[j]))
            continue;
        if (implied_free(w, c, r, val(w, w->rk[r][q])))
            j = c;
    }
    if (j < 0)
        return 0;
    if ((k = push(w, PRE_SUBST, r, j)) < 0)
        return -1;
    mpq_inits(a, b, NULL);
    for (q = 0; q < PRE_SUBST_ROW; q++)
        mpq_init(av[q]);
    /* copies: newval() may move the pool */
    for (q = 0; q < w->rlen[r]; q++) {
        long c = w->rc[r][q];
        if (!w->cact[c])
            continue;
        if (c == j)
            mpq_set(a, val(w, w->rk[r][q]));
        else {
            kk[nk] = c;
            mpq_set(av[nk++], val(w, w->rk[r][q]));
        }
    }
    mpq_set(b, w->rlo[r]);
    p->rec[k].a = mpq_get_d(a);
    p->rec[k].y = w->lp->sense * mpq_get_d(w->c[j]) / p->rec[k].a;
    rcode = substitute(w, r, j, a, nk, kk, av, b);
    for (q = 0; q < PRE_SUBST_ROW; q++)
        mpq_clear(av[q]);
    mpq_clears(a, b, NULL);
    return rcode < 0 ? -1 : 1;
}

/* (R7) for column j, the only active column entry of equality row r */
static int colsing(pw *w, long j, long r)
{
    const lp_model *lp = w->lp;
    pre *p = w->p;
    long q, k2 = -1, k;
    mpq_srcptr a = NULL, a2 = NULL;
    int free_;
    mpq_t b;
    pre_rec *rc;
    for (q = 0; q < w->rlen[r]; q++) {
        long c = w->rc[r][q];
        if (c == j)
            a = val(w, w->rk[r][q]);
        else if (w->cact[c]) {
            k2 = c;
            a2 = val(w, w->rk[r][q]);
        }
    }
    if (!a)
        return 0;
    free_ = implied_free(w, j, r, a);
    if (!free_ && w->rcnt[r] != 2)
        return 0;
    k = push(w, free_ ? PRE_COLSING : PRE_DOUBLETON, r, j);
    if (k < 0)
        return -1;
    rc = &p->rec[k];
    rc->a = mpq_get_d(a);
    rc->y = lp->sense * mpq_get_d(w->c[j]) / rc->a;
    mpq_init(b);
    mpq_set(b, w->rlo[r]);
    if (!free_) {
        rc->col2 = k2;
        rc->a2 = mpq_get_d(a2);
        rc->prev_lo = p->lsrc[k2];
        rc->prev_up = p->usrc[k2];
        carry(w, k, j, k2, a, a2, b);
    }
    /* the cost of x_j moves to the row's other columns */
    if (mpq_sgn(w->c[j]) != 0) {
        mpq_div(w->u, w->c[j], a); /* c_j / a */
        mpq_mul(w->t, w->u, b);
        mpq_add(w->c0, w->c0, w->t);
        for (q = 0; q < w->rlen[r]; q++) {
            long c = w->rc[r][q];
            if (c == j || !w->cact[c])
                continue;
            mpq_mul(w->t, w->u, val(w, w->rk[r][q]));
            mpq_sub(w->c[c], w->c[c], w->t);
            w->cdirty[c] = 1;
        }
    }
    mpq_clear(b);
    drop_row(w, r);
    w->cact[j] = 0;
    p->cols_dropped++;
    return 0;
}

/* one column: (R2), (R3), (R8), (R7) */
static int col_step(pw *w, long j)
{
    const lp_model *lp = w->lp;
    int sc = lp->sense * mpq_sgn(w->c[j]);
    long q, k;
    if (w->ccnt[j] == 0) {
        int side;
        if (sc > 0 ? !w->clof[j] : sc < 0 ? !w->chif[j] : 0)
            return 0; /* unbounded if feasible: the solver says so */
        side = sc > 0 ? LP_AT_LO : sc < 0 ? LP_AT_UP
             : w->clof[j] ? LP_AT_LO : w->chif[j] ? LP_AT_UP : LP_AT_ZERO;
        if ((k = push(w, PRE_EMPTY_COL, -1, j)) < 0)
            return -1;
        w->p->rec[k].side = side;
        if (side == LP_AT_ZERO)
            mpq_set_ui(w->u, 0, 1);
        else
            mpq_set(w->u, side == LP_AT_LO ? w->clo[j] : w->chi[j]);
        fix_col(w, j, w->u);
        return 0;
    }
    if (w->clof[j] && w->chif[j] && mpq_equal(w->clo[j], w->chi[j])) {
        if (push(w, PRE_FIXED, -1, j) < 0)
            return -1;
        mpq_set(w->u, w->clo[j]);
        fix_col(w, j, w->u);
        return 0;
    }
    /* (R8): may x_j go down (dn) or up freely in every row? */
    {
        int dn = sc >= 0 && w->clof[j], up = sc <= 0 && w->chif[j];
        for (q = 0; q < w->clen[j] && (dn || up); q++) {
            long i = w->cr[j][q];
            int pos = mpq_sgn(val(w, w->ck[j][q])) > 0;
            if (!w->ract[i])
                continue;
            if (pos ? w->rlof[i] : w->rhif[i])
                dn = 0;
            if (pos ? w->rhif[i] : w->rlof[i])
                up = 0;
        }
        if (dn || up) {
            if ((k = push(w, PRE_DUALFIX, -1, j)) < 0)
                return -1;
            w->p->rec[k].side = dn ? LP_AT_LO : LP_AT_UP;
            mpq_set(w->u, dn ? w->clo[j] : w->chi[j]);
            fix_col(w, j, w->u);
            return 0;
        }
    }
    if (w->ccnt[j] == 1) {
        for (q = 0; q < w->clen[j]; q++) {
            long i = w->cr[j][q];
            if (w->ract[i]) {
                if (w->rlof[i] && w->rhif[i] && mpq_equal(w->rlo[i], w->rhi[i]))
                    return colsing(w, j, i);
                break;
            }
        }
    }
    return 0;
}

/* the reduced model of the active rows and columns */
static fk_status build(pw *w, fk_err *err)
{
    const lp_model *lp = w->lp;
    pre *p = w->p;
    lp_model *red = lp_new();
    long i, j, q, mr = 0, nr = 0;
    fk_status st = FK_OK;
    if (!red)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    red->sense = lp->sense;
    for (i = 0; i < w->m && !st; i++) {
        p->rmap[i] = -1;
        if (!w->ract[i])
            continue;
        if ((st = lp_add_row(red, lp->rname[i], &p->rmap[i], err)))
            break;
        p->rinv[mr++] = i;
        lp_set_row_lo(red, p->rmap[i], w->rlof[i] ? w->rlo[i] : NULL);
        lp_set_row_hi(red, p->rmap[i], w->rhif[i] ? w->rhi[i] : NULL);
    }
    for (j = 0; j < w->n && !st; j++) {
        long jr;
        p->cmap[j] = -1;
        if (!w->cact[j])
            continue;
        if ((st = lp_add_col(red, lp->cname[j], &jr, err)))
            break;
        p->cmap[j] = jr;
        p->cinv[nr++] = j;
        lp_set_col_lo(red, jr, w->clof[j] ? w->clo[j] : NULL);
        lp_set_col_hi(red, jr, w->chif[j] ? w->chi[j] : NULL);
        lp_set_obj(red, jr, w->c[j]);
        for (q = 0; q < w->clen[j] && !st; q++)
            if (w->ract[w->cr[j][q]])
                st = lp_add_coef(red, p->rmap[w->cr[j][q]], jr, val(w, w->ck[j][q]), err);
    }
    mpq_set(red->objconst, w->c0);
    if (!st)
        st = lp_finalize(red, err);
    if (st)
        lp_free(red);
    else
        p->red = red;
    return st;
}
/* A row's (column's) mutable lists: idx[0..len) and their keys, key[q]
 * when given, else key0 + q (the entry's place in the model's store);
 * room for one more.  -1: no memory. */
static int list_copy(long **idx, long **keys, long *cap, long *n, const long *src,
                     const long *key, long key0, long len)
{
    long q;
    *idx = malloc((size_t)(len + 1) * sizeof(long));
    *keys = malloc((size_t)(len + 1) * sizeof(long));
    if (!*idx || !*keys)
        return -1;
    *cap = len + 1;
    *n = len;
    for (q = 0; q < len; q++) {
        (*idx)[q] = src[q];
        (*keys)[q] = key ? key[q] : key0 + q;
    }
    return 0;
}


fk_status pre_run(pre *p, const lp_model *lp, double min_frac, fk_err *err)
{
    pw w;
    long m = lp->m, n = lp->n, i, j, q;
    fk_status st = FK_OK;

    pre_clear(p);
    if (!lp->finalized)
        return fk_fail(err, FK_EINVAL, NULL, "model not finalized");
    memset(&w, 0, sizeof w);
    w.lp = lp;
    w.p = p;
    w.m = m;
    w.n = n;
    p->m = m;
    p->n = n;
    mpq_init(w.c0);
    mpq_init(w.t);
    mpq_init(w.u);
    mpq_init(w.smin);
    mpq_init(w.smax);
    w.rlo = fk_qarr_new(m);
    w.rhi = fk_qarr_new(m);
    w.clo = fk_qarr_new(n);
    w.chi = fk_qarr_new(n);
    w.c = fk_qarr_new(n);
    w.rlof = fk_calloc((size_t)m + 1, 1);
    w.rhif = fk_calloc((size_t)m + 1, 1);
    w.ract = fk_calloc((size_t)m + 1, 1);
    w.rdirty = fk_calloc((size_t)m + 1, 1);
    w.clof = fk_calloc((size_t)n + 1, 1);
    w.chif = fk_calloc((size_t)n + 1, 1);
    w.cact = fk_calloc((size_t)n + 1, 1);
    w.cdirty = fk_calloc((size_t)n + 1, 1);
    w.rcnt = fk_calloc((size_t)m + 1, sizeof *w.rcnt);
    w.ccnt = fk_calloc((size_t)n + 1, sizeof *w.ccnt);
    w.drlo = fk_calloc((size_t)m + 1, sizeof(double));
    w.drhi = fk_calloc((size_t)m + 1, sizeof(double));
    w.dlo = fk_calloc((size_t)n + 1, sizeof(double));
    w.dup = fk_calloc((size_t)n + 1, sizeof(double));
    w.nnz = lp->nnz;
    w.aval = fk_calloc((size_t)lp->nnz + 1, sizeof(double));
    w.rlen = fk_calloc((size_t)m + 1, sizeof *w.rlen);
    w.rcap = fk_calloc((size_t)m + 1, sizeof *w.rcap);
    w.rc = fk_calloc((size_t)m + 1, sizeof *w.rc);
    w.rk = fk_calloc((size_t)m + 1, sizeof *w.rk);
    w.clen = fk_calloc((size_t)n + 1, sizeof *w.clen);
    w.ccap = fk_calloc((size_t)n + 1, sizeof *w.ccap);
    w.cr = fk_calloc((size_t)n + 1, sizeof *w.cr);
    w.ck = fk_calloc((size_t)n + 1, sizeof *w.ck);
    if (!w.rlen || !w.rcap || !w.rc || !w.rk || !w.clen || !w.ccap || !w.cr || !w.ck) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < m; i++)
        if (list_copy(&w.rc[i], &w.rk[i], &w.rcap[i], &w.rlen[i], lp->cidx + lp->rbeg[i],
                      lp->rpos + lp->rbeg[i], 0, lp->rbeg[i + 1] - lp->rbeg[i])) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto cleanup;
        }
    for (j = 0; j < n; j++)
        if (list_copy(&w.cr[j], &w.ck[j], &w.ccap[j], &w.clen[j], lp->ridx + lp->cbeg[j], NULL,
                      lp->cbeg[j], lp->cbeg[j + 1] - lp->cbeg[j])) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto cleanup;
        }
    p->rmap = fk_calloc((size_t)m + 1, sizeof *p->rmap);
    p->rinv = fk_calloc((size_t)m + 1, sizeof *p->rinv);
    p->cmap = fk_calloc((size_t)n + 1, sizeof *p->cmap);
    p->cinv = fk_calloc((size_t)n + 1, sizeof *p->cinv);
    p->lsrc = fk_calloc((size_t)n + 1, sizeof *p->lsrc);
    p->usrc = fk_calloc((size_t)n + 1, sizeof *p->usrc);
    if (!w.rlo || !w.rhi || !w.clo || !w.chi || !w.c || !w.rlof || !w.rhif || !w.ract ||
        !w.rdirty || !w.clof || !w.chif || !w.cact || !w.cdirty || !w.rcnt || !w.ccnt ||
        !w.drlo || !w.drhi || !w.dlo || !w.dup || !w.aval || !p->rmap || !p->rinv ||
        !p->cmap || !p->cinv || !p->lsrc || !p->usrc) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto cleanup;
    }
    for (i = 0; i < m; i++) {
        w.rlof[i] = lp->rlo_fin[i];
        w.rhif[i] = lp->rhi_fin[i];
        mpq_set(w.rlo[i], lp->rlo[i]);
        mpq_set(w.rhi[i], lp->rhi[i]);
        w.drlo[i] = bd(lp->rlo[i], w.rlof[i], -HUGE_VAL);
        w.drhi[i] = bd(lp->rhi[i], w.rhif[i], HUGE_VAL);
        w.ract[i] = w.rdirty[i] = 1;
        w.rcnt[i] = lp->rbeg[i + 1] - lp->rbeg[i];
    }
    for (j = 0; j < n; j++) {
        w.clof[j] = lp->clo_fin[j];
        w.chif[j] = lp->chi_fin[j];
        mpq_set(w.clo[j], lp->clo[j]);
        mpq_set(w.chi[j], lp->chi[j]);
        mpq_set(w.c[j], lp->obj[j]);
        w.dlo[j] = bd(lp->clo[j], w.clof[j], -HUGE_VAL);
        w.dup[j] = bd(lp->chi[j], w.chif[j], HUGE_VAL);
        w.cact[j] = w.cdirty[j] = 1;
        w.ccnt[j] = lp->cbeg[j + 1] - lp->cbeg[j];
        p->lsrc[j] = p->usrc[j] = -1;
    }
    for (q = 0; q < lp->nnz; q++)
        w.aval[q] = mpq_get_d(lp->val[q]);
    mpq_set(w.c0, lp->objconst);
    for (p->passes = 0; p->passes < PRE_MAX_PASSES;) {
        w.npass = 0;
        p->passes++;
        for (i = 0; i < m && !w.infeasible; i++)
            if (w.ract[i] && w.rdirty[i]) {
                w.rdirty[i] = 0;
                if (row_step(&w, i) < 0) {
                    st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                    goto cleanup;
                }
            }
        for (j = 0; j < n && !w.infeasible; j++)
            if (w.cact[j] && w.cdirty[j]) {
                w.cdirty[j] = 0;
                if (col_step(&w, j) < 0) {
                    st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                    goto cleanup;
                }
            }
        if (w.infeasible || w.npass == 0)
            break;
    }
    p->infeasible = w.infeasible;
    if (!w.infeasible && (double)p->rows_dropped >= min_frac * (double)m)
        st = build(&w, err);
cleanup:
    fk_qarr_free(w.rlo, m);
    fk_qarr_free(w.rhi, m);
    fk_qarr_free(w.clo, n);
    fk_qarr_free(w.chi, n);
    fk_qarr_free(w.c, n);
    free(w.rlof);
    free(w.rhif);
    free(w.ract);
    free(w.rdirty);
    free(w.clof);
    free(w.chif);
    free(w.cact);
    free(w.cdirty);
    free(w.rcnt);
    free(w.ccnt);
    free(w.drlo);
    free(w.drhi);
    free(w.dlo);
    free(w.dup);
    free(w.aval);
    for (i = 0; w.rc && i < m; i++) {
        free(w.rc[i]);
        free(w.rk[i]);
    }
    for (j = 0; w.cr && j < n; j++) {
        free(w.cr[j]);
        free(w.ck[j]);
    }
    free(w.rc);
    free(w.rk);
    free(w.rlen);
    free(w.rcap);
    free(w.cr);
    free(w.ck);
    free(w.clen);
    free(w.ccap);
    fk_qarr_free(w.pool, w.apool);
    mpq_clear(w.c0);
    mpq_clear(w.t);
    mpq_clear(w.u);
    mpq_clear(w.smin);
    mpq_clear(w.smax);
    if (st) {
        lp_free(p->red);
        p->red = NULL;
    }
    return st;
}

/* ---- map-back ---- */

typedef struct {
    const lp_model *lp;
    double *y, *aval, *sc;
} mb;

/* d_j = sc_j - A_j^T y with the duals known so far (0 for rows not yet
 * undone: they were not in the model the record saw) */
static double dj(const mb *b, long j)
{
    const lp_model *lp = b->lp;
    double d = b->sc[j];
    long q;
    for (q = lp->cbeg[j]; q < lp->cbeg[j + 1]; q++)
        d -= b->y[lp->ridx[q]] * b->aval[q];
    return d;
}

/* y := the reduced model's duals, B^T y = sc_B (0 where flu fails) */
static int red_duals(const pre *p, const lp_basis *rb, double *y)
{
    const lp_model *red = p->red;
    long mr = red->m, i, k;
    double *val = fk_calloc((size_t)red->nnz + 1, sizeof *val);
    double *u = fk_calloc((size_t)mr + 1, sizeof *u);
    long *dp = fk_calloc((size_t)mr + 1, sizeof *dp), *dr = fk_calloc((size_t)mr + 1, sizeof *dr);
    long nd = 0;
    flu f;
    int rc = -1;
    flu_init(&f);
    if (mr == 0) {
        rc = 0;
        goto out;
    }
    if (!val || !u || !dp || !dr)
        goto out;
    for (k = 0; k < red->nnz; k++)
        val[k] = mpq_get_d(red->val[k]);
    if (flu_factor(&f, mr, red->n, red->cbeg, red->ridx, val, rb->head, dp, dr, &nd))
        goto out;
    for (k = 0; k < mr; k++) {
        long h = rb->head[k];
        u[k] = h < red->n ? red->sense * mpq_get_d(red->obj[h]) : 0;
    }
    for (k = 0; k < nd; k++)
        u[dp[k]] = 0;
    flu_btran(&f, u);
    for (i = 0; i < mr; i++)
        y[p->rinv[i]] = isfinite(u[i]) ? u[i] : 0;
    rc = 0;
out:
    flu_clear(&f);
    free(val);
    free(u);
    free(dp);
    free(dr);
    return rc;
}

fk_status pre_basis_back(lp_basis *out, const pre *p, const lp_model *lp,
                         const lp_basis *rb, fk_err *err)
{
    long m = lp->m, n = lp->n, N = m + n, i, j, k, nb = 0;
    const lp_model *red = p->red;
    unsigned char *stat = NULL;
    long *lsrc = NULL, *usrc = NULL;
    mb b;
    fk_status st = FK_OK;

    memset(&b, 0, sizeof b);
    if (!red || rb->m != red->m || rb->n != red->n || p->m != m || p->n != n)
        return fk_fail(err, FK_EINVAL, NULL, "pre_basis_back: basis or model of the wrong size");
    if (out->m != m || out->n != n || !out->head) {
        lp_basis_clear(out);
        if (lp_basis_init(out, m, n))
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    stat = out->stat;
    b.lp = lp;
    b.y = fk_calloc((size_t)m + 1, sizeof *b.y);
    b.aval = fk_calloc((size_t)lp->nnz + 1, sizeof *b.aval);
    b.sc = fk_calloc((size_t)n + 1, sizeof *b.sc);
    lsrc = fk_calloc((size_t)n + 1, sizeof *lsrc);
    usrc = fk_calloc((size_t)n + 1, sizeof *usrc);
    if (!b.y || !b.aval || !b.sc || !lsrc || !usrc) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto cleanup;
    }
    for (k = 0; k < lp->nnz; k++)
        b.aval[k] = mpq_get_d(lp->val[k]);
    for (j = 0; j < n; j++) {
        b.sc[j] = lp->sense * mpq_get_d(lp->obj[j]);
        lsrc[j] = p->lsrc[j];
        usrc[j] = p->usrc[j];
    }
    for (j = 0; j < N; j++)
        stat[j] = UNSET;
    for (j = 0; j < n; j++)
        if (p->cmap[j] >= 0)
            stat[j] = rb->stat[p->cmap[j]];
    for (i = 0; i < m; i++)
        if (p->rmap[i] >= 0)
            stat[n + i] = rb->stat[red->n + p->rmap[i]];
    red_duals(p, rb, b.y);
    for (k = 0; k < p->nrec; k++)
        if (p->rec[k].kind == PRE_COLSING || p->rec[k].kind == PRE_DOUBLETON)
            b.y[p->rec[k].row] = p->rec[k].y;
    for (k = p->nrec - 1; k >= 0; k--) {
        const pre_rec *rc = &p->rec[k];
        long r = rc->row, c = rc->col;
        switch (rc->kind) {
        case PRE_EMPTY_ROW:
        case PRE_REDUNDANT:
            stat[n + r] = LP_BASIC;
            b.y[r] = 0;
            break;
        case PRE_FIXED:
        case PRE_EMPTY_COL:
        case PRE_DUALFIX:
            stat[c] = (unsigned char)(rc->side ? rc->side : dj(&b, c) >= 0 ? LP_AT_LO : LP_AT_UP);
            break;
        case PRE_SINGLETON: {
            int at = stat[c];
            b.y[r] = 0;
            if ((rc->set_lo && at == LP_AT_LO && lsrc[c] == k) ||
                (rc->set_up && at == LP_AT_UP && usrc[c] == k)) {
                /* x_c rests on the bound this row gave: the row is tight */
                stat[n + r] = (at == LP_AT_LO) == (rc->a > 0) ? LP_AT_LO : LP_AT_UP;
                stat[c] = LP_BASIC;
                b.y[r] = dj(&b, c) / rc->a;
            } else {
                stat[n + r] = LP_BASIC;
            }
            if (rc->set_lo)
                lsrc[c] = rc->prev_lo;
            if (rc->set_up)
                usrc[c] = rc->prev_up;
            break;
        }
        case PRE_FORCING: {
            /* y_r by a ratio test: d_j - y_r a_rj on each column's
             * dual-feasible side (see pre.h) */
            long best = -1;
            double by = 0;
            int eq = lp->rlo_fin[r] && lp->rhi_fin[r] && mpq_equal(lp->rlo[r], lp->rhi[r]);
            b.y[r] = 0;
            for (j = rc->beg; j < rc->end; j++) {
                double t = dj(&b, p->fcol[j]) / p->fa[j];
                stat[p->fcol[j]] = p->fside[j];
                if (best < 0 || (rc->side == LP_AT_UP ? t < by : t > by)) {
                    best = j;
                    by = t;
                }
            }
            if (best >= 0 && (eq || (rc->side == LP_AT_UP ? by < 0 : by > 0))) {
                stat[p->fcol[best]] = LP_BASIC;
                stat[n + r] = (unsigned char)rc->side;
                b.y[r] = by;
            } else {
                stat[n + r] = LP_BASIC;
            }
            break;
        }
        case PRE_COLSING:
            stat[c] = LP_BASIC;
            stat[n + r] = LP_AT_LO;
            break;
        case PRE_SUBST:
            stat[c] = LP_BASIC;
            stat[n + r] = LP_AT_LO;
            b.y[r] = 0;
            b.y[r] = dj(&b, c) / rc->a;
            break;
        case PRE_DOUBLETON: {
            long c2 = rc->col2;
            int at = stat[c2];
            stat[n + r] = LP_AT_LO;
            if ((rc->set_lo && at == LP_AT_LO && lsrc[c2] == k) ||
                (rc->set_up && at == LP_AT_UP && usrc[c2] == k)) {
                /* x_c2 rests on a bound carried over from x_c */
                stat[c] = at == LP_AT_LO ? rc->set_lo : rc->set_up;
                stat[c2] = LP_BASIC;
                b.y[r] = 0;
                b.y[r] = dj(&b, c2) / rc->a2;
            } else {
                stat[c] = LP_BASIC;
                b.y[r] = 0;
                b.y[r] = dj(&b, c) / rc->a;
            }
            if (rc->set_lo)
                lsrc[c2] = rc->prev_lo;
            if (rc->set_up)
                usrc[c2] = rc->prev_up;
            break;
        }
        }
    }
    for (j = 0; j < N; j++) {
        if (stat[j] == UNSET) {
            st = fk_fail(err, FK_EINVAL, NULL, "pre_basis_back: variable %ld left without a status", j);
            goto cleanup;
        }
        if (stat[j] == LP_BASIC) {
            if (nb < m)
                out->head[nb] = j;
            nb++;
        }
    }
    if (nb != m)
        st = fk_fail(err, FK_EINVAL, NULL, "pre_basis_back: %ld basics for %ld rows", nb, m);
cleanup:
    free(b.y);
    free(b.aval);
    free(b.sc);
    free(lsrc);
    free(usrc);
    return st;
}
