/* t-flu.c: the float phase's sparse LU (flu.h) against direct residuals.
 *
 *   test_flu_solves     random sparse bases (structural and logical columns,
 *                       sizes 1..80, densities 2..30%): B x = v and
 *                       B^T y = u hold after flu_ftran / flu_btran with a
 *                       normwise backward error below 1e-12
 *   test_flu_hyper      the same on larger, very sparse bases (m 100..600,
 *                       about 1% dense) with right-hand sides of 1 to 3
 *                       nonzeros: the solves that walk the factors' graph
 *                       (flu.h, hypersparse) instead of every step
 *   test_flu_hint       the hypersparse solves from a pattern passed by
 *                       flu_hint (nonzeros plus zero places), forced on
 *   test_flu_paths      each solve loop on its own: the predicted result
 *                       density (flu.h: ftd, btd) only chooses between the
 *                       hypersparse, the zero-skipping and the row-form
 *                       loops, so with it forced to 0, 0.2 and 0.9 before
 *                       each solve, sparse and dense right-hand sides on
 *                       bases of m 40..300 must all solve as above
 *   test_flu_update     Forrest-Tomlin updates (flu.h, flu_update): on random
 *                       sparse bases (m 20..250), up to FLU_FT_MAX column
 *                       replacements (a random column not in the basis, at
 *                       a position where its alpha is near its largest), the
 *                       solve loops forced at random before each FTRAN and
 *                       BTRAN, a fresh factorisation when flu asks for one;
 *                       after each replacement B x = v and B^T y = u hold
 *                       with backward error below 1e-7 (seen: up to 6e-9)
 *                       and x, y agree with a fresh factorisation of the
 *                       same basis to 1e-4 relative (a wrong update is off
 *                       by O(1), a right one by the conditioning); an
 *                       update past the last slot is refused
 *   test_flu_dependent  bases with dependent columns (a column that is a
 *                       combination of two others, an empty column, a
 *                       repeated column): each is reported with a distinct
 *                       row whose logical replaces it, the repaired basis is
 *                       what the factors solve, and it is nonsingular */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flu.h"
#include "testlib.h"

typedef struct {
    long m, n;
    long *cbeg, *ridx;
    double *val;
} csc;

static void csc_free(csc *a)
{
    free(a->cbeg);
    free(a->ridx);
    free(a->val);
}

/* n random sparse columns over m rows; column j gets about dens% entries
 * and always one on row j mod m, so that bases of them are rarely
 * singular by accident. */
static int rand_csc(csc *a, fk_rng *r, long m, long n, int dens)
{
    long j, i, k = 0;
    a->m = m;
    a->n = n;
    a->cbeg = calloc((size_t)n + 1, sizeof *a->cbeg);
    a->ridx = calloc((size_t)(m * n) + 1, sizeof *a->ridx);
    a->val = calloc((size_t)(m * n) + 1, sizeof *a->val);
    if (!a->cbeg || !a->ridx || !a->val)
        return -1;
    for (j = 0; j < n; j++) {
        a->cbeg[j] = k;
        for (i = 0; i < m; i++)
            if (i == j % m || fk_rng_range(r, 0, 99) < dens) {
                a->ridx[k] = i;
                a->val[k++] = (double)fk_rng_range(r, -1000, 1000) / 97.0 + (i == j % m ? 25.0 : 0.0);
            }
    }
    a->cbeg[n] = k;
    return 0;
}

/* y = B x (trans: B^T x) for the basis head over [A -I]; with absv,
 * |B| |x| instead. */
static void bmul(const csc *a, const long *head, int trans, const double *x, double *y, int absv)
{
    long m = a->m, p, q;
    for (p = 0; p < m; p++)
        y[p] = 0;
    for (p = 0; p < m; p++) {
        long j = head[p];
        double s = absv ? 1.0 : -1.0;
        if (j >= a->n) {
            if (trans)
                y[p] += s * (absv ? fabs(x[j - a->n]) : x[j - a->n]);
            else
                y[j - a->n] += s * (absv ? fabs(x[p]) : x[p]);
            continue;
        }
        for (q = a->cbeg[j]; q < a->cbeg[j + 1]; q++) {
            double av = absv ? fabs(a->val[q]) : a->val[q];
            if (trans)
                y[p] += av * (absv ? fabs(x[a->ridx[q]]) : x[a->ridx[q]]);
            else
                y[a->ridx[q]] += av * (absv ? fabs(x[p]) : x[p]);
        }
    }
}

