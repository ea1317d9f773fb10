/* t-doc.c: prf_doc_build's recomputation against one written here with
 * plain mpq arithmetic (a gcd per term, term by term in model order).
 *
 * prf_doc sums over common denominators and forms z = c' - A^T y before
 * reducing it (prf_doc.c, qsum); this test builds random models around a
 * chosen certificate so the answer is known by construction:
 *   optimal:    pick x, y and z with signs; put each row side with y_i != 0
 *               at a_i^T x, each column bound that z_j's sign uses at x_j,
 *               and c' = z + A^T y.  Then c'^T x = b(y) + sum z_j bound_j.
 *   infeasible: pick y and finite column bounds; b(y) > M by moving one
 *               side of a row with y_i > 0 (or not, half the time).
 * prf_doc's z (or g), b(y), M or the bound sum, c'^T x must equal the plain
 * ones, its lists must hold exactly the nonzeros sorted by |v| (ties by
 * index), and after a change of one y_i it must refuse exactly when the
 * plain recomputation says the certificate no longer proves its claim.
 * The numbers have large denominators so that common denominators and
 * their lcm matter, and some |y_i| are equal or a relative 1e-20 apart,
 * closer than the sort's double keys can tell. */
#include <stdlib.h>

#include "cert.h"
#include "lp.h"
#include "prf_doc.h"
#include "testlib.h"

/* a random rational: small (|p| <= 9, q <= 3) or with a big denominator */
static void rnd_q(mpq_t v, fk_rng *r, int big)
{
    mpz_set_si(mpq_numref(v), fk_rng_range(r, -9, 9));
    mpz_set_ui(mpq_denref(v), (unsigned long)fk_rng_range(r, 1, 3));
    if (big) {
        int k, nk = (int)fk_rng_range(r, 1, 4);
        for (k = 0; k < nk; k++) {
            mpz_mul_ui(mpq_numref(v), mpq_numref(v), (unsigned long)fk_rng_range(r, 1, 1000003));
            mpz_mul_ui(mpq_denref(v), mpq_denref(v), (unsigned long)fk_rng_range(r, 1, 1000003));
        }
    }
    mpq_canonicalize(v);
}

/* the plain verdict on (lp, c) and its numbers: 1 if the certificate proves
 * its claim.  z: c' - A^T y (optimal) or A^T y (infeasible). */
static int plain(const lp_model *lp, const cert_data *c, mpq_t *z, mpq_t by,
                 mpq_t bsum, mpq_t primal)
{
    long i, j, k;
    int ok = 1, opt = c->status == CERT_OPTIMAL;
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(by, 0, 1);
    mpq_set_ui(bsum, 0, 1);
    mpq_set_ui(primal, 0, 1);
    for (j = 0; j < lp->n; j++) {
        mpq_set_ui(z[j], 0, 1);
        if (opt) {
            mpq_set(z[j], lp->obj[j]);
            if (lp->sense == LP_MAX)
                mpq_neg(z[j], z[j]);
        }
    }
    for (i = 0; i < lp->m; i++) {
        int s = mpq_sgn(c->y[i]);
        if ((s > 0 && !lp->rlo_fin[i]) || (s < 0 && !lp->rhi_fin[i]))
            ok = 0;
        else if (s != 0) {
            mpq_mul(t, c->y[i], s > 0 ? lp->rlo[i] : lp->rhi[i]);
            mpq_add(by, by, t);
        }
        for (k = lp->rbeg[i]; k < lp->rbeg[i + 1]; k++) {
            mpq_mul(t, lp_rval(lp, k), c->y[i]);
            if (opt)
                mpq_sub(z[lp->cidx[k]], z[lp->cidx[k]], t);
            else
                mpq_add(z[lp->cidx[k]], z[lp->cidx[k]], t);
        }
    }
    for (j = 0; j < lp->n; j++) {
        int s = mpq_sgn(z[j]), lo = opt ? s > 0 : s < 0;
        if (s == 0)
            continue;
        if (!(lo ? lp->clo_fin[j] : lp->chi_fin[j])) {
            ok = 0;
            continue;
        }
        mpq_mul(t, z[j], lo ? lp->clo[j] : lp->chi[j]);
        mpq_add(bsum, bsum, t);
    }
    if (opt) {
        for (j = 0; j < lp->n; j++) {
            mpq_mul(t, lp->obj[j], c->x[j]);
            mpq_add(primal, primal, t);
        }
        if (lp->sense == LP_MAX)
            mpq_neg(primal, primal);
        mpq_add(t, by, bsum);
        ok = ok && mpq_equal(t, primal);
    } else {
        ok = ok && mpq_cmp(bsum, by) < 0;
    }
    mpq_clear(t);
    return ok;
}

