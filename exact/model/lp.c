/* lp.c: the LP model and its builder (see lp.h). */
#include "lp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* name -> index: open addressing over a power-of-two table of indices into
 * the caller's name array (which owns the strings). */
struct lp_names {
    long cap;   /* slots, power of two */
    long used;
    long *slot; /* -1 empty, else index */
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static lp_names *names_new(void)
{
    lp_names *h = malloc(sizeof *h);
    long k;
    if (!h)
        return NULL;
    h->cap = 64;
    h->used = 0;
    h->slot = fk_calloc((size_t)h->cap, sizeof *h->slot);
    if (!h->slot) {
        free(h);
        return NULL;
    }
    for (k = 0; k < h->cap; k++)
        h->slot[k] = -1;
    return h;
}

static void names_free(lp_names *h)
{
    if (h) {
        free(h->slot);
        free(h);
    }
}

static long names_find(const lp_names *h, char *const *names, const char *s)
{
    long mask = h->cap - 1;
    long k = (long)(hash_str(s) & (uint64_t)mask);
    while (h->slot[k] >= 0) {
        if (strcmp(names[h->slot[k]], s) == 0)
            return h->slot[k];
        k = (k + 1) & mask;
    }
    return -1;
}

/* Insert idx (names[idx] already set); grows at load 1/2. */
static int names_insert(lp_names *h, char *const *names, long idx)
{
    long mask, k;
    if (2 * (h->used + 1) > h->cap) {
        long ncap = 2 * h->cap, j;
        long *ns = fk_calloc((size_t)ncap, sizeof *ns);
        if (!ns)
            return -1;
        for (j = 0; j < ncap; j++)
            ns[j] = -1;
        for (j = 0; j < h->cap; j++) {
            long v = h->slot[j];
            if (v >= 0) {
                long q = (long)(hash_str(names[v]) & (uint64_t)(ncap - 1));
                while (ns[q] >= 0)
                    q = (q + 1) & (ncap - 1);
                ns[q] = v;
            }
        }
        free(h->slot);
        h->slot = ns;
        h->cap = ncap;
    }
    mask = h->cap - 1;
    k = (long)(hash_str(names[idx]) & (uint64_t)mask);
    while (h->slot[k] >= 0)
        k = (k + 1) & mask;
    h->slot[k] = idx;
    h->used++;
    return 0;
}

lp_model *lp_new(void)
{
    lp_model *lp = calloc(1, sizeof *lp);
    if (!lp)
        return NULL;
    lp->sense = LP_MIN;
    lp->name = fk_strdup("");
    lp->objname = fk_strdup("");
    mpq_init(lp->objconst);
    lp->rhash = names_new();
    lp->chash = names_new();
    if (!lp->name || !lp->objname || !lp->rhash || !lp->chash) {
        lp_free(lp);
        return NULL;
    }
    return lp;
}

static void clear_matrix(lp_model *lp)
{
    long k;
    if (lp->val)
        for (k = 0; k < lp->nnz; k++)
            mpq_clear(lp->val[k]);
    free(lp->val);
    free(lp->rpos);
    free(lp->cbeg);
    free(lp->ridx);
    free(lp->rbeg);
    free(lp->cidx);
    lp->val = NULL;
    lp->rpos = NULL;
    lp->cbeg = lp->ridx = lp->rbeg = lp->cidx = NULL;
    lp->nnz = 0;
    lp->finalized = 0;
}

void lp_free(lp_model *lp)
{
    long k;
    if (!lp)
        return;
    for (k = 0; k < lp->m; k++) {
        free(lp->rname[k]);
        mpq_clear(lp->rlo[k]);
        mpq_clear(lp->rhi[k]);
    }
    for (k = 0; k < lp->n; k++) {
        free(lp->cname[k]);
        mpq_clear(lp->obj[k]);
        mpq_clear(lp->clo[k]);
        mpq_clear(lp->chi[k]);
    }
    free(lp->rname);
    free(lp->rlo);
    free(lp->rhi);
    free(lp->rlo_fin);
    free(lp->rhi_fin);
    free(lp->cname);
    free(lp->obj);
    free(lp->clo);
    free(lp->chi);
    free(lp->clo_fin);
    free(lp->chi_fin);
    for (k = 0; k < lp->tn; k++)
        mpq_clear(lp->tv[k]);
    free(lp->ti);
    free(lp->tj);
    free(lp->tv);
    clear_matrix(lp);
    names_free(lp->rhash);
    names_free(lp->chash);
    mpq_clear(lp->objconst);
    free(lp->name);
    free(lp->objname);
    free(lp);
}

static fk_status set_str(char **dst, const char *s, fk_err *err)
{
    char *d = fk_strdup(s);
    if (!d)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    free(*dst);
    *dst = d;
    return FK_OK;
}

fk_status lp_set_name(lp_model *lp, const char *name, fk_err *err)
{
    return set_str(&lp->name, name, err);
}

fk_status lp_set_objname(lp_model *lp, const char *name, fk_err *err)
{
    return set_str(&lp->objname, name, err);
}

/* Grow every per-row array to hold at least need rows.  Arrays are
 * realloc'ed one by one; on failure the ones already grown are merely
 * larger than needed, which is harmless. */
static int grow_rows(lp_model *lp, long need)
{
    long cap = lp->ralloc ? lp->ralloc : 16;
    void *p;
    if (need <= lp->ralloc)
        return 0;
    while (cap < need)
        cap *= 2;
#define GROW(field, type)                                                  \
    if (!(p = fk_realloc(lp->field, (size_t)cap, sizeof(type)))) return -1; \
    lp->field = p;
    GROW(rname, char *)
    GROW(rlo, mpq_t)
    GROW(rhi, mpq_t)
    GROW(rlo_fin, unsigned char)
    GROW(rhi_fin, unsigned char)
    lp->ralloc = cap;
    return 0;
}

static int grow_cols(lp_model *lp, long need)
{
    long cap = lp->calloc_ ? lp->calloc_ : 16;
    void *p;
    if (need <= lp->calloc_)
        return 0;
    while (cap < need)
        cap *= 2;
    GROW(cname, char *)
    GROW(obj, mpq_t)
    GROW(clo, mpq_t)
    GROW(chi, mpq_t)
    GROW(clo_fin, unsigned char)
    GROW(chi_fin, unsigned char)
#undef GROW
    lp->calloc_ = cap;
    return 0;
}

fk_status lp_add_row(lp_model *lp, const char *name, long *idx, fk_err *err)
{
    long i = lp->m;
    if (lp_find_row(lp, name) >= 0)
        return fk_fail(err, FK_EINVAL, NULL, "duplicate row name '%s'", name);
    if (grow_rows(lp, i + 1) || !(lp->rname[i] = fk_strdup(name)))
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    if (names_insert(lp->rhash, lp->rname, i)) {
        free(lp->rname[i]);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    mpq_init(lp->rlo[i]);
    mpq_init(lp->rhi[i]);
    lp->rlo_fin[i] = lp->rhi_fin[i] = 0;
    lp->m = i + 1;
    if (idx)
        *idx = i;
    lp->finalized = 0;
    return FK_OK;
}

fk_status lp_add_col(lp_model *lp, const char *name, long *idx, fk_err *err)
{
    long j = lp->n;
    if (lp_find_col(lp, name) >= 0)
        return fk_fail(err, FK_EINVAL, NULL, "duplicate column name '%s'", name);
    if (grow_cols(lp, j + 1) || !(lp->cname[j] = fk_strdup(name)))
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    if (names_insert(lp->chash, lp->cname, j)) {
        free(lp->cname[j]);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    mpq_init(lp->obj[j]);
    mpq_init(lp->clo[j]);
    mpq_init(lp->chi[j]);
    lp->clo_fin[j] = 1; /* default [0, +inf) */
    lp->chi_fin[j] = 0;
    lp->n = j + 1;
    if (idx)
        *idx = j;
    lp->finalized = 0;
    return FK_OK;
}

static void set_bound(mpq_t dst, unsigned char *fin, mpq_srcptr v)
{
    if (v) {
        mpq_set(dst, v);
        *fin = 1;
    } else {
        mpq_set_ui(dst, 0, 1);
        *fin = 0;
    }
}

void lp_set_row_lo(lp_model *lp, long i, mpq_srcptr v) { set_bound(lp->rlo[i], &lp->rlo_fin[i], v); }
void lp_set_row_hi(lp_model *lp, long i, mpq_srcptr v) { set_bound(lp->rhi[i], &lp->rhi_fin[i], v); }
void lp_set_col_lo(lp_model *lp, long j, mpq_srcptr v) { set_bound(lp->clo[j], &lp->clo_fin[j], v); }
void lp_set_col_hi(lp_model *lp, long j, mpq_srcptr v) { set_bound(lp->chi[j], &lp->chi_fin[j], v); }
void lp_set_obj(lp_model *lp, long j, const mpq_t v) { mpq_set(lp->obj[j], v); }

fk_status lp_add_coef(lp_model *lp, long i, long j, const mpq_t v, fk_err *err)
{
    if (i < 0 || i >= lp->m || j < 0 || j >= lp->n)
        return fk_fail(err, FK_EINVAL, NULL, "coefficient (%ld, %ld) out of range", i, j);
    if (mpq_sgn(v) == 0)
        return FK_OK;
    if (lp->tn == lp->talloc) {
        long cap = lp->talloc ? 2 * lp->talloc : 64;
        long *ni = fk_realloc(lp->ti, (size_t)cap, sizeof *ni);
        long *nj;
        mpq_t *nv;
        if (!ni)
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        lp->ti = ni;
        if (!(nj = fk_realloc(lp->tj, (size_t)cap, sizeof *nj)))
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        lp->tj = nj;
        if (!(nv = fk_realloc(lp->tv, (size_t)cap, sizeof *nv)))
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        lp->tv = nv;
        lp->talloc = cap;
    }
    lp->ti[lp->tn] = i;
    lp->tj[lp->tn] = j;
    mpq_init(lp->tv[lp->tn]);
    mpq_set(lp->tv[lp->tn], v);
    lp->tn++;
    lp->finalized = 0;
    return FK_OK;
}

/* Build CSC and the row view from the current matrix plus new triplets.
 * Counting sort by column, then by row inside each column; equal (i,j)
 * entries are summed and resulting zeros dropped. */
fk_status lp_finalize(lp_model *lp, fk_err *err)
{
    long m = lp->m, n = lp->n, old = lp->nnz, tot, k, j, i, q;
    long *cnt = NULL, *ti = NULL, *tj = NULL, *ord = NULL, *rowcnt = NULL;
    long *cbeg = NULL, *ridx = NULL, *rbeg = NULL, *cidx = NULL;
    mpq_t *val = NULL;
    long *rpos = NULL;
    long nz = 0;
    fk_status st = FK_OK;

    if (lp->finalized)
        return FK_OK;
    tot = old + lp->tn;
    /* gather old CSC entries and triplets into one (i, j, value-ref) list */
    ti = fk_calloc((size_t)tot, sizeof *ti);
    tj = fk_calloc((size_t)tot, sizeof *tj);
    ord = fk_calloc((size_t)tot, sizeof *ord);
    cnt = fk_calloc((size_t)(n > m ? n : m) + 2, sizeof *cnt);
    cbeg = fk_calloc((size_t)n + 1, sizeof *cbeg);
    rbeg = fk_calloc((size_t)m + 1, sizeof *rbeg);
    rowcnt = fk_calloc((size_t)m + 1, sizeof *rowcnt);
    if (!ti || !tj || !ord || !cnt || !cbeg || !rbeg || !rowcnt) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto cleanup;
    }
    for (j = 0; j < n && old; j++)
        for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++) {
            ti[k] = lp->ridx[k];
            tj[k] = j;
        }
    for (k = 0; k < lp->tn; k++) {
        ti[old + k] = lp->ti[k];
        tj[old + k] = lp->tj[k];
    }
    /* sort by row (stable), then by column (stable): column-major, rows ascending */
    {
        long *tmp = fk_calloc((size_t)tot, sizeof *tmp);
        if (!tmp) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto cleanup;
        }
        memset(cnt, 0, sizeof *cnt * (size_t)(m + 1));
        for (k = 0; k < tot; k++)
            cnt[ti[k] + 1]++;
        for (i = 0; i < m; i++)
            cnt[i + 1] += cnt[i];
        for (k = 0; k < tot; k++)
            tmp[cnt[ti[k]]++] = k;
        memset(cnt, 0, sizeof *cnt * (size_t)(n + 1));
        for (k = 0; k < tot; k++)
            cnt[tj[k] + 1]++;
        for (j = 0; j < n; j++)
            cnt[j + 1] += cnt[j];
        for (k = 0; k < tot; k++)
            ord[cnt[tj[tmp[k]]]++] = tmp[k];
        free(tmp);
    }
    val = fk_calloc((size_t)tot, sizeof *val);
    ridx = fk_calloc((size_t)tot, sizeof *ridx);
    if (!val || !ridx) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto cleanup;
    }
    for (k = 0; k < tot; k++) {
        long e = ord[k];
        mpq_srcptr v = e < old ? lp->val[e] : lp->tv[e - old];
        if (nz > 0 && ridx[nz - 1] == ti[e] && tj[ord[k - 1]] == tj[e]) {
            mpq_add(val[nz - 1], val[nz - 1], v);
        } else {
            mpq_init(val[nz]);
            mpq_set(val[nz], v);
            ridx[nz] = ti[e];
            cbeg[tj[e] + 1]++;
            nz++;
        }
    }
    for (j = 0; j < n; j++)
        cbeg[j + 1] += cbeg[j];
    /* drop zeros produced by summing */
    {
        long w = 0;
        for (j = 0; j < n; j++) {
            long b = cbeg[j], e = cbeg[j + 1];
            cbeg[j] = w;
            for (k = b; k < e; k++) {
                if (mpq_sgn(val[k]) != 0) {
                    if (w != k) {
                        mpq_swap(val[w], val[k]);
                        ridx[w] = ridx[k];
                    }
                    w++;
                }
            }
        }
        cbeg[n] = w;
        for (k = w; k < nz; k++)
            mpq_clear(val[k]);
        nz = w;
    }
    /* row view */
    rpos = fk_calloc((size_t)nz, sizeof *rpos);
    cidx = fk_calloc((size_t)nz, sizeof *cidx);
    if (!rpos || !cidx) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        for (k = 0; k < nz; k++)
            mpq_clear(val[k]);
        goto cleanup;
    }
    for (k = 0; k < nz; k++)
        rowcnt[ridx[k] + 1]++;
    for (i = 0; i < m; i++)
        rowcnt[i + 1] += rowcnt[i];
    memcpy(rbeg, rowcnt, sizeof *rbeg * (size_t)(m + 1));
    for (j = 0; j < n; j++)
        for (k = cbeg[j]; k < cbeg[j + 1]; k++) {
            q = rowcnt[ridx[k]]++;
            cidx[q] = j;
            rpos[q] = k;
        }
    /* install */
    for (k = 0; k < lp->tn; k++)
        mpq_clear(lp->tv[k]);
    lp->tn = 0;
    clear_matrix(lp);
    lp->nnz = nz;
    lp->cbeg = cbeg;
    lp->ridx = ridx;
    lp->val = val;
    lp->rbeg = rbeg;
    lp->cidx = cidx;
    lp->rpos = rpos;
    cbeg = ridx = rbeg = cidx = NULL;
    val = NULL;
    rpos = NULL;
    lp->finalized = 1;
