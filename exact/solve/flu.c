/* flu.c: sparse Markowitz LU of a simplex basis in flu_real (see flu.h).
 *
 * Right-looking elimination on an active submatrix held twice: by rows
 * with values (so the threshold test, which compares a pivot with its
 * row's largest entry, and the row updates are cheap) and by columns as a
 * pattern only (to find the rows a pivot column touches).  Rows and
 * columns sit in doubly linked buckets by their current count, so the
 * Markowitz search starts at the smallest counts and stops as soon as no
 * unexamined candidate can beat the best found (Suhl and Suhl's search
 * with a limit of a few candidates). */
#include "flu.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fk.h"

#define FABS(x) ((x) < 0 ? -(x) : (x))

#define SEARCH_LIMIT 4 /* candidates examined before settling */

void flu_init(flu *f)
{
    memset(f, 0, sizeof *f);
}

void flu_clear(flu *f)
{
    long i;
    for (i = 0; i < f->m; i++) {
        if (f->rcol) free(f->rcol[i]);
        if (f->rval) free(f->rval[i]);
        if (f->crow) free(f->crow[i]);
    }
    free(f->prow); free(f->pcol); free(f->piv); free(f->lrow); free(f->lstep);
    free(f->lbeg); free(f->lidx); free(f->lval);
    free(f->ubeg); free(f->uend); free(f->uroom); free(f->uidx); free(f->uval);
    free(f->ucbeg); free(f->ucend); free(f->ucrow); free(f->ucval);
    free(f->rbeg); free(f->rrow); free(f->rridx); free(f->rrval);
    free(f->spike); free(f->spl); free(f->work);
    free(f->lrbeg); free(f->lrrow); free(f->lrval);
    free(f->stepr); free(f->stepp); free(f->mark1); free(f->mark2);
    free(f->seed); free(f->list1); free(f->list2); free(f->stk); free(f->stq);
    free(f->rlen); free(f->rcap); free(f->rcol); free(f->rval);
    free(f->clen); free(f->cphys); free(f->ccap); free(f->crow);
    free(f->rnext); free(f->rprev); free(f->rhead);
    free(f->cnext); free(f->cprev); free(f->chead);
    free(f->rdone); free(f->cdone); free(f->mark); free(f->rmx); free(f->t);
    memset(f, 0, sizeof *f);
}

static int alloc_m(flu *f, long m)
{
    size_t M = (size_t)m + 2, S = M + FLU_FT_MAX;
    flu_clear(f);
    f->m = m;
    f->prow = fk_calloc(S, sizeof(long));
    f->pcol = fk_calloc(S, sizeof(long));
    f->piv = fk_calloc(S, sizeof(flu_real));
    f->lrow = fk_calloc(M, sizeof(long));
    f->lstep = fk_calloc(M, sizeof(long));
    f->lbeg = fk_calloc(M, sizeof(long));
    f->ubeg = fk_calloc(S, sizeof(long));
    f->uend = fk_calloc(S, sizeof(long));
    f->uroom = fk_calloc(S, sizeof(long));
    f->ucbeg = fk_calloc(M, sizeof(long));
    f->ucend = fk_calloc(M, sizeof(long));
    f->rbeg = fk_calloc(FLU_FT_MAX + 2, sizeof(long));
    f->rrow = fk_calloc(FLU_FT_MAX + 2, sizeof(long));
    f->spike = fk_calloc(M, sizeof(flu_real));
    f->spl = fk_calloc(M, sizeof(long));
    f->work = fk_calloc(M, sizeof(flu_real));
    f->lrbeg = fk_calloc(M, sizeof(long));
    f->stepr = fk_calloc(M, sizeof(long));
    f->stepp = fk_calloc(M, sizeof(long));
    f->mark1 = fk_calloc(M, sizeof(long));
    f->mark2 = fk_calloc(M, sizeof(long));
    f->seed = fk_calloc(M, sizeof(long));
    f->list1 = fk_calloc(M, sizeof(long));
    f->list2 = fk_calloc(M, sizeof(long));
    f->stk = fk_calloc(M, sizeof(long));
    f->stq = fk_calloc(M, sizeof(long));
    f->rlen = fk_calloc(M, sizeof(long));
    f->rcap = fk_calloc(M, sizeof(long));
    f->rcol = fk_calloc(M, sizeof(long *));
    f->rval = fk_calloc(M, sizeof(flu_real *));
    f->clen = fk_calloc(M, sizeof(long));
    f->cphys = fk_calloc(M, sizeof(long));
    f->ccap = fk_calloc(M, sizeof(long));
    f->crow = fk_calloc(M, sizeof(long *));
    f->rnext = fk_calloc(M, sizeof(long));
    f->rprev = fk_calloc(M, sizeof(long));
    f->rhead = fk_calloc(M, sizeof(long));
    f->cnext = fk_calloc(M, sizeof(long));
    f->cprev = fk_calloc(M, sizeof(long));
    f->chead = fk_calloc(M, sizeof(long));
    f->rdone = fk_calloc(M, 1);
    f->cdone = fk_calloc(M, 1);
    f->mark = fk_calloc(M, sizeof(long));
    f->rmx = fk_calloc(M, sizeof(flu_real));
    f->t = fk_calloc(M, sizeof(flu_real));
    if (!f->prow || !f->pcol || !f->piv || !f->lbeg || !f->ubeg || !f->ucbeg || !f->lrbeg || !f->rlen ||
        !f->lrow || !f->lstep || !f->uend || !f->uroom || !f->ucend || !f->rbeg || !f->rrow ||
        !f->spike || !f->spl || !f->work ||
        !f->stepr || !f->stepp || !f->mark1 || !f->mark2 || !f->seed || !f->list1 ||
        !f->list2 || !f->stk || !f->stq ||
        !f->rcap || !f->rcol || !f->rval || !f->clen || !f->cphys || !f->ccap || !f->crow ||
        !f->rnext || !f->rprev || !f->rhead || !f->cnext || !f->cprev ||
        !f->chead || !f->rdone || !f->cdone || !f->mark || !f->rmx || !f->t)
        return -1;
    return 0;
}