/* d's list l must be the nonzeros of v, sorted by |v| descending, then index */
static int list_is(const prf_list *l, mpq_t *const v, long n)
{
    long j, k, nz = 0;
    mpq_t a, b;
    int ok = 1;
    mpq_inits(a, b, NULL);
    for (j = 0; j < n; j++)
        nz += mpq_sgn(v[j]) != 0;
    ok = TL_CHECK(l->n == nz, "list has %ld entries, want %ld", l->n, nz);
    for (k = 0; ok && k < l->n; k++) {
        ok = TL_CHECK(mpq_equal(l->e[k].v, v[l->e[k].idx]), "entry %ld differs", k);
        if (ok && k > 0) {
            mpq_abs(a, l->e[k - 1].v);
            mpq_abs(b, l->e[k].v);
            ok = TL_CHECK(mpq_cmp(a, b) > 0 || (mpq_equal(a, b) && l->e[k - 1].idx < l->e[k].idx),
                          "entries %ld, %ld out of order", k - 1, k);
        }
    }
    mpq_clears(a, b, NULL);
    return ok;
}

static long nacc[2], nref[2]; /* accepted, refused: both must occur */

static int one(fk_rng *r, int opt)
{
    long m = fk_rng_range(r, 1, 7), n = fk_rng_range(r, 1, 8), i, j, idx;
    int big = (int)fk_rng_range(r, 0, 1), ok, built;
    lp_model *lp = lp_new();
    cert_data *c = cert_new(m, n);
    mpq_t *z = fk_qarr_new(n), *ax = fk_qarr_new(m), v, by, bsum, primal;
    prf_doc d;
    fk_err e;
    char name[32];
    mpq_inits(v, by, bsum, primal, NULL);
    c->status = opt ? CERT_OPTIMAL : CERT_INFEASIBLE;
    lp->sense = c->sense = fk_rng_range(r, 0, 1) ? LP_MAX : LP_MIN;
    for (i = 0; i < m; i++) {
        snprintf(name, sizeof name, "R%ld", i);
        lp_add_row(lp, name, &idx, &e);
    }
    for (j = 0; j < n; j++) {
        snprintf(name, sizeof name, "C%ld", j);
        lp_add_col(lp, name, &idx, &e);
        for (i = 0; i < m; i++)
            if (fk_rng_range(r, 0, 2) == 0) {
                rnd_q(v, r, 0);
                lp_add_coef(lp, i, j, v, &e);
                rnd_q(z[j], r, 0);
            }
        if (opt)
            rnd_q(c->x[j], r, big);
    }
    lp_finalize(lp, &e);
    for (i = 0; i < m; i++) { /* a_i^T x, then y_i and the sides */
        long k;
        for (k = lp->rbeg[i]; k < lp->rbeg[i + 1]; k++) {
            mpq_mul(v, lp_rval(lp, k), c->x[lp->cidx[k]]);
            mpq_add(ax[i], ax[i], v);
        }
        rnd_q(c->y[i], r, big);
        if (fk_rng_range(r, 0, 3) == 0)
            mpq_set_ui(c->y[i], 0, 1);
        if (i > 0 && fk_rng_range(r, 0, 2) == 0) { /* |y| equal or 1e-20 apart: the sort's near ties */
            mpq_set_str(v, fk_rng_range(r, 0, 1) ? "-1/100000000000000000000" : "0", 10);
            mpq_mul(v, v, c->y[i - 1]);
            mpq_add(c->y[i], c->y[i - 1], v);
            if (fk_rng_range(r, 0, 1))
                mpq_neg(c->y[i], c->y[i]);
        }
        mpq_set_si(v, opt ? -fk_rng_range(r, 0, 3) : fk_rng_range(r, -20, 3), 1);
        mpq_add(v, v, ax[i]);
        lp_set_row_lo(lp, i, mpq_sgn(c->y[i]) > 0 ? (opt ? ax[i] : v) : fk_rng_range(r, 0, 1) ? v : NULL);
        mpq_set_si(v, fk_rng_range(r, opt ? 0 : 3, 20), 1);
        mpq_add(v, v, ax[i]);
        lp_set_row_hi(lp, i, mpq_sgn(c->y[i]) < 0 ? (opt ? ax[i] : v) : fk_rng_range(r, 0, 1) ? v : NULL);
    }
    for (j = 0; j < n; j++) { /* bounds around x_j, at x_j on z_j's side */
        int s = (int)fk_rng_range(r, -1, 1);
        mpq_set_si(v, -fk_rng_range(r, opt ? 0 : 1, 5), 1);
        mpq_add(v, v, c->x[j]);
        lp_set_col_lo(lp, j, opt && s > 0 ? c->x[j] : !opt || fk_rng_range(r, 0, 1) ? v : NULL);
        mpq_set_si(v, fk_rng_range(r, opt ? 0 : 1, 5), 1);
        mpq_add(v, v, c->x[j]);
        lp_set_col_hi(lp, j, opt && s < 0 ? c->x[j] : !opt || fk_rng_range(r, 0, 1) ? v : NULL);
        if (opt) { /* c'_j = z_j + (A^T y)_j with z_j of sign s */
            long k;
            mpq_abs(z[j], z[j]);
            if (mpq_sgn(z[j]) == 0)
                mpq_set_ui(z[j], 1, 2);
            if (s <= 0)
                mpq_neg(z[j], z[j]);
            if (s == 0)
                mpq_set_ui(z[j], 0, 1);
            for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++) {
                mpq_mul(v, lp->val[k], c->y[lp->ridx[k]]);
                mpq_add(z[j], z[j], v);
            }
            if (lp->sense == LP_MAX)
                mpq_neg(z[j], z[j]);
            lp_set_obj(lp, j, z[j]);
        }
    }
    ok = plain(lp, c, z, by, bsum, primal);
    if (!opt && !ok && fk_rng_range(r, 0, 1)) { /* lift one y_i > 0 row's lo */
        for (i = 0; i < m && mpq_sgn(c->y[i]) <= 0; i++)
            ;
        if (i < m && mpq_cmp(bsum, by) >= 0) {
            mpq_sub(v, bsum, by);
            mpq_div(v, v, c->y[i]);
            mpq_add(v, v, lp->rlo[i]);
            mpq_set_ui(primal, 1, 1);
            mpq_add(v, v, primal);
            lp_set_row_lo(lp, i, v);
            lp_set_row_hi(lp, i, NULL);
            ok = plain(lp, c, z, by, bsum, primal);
        }
    }
    TL_CHECK(!opt || ok, "the constructed optimal certificate fails the plain check");
    for (int round = 0; round < 2; round++) {
        built = prf_doc_build(&d, lp, c, &e) == FK_OK;
        TL_CHECK(built == ok, "round %d: prf_doc_build %s, the plain check %s (%s)", round,
                 built ? "accepts" : "refuses", ok ? "accepts" : "refuses", built ? "" : e.msg);
        if (built && ok) {
            TL_CHECK(mpq_equal(d.by, by), "b(y) differs");
            TL_CHECK(mpq_equal(opt ? d.zb : d.boxmax, bsum), "the bound sum differs");
            TL_CHECK(!opt || (mpq_equal(d.primal, primal) && mpq_equal(d.dual, primal)),
                     "c'^T x or the dual bound differs");
            list_is(&d.g, z, n);
            list_is(&d.y, c->y, m);
            list_is(&d.x, c->x, n);
        }
        nacc[round] += built;
        nref[round] += !built;
        if (built)
            prf_doc_clear(&d);
        /* round 1: one y_i moved a little */
        i = fk_rng_range(r, 0, m - 1);
        rnd_q(v, r, 1);
        mpq_set_ui(by, 1, 1000);
        mpq_mul(v, v, by);
        mpq_add(c->y[i], c->y[i], v);
        ok = plain(lp, c, z, by, bsum, primal);
    }
    mpq_clears(v, by, bsum, primal, NULL);
    fk_qarr_free(z, n);
    fk_qarr_free(ax, m);
    cert_free(c);
    lp_free(lp);
    return tl_failed_now() == 0;
}

/* nk instances of one kind; both verdicts must occur after a y_i is moved */
static int runs(fk_rng *r, int opt, const char *name)
{
    long k, nk = 300 * tl_mult();
    nacc[0] = nacc[1] = nref[0] = nref[1] = 0;
    for (k = 0; k < nk && one(r, opt); k++)
        ;
    tl_info(name, "as built: %ld accepted, %ld refused; one y_i moved: %ld, %ld",
            nacc[0], nref[0], nacc[1], nref[1]);
    TL_CHECK(nacc[1] > 0 && nref[1] > 0 && nacc[0] > 0, "both verdicts must occur");
    return TL_RESULT();
}

int test_doc_optimal_vs_plain(fk_rng *r)
{
    return runs(r, 1, "doc_optimal_vs_plain");
}

int test_doc_infeasible_vs_plain(fk_rng *r)
{
    return runs(r, 0, "doc_infeasible_vs_plain");
}