cleanup:
    free(cnt);
    free(ti);
    free(tj);
    free(ord);
    free(rowcnt);
    free(cbeg);
    free(ridx);
    free(val);
    free(rbeg);
    free(cidx);
    free(rpos);
    return st;
}

fk_status lp_check_bounds(const lp_model *lp, fk_err *err)
{
    long k;
    for (k = 0; k < lp->m; k++)
        if (lp->rlo_fin[k] && lp->rhi_fin[k] && mpq_cmp(lp->rlo[k], lp->rhi[k]) > 0)
            return fk_fail(err, FK_EINVAL, NULL,
                           "row '%s' has lower side > upper side: the model is empty by its "
                           "bounds alone, which a certificate cannot express", lp->rname[k]);
    for (k = 0; k < lp->n; k++)
        if (lp->clo_fin[k] && lp->chi_fin[k] && mpq_cmp(lp->clo[k], lp->chi[k]) > 0)
            return fk_fail(err, FK_EINVAL, NULL,
                           "column '%s' has lower bound > upper bound: the model is empty by its "
                           "bounds alone, which a certificate cannot express", lp->cname[k]);
    return FK_OK;
}

long lp_find_row(const lp_model *lp, const char *name)
{
    return names_find(lp->rhash, lp->rname, name);
}

