/* prf_doc.c: the recomputation and the shared sentences behind the LaTeX
 * and Markdown appendices; see prf_doc.h. */
#include "prf_doc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void list_clear(prf_list *l)
{
    long k;
    for (k = 0; k < l->n; k++)
        mpq_clear(l->e[k].v);
    free(l->e);
    l->e = NULL;
    l->n = 0;
}

/* Entries are sorted by |v| descending, ties by index.  Comparing two
 * |v| exactly takes two products of thousand-digit numbers (|p_a| q_b vs
 * |p_b| q_a), and n log n of them were most of an appendix's time on
 * pilot87.  So each entry first gets |v| ~ f * 2^e, f = |p|/q of the
 * leading bits (mpz_get_d_2exp: f in (1/2, 2), off by a few units in the
 * last place), and two keys decide their order when they differ by more
 * than a millionth; only keys that close (mostly equal values) are
 * compared exactly.  The order is the exact one: the doubles only say
 * which exact comparisons can be skipped. */
typedef struct {
    long e, idx;
    double f;
    mpq_srcptr v;
} sort_key;

static int cmp_key(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    double fa;
    int s;
    mpz_t l, r;
    if (a->e - b->e >= 2 || b->e - a->e >= 2) /* the f's ratio is in (1/4, 4) */
        return a->e > b->e ? -1 : 1;
    fa = ldexp(a->f, (int)(a->e - b->e)); /* exact: a power of two */
    if (fa > b->f * (1 + 1e-6))
        return -1;
    if (fa < b->f * (1 - 1e-6))
        return 1;
    mpz_inits(l, r, NULL);
    mpz_mul(l, mpq_numref(a->v), mpq_denref(b->v));
    mpz_mul(r, mpq_numref(b->v), mpq_denref(a->v));
    s = mpz_cmpabs(r, l);
    mpz_clears(l, r, NULL);
    if (s != 0)
        return s;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

/* The nonzero entries of v[0..n-1], sorted by weight. */
static fk_status list_make(prf_list *l, mpq_t *const v, long n, fk_err *err)
{
    long j, k = 0;
    sort_key *key;
    l->n = 0;
    l->e = NULL;
    for (j = 0; j < n; j++)
        k += mpq_sgn(v[j]) != 0;
    if (k == 0)
        return FK_OK;
    key = fk_calloc((size_t)k, sizeof *key);
    l->e = fk_calloc((size_t)k, sizeof *l->e);
    if (key == NULL || l->e == NULL) {
        free(key);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    for (k = 0, j = 0; j < n; j++) {
        signed long en, ed;
        double fn, fd;
        if (mpq_sgn(v[j]) == 0)
            continue;
        fn = fabs(mpz_get_d_2exp(&en, mpq_numref(v[j])));
        fd = mpz_get_d_2exp(&ed, mpq_denref(v[j]));
        key[k].e = en - ed;
        key[k].f = fn / fd;
        key[k].idx = j;
        key[k].v = v[j];
        k++;
    }
    qsort(key, (size_t)k, sizeof *key, cmp_key);
    for (; l->n < k; l->n++) {
        l->e[l->n].idx = key[l->n].idx;
        mpq_init(l->e[l->n].v);
        mpq_set(l->e[l->n].v, key[l->n].v);
    }
    free(key);
    return FK_OK;
}

/* Family prefix of a row name into a fresh string (NULL on OOM). */
static char *family_of(const char *name)
{
    const char *b = strchr(name, '[');
    size_t len = b ? (size_t)(b - name) : strlen(name);
    char *p;
    if (b == NULL) {
        while (len > 0 && (name[len - 1] >= '0' && name[len - 1] <= '9'))
            len--;
        while (len > 0 && name[len - 1] == '_')
            len--;
        if (len == 0)
            len = strlen(name);
    }
    p = malloc(len + 1);
    if (p) {
        memcpy(p, name, len);
        p[len] = '\0';
    }
    return p;
}

static fk_status families(prf_doc *d, fk_err *err)
{
    const lp_model *lp = d->lp;
    long i, k;
    d->fam = NULL;
    d->nfam = 0;
    if (lp->m == 0)
        return FK_OK;
    d->fam = fk_calloc((size_t)lp->m, sizeof *d->fam);
    if (d->fam == NULL)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < lp->m; i++) {
        char *p = family_of(lp->rname[i]);
        prf_family *f;
        int lo = lp->rlo_fin[i], hi = lp->rhi_fin[i];
        if (p == NULL)
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        /* Families are few; a linear scan keeps first-seen order. */
        for (k = 0; k < d->nfam && strcmp(d->fam[k].prefix, p) != 0; k++)
            ;
        if (k == d->nfam) {
            d->fam[k].prefix = p;
            d->fam[k].first = i;
            d->nfam++;
        } else {
            free(p);
        }
        f = &d->fam[k];
        f->nrows++;
        if (lo && hi && mpq_equal(lp->rlo[i], lp->rhi[i]))
            f->neq++;
        else if (lo && hi)
            f->nrange++;
        else if (lo)
            f->nge++;
        else if (hi)
            f->nle++;
        else
            f->nfree++;
    }
    return FK_OK;
}

mpq_srcptr prf_doc_side(const prf_doc *d, long idx, int col, int sgn)
{
    const lp_model *lp = d->lp;
    if (col)
        return sgn > 0 ? lp->clo[idx] : lp->chi[idx];
    return sgn > 0 ? lp->rlo[idx] : lp->rhi[idx];
}

/* Long sums without a gcd per term: mpq_add reduces after every term,
 * and with the thousand-digit denominators of a large certificate those
 * gcds dominate the recomputation.  A vector is written once over its lcm
 * d (v = V/d, V integer), a sum of q_k * V_k (q_k the model's numbers) is
 * kept as n/e with e the lcm of the q_k's denominators so far, so a term is
 * one exact division by a small number and one mpz_addmul, and the sum is
 * reduced once: n/(e d).  The values are the same canonical mpq. */
typedef struct { mpz_t n, e; } qsum;

static mpz_t *over_lcm(mpz_t d, mpq_t *const v, long n)
{
    mpz_t *V = fk_calloc((size_t)n + 1, sizeof *V);
    long j;
    if (V == NULL)
        return NULL;
    mpz_set_ui(d, 1);
    for (j = 0; j < n; j++)
        if (!mpz_divisible_p(d, mpq_denref(v[j])))
            mpz_lcm(d, d, mpq_denref(v[j]));
    for (j = 0; j < n; j++) {
        mpz_init(V[j]);
        mpz_divexact(V[j], d, mpq_denref(v[j]));
        mpz_mul(V[j], V[j], mpq_numref(v[j]));
    }
    return V;
}

static void over_lcm_free(mpz_t *V, long n)
{
    long j;
    for (j = 0; j < n; j++)
        mpz_clear(V[j]);
    free(V);
}

static void qsum_add(qsum *a, const mpq_t q, const mpz_t z, mpz_t t)
{
    if (!mpz_divisible_p(a->e, mpq_denref(q))) { /* e = lcm(e, den q) */
        mpz_gcd(t, a->e, mpq_denref(q));
        mpz_divexact(t, mpq_denref(q), t);
        mpz_mul(a->n, a->n, t);
        mpz_mul(a->e, a->e, t);
    }
    mpz_divexact(t, a->e, mpq_denref(q));
    mpz_mul(t, t, mpq_numref(q));
    mpz_addmul(a->n, t, z);
}

/* out = a / d in lowest terms; a is reset to 0/1 */
static void qsum_get(mpq_t out, qsum *a, const mpz_t d)
{
    mpz_swap(mpq_numref(out), a->n);
    mpz_mul(mpq_denref(out), a->e, d);
    mpq_canonicalize(out);
    mpz_set_ui(a->n, 0);
    mpz_set_ui(a->e, 1);
}

/* v = a_i^T x for each row; FK_ENOMEM or FK_OK. */
static fk_status row_values(const lp_model *lp, mpq_t *const x, mpq_t *ax,
                            fk_err *err)
{
    long i, k;
    qsum a;
    mpz_t d, t, *X;
    mpz_inits(a.n, d, t, NULL);
    mpz_init_set_ui(a.e, 1);
    X = over_lcm(d, x, lp->n);
    for (i = 0; X != NULL && i < lp->m; i++) {
        for (k = lp->rbeg[i]; k < lp->rbeg[i + 1]; k++)
            qsum_add(&a, lp_rval(lp, k), X[lp->cidx[k]], t);
        qsum_get(ax[i], &a, d);
    }
    if (X != NULL)
        over_lcm_free(X, lp->n);
    mpz_clears(a.n, a.e, d, t, NULL);
    return X != NULL ? FK_OK : fk_fail(err, FK_ENOMEM, NULL, "out of memory");
}

static fk_status bad_q(fk_err *err, const char *what, const char *name,
                       const mpq_t a, const char *rel, const mpq_t b)
{
    char *sa = mpq_get_str(NULL, 10, a), *sb = mpq_get_str(NULL, 10, b);
    fk_fail(err, FK_EINVAL, NULL,
            "the certificate does not prove its claim: %s '%.80s': %.60s %s %.60s",
            what, name, sa ? sa : "?", rel, sb ? sb : "?");
    free(sa);
    free(sb);
    return FK_EINVAL;
}

/* x satisfies every row (values in ax) and bound; counts tight rows. */
static fk_status point_holds(prf_doc *d, mpq_t *const x, mpq_t *ax,
                             fk_err *err)
{
    const lp_model *lp = d->lp;
    long i, j;
    d->ntight = 0;
    for (i = 0; i < lp->m; i++) {
        if (lp->rlo_fin[i] && mpq_cmp(ax[i], lp->rlo[i]) < 0)
            return bad_q(err, "x violates row", lp->rname[i], ax[i], "<",
                         lp->rlo[i]);
        if (lp->rhi_fin[i] && mpq_cmp(ax[i], lp->rhi[i]) > 0)
            return bad_q(err, "x violates row", lp->rname[i], ax[i], ">",
                         lp->rhi[i]);
        d->ntight += (lp->rlo_fin[i] && mpq_equal(ax[i], lp->rlo[i])) ||
                     (lp->rhi_fin[i] && mpq_equal(ax[i], lp->rhi[i]));
    }
    for (j = 0; j < lp->n; j++) {
        if (lp->clo_fin[j] && mpq_cmp(x[j], lp->clo[j]) < 0)
            return bad_q(err, "x violates the lower bound of", lp->cname[j],
                         x[j], "<", lp->clo[j]);
        if (lp->chi_fin[j] && mpq_cmp(x[j], lp->chi[j]) > 0)
            return bad_q(err, "x violates the upper bound of", lp->cname[j],
                         x[j], ">", lp->chi[j]);
    }
    return FK_OK;
}

/* c'^T v with c' = sense * c (no c0). */
static fk_status cdot(const lp_model *lp, mpq_t *const v, int max, mpq_t out,
                      fk_err *err)
{
    long j;
    qsum a;
    mpz_t d, t, *V;
    mpz_inits(a.n, d, t, NULL);
    mpz_init_set_ui(a.e, 1);
    V = over_lcm(d, v, lp->n);
    for (j = 0; V != NULL && j < lp->n; j++)
        qsum_add(&a, lp->obj[j], V[j], t);
    qsum_get(out, &a, d);
    if (max)
        mpq_neg(out, out);
    if (V != NULL)
        over_lcm_free(V, lp->n);
    mpz_clears(a.n, a.e, d, t, NULL);
    return V != NULL ? FK_OK : fk_fail(err, FK_ENOMEM, NULL, "out of memory");
}

/* The infeasible and optimal recomputation: y's sign rule, b(y), the
 * column sums (into gv, n entries; infeasible: g = A^T y, optimal:
 * z = c' - A^T y) and their sum against the bounds (d->boxmax = M, or
 * d->zb), with the bound sides' finiteness checked.  Everything is summed
 * over y's lcm (see qsum); z is formed before it is reduced, so a basic
 * column's z = 0 costs no gcd, and the bound sum takes each z_j or g_j
 * unreduced: one canonicalisation per column and one per sum. */
static fk_status duals(prf_doc *d, mpq_t *gv, fk_err *err)
{
    const lp_model *lp = d->lp;
    const cert_data *c = d->c;
    int opt = c->status == CERT_OPTIMAL;
    long i, j, k;
    qsum *g;
    mpz_t dy, cdy, t, *Y;
    mpq_t q;
    fk_status st = FK_OK;
    for (i = 0; i < lp->m; i++) {
        int s = mpq_sgn(c->y[i]);
        if (s > 0 && !lp->rlo_fin[i])
            return fk_fail(err, FK_EINVAL, NULL,
                           "the certificate does not prove its claim: y > 0 "
                           "on row '%.80s', which has no lower side",
                           lp->rname[i]);
        if (s < 0 && !lp->rhi_fin[i])
            return fk_fail(err, FK_EINVAL, NULL,
                           "the certificate does not prove its claim: y < 0 "
                           "on row '%.80s', which has no upper side",
                           lp->rname[i]);
    }
    /* g[0..n): the column sums; g[n]: b(y); g[n+1]: the bound sum */
    g = fk_calloc((size_t)lp->n + 2, sizeof *g);
    if (g == NULL)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (k = 0; k <= lp->n + 1; k++)
        mpz_init(g[k].n), mpz_init_set_ui(g[k].e, 1);
    mpz_inits(dy, cdy, t, NULL);
    mpq_init(q);
    Y = over_lcm(dy, c->y, lp->m);
    if (Y == NULL) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (i = 0; i < lp->m; i++) {
        int s = mpz_sgn(Y[i]);
        if (s == 0)
            continue;
        qsum_add(&g[lp->n], prf_doc_side(d, i, 0, s), Y[i], t);
        for (k = lp->rbeg[i]; k < lp->rbeg[i + 1]; k++)
            qsum_add(&g[lp->cidx[k]], lp_rval(lp, k), Y[i], t);
    }
    qsum_get(d->by, &g[lp->n], dy);
    if (d->max) /* c'_j dy, for z_j = (c'_j dy - g_j dy) / dy */
        mpz_neg(cdy, dy);
    else
        mpz_set(cdy, dy);
    for (j = 0; j < lp->n; j++) {
        int s, side;
        if (opt) {
            mpz_neg(g[j].n, g[j].n);
            qsum_add(&g[j], lp->obj[j], cdy, t);
        }
        s = mpz_sgn(g[j].n);
        side = opt ? s : -s; /* z_j > 0 takes l_j, g_j > 0 takes u_j */
        if (s != 0 && !(side > 0 ? lp->clo_fin[j] : lp->chi_fin[j])) {
            if (opt)
                st = fk_fail(err, FK_EINVAL, NULL,
                             "the certificate does not prove its claim: the "
                             "reduced cost z is %s on column '%.80s', whose "
                             "%s bound is infinite",
                             s > 0 ? "positive" : "negative", lp->cname[j],
                             s > 0 ? "lower" : "upper");
            else
                st = fk_fail(err, FK_EINVAL, NULL,
                             "the certificate does not prove its claim: "
                             "g = A^T y is %s on column '%.80s', whose %s "
                             "bound is infinite", s > 0 ? "positive" : "negative",
                             lp->cname[j], s > 0 ? "upper" : "lower");
            goto done;
        }
        if (s != 0) { /* bound sum += bound_j * (n_j / e_j) / dy */
            mpq_srcptr b = prf_doc_side(d, j, 1, side);
            mpz_set(mpq_numref(q), mpq_numref(b));
            mpz_mul(mpq_denref(q), mpq_denref(b), g[j].e);
            mpq_canonicalize(q); /* small numbers: the model's and e_j */
            qsum_add(&g[lp->n + 1], q, g[j].n, t);
        }
        qsum_get(gv[j], &g[j], dy);
    }
    qsum_get(opt ? d->zb : d->boxmax, &g[lp->n + 1], dy);
done:
    for (k = 0; k <= lp->n + 1; k++)
        mpz_clears(g[k].n, g[k].e, NULL);
    free(g);
    if (Y != NULL)
        over_lcm_free(Y, lp->m);
    mpz_clears(dy, cdy, t, NULL);
    mpq_clear(q);
    return st;
}

static fk_status verify(prf_doc *d, mpq_t *gv, mpq_t *ax, fk_err *err)
{
    const lp_model *lp = d->lp;
    const cert_data *c = d->c;
    long i, j;
    mpq_t t;
    fk_status st = FK_OK;

    mpq_init(t);
    switch (c->status) {
    case CERT_INFEASIBLE:
        if ((st = duals(d, gv, err)) != FK_OK)
            break;
        if (mpq_cmp(d->boxmax, d->by) >= 0)
            st = bad_q(err, "max over the bounds M must be < b(y)", "M",
                       d->boxmax, ">=", d->by);
        break;
    case CERT_OPTIMAL:
        if ((st = row_values(lp, c->x, ax, err)) != FK_OK ||
            (st = point_holds(d, c->x, ax, err)) != FK_OK)
            break;
        if ((st = duals(d, gv, err)) != FK_OK)
            break;
        mpq_add(d->dual, d->by, d->zb);
        if ((st = cdot(lp, c->x, d->max, d->primal, err)) != FK_OK)
            break;
        if (!mpq_equal(d->primal, d->dual))
            st = bad_q(err, "primal c'^T x and dual bound differ", "c'^T x",
                       d->primal, "!=", d->dual);
        break;
    case CERT_UNBOUNDED:
        if ((st = row_values(lp, c->x, ax, err)) != FK_OK ||
            (st = point_holds(d, c->x, ax, err)) != FK_OK)
            break;
        if ((st = row_values(lp, c->r, ax, err)) != FK_OK)
            break;
        for (i = 0; i < lp->m; i++) {
            if ((lp->rlo_fin[i] && mpq_sgn(ax[i]) < 0) ||
                (lp->rhi_fin[i] && mpq_sgn(ax[i]) > 0)) {
                st = bad_q(err, "the ray leaves row", lp->rname[i], ax[i],
                           "has the wrong sign, vs", t);
                goto done;
            }
        }
        for (j = 0; j < lp->n; j++) {
            if ((lp->clo_fin[j] && mpq_sgn(c->r[j]) < 0) ||
                (lp->chi_fin[j] && mpq_sgn(c->r[j]) > 0)) {
                st = bad_q(err, "the ray leaves the bounds of", lp->cname[j],
                           c->r[j], "has the wrong sign, vs", t);
                goto done;
            }
        }
        if ((st = cdot(lp, c->r, d->max, d->primal, err)) != FK_OK)
            break;
        if (mpq_sgn(d->primal) >= 0)
            st = bad_q(err, "the ray must improve the objective", "c'^T r",
                       d->primal, ">=", t);
        break;
    case CERT_FEASIBLE:
        if ((st = row_values(lp, c->x, ax, err)) == FK_OK)
            st = point_holds(d, c->x, ax, err);
        break;
    default:
        st = fk_fail(err, FK_EINVAL, NULL, "bad certificate status");
    }
done:
    mpq_clear(t);
    return st;
}

fk_status prf_doc_build(prf_doc *d, const lp_model *lp, const cert_data *c,
                        fk_err *err)
{
    mpq_t *gv = NULL, *ax = NULL;
    long j, nv = 0, na = 0;
    fk_status st;

    memset(d, 0, sizeof *d);
    mpq_inits(d->by, d->boxmax, d->zb, d->dual, d->primal, d->value, NULL);
    d->lp = lp;
    d->c = c;
    d->max = lp->sense == LP_MAX;
    if (!lp->finalized) {
        st = fk_fail(err, FK_EINVAL, NULL, "model not finalized");
        goto fail;
    }
    if (c->m != lp->m || c->n != lp->n) {
        st = fk_fail(err, FK_EINVAL, NULL,
                     "certificate (%ld rows, %ld cols) does not fit the "
                     "model (%ld, %ld)", c->m, c->n, lp->m, lp->n);
        goto fail;
    }
    gv = fk_calloc((size_t)lp->n + 1, sizeof *gv);
    ax = fk_calloc((size_t)lp->m + 1, sizeof *ax);
    if (gv == NULL || ax == NULL) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto fail;
    }
    for (; nv < lp->n; nv++)
        mpq_init(gv[nv]);
    for (; na < lp->m; na++)
        mpq_init(ax[na]);
    if ((st = verify(d, gv, ax, err)) != FK_OK)
        goto fail;
    /* The model-sense objective of the point (with c0). */
    if ((st = cdot(lp, c->x, 0, d->value, err)) != FK_OK)
        goto fail;
    mpq_add(d->value, d->value, lp->objconst);
    if ((st = list_make(&d->x, c->x, lp->n, err)) != FK_OK ||
        (st = list_make(&d->y, c->y, lp->m, err)) != FK_OK ||
        (st = list_make(&d->r, c->r, lp->n, err)) != FK_OK ||
        (st = list_make(&d->g, gv, lp->n, err)) != FK_OK ||
        (st = families(d, err)) != FK_OK)
        goto fail;
    goto out;
fail:
    prf_doc_clear(d);
out:
    for (j = 0; j < nv; j++)
        mpq_clear(gv[j]);
    for (j = 0; j < na; j++)
        mpq_clear(ax[j]);
    free(gv);
    free(ax);
    return st;
}