/* ---- count buckets (one pair of functions serves rows and columns) ---- */

static void bucket_del(long *head, long *next, long *prev, long x, long c)
{
    if (prev[x] >= 0)
        next[prev[x]] = next[x];
    else
        head[c] = next[x];
    if (next[x] >= 0)
        prev[next[x]] = prev[x];
}

static void bucket_add(long *head, long *next, long *prev, long x, long c)
{
    prev[x] = -1;
    next[x] = head[c];
    if (head[c] >= 0)
        prev[head[c]] = x;
    head[c] = x;
}

#define ROW_DEL(f, i) bucket_del((f)->rhead, (f)->rnext, (f)->rprev, i, (f)->rlen[i])
#define ROW_ADD(f, i) bucket_add((f)->rhead, (f)->rnext, (f)->rprev, i, (f)->rlen[i])
#define COL_DEL(f, k) bucket_del((f)->chead, (f)->cnext, (f)->cprev, k, (f)->clen[k])
#define COL_ADD(f, k) bucket_add((f)->chead, (f)->cnext, (f)->cprev, k, (f)->clen[k])

/* ---- growable storage ---- */

static long grow_cap(long cap, long need)
{
    cap = cap ? cap : 4;
    while (cap < need)
        cap *= 2;
    return cap;
}

static int row_fit(flu *f, long i, long need)
{
    long cap, *a;
    flu_real *v;
    if (need <= f->rcap[i])
        return 0;
    cap = grow_cap(f->rcap[i], need);
    if (!(a = fk_realloc(f->rcol[i], (size_t)cap, sizeof *a)))
        return -1;
    f->rcol[i] = a;
    if (!(v = fk_realloc(f->rval[i], (size_t)cap, sizeof *v)))
        return -1;
    f->rval[i] = v;
    f->rcap[i] = cap;
    return 0;
}

static int col_fit(flu *f, long k, long need)
{
    long cap, *a;
    if (need <= f->ccap[k])
        return 0;
    cap = grow_cap(f->ccap[k], need);
    if (!(a = fk_realloc(f->crow[k], (size_t)cap, sizeof *a)))
        return -1;
    f->crow[k] = a;
    f->ccap[k] = cap;
    return 0;
}

/* room for `need` entries in an index/value store of *alloc */
static int pair_fit(long **idx, flu_real **val, long *alloc, long need)
{
    long cap, *a;
    flu_real *v;
    if (need <= *alloc)
        return 0;
    cap = grow_cap(*alloc < 1024 ? 1024 : *alloc, need);
    if (!(a = fk_realloc(*idx, (size_t)cap, sizeof *a)))
        return -1;
    *idx = a;
    if (!(v = fk_realloc(*val, (size_t)cap, sizeof *v)))
        return -1;
    *val = v;
    *alloc = cap;
    return 0;
}

/* room for `more` further entries in L (which = 0) or U (which = 1) */
static int store_fit(flu *f, int which, long used, long more)
{
    long *alloc = which ? &f->ualloc : &f->lalloc, cap, *a;
    long **idx = which ? &f->uidx : &f->lidx;
    flu_real **val = which ? &f->uval : &f->lval, *v;
    if (used + more <= *alloc)
        return 0;
    cap = grow_cap(*alloc < 1024 ? 1024 : *alloc, used + more);
    if (!(a = fk_realloc(*idx, (size_t)cap, sizeof *a)))
        return -1;
    *idx = a;
    if (!(v = fk_realloc(*val, (size_t)cap, sizeof *v)))
        return -1;
    *val = v;
    *alloc = cap;
    return 0;
}

static int push_entry(flu *f, long i, long k, flu_real v)
{
    if (row_fit(f, i, f->rlen[i] + 1) || col_fit(f, k, f->cphys[k] + 1))
        return -1;
    f->rcol[i][f->rlen[i]] = k;
    f->rval[i][f->rlen[i]++] = v;
    f->rmx[i] = -1;
    f->crow[k][f->cphys[k]++] = i;
    f->clen[k]++;
    return 0;
}

/* ---- pivot search ---- */

/* Cached in rmx[i] until row i changes (push_entry, row_take). */
static flu_real row_max(flu *f, long i)
{
    long q;
    flu_real mx = 0;
    if (f->rmx[i] >= 0)
        return f->rmx[i];
    for (q = 0; q < f->rlen[i]; q++)
        if (FABS(f->rval[i][q]) > mx)
            mx = FABS(f->rval[i][q]);
    f->rmx[i] = mx;
    return mx;
}