/* The normwise backward error max_i |B x - v|_i / max_i (|B| |x| + |v|)_i
 * of ftran (trans: btran): a stable LU keeps it near the unit roundoff
 * whatever the conditioning of B. */
static double residual_nz(flu *f, const csc *a, const long *head, fk_rng *r, int trans, long nz);

static double residual(flu *f, const csc *a, const long *head, fk_rng *r, int trans)
{
    return residual_nz(f, a, head, r, trans, 0);
}

/* residual_nz passes v's pattern by flu_hint (test_flu_hint): its
 * nonzeros, then as many zero places */
static int use_hint;

/* nz > 0: v has (at most) nz nonzeros at random places, else 2/3 of it. */
static double residual_nz(flu *f, const csc *a, const long *head, fk_rng *r, int trans, long nz)
{
    long hint[16], nh = 0;
    long m = a->m, i;
    double *v = calloc((size_t)m + 1, sizeof *v), *x = calloc((size_t)m + 1, sizeof *x),
           *y = calloc((size_t)m + 1, sizeof *y), *ya = calloc((size_t)m + 1, sizeof *ya),
           worst = 0, vmax = 0;
    if (!v || !x || !y || !ya) {
        free(v); free(x); free(y); free(ya);
        return HUGE_VAL;
    }
    for (i = 0; i < m; i++)
        v[i] = !nz && fk_rng_range(r, 0, 2) ? (double)fk_rng_range(r, -50, 50) : 0.0;
    for (i = 0; i < nz; i++)
        v[fk_rng_range(r, 0, m - 1)] = (double)fk_rng_range(r, 1, 50);
    for (i = 0; i < m; i++)
        x[i] = v[i];
    if (use_hint && nz > 0 && nz <= 8) {
        for (i = 0; i < m; i++)
            if (v[i] != 0)
                hint[nh++] = i;
        for (i = 0; i < nz; i++)
            hint[nh++] = fk_rng_range(r, 0, m - 1);
        flu_hint(f, hint, nh);
    }
    if (trans)
        flu_btran(f, x);
    else
        flu_ftran(f, x);
    bmul(a, head, trans, x, y, 0);
    bmul(a, head, trans, x, ya, 1);
    for (i = 0; i < m; i++) {
        if (fabs(y[i] - v[i]) > worst)
            worst = fabs(y[i] - v[i]);
        if (ya[i] + fabs(v[i]) > vmax)
            vmax = ya[i] + fabs(v[i]);
    }
    free(v);
    free(x);
    free(y);
    free(ya);
    return worst / (vmax > 0 ? vmax : 1);
}

/* A basis of m positions: structurals from 0..n-1 and logicals, distinct. */
static void rand_head(fk_rng *r, long m, long n, long *head)
{
    long p, N = m + n;
    unsigned char *used = calloc((size_t)N + 1, 1);
    for (p = 0; p < m; p++) {
        long j;
        do
            j = fk_rng_range(r, 0, 2) ? fk_rng_range(r, 0, n - 1) : n + fk_rng_range(r, 0, m - 1);
        while (used && used[j]);
        if (used)
            used[j] = 1;
        head[p] = j;
    }
    free(used);
}

/* A random basis for run t: n = m + 0..40 columns about dens % dense, a
 * random head (m + 1 entries, the caller's), factorised into f, each
 * dependent column replaced by the logical f names.  1 on success, 0 after
 * a failed check; *a is the caller's to free either way. */