void prf_doc_clear(prf_doc *d)
{
    long k;
    list_clear(&d->x);
    list_clear(&d->y);
    list_clear(&d->r);
    list_clear(&d->g);
    for (k = 0; k < d->nfam; k++)
        free(d->fam[k].prefix);
    free(d->fam);
    d->fam = NULL;
    d->nfam = 0;
    /* Idempotent: the mpq fields are cleared once, then marked. */
    if (d->lp != NULL)
        mpq_clears(d->by, d->boxmax, d->zb, d->dual, d->primal, d->value,
                   NULL);
    d->lp = NULL;
}

/* "1/2 x NAME" with the sign folded into the sentence by the caller. */
void prf_doc_combination(FILE *f, const prf_doc *d, const prf_style *s,
                         long top)
{
    long k, n = d->y.n, shown = n < top ? n : top;
    if (n == 0)
        return;
    fputs("adding ", f);
    for (k = 0; k < shown; k++) {
        if (k > 0)
            fputs(k == n - 1 ? " and " : ", ", f);
        fputs(s->math_on, f);
        s->num(f, d->y.e[k].v);
        fputs(s->times, f);
        s->name(f, d->lp->rname[d->y.e[k].idx]);
        fputs(s->math_off, f);
    }
    if (shown < n)
        fprintf(f, " and %ld more row%s (smaller multipliers, all listed "
                   "in the certificate)", n - shown, n - shown == 1 ? "" : "s");
}