static flu_real row_get(const flu *f, long i, long k)
{
    long q;
    for (q = 0; q < f->rlen[i]; q++)
        if (f->rcol[i][q] == k)
            return f->rval[i][q];
    return 0;
}

/* The active entry with the smallest Markowitz count (r-1)(c-1) among the
 * candidates examined, subject to the threshold; 0 if found. */
static int find_pivot(flu *f, long *pr, long *pk)
{
    long m = f->m, cnt, k, i, q, seen = 0;
    long best = LONG_MAX;
    for (cnt = 1; cnt <= m; cnt++) {
        for (k = f->chead[cnt]; k >= 0; k = f->cnext[k]) {
            int any = 0;
            for (q = 0; q < f->cphys[k]; q++) {
                long r = f->crow[k][q], mk;
                flu_real v;
                if (f->rdone[r])
                    continue;
                v = FABS(row_get(f, r, k));
                if (v < FLU_TOL_SING)
                    continue;
                /* a column singleton needs no multipliers: no threshold */
                if (cnt > 1 && v < FLU_THRESH * row_max(f, r))
                    continue;
                mk = (f->rlen[r] - 1) * (cnt - 1);
                any = 1;
                if (mk < best) {
                    best = mk;
                    *pr = r;
                    *pk = k;
                    if (best == 0)
                        return 0;
                }
            }
            if (any && ++seen >= SEARCH_LIMIT)
                return 0;
        }
        for (i = f->rhead[cnt]; i >= 0; i = f->rnext[i]) {
            flu_real mx = row_max(f, i);
            int any = 0;
            for (q = 0; q < f->rlen[i]; q++) {
                flu_real v = FABS(f->rval[i][q]);
                long kk = f->rcol[i][q], mk;
                if (v < FLU_TOL_SING || v < FLU_THRESH * mx)
                    continue;
                mk = (cnt - 1) * (f->clen[kk] - 1);
                any = 1;
                if (mk < best) {
                    best = mk;
                    *pr = i;
                    *pk = kk;
                    if (best == 0)
                        return 0;
                }
            }
            if (any && ++seen >= SEARCH_LIMIT)
                return 0;
        }
        /* every candidate not yet examined has row and column counts
         * above cnt, hence a Markowitz count of at least cnt^2 */
        if (best <= cnt * cnt)
            return 0;
    }
    return best < LONG_MAX ? 0 : -1;
}

/* ---- elimination ---- */

/* Row r (just pivoted, rdone set) leaves column k: only the count
 * changes; the stored pattern drops pivoted rows when it is compacted. */
static void col_remove(flu *f, long k)
{
    long q, w = 0;
    f->clen[k]--;
    if (f->cphys[k] > 2 * f->clen[k] + 8) {
        for (q = 0; q < f->cphys[k]; q++)
            if (!f->rdone[f->crow[k][q]])
                f->crow[k][w++] = f->crow[k][q];
        f->cphys[k] = w;
    }
}

static flu_real row_take(flu *f, long i, long k)
{
    long q;
    for (q = 0; q < f->rlen[i]; q++)
        if (f->rcol[i][q] == k) {
            flu_real v = f->rval[i][q];
            f->rmx[i] = -1;
            f->rlen[i]--;
            f->rcol[i][q] = f->rcol[i][f->rlen[i]];
            f->rval[i][q] = f->rval[i][f->rlen[i]];
            return v;
        }
    return 0;
}

static int eliminate(flu *f, long step, long p, long kq, long *nl, long *nu)
{
    long q, c, plen;
    flu_real pv;

    ROW_DEL(f, p);
    COL_DEL(f, kq);
    f->rdone[p] = 1;
    f->cdone[kq] = 1;
    pv = row_take(f, p, kq);
    plen = f->rlen[p];
    /* U row: the rest of the pivot row */
    if (store_fit(f, 1, *nu, plen))
        return -1;
    f->prow[step] = p;
    f->pcol[step] = kq;
    f->piv[step] = pv;
    f->ubeg[step] = *nu;
    for (q = 0; q < plen; q++) {
        long k = f->rcol[p][q];
        f->uidx[*nu] = k;
        f->uval[(*nu)++] = f->rval[p][q];
        COL_DEL(f, k);
        col_remove(f, k);
        COL_ADD(f, k);
    }
    f->ubeg[step + 1] = *nu;
    /* L eta: the rows below the pivot, each updated by its multiple of
     * the pivot row */
    if (store_fit(f, 0, *nl, f->cphys[kq]))
        return -1;
    f->lbeg[step] = *nl;
    for (c = 0; c < f->cphys[kq]; c++) {
        long i = f->crow[kq][c];
        flu_real l;
        if (f->rdone[i])
            continue;
        ROW_DEL(f, i);
        l = row_take(f, i, kq) / pv;
        f->lidx[*nl] = i;
        f->lval[(*nl)++] = l;
        for (q = 0; q < f->rlen[i]; q++)
            f->mark[f->rcol[i][q]] = q;
        for (q = 0; q < plen; q++) {
            long k = f->rcol[p][q];
            flu_real d = -l * f->rval[p][q];
            if (f->mark[k] >= 0) {
                f->rval[i][f->mark[k]] += d;
            } else {
                COL_DEL(f, k);
                if (push_entry(f, i, k, d)) {
                    COL_ADD(f, k);
                    return -1;
                }
                COL_ADD(f, k);
            }
        }
        for (q = 0; q < f->rlen[i]; q++)
            f->mark[f->rcol[i][q]] = -1;
        ROW_ADD(f, i);
    }
    f->lbeg[step + 1] = *nl;
    f->clen[kq] = 0;
    f->cphys[kq] = 0;
    f->rlen[p] = 0;
    return 0;
}