static int rand_basis(flu *f, fk_rng *r, long t, long m, int dens, csc *a, long *head, long *nd)
{
    long n = m + fk_rng_range(r, 0, 40), p;
    long *dp = calloc((size_t)m + 1, sizeof *dp), *dr = calloc((size_t)m + 1, sizeof *dr);
    int ok = TL_CHECK(dp && dr && rand_csc(a, r, m, n, dens) == 0, "out of memory");
    if (ok) {
        rand_head(r, m, n, head);
        ok = TL_CHECK(flu_factor(f, m, n, a->cbeg, a->ridx, a->val, head, dp, dr, nd) == 0,
                      "run %ld: factor failed", t);
    }
    for (p = 0; ok && p < *nd; p++)
        head[dp[p]] = n + dr[p];
    free(dp);
    free(dr);
    return ok;
}

int test_flu_solves(fk_rng *r)
{
    long t, runs = 300 * tl_mult(), nonsing = 0;
    double worst = 0;
    flu f;
    flu_init(&f);
    for (t = 0; t < runs; t++) {
        long m = fk_rng_range(r, 1, 80), nd = 0, *head = calloc((size_t)m + 1, sizeof *head);
        csc a;
        memset(&a, 0, sizeof a);
        if (TL_CHECK(head != NULL, "out of memory") &&
            rand_basis(&f, r, t, m, (int)fk_rng_range(r, 2, 30), &a, head, &nd)) {
            double e1 = residual(&f, &a, head, r, 0), e2 = residual(&f, &a, head, r, 1);
            nonsing += nd == 0;
            if (e1 > worst) worst = e1;
            if (e2 > worst) worst = e2;
            TL_CHECK(e1 < 1e-12 && e2 < 1e-12, "run %ld (m %ld, %ld dependent): residuals %g %g",
                     t, m, nd, e1, e2);
        }
        free(head);
        csc_free(&a);
        if (tl_failed_now())
            break;
    }
    flu_clear(&f);
    /* the random bases must mostly be nonsingular, or this tests little */
    TL_CHECK(nonsing * 2 > runs, "only %ld of %ld random bases were nonsingular", nonsing, runs);
    tl_info("flu_solves counts", "%ld bases (%ld without dependent columns), worst backward error %.2g",
              runs, nonsing, worst);
    return TL_RESULT();
}

/* Sparse solves both ways on larger, very sparse bases (test_flu_hyper).
 * hinted: the pattern is passed by flu_hint (the float phase's columns
 * and unit vectors), listing the nonzeros and some zero places besides,
 * with the hypersparse path forced; a hint that lost an entry would leave
 * that entry's reach out of the solve, and the residual shows it. */
static void hyper_runs(fk_rng *r, int hinted)
{
    long t, runs = (tl_quick() ? 20 : 60) * tl_mult();
    double worst = 0;
    flu f;
    flu_init(&f);
    use_hint = hinted;
    for (t = 0; t < runs; t++) {
        long m = fk_rng_range(r, 100, 600), nd = 0, s, *head = calloc((size_t)m + 1, sizeof *head);
        csc a;
        memset(&a, 0, sizeof a);
        if (TL_CHECK(head != NULL, "out of memory") && rand_basis(&f, r, t, m, 1, &a, head, &nd))
            for (s = 0; s < 10; s++) {
                long nz = fk_rng_range(r, 1, 3);
                double e1, e2;
                if (hinted)
                    f.ftd = f.btd = 0;
                e1 = residual_nz(&f, &a, head, r, 0, nz);
                if (hinted)
                    f.ftd = f.btd = 0;
                e2 = residual_nz(&f, &a, head, r, 1, nz);
                if (e1 > worst) worst = e1;
                if (e2 > worst) worst = e2;
                if (!TL_CHECK(e1 < 1e-12 && e2 < 1e-12, "run %ld (m %ld, %ld dependent%s): residuals %g %g",
                              t, m, nd, hinted ? ", hinted" : "", e1, e2))
                    break;
                TL_CHECK(f.nhint == 0, "run %ld: a hint outlived its solve", t);
            }
        free(head);
        csc_free(&a);
        if (tl_failed_now())
            break;
    }
    use_hint = 0;
    flu_clear(&f);
    tl_info(hinted ? "flu_hint" : "flu_hyper", "%ld bases, 10 sparse solves each way, worst backward error %.2g",
            runs, worst);
}