long lp_find_col(const lp_model *lp, const char *name)
{
    return names_find(lp->chash, lp->cname, name);
}

lp_model *lp_copy(const lp_model *src)
{
    lp_model *lp = lp_new();
    fk_err e;
    long i, j, k;
    if (!lp)
        return NULL;
    if (lp_set_name(lp, src->name, &e) || lp_set_objname(lp, src->objname, &e))
        goto fail;
    lp->sense = src->sense;
    lp->nrelax = src->nrelax;
    mpq_set(lp->objconst, src->objconst);
    for (i = 0; i < src->m; i++) {
        if (lp_add_row(lp, src->rname[i], NULL, &e))
            goto fail;
        lp_set_row_lo(lp, i, src->rlo_fin[i] ? src->rlo[i] : NULL);
        lp_set_row_hi(lp, i, src->rhi_fin[i] ? src->rhi[i] : NULL);
    }
    for (j = 0; j < src->n; j++) {
        if (lp_add_col(lp, src->cname[j], NULL, &e))
            goto fail;
        lp_set_col_lo(lp, j, src->clo_fin[j] ? src->clo[j] : NULL);
        lp_set_col_hi(lp, j, src->chi_fin[j] ? src->chi[j] : NULL);
        lp_set_obj(lp, j, src->obj[j]);
    }
    if (src->finalized) {
        for (j = 0; j < src->n; j++)
            for (k = src->cbeg[j]; k < src->cbeg[j + 1]; k++)
                if (lp_add_coef(lp, src->ridx[k], j, src->val[k], &e))
                    goto fail;
    }
    for (k = 0; k < src->tn; k++)
        if (lp_add_coef(lp, src->ti[k], src->tj[k], src->tv[k], &e))
            goto fail;
    if (src->finalized && lp_finalize(lp, &e))
        goto fail;
    return lp;
fail:
    lp_free(lp);
    return NULL;
}

void lp_objective(mpq_t r, const lp_model *lp, mpq_t *x)
{
    mpq_t t;
    long j;
    mpq_init(t);
    mpq_set(r, lp->objconst);
    for (j = 0; j < lp->n; j++)
        if (mpq_sgn(lp->obj[j]) && mpq_sgn(x[j])) {
            mpq_mul(t, lp->obj[j], x[j]);
            mpq_add(r, r, t);
        }
    mpq_clear(t);
}