/* Transpose the step-ordered store beg/idx/val (entries q of step k keyed
 * by idx[q]) into obeg/orow/oval keyed by idx, each entry naming prow[k].
 * Returns -1 when memory runs out. */
static int transpose(const flu *f, const long *beg, const long *idx, const flu_real *val,
                     long *obeg, long **orow, flu_real **oval, long *ocap)
{
    long m = f->m, k, q, nnz = beg[m];
    if (nnz > *ocap) {
        long cap = grow_cap(*ocap < 1024 ? 1024 : *ocap, nnz), *a;
        flu_real *v;
        if (!(a = fk_realloc(*orow, (size_t)cap, sizeof *a)))
            return -1;
        *orow = a;
        if (!(v = fk_realloc(*oval, (size_t)cap, sizeof *v)))
            return -1;
        *oval = v;
        *ocap = cap;
    }
    memset(obeg, 0, ((size_t)m + 2) * sizeof *obeg);
    for (q = 0; q < nnz; q++)
        obeg[idx[q] + 2]++;
    for (k = 0; k < m; k++)
        obeg[k + 2] += obeg[k + 1];
    /* obeg[key + 1] is now key's start; filling advances it to the end */
    for (k = 0; k < m; k++)
        for (q = beg[k]; q < beg[k + 1]; q++) {
            long e = obeg[idx[q] + 1]++;
            (*orow)[e] = f->prow[k];
            (*oval)[e] = val[q];
        }
    return 0;
}

int flu_factor(flu *f, long m, long n, const long *cbeg, const long *ridx,
               const flu_real *val, const long *head, long *dep_pos,
               long *dep_row, long *ndep)
{
    long i, k, p, step, nl = 0, nu = 0, nd = 0, dr, dc;

    *ndep = 0;
    if (m != f->m || !f->prow) {
        if (alloc_m(f, m))
            return -1;
    }
    for (i = 0; i < m; i++) {
        f->rlen[i] = 0;
        f->clen[i] = 0;
        f->cphys[i] = 0;
        f->rdone[i] = 0;
        f->cdone[i] = 0;
        f->mark[i] = -1;
        f->rmx[i] = -1;
    }
    for (i = 0; i <= m + 1; i++) {
        f->rhead[i] = -1;
        f->chead[i] = -1;
    }
    for (k = 0; k < m; k++) {
        long j = head[k];
        if (j < n) {
            for (p = cbeg[j]; p < cbeg[j + 1]; p++)
                if (val[p] != 0 && push_entry(f, ridx[p], k, val[p]))
                    return -1;
        } else if (push_entry(f, j - n, k, -1.0)) {
            return -1;
        }
    }
    for (i = 0; i < m; i++) {
        ROW_ADD(f, i);
        COL_ADD(f, i);
    }
    for (step = 0; step < m; step++) {
        long r = -1, kq = -1;
        if (find_pivot(f, &r, &kq))
            break;
        if (eliminate(f, step, r, kq, &nl, &nu))
            return -1;
    }
    /* What is left is dependent: pair the unpivoted positions with the
     * unpivoted rows; each position gets that row's logical, -e_r, which
     * the L etas leave unchanged (they only read pivot rows), so its
     * step is a bare -1 pivot.  Entries of earlier U rows in those
     * positions belonged to the discarded columns and are dropped. */
    if (step < m) {
        long w = 0, s;
        dr = 0;
        dc = 0;
        while (step < m) {
            while (f->rdone[dr]) dr++;
            while (f->cdone[dc]) dc++;
            f->rdone[dr] = 1;
            f->cdone[dc] = 2;
            f->prow[step] = dr;
            f->pcol[step] = dc;
            f->piv[step] = -1.0;
            f->lbeg[step + 1] = f->lbeg[step] = nl;
            f->ubeg[step] = f->ubeg[step + 1] = nu;
            if (dep_pos) dep_pos[nd] = dc;
            if (dep_row) dep_row[nd] = dr;
            nd++;
            step++;
        }
        for (s = 0; s < m; s++) {
            long b = f->ubeg[s], e = f->ubeg[s + 1], q;
            f->ubeg[s] = w;
            for (q = b; q < e; q++)
                if (f->cdone[f->uidx[q]] != 2) {
                    f->uidx[w] = f->uidx[q];
                    f->uval[w++] = f->uval[q];
                }
        }
        f->ubeg[m] = w;
        nu = w;
    }
    f->lbeg[m] = nl;
    f->nnz_lu = nl + nu + m;
    *ndep = nd;
    if (transpose(f, f->ubeg, f->uidx, f->uval, f->ucbeg, &f->ucrow, &f->ucval, &f->ucalloc) ||
        transpose(f, f->lbeg, f->lidx, f->lval, f->lrbeg, &f->lrrow, &f->lrval, &f->lralloc))
        return -1;
    for (k = 0; k < m; k++) {
        f->stepr[f->prow[k]] = k;
        f->stepp[f->pcol[k]] = k;
        f->lrow[k] = f->prow[k];
        f->lstep[f->prow[k]] = k;
        f->uend[k] = f->uroom[k] = f->ubeg[k + 1];
        f->ucend[k] = f->ucbeg[k + 1];
    }
    f->uused = f->ubeg[m];
    f->ucused = f->ucbeg[m];
    f->nnz_u0 = f->nnz_u = f->ubeg[m];
    f->ns = m;
    f->nr = 0;
    f->rbeg[0] = 0;
    f->spike_ok = 0;
    return 0;
}