int test_flu_hint(fk_rng *r)
{
    hyper_runs(r, 1);
    return TL_RESULT();
}

int test_flu_hyper(fk_rng *r)
{
    hyper_runs(r, 0);
    return TL_RESULT();
}

int test_flu_paths(fk_rng *r)
{
    static const double pred[3] = {0, 0.2, 0.9};
    long t, runs = (tl_quick() ? 20 : 60) * tl_mult(), solves = 0;
    double worst = 0;
    flu f;
    flu_init(&f);
    for (t = 0; t < runs; t++) {
        long m = fk_rng_range(r, 40, 300), nd = 0, *head = calloc((size_t)m + 1, sizeof *head);
        int k, dense, trans;
        csc a;
        memset(&a, 0, sizeof a);
        if (TL_CHECK(head != NULL, "out of memory") &&
            rand_basis(&f, r, t, m, (int)fk_rng_range(r, 1, 10), &a, head, &nd))
            for (k = 0; k < 3; k++)
                for (dense = 0; dense < 2; dense++)
                    for (trans = 0; trans < 2; trans++) {
                        double e;
                        f.ftd = f.btd = pred[k];
                        e = residual_nz(&f, &a, head, r, trans, dense ? 0 : fk_rng_range(r, 1, 3));
                        solves++;
                        if (e > worst) worst = e;
                        TL_CHECK(e < 1e-12, "run %ld (m %ld, predicted %.1f, %s %s): residual %g", t, m,
                                 pred[k], dense ? "dense" : "sparse", trans ? "btran" : "ftran", e);
                    }
        free(head);
        csc_free(&a);
        if (tl_failed_now())
            break;
    }
    flu_clear(&f);
    tl_info("flu_paths", "%ld bases, %ld solves, worst backward error %.2g", runs, solves, worst);
    return TL_RESULT();
}

int test_flu_dependent(fk_rng *r)
{
    long t, runs = 200 * tl_mult();
    flu f;
    flu_init(&f);
    for (t = 0; t < runs; t++) {
        long m = fk_rng_range(r, 3, 60), n = m + 3, nd, p, q, k, kind = t % 3;
        long *head = calloc((size_t)m + 1, sizeof *head), *dp = calloc((size_t)m + 1, sizeof *dp),
             *dr = calloc((size_t)m + 1, sizeof *dr);
        unsigned char *rowseen = calloc((size_t)m + 1, 1);
        csc a;
        memset(&a, 0, sizeof a);
        if (!TL_CHECK(head && dp && dr && rowseen && rand_csc(&a, r, m, n, 20) == 0, "out of memory")) {
            free(head); free(dp); free(dr); free(rowseen); csc_free(&a);
            break;
        }
        /* column n-1: kind 0: col0 + 2 col1; kind 1: empty; kind 2: a copy of col0 */
        {
            double *dense = calloc((size_t)m + 1, sizeof *dense);
            long base = a.cbeg[n - 1];
            for (q = a.cbeg[0]; q < a.cbeg[1] && kind != 1; q++)
                dense[a.ridx[q]] += a.val[q];
            for (q = a.cbeg[1]; q < a.cbeg[2] && kind == 0; q++)
                dense[a.ridx[q]] += 2 * a.val[q];
            k = base;
            for (p = 0; p < m; p++)
                if (dense[p] != 0) {
                    a.ridx[k] = p;
                    a.val[k++] = dense[p];
                }
            a.cbeg[n] = k;
            free(dense);
        }
        /* basis: structurals 0, 1, n-1 and logicals of rows 3.. */
        head[0] = 0;
        head[1] = 1;
        head[2] = n - 1;
        for (p = 3; p < m; p++)
            head[p] = n + p;
        if (TL_CHECK(flu_factor(&f, m, n, a.cbeg, a.ridx, a.val, head, dp, dr, &nd) == 0,
                     "run %ld: factor failed", t)) {
            TL_CHECK(nd >= 1, "run %ld (kind %ld): a dependent column was not found", t, kind);
            for (p = 0; p < nd; p++) {
                TL_CHECK(dp[p] >= 0 && dp[p] < 3, "run %ld: position %ld reported dependent", t, dp[p]);
                TL_CHECK(dr[p] >= 0 && dr[p] < m && !rowseen[dr[p]], "run %ld: row %ld reused", t, dr[p]);
                if (dr[p] >= 0 && dr[p] < m)
                    rowseen[dr[p]] = 1;
                head[dp[p]] = n + dr[p];
            }
            /* the repaired basis is what the factors solve */
            TL_CHECK(residual(&f, &a, head, r, 0) < 1e-12 && residual(&f, &a, head, r, 1) < 1e-12,
                     "run %ld (kind %ld): repaired basis not solved", t, kind);
        }
        free(head); free(dp); free(dr); free(rowseen);
        csc_free(&a);
        if (tl_failed_now())
            break;
    }
    flu_clear(&f);
    return TL_RESULT();
}