/* One term of a linear form: " - 1/2 NAME"; the first without " + ". */
static void term(FILE *f, const prf_style *s, int first, const mpq_t v,
                 const char *name)
{
    mpq_t a;
    mpq_init(a);
    mpq_abs(a, v);
    if (mpq_sgn(v) < 0)
        fputs(first ? "-" : " - ", f);
    else if (!first)
        fputs(" + ", f);
    if (mpq_cmp_ui(a, 1, 1) != 0) {
        s->num(f, a);
        fputs(s->juxt, f);
    }
    s->name(f, name);
    mpq_clear(a);
}

void prf_doc_form(FILE *f, const prf_doc *d, const prf_list *l,
                  const prf_style *s, long maxterms)
{
    long k;
    if (l->n == 0) {
        fputs("0", f);
        return;
    }
    for (k = 0; k < l->n && k < maxterms; k++)
        term(f, s, k == 0, l->e[k].v, d->lp->cname[l->e[k].idx]);
    if (k < l->n)
        fprintf(f, s->more_terms, l->n - k);
}

void prf_doc_row(FILE *f, const prf_doc *d, long i, const prf_style *s,
                 long maxterms)
{
    const lp_model *lp = d->lp;
    long k, b = lp->rbeg[i], e = lp->rbeg[i + 1];
    int lo = lp->rlo_fin[i], hi = lp->rhi_fin[i];
    int eq = lo && hi && mpq_equal(lp->rlo[i], lp->rhi[i]);
    if (lo && hi && !eq) {
        s->num(f, lp->rlo[i]);
        fprintf(f, " %s ", s->le);
    }
    if (e == b)
        fputs("0", f);
    for (k = b; k < e && k - b < maxterms; k++)
        term(f, s, k == b, lp_rval(lp, k), lp->cname[lp->cidx[k]]);
    if (k < e)
        fprintf(f, s->more_terms, e - k);
    if (eq) {
        fprintf(f, " %s ", s->eq);
        s->num(f, lp->rlo[i]);
    } else if (hi) {
        fprintf(f, " %s ", s->le);
        s->num(f, lp->rhi[i]);
    } else if (lo) {
        fprintf(f, " %s ", s->ge);
        s->num(f, lp->rlo[i]);
    } else {
        fputs(" (free row: no constraint)", f);
    }
}

long prf_doc_find(const prf_doc *d, const char *name, int col)
{
    long k, n = col ? d->lp->n : d->lp->m;
    char *const *nm = col ? d->lp->cname : d->lp->rname;
    for (k = 0; k < n; k++)
        if (strcmp(nm[k], name) == 0)
            return k;
    return -1;
}

mpq_srcptr prf_doc_y(const prf_doc *d, long i)
{
    return d->c->y[i];
}

mpq_srcptr prf_doc_x(const prf_doc *d, long j)
{
    return d->c->x[j];
}