/* FTRAN's U part over every step, from t (by rows, after L) into v (by
 * positions).  U by columns: position pcol[k] is final once the later
 * steps have been subtracted from its row; a zero one is skipped.
 * Returns the result's nonzero count. */
static long ftran_u(flu *f, flu_real *v)
{
    long k, q, nz = 0;
    flu_real *t = f->t;
    for (k = f->ns - 1; k >= 0; k--) {
        long j = f->pcol[k];
        flu_real z;
        if (f->prow[k] < 0)
            continue;
        z = t[f->prow[k]];
        if (z == 0) {
            v[j] = 0;
            continue;
        }
        z /= f->piv[k];
        v[j] = z;
        nz++;
        for (q = f->ucbeg[j]; q < f->ucend[j]; q++)
            t[f->ucrow[q]] -= f->ucval[q] * z;
    }
    return nz;
}

/* The same by U's rows: a dot product per step, zero or not.  When most
 * of the result is nonzero (dfl001) nothing is there to skip, and this
 * order's reads beat the other's scattered writes (17 % of dfl001's float
 * time per iteration). */
static long ftran_u_rows(flu *f, flu_real *v)
{
    long k, q, nz = 0;
    flu_real *t = f->t;
    for (k = f->ns - 1; k >= 0; k--) {
        flu_real s;
        if (f->prow[k] < 0)
            continue;
        s = t[f->prow[k]];
        for (q = f->ubeg[k]; q < f->uend[k]; q++)
            s -= f->uval[q] * v[f->uidx[q]];
        v[f->pcol[k]] = s / f->piv[k];
        nz += s != 0;
    }
    return nz;
}

/* ---- hypersparse solves ---- */

/* The four graphs the solves walk: an edge i -> j when the value at node i
 * updates node j.  FT_L: rows, by L's etas (FTRAN, L part); FT_U: rows, by
 * U's columns (FTRAN, U part); BT_U: positions, by U's rows (BTRAN, U^T
 * part); BT_L: rows, by L^T's rows (BTRAN, L^T part). */
enum { FT_L, FT_U, BT_U, BT_L };

static const long *edges(const flu *f, int g, long x, long *b, long *e)
{
    long k;
    switch (g) {
    case FT_L:
        k = f->lstep[x];
        *b = f->lbeg[k];
        *e = f->lbeg[k + 1];
        return f->lidx;
    case FT_U:
        k = f->pcol[f->stepr[x]];
        *b = f->ucbeg[k];
        *e = f->ucend[k];
        return f->ucrow;
    case BT_U:
        k = f->stepp[x];
        *b = f->ubeg[k];
        *e = f->uend[k];
        return f->uidx;
    default:
        *b = f->lrbeg[x];
        *e = f->lrbeg[x + 1];
        return f->lrrow;
    }
}

/* Nodes reachable from seed[0..ns) in graph g, in postorder into out[]
 * (so out[n-1] down to out[0] is a topological order); mark[] gets stamp
 * on each.  Returns their count, or -1 once it passes limit. */
static long reach(flu *f, int g, const long *seed, long ns, long *out, long *mark,
                  long stamp, long limit)
{
    long *stk = f->stk, *stq = f->stq, s, n = 0;
    for (s = 0; s < ns; s++) {
        long top = 0, b, e;
        if (mark[seed[s]] == stamp)
            continue;
        mark[seed[s]] = stamp;
        stk[0] = seed[s];
        edges(f, g, seed[s], &stq[0], &e);
        while (top >= 0) {
            long x = stk[top];
            const long *adj = edges(f, g, x, &b, &e);
            if (stq[top] < e) {
                long y = adj[stq[top]++];
                if (mark[y] != stamp) {
                    mark[y] = stamp;
                    stk[++top] = y;
                    edges(f, g, y, &stq[top], &e);
                }
            } else {
                out[n++] = x;
                if (n > limit)
                    return -1;
                top--;
            }
        }
    }
    return n;
}

/* A right-hand side with more nonzeros than m / FLU_HYPER_IN, or a reach
 * above m / FLU_HYPER_OUT, takes the dense loops. */
#define FLU_HYPER_IN 32
#define FLU_HYPER_OUT 8

/* A predicted result share above 1/FLU_HYPER_OUT skips the hypersparse
 * attempt (its search would be cut off at m/FLU_HYPER_OUT, wasted); above
 * FLU_ROWFORM the row-form loops run, which skip nothing. */
#define FLU_ROWFORM 0.3

/* Running mean of the results' nonzero share, weight 1/8 on the newest. */
static void note_density(const flu *f, double *d, long nz)
{
    *d += ((double)nz / (double)(f->m > 0 ? f->m : 1) - *d) / 8;
}

static long next_stamp(flu *f)
{
    if (++f->stamp == LONG_MAX) {
        memset(f->mark1, 0, (size_t)f->m * sizeof *f->mark1);
        memset(f->mark2, 0, (size_t)f->m * sizeof *f->mark2);
        f->stamp = 1;
    }
    return f->stamp;
}