/* x = B^{-1} v (trans: B^{-T} v) with the predicted density forced to d */
static void solve_d(flu *f, double *x, const double *v, long m, int trans, double d)
{
    memcpy(x, v, (size_t)m * sizeof *x);
    f->ftd = f->btd = d;
    if (trans)
        flu_btran(f, x);
    else
        flu_ftran(f, x);
}

/* max |x - y| / max |y| */
static double rel_diff(const double *x, const double *y, long m)
{
    long i;
    double d = 0, n = 0;
    for (i = 0; i < m; i++) {
        if (fabs(x[i] - y[i]) > d) d = fabs(x[i] - y[i]);
        if (fabs(y[i]) > n) n = fabs(y[i]);
    }
    return d / (n > 0 ? n : 1);
}

int test_flu_update(fk_rng *r)
{
    static const double pred[3] = {0, 0.2, 0.9};
    long t, runs = (tl_quick() ? 8 : 30) * tl_mult(), updates = 0, refused = 0, grown = 0;
    double worst_be = 0, worst_fd = 0;
    flu f, g;
    flu_init(&f);
    flu_init(&g);
    for (t = 0; t < runs && !tl_failed_now(); t++) {
        long m = fk_rng_range(r, 20, 250), nd = 0, k, i, kmax = FLU_FT_MAX;
        long *head = calloc((size_t)m + 1, sizeof *head), *dp = calloc((size_t)m + 1, sizeof *dp),
             *dr = calloc((size_t)m + 1, sizeof *dr), *inb = NULL;
        double *v = calloc((size_t)m + 1, sizeof *v), *x = calloc((size_t)m + 1, sizeof *x),
               *y = calloc((size_t)m + 1, sizeof *y);
        csc a;
        memset(&a, 0, sizeof a);
        if (!TL_CHECK(head && dp && dr && v && x && y, "out of memory") ||
            !rand_basis(&f, r, t, m, (int)fk_rng_range(r, 2, 8), &a, head, &nd) ||
            !TL_CHECK((inb = calloc((size_t)(a.n + m) + 1, sizeof *inb)) != NULL, "out of memory"))
            goto next;
        for (i = 0; i < m; i++)
            inb[head[i]] = 1;
        for (k = 0; k < kmax && !tl_failed_now(); k++) {
            long q, p, tries = 0, ndg;
            double amax = 0, e1, e2;
            int rc;
            /* the entering column and its alpha, keeping the spike */
            do
                q = fk_rng_range(r, 0, a.n + m - 1);
            while (inb[q] && ++tries < 1000);
            if (inb[q])
                break;
            memset(v, 0, (size_t)m * sizeof *v);
            if (q >= a.n)
                v[q - a.n] = -1;
            else
                for (i = a.cbeg[q]; i < a.cbeg[q + 1]; i++)
                    v[a.ridx[i]] = a.val[i];
            f.keep = 1;
            solve_d(&f, x, v, m, 0, pred[fk_rng_range(r, 0, 2)]);
            for (i = 0; i < m; i++)
                if (fabs(x[i]) > amax) amax = fabs(x[i]);
            if (amax == 0)
                continue;
            do
                p = fk_rng_range(r, 0, m - 1);
            while (fabs(x[p]) < 0.9 * amax);
            rc = flu_update(&f, p, x[p]);
            if (!TL_CHECK(rc >= 0, "run %ld update %ld: out of memory", t, k))
                break;
            if (rc == 1) {
                /* refused: a fresh factorisation of the new basis */
                refused++;
                inb[head[p]] = 0;
                head[p] = q;
                inb[q] = 1;
                if (!TL_CHECK(flu_factor(&f, m, a.n, a.cbeg, a.ridx, a.val, head, dp, dr, &ndg) == 0 &&
                              ndg == 0, "run %ld update %ld: refactor failed or singular", t, k))
                    break;
                continue;
            }
            updates++;
            inb[head[p]] = 0;
            head[p] = q;
            inb[q] = 1;
            /* backward errors of the updated factors, each loop chosen at random */
            f.ftd = f.btd = pred[fk_rng_range(r, 0, 2)];
            e1 = residual_nz(&f, &a, head, r, 0, fk_rng_range(r, 0, 3));
            f.ftd = f.btd = pred[fk_rng_range(r, 0, 2)];
            e2 = residual_nz(&f, &a, head, r, 1, fk_rng_range(r, 0, 3));
            if (e1 > worst_be) worst_be = e1;
            if (e2 > worst_be) worst_be = e2;
            if (!TL_CHECK(e1 < 1e-7 && e2 < 1e-7, "run %ld (m %ld) after %ld updates: residuals %g %g",
                          t, m, k + 1, e1, e2))
                break;
            /* the same solves by a fresh factorisation */
            if (!TL_CHECK(flu_factor(&g, m, a.n, a.cbeg, a.ridx, a.val, head, dp, dr, &ndg) == 0 && ndg == 0,
                          "run %ld update %ld: fresh factor failed or singular", t, k))
                break;
            for (i = 0; i < m; i++)
                v[i] = fk_rng_range(r, 0, 3) ? 0.0 : (double)fk_rng_range(r, -20, 20);
            {
                int trans;
                for (trans = 0; trans < 2; trans++) {
                    double d;
                    solve_d(&f, x, v, m, trans, pred[fk_rng_range(r, 0, 2)]);
                    solve_d(&g, y, v, m, trans, 0.9);
                    d = rel_diff(x, y, m);
                    if (d > worst_fd) worst_fd = d;
                    TL_CHECK(d < 1e-4, "run %ld (m %ld) after %ld updates: %s differs from a fresh "
                             "factorisation by %g", t, m, k + 1, trans ? "btran" : "ftran", d);
                }
            }
            /* grown enough that flu asks for a refactorisation (as fast.c does) */
            if (rc == 2) {
                grown++;
                if (!TL_CHECK(flu_factor(&f, m, a.n, a.cbeg, a.ridx, a.val, head, dp, dr, &ndg) == 0 &&
                              ndg == 0, "run %ld update %ld: refactor failed or singular", t, k))
                    break;
            }
        }
        /* all slots used since the last factorisation: the next is refused */
        if (f.ns == m + FLU_FT_MAX) {
            f.spike_ok = 1;
            TL_CHECK(flu_update(&f, 0, 1.0) == 1, "run %ld: an update past the last slot was taken", t);
        }
    next:
        free(head); free(dp); free(dr); free(inb); free(v); free(x); free(y);
        csc_free(&a);
    }
    flu_clear(&f);
    flu_clear(&g);
    TL_CHECK(updates > runs * 20, "only %ld updates taken in %ld runs", updates, runs);
    tl_info("flu_update", "%ld bases, %ld updates (%ld refused, %ld asking for a refactorisation), worst "
            "backward error %.2g, worst difference from a fresh factorisation %.2g", runs, updates, refused,
            grown, worst_be, worst_fd);
    return TL_RESULT();
}