/* The nonzeros of x[0..m) into f->seed; -1 when above m / FLU_HYPER_IN. */
static long seeds(flu *f, const flu_real *x)
{
    long m = f->m, i, n = 0, lim = m / FLU_HYPER_IN;
    if (f->nhint > 0) {
        long a;
        if (f->nhint > lim)
            return -1;
        for (a = 0; a < f->nhint; a++)
            if (x[f->hint[a]] != 0)
                f->seed[n++] = f->hint[a];
        return n;
    }
    for (i = 0; i < m; i++)
        if (x[i] != 0) {
            if (n >= lim)
                return -1;
            f->seed[n++] = i;
        }
    return n;
}

/* A hypersparse solve's first reach: from the nonzeros of x, what graph g
 * reaches, into list1 (mark1 stamped *s1); -1 when x or that reach is too
 * dense for it. */
static long first_reach(flu *f, int g, const flu_real *x, long *s1)
{
    long ns = seeds(f, x);
    if (ns < 0)
        return -1;
    *s1 = next_stamp(f);
    return reach(f, g, f->seed, ns, f->list1, f->mark1, *s1, f->m / FLU_HYPER_OUT);
}

/* The spike for flu_update: t (after L and the R etas) at rows list[0..n),
 * or at rows 0..n-1 when list is NULL. */
static void keep_spike(flu *f, const long *list, long n)
{
    long a, k = 0;
    for (a = 0; a < f->nspl; a++)
        f->spike[f->spl[a]] = 0;
    for (a = 0; a < n; a++) {
        long i = list ? list[a] : a;
        if (f->t[i] != 0) {
            f->spike[i] = f->t[i];
            f->spl[k++] = i;
        }
    }
    f->nspl = k;
    f->keep = 0;
    f->spike_ok = 1;
}

/* FTRAN when v is sparse: 1 done, 0 the caller does it densely. */
static int ftran_hyper(flu *f, flu_real *v)
{
    long m = f->m, n1, n2, s1, s2, a, q, e;
    flu_real *t = f->t;
    if ((n1 = first_reach(f, FT_L, v, &s1)) < 0)
        return 0;
    for (a = 0; a < n1; a++)
        t[f->list1[a]] = v[f->list1[a]];
    for (a = n1 - 1; a >= 0; a--) {
        long i = f->list1[a], k = f->lstep[i];
        flu_real x = t[i];
        if (x == 0)
            continue;
        for (q = f->lbeg[k]; q < f->lbeg[k + 1]; q++)
            t[f->lidx[q]] -= f->lval[q] * x;
    }
    /* the R etas: a row they change joins the reach (its seeds need no
     * order) */
    for (e = 0; e < f->nr; e++) {
        long r = f->rrow[e];
        flu_real z = 0;
        for (q = f->rbeg[e]; q < f->rbeg[e + 1]; q++)
            if (f->mark1[f->rridx[q]] == s1)
                z += f->rrval[q] * t[f->rridx[q]];
        if (z == 0)
            continue;
        if (f->mark1[r] != s1) {
            f->mark1[r] = s1;
            t[r] = 0;
            f->list1[n1++] = r;
        }
        t[r] -= z;
    }
    if (f->keep)
        keep_spike(f, f->list1, n1);
    s2 = next_stamp(f);
    n2 = reach(f, FT_U, f->list1, n1, f->list2, f->mark2, s2, m / FLU_HYPER_OUT);
    if (n2 < 0) {
        /* t is right on L's reach and 0 elsewhere: finish densely */
        long i;
        for (i = 0; i < m; i++)
            if (f->mark1[i] != s1)
                t[i] = 0;
        note_density(f, &f->ftd, ftran_u(f, v));
        return 1;
    }
    for (a = 0; a < n2; a++)
        if (f->mark1[f->list2[a]] != s1)
            t[f->list2[a]] = 0;
    memset(v, 0, (size_t)m * sizeof *v);
    for (a = n2 - 1; a >= 0; a--) {
        long i = f->list2[a], k = f->stepr[i], j = f->pcol[k];
        flu_real z = t[i];
        if (z == 0)
            continue;
        z /= f->piv[k];
        v[j] = z;
        for (q = f->ucbeg[j]; q < f->ucend[j]; q++)
            t[f->ucrow[q]] -= f->ucval[q] * z;
    }
    note_density(f, &f->ftd, n2);
    return 1;
}

/* BTRAN when u is sparse: 1 done, 0 the caller does it densely. */
static int btran_hyper(flu *f, flu_real *u)
{
    long m = f->m, n1, n2, s1, s2, a, q, e;
    flu_real *t = f->t;
    if ((n1 = first_reach(f, BT_U, u, &s1)) < 0)
        return 0;
    /* U^T on positions, in u itself (u is 0 off the reach already) */
    for (a = n1 - 1; a >= 0; a--) {
        long j = f->list1[a], k = f->stepp[j];
        flu_real z = u[j] / f->piv[k];
        u[j] = 0;
        f->list1[a] = f->prow[k]; /* from now on: the row it lands on */
        t[f->prow[k]] = z;
        if (z == 0)
            continue;
        for (q = f->ubeg[k]; q < f->uend[k]; q++)
            u[f->uidx[q]] -= f->uval[q] * z;
    }
    /* rows reached through R^T or L^T only start at 0 (mark1 held
     * positions: a fresh stamp for the rows) */
    s1 = next_stamp(f);
    for (a = 0; a < n1; a++)
        f->mark1[f->list1[a]] = s1;
    for (e = f->nr - 1; e >= 0; e--) {
        long r = f->rrow[e];
        flu_real x;
        if (f->mark1[r] != s1 || (x = t[r]) == 0)
            continue;
        for (q = f->rbeg[e]; q < f->rbeg[e + 1]; q++) {
            long i = f->rridx[q];
            if (f->mark1[i] != s1) {
                f->mark1[i] = s1;
                t[i] = 0;
                f->list1[n1++] = i;
            }
            t[i] -= f->rrval[q] * x;
        }
    }
    s2 = next_stamp(f);
    n2 = reach(f, BT_L, f->list1, n1, f->list2, f->mark2, s2, m);
    for (a = 0; a < n2; a++)
        if (f->mark1[f->list2[a]] != s1)
            t[f->list2[a]] = 0;
    for (a = n2 - 1; a >= 0; a--) {
        long i = f->list2[a];
        flu_real x = t[i];
        u[i] = x;
        if (x == 0)
            continue;
        for (q = f->lrbeg[i]; q < f->lrbeg[i + 1]; q++)
            t[f->lrrow[q]] -= f->lrval[q] * x;
    }
    note_density(f, &f->btd, n2);
    return 1;
}

void flu_hint(flu *f, const long *idx, long n)
{
    f->hint = idx;
    f->nhint = n;
}

void flu_ftran(flu *f, flu_real *v)
{
    long m = f->m, k, q;
    flu_real *t = f->t;
    int hyper = f->ftd < 1.0 / FLU_HYPER_OUT && ftran_hyper(f, v);
    f->nhint = 0;
    if (hyper)
        return;
    memcpy(t, v, (size_t)m * sizeof *t);
    for (k = 0; k < m; k++) {
        flu_real a = t[f->lrow[k]];
        if (a == 0)
            continue;
        for (q = f->lbeg[k]; q < f->lbeg[k + 1]; q++)
            t[f->lidx[q]] -= f->lval[q] * a;
    }
    for (k = 0; k < f->nr; k++) {
        flu_real z = 0;
        for (q = f->rbeg[k]; q < f->rbeg[k + 1]; q++)
            z += f->rrval[q] * t[f->rridx[q]];
        t[f->rrow[k]] -= z;
    }
    if (f->keep)
        keep_spike(f, NULL, m);
    note_density(f, &f->ftd, f->ftd < FLU_ROWFORM ? ftran_u(f, v) : ftran_u_rows(f, v));
}

void flu_btran(flu *f, flu_real *u)
{
    long m = f->m, k, q, nz = 0;
    flu_real *t = f->t;
    int hyper = f->btd < 1.0 / FLU_HYPER_OUT && btran_hyper(f, u);
    f->nhint = 0;
    if (hyper)
        return;
    for (k = 0; k < f->ns; k++) {
        flu_real z;
        if (f->prow[k] < 0)
            continue;
        z = u[f->pcol[k]] / f->piv[k];
        t[f->prow[k]] = z;
        if (z == 0)
            continue;
        for (q = f->ubeg[k]; q < f->uend[k]; q++)
            u[f->uidx[q]] -= f->uval[q] * z;
    }
    for (k = f->nr - 1; k >= 0; k--) {
        flu_real a = t[f->rrow[k]];
        if (a == 0)
            continue;
        for (q = f->rbeg[k]; q < f->rbeg[k + 1]; q++)
            t[f->rridx[q]] -= f->rrval[q] * a;
    }
    if (f->btd < FLU_ROWFORM) {
        /* L^T by rows: row lrow[k] is final once the later steps are done */
        for (k = m - 1; k >= 0; k--) {
            long i = f->lrow[k];
            flu_real a = t[i];
            if (a == 0)
                continue;
            nz++;
            for (q = f->lrbeg[i]; q < f->lrbeg[i + 1]; q++)
                t[f->lrrow[q]] -= f->lrval[q] * a;
        }
    } else {
        /* L^T by L's etas: a dot product per step, zero or not */
        for (k = m - 1; k >= 0; k--) {
            flu_real s = 0;
            for (q = f->lbeg[k]; q < f->lbeg[k + 1]; q++)
                s += f->lval[q] * t[f->lidx[q]];
            t[f->lrow[k]] -= s;
            nz += t[f->lrow[k]] != 0;
        }
    }
    note_density(f, &f->btd, nz);
    memcpy(u, t, (size_t)m * sizeof *u);
}

/* ---- Forrest-Tomlin update (flu.h) ---- */

/* An update is refused when its new diagonal and alpha_p piv[s] differ by
 * more than FLU_FT_TOL relatively.  Every nonzero of the spike is stored:
 * the new diagonal g_r - mu^T g reads all of g, so an entry dropped from
 * the column would be missing from U'' but not from its diagonal, an
 * error times |mu| (up to 7e4 on dfl001); dropping below 1e-14 as the
 * eta file does took dfl001's dual from 25 cost shifts to 500 and its
 * basis to one 6.5e-11 infeasible in exact arithmetic. */
#ifdef FK_QUAD
#define FLU_FT_TOL 1e-16
#else
#define FLU_FT_TOL 1e-8
#endif

/* The entry with index key leaves idx/val[b, *end) (the last one takes
 * its place); 1 if there was one. */
static int pair_drop(long *idx, flu_real *val, long b, long *end, long key)
{
    long q;
    for (q = b; q < *end; q++)
        if (idx[q] == key) {
            --*end;
            idx[q] = idx[*end];
            val[q] = val[*end];
            return 1;
        }
    return 0;
}

/* U row of slot k loses its entry at position j. */
static void urow_drop(flu *f, long k, long j)
{
    f->nnz_u -= pair_drop(f->uidx, f->uval, f->ubeg[k], &f->uend[k], j);
}

/* U column of position j loses its entry in row i. */
static void ucol_drop(flu *f, long j, long i)
{
    pair_drop(f->ucrow, f->ucval, f->ucbeg[j], &f->ucend[j], i);
}

/* U row of slot k gains (j, v); a full row moves to the store's end with
 * room to spare. */
static int urow_add(flu *f, long k, long j, flu_real v)
{
    if (f->uend[k] == f->uroom[k]) {
        long len = f->uend[k] - f->ubeg[k], room = len + len / 2 + 4;
        if (pair_fit(&f->uidx, &f->uval, &f->ualloc, f->uused + room))
            return -1;
        memmove(f->uidx + f->uused, f->uidx + f->ubeg[k], (size_t)len * sizeof *f->uidx);
        memmove(f->uval + f->uused, f->uval + f->ubeg[k], (size_t)len * sizeof *f->uval);
        f->ubeg[k] = f->uused;
        f->uend[k] = f->uused + len;
        f->uroom[k] = f->uused + room;
        f->uused += room;
    }
    f->uidx[f->uend[k]] = j;
    f->uval[f->uend[k]++] = v;
    f->nnz_u++;
    return 0;
}

int flu_update(flu *f, long p, flu_real alpha_p)
{
    long m = f->m, s, r, k, q, left = 0, nmu = 0, r0, a, i;
    flu_real *w = f->work, *g = f->spike, d, e;
    if (!f->spike_ok || f->ns >= m + FLU_FT_MAX)
        return 1;
    f->spike_ok = 0;
    s = f->stepp[p];
    r = f->prow[s];
    r0 = f->rbeg[f->nr];
    if (pair_fit(&f->rridx, &f->rrval, &f->ralloc, r0 + (f->ns - s)))
        return -1;
    /* row r eliminated by the rows of the later steps, in their order;
     * w (by positions) is 0 outside row r and left so */
    for (q = f->ubeg[s]; q < f->uend[s]; q++) {
        w[f->uidx[q]] = f->uval[q];
        left++;
    }
    d = g[r];
    for (k = s + 1; k < f->ns && left > 0; k++) {
        long j = f->pcol[k];
        flu_real mu;
        if (f->prow[k] < 0 || w[j] == 0)
            continue;
        mu = w[j] / f->piv[k];
        w[j] = 0;
        left--;
        for (q = f->ubeg[k]; q < f->uend[k]; q++) {
            long j2 = f->uidx[q];
            int was = w[j2] != 0;
            w[j2] -= mu * f->uval[q];
            left += (w[j2] != 0) - was;
        }
        d -= mu * g[f->prow[k]];
        f->rridx[r0 + nmu] = f->prow[k];
        f->rrval[r0 + nmu++] = mu;
    }
    e = alpha_p * f->piv[s];
    if (!(FABS(d - e) <= FLU_FT_TOL * (FABS(d) + FABS(e))) || FABS(d) < FLU_TOL_SING)
        return 1;
    /* column p leaves the rows of the earlier steps, row r the columns */
    for (q = f->ucbeg[p]; q < f->ucend[p]; q++)
        urow_drop(f, f->stepr[f->ucrow[q]], p);
    for (q = f->ubeg[s]; q < f->uend[s]; q++)
        ucol_drop(f, f->uidx[q], r);
    f->nnz_u -= f->uend[s] - f->ubeg[s];
    f->uend[s] = f->ubeg[s];
    /* the spike as column p, at the column store's end */
    if (pair_fit(&f->ucrow, &f->ucval, &f->ucalloc, f->ucused + f->nspl))
        return -1;
    f->ucbeg[p] = f->ucused;
    for (a = 0; a < f->nspl; a++)
        if ((i = f->spl[a]) != r) {
            f->ucrow[f->ucused] = i;
            f->ucval[f->ucused++] = g[i];
            if (urow_add(f, f->stepr[i], p, g[i]))
                return -1;
        }
    f->ucend[p] = f->ucused;
    if (nmu > 0) {
        f->rrow[f->nr] = r;
        f->rbeg[++f->nr] = r0 + nmu;
    }
    /* step s moves to a new last slot */
    k = f->ns++;
    f->prow[k] = r;
    f->pcol[k] = p;
    f->piv[k] = d;
    f->ubeg[k] = f->uend[k] = f->uroom[k] = f->uused;
    f->prow[s] = -1;
    f->stepr[r] = k;
    f->stepp[p] = k;
    if (f->ns >= m + FLU_FT_MAX || f->nnz_u > 2 * f->nnz_u0 + m ||
        f->rbeg[f->nr] > f->nnz_u0 + m || f->uused > 4 * (f->nnz_u0 + m))
        return 2;
    return 0;
}
