/* t-bsolve.c: Dixon p-adic lifting (bsolve.h) against exact residuals.
 *
 *   test_bsolve_random    random sparse rational cores (small and huge
 *                         entries, up to 40 columns of huge ones whose
 *                         solutions take 100+ lifting steps, a core that is a strict subset of the
 *                         model's rows and columns): A x = b and
 *                         A^T y = c hold exactly; a core bsolve calls
 *                         singular must be singular by an exact rank
 *                         computation here, and most random cores are not
 *   test_bsolve_singular  a core with two proportional columns is refused
 *   test_bsolve_large     a sparse core of 9,000 to 12,000 columns (above the
 *                         8,000 the dense elimination refused) built as
 *                         P L U Q, L unit lower and U upper triangular, one
 *                         +-1 off-diagonal each per row: nonsingular by
 *                         construction (det = product of U's diagonal), so
 *                         x and y are unique and must come back exactly as
 *                         the ones b = A x and c = A^T y were made from;
 *                         its +-1 entries cancel during the elimination */
#include <stdio.h>
#include <stdlib.h>

#include "bsolve.h"
#include "lp.h"
#include "testlib.h"

/* A model with m rows and n >= k columns of random sparse rational data.
 * big: entries up to about 10^20 with denominators up to 10^20. */
static lp_model *rand_model(fk_rng *r, long m, long n, int big)
{
    lp_model *lp = lp_new();
    long i, j, idx;
    char nm[32];
    mpq_t v;
    fk_err err;
    if (!lp)
        return NULL;
    mpq_init(v);
    for (j = 0; j < n; j++) {
        snprintf(nm, sizeof nm, "x%ld", j);
        lp_add_col(lp, nm, &idx, &err);
    }
    for (i = 0; i < m; i++) {
        snprintf(nm, sizeof nm, "r%ld", i);
        lp_add_row(lp, nm, &idx, &err);
        for (j = 0; j < n; j++)
            if (i == j || fk_rng_range(r, 0, 99) < 35) {
                mpz_set_si(mpq_numref(v), fk_rng_range(r, -9, 9));
                mpz_set_ui(mpq_denref(v), (unsigned long)fk_rng_range(r, 1, 7));
                if (big) {
                    mpz_mul_ui(mpq_numref(v), mpq_numref(v), 1000000007UL);
                    mpz_pow_ui(mpq_denref(v), mpq_denref(v), (unsigned long)fk_rng_range(r, 1, 24));
                }
                if (i == j && !mpz_sgn(mpq_numref(v)))
                    mpz_set_ui(mpq_numref(v), 1);
                mpq_canonicalize(v);
                if (mpq_sgn(v))
                    lp_add_coef(lp, i, j, v, &err);
            }
    }
    mpq_clear(v);
    if (lp_finalize(lp, &err)) {
        lp_free(lp);
        return NULL;
    }
    return lp;
}

/* Core entry (row i, column j) of lp, into v. */
static void entry(const lp_model *lp, long i, long j, mpq_t v)
{
    long q;
    mpq_set_ui(v, 0, 1);
    for (q = lp->cbeg[j]; q < lp->cbeg[j + 1]; q++)
        if (lp->ridx[q] == i)
            mpq_set(v, lp->val[q]);
}

/* Is the k x k core rows[] x cols[] of lp singular?  Plain Gaussian
 * elimination over Q, no pivoting strategy beyond "first nonzero": the
 * independent oracle for bsolve's "singular" (which works modulo primes). */
static int core_singular(const lp_model *lp, const long *rows, const long *cols, long k)
{
    mpq_t *a = fk_qarr_new(k * k), f, t;
    long i, j, c, p;
    int sing = 0;
    if (!a)
        return -1;
    mpq_inits(f, t, NULL);
    for (i = 0; i < k; i++)
        for (j = 0; j < k; j++)
            entry(lp, rows[i], cols[j], a[i * k + j]);
    for (c = 0; c < k && !sing; c++) {
        for (p = c; p < k && mpq_sgn(a[p * k + c]) == 0; p++)
            ;
        if (p == k) {
            sing = 1;
            break;
        }
        for (j = 0; j < k; j++)
            mpq_swap(a[p * k + j], a[c * k + j]);
        for (i = c + 1; i < k; i++) {
            if (mpq_sgn(a[i * k + c]) == 0)
                continue;
            mpq_div(f, a[i * k + c], a[c * k + c]);
            for (j = c; j < k; j++) {
                mpq_mul(t, f, a[c * k + j]);
                mpq_sub(a[i * k + j], a[i * k + j], t);
            }
        }
    }
    mpq_clears(f, t, NULL);
    fk_qarr_free(a, k * k);
    return sing;
}

int test_bsolve_random(fk_rng *r)
{
    long runs = (tl_quick() ? 60 : 300) * tl_mult(), run, nsolved = 0, nsingular = 0;
    for (run = 0; run < runs; run++) {
        /* the first runs: 30 to 40 columns of huge entries, whose solutions
         * need a hundred and more lifting steps (digits joined in chunks of
         * many steps, several reconstruction attempts) */
        long k = run < 4 ? fk_rng_range(r, 30, 40) : fk_rng_range(r, 1, 14),
             m = k + fk_rng_range(r, 0, 3), n = k + fk_rng_range(r, 0, 3), i, t;
        int big = run < 4 || fk_rng_range(r, 0, 2) == 0, rc;
        lp_model *lp = rand_model(r, m, n, big);
        long *cols = calloc((size_t)n, sizeof *cols), *rowmap = calloc((size_t)m, sizeof *rowmap);
        long *rows = calloc((size_t)k, sizeof *rows);
        mpq_t *b = fk_qarr_new(k), *x = fk_qarr_new(k), *s = fk_qarr_new(k);
        mpq_t v, acc;
        bsolve *bs = NULL;
        if (!TL_CHECK(lp && cols && rowmap && rows && b && x && s, "allocation"))
            return TL_FAIL;
        mpq_init(v);
        mpq_init(acc);
        /* core: the first k of a random permutation of rows and of columns */
        fk_rng_perm(r, cols, n);
        for (i = 0; i < m; i++)
            rowmap[i] = -1;
        for (t = 0; t < k;) {
            i = fk_rng_range(r, 0, m - 1);
            if (rowmap[i] < 0) {
                rowmap[i] = t;
                rows[t++] = i;
            }
        }
        rc = bsolve_new(&bs, lp, cols, rowmap, k);
        if (!TL_CHECK(rc >= 0, "run %ld: out of memory", run))
            goto next;
        if (!TL_CHECK(rc != 2, "run %ld: a %ld-column core refused as too large", run, k))
            goto next;
        if (rc == 1) { /* a random core may be singular: then it must be */
            TL_CHECK(core_singular(lp, rows, cols, k) == 1,
                     "run %ld: bsolve calls a nonsingular %ldx%ld core singular", run, k, k);
            nsingular++;
            goto next;
        }
        nsolved++;
        /* a third of the right-hand sides huge (2^60 to 2^140): the
         * residual then takes a step or two to shrink to the words that
         * the lifting switches to, and lands on either side of 2^62 */
        for (t = 0; t < k; t++) {
            mpz_set_si(mpq_numref(b[t]), fk_rng_range(r, -50, 50));
            if (run % 3 == 1)
                mpz_mul_2exp(mpq_numref(b[t]), mpq_numref(b[t]),
                             (mp_bitcnt_t)fk_rng_range(r, 60, 140));
            mpz_set_ui(mpq_denref(b[t]), (unsigned long)fk_rng_range(r, 1, 9));
            mpq_canonicalize(b[t]);
        }
        if (!TL_CHECK(bsolve_solve(bs, x, b) == 0, "run %ld: solve failed", run))
            goto next;
        for (i = 0; i < k; i++) {
            mpq_set_ui(acc, 0, 1);
            for (t = 0; t < k; t++) {
                entry(lp, rows[i], cols[t], v);
                mpq_mul(v, v, x[t]);
                mpq_add(acc, acc, v);
            }
            if (!TL_CHECK(mpq_equal(acc, b[i]), "run %ld: A x != b in row %ld", run, i))
                goto next;
        }
        if (!TL_CHECK(bsolve_solve_t(bs, s, b) == 0, "run %ld: transposed solve failed", run))
            goto next;
        for (t = 0; t < k; t++) {
            mpq_set_ui(acc, 0, 1);
            for (i = 0; i < k; i++) {
                entry(lp, rows[i], cols[t], v);
                mpq_mul(v, v, s[i]);
                mpq_add(acc, acc, v);
            }
            if (!TL_CHECK(mpq_equal(acc, b[t]), "run %ld: A^T y != c in column %ld", run, t))
                goto next;
        }
    next:
        bsolve_free(bs);
        fk_qarr_free(b, k);
        fk_qarr_free(x, k);
        fk_qarr_free(s, k);
        mpq_clear(v);
        mpq_clear(acc);
        free(cols);
        free(rowmap);
        free(rows);
        lp_free(lp);
        if (tl_failed_now())
            break;
    }
    /* the cores are random k x k submatrices of a 35%-dense matrix: about
     * a fifth are singular (66 of 300, 13 of 60 at the default seed), so
     * a bsolve that refuses everything cannot pass on the checks above */
    TL_CHECK(nsolved >= runs / 2, "only %ld of %ld random cores solved (%ld singular)", nsolved, runs,
             nsingular);
    tl_info("bsolve_random counts", "%ld cores, %ld solved, %ld singular (confirmed by exact elimination)", runs,
           nsolved, nsingular);
    return TL_RESULT();
}

int test_bsolve_singular(fk_rng *r)
{
    lp_model *lp = lp_new();
    long idx, i, cols[3] = {0, 1, 2}, rowmap[3] = {0, 1, 2};
    mpq_t v;
    fk_err err;
    bsolve *bs = NULL;
    (void)r;
    if (!TL_CHECK(lp != NULL, "allocation"))
        return TL_FAIL;
    mpq_init(v);
    lp_add_col(lp, "a", &idx, &err);
    lp_add_col(lp, "b", &idx, &err);
    lp_add_col(lp, "c", &idx, &err);
    for (i = 0; i < 3; i++) {
        char nm[32];
        snprintf(nm, sizeof nm, "r%ld", i);
        lp_add_row(lp, nm, &idx, &err);
        mpq_set_si(v, i + 1, 3);
        lp_add_coef(lp, i, 0, v, &err);
        mpq_set_si(v, 2 * (i + 1), 3); /* column b = 2 column a */
        lp_add_coef(lp, i, 1, v, &err);
        mpq_set_si(v, (long)(i * i) + 1, 7);
        lp_add_coef(lp, i, 2, v, &err);
    }
    mpq_clear(v);
    if (TL_CHECK(lp_finalize(lp, &err) == FK_OK, "finalize"))
        TL_CHECK(bsolve_new(&bs, lp, cols, rowmap, 3) == 1, "a singular core was accepted");
    /* too many columns is its own answer, not "singular": the size is
     * refused before cols or rowmap is read */
    TL_CHECK(bsolve_new(&bs, lp, cols, rowmap, BSOLVE_MAX_K + 1) == 2,
             "a core above the size limit was not refused as such");
    bsolve_free(bs);
    lp_free(lp);
    return TL_RESULT();
}

int test_bsolve_large(fk_rng *r)
{
    long k = fk_rng_range(r, 9000, 12000), i, j, t, idx, extra = 3, m = k + extra;
    long *upo = calloc((size_t)k, sizeof *upo), *lpo = calloc((size_t)k, sizeof *lpo);
    long *perm = calloc((size_t)m, sizeof *perm), *cols = calloc((size_t)k, sizeof *cols);
    long *rowmap = calloc((size_t)m, sizeof *rowmap), *rowof = calloc((size_t)k, sizeof *rowof);
    mpq_t *ud = fk_qarr_new(k), *uo = fk_qarr_new(k), *lo = fk_qarr_new(k);
    mpq_t *x = fk_qarr_new(k), *y = fk_qarr_new(k), *b = fk_qarr_new(k), *c = fk_qarr_new(k);
    mpq_t *out = fk_qarr_new(k), v, w;
    lp_model *lp = lp_new();
    bsolve *bs = NULL;
    fk_err err;
    char nm[32];
    int rc;
    if (!TL_CHECK(upo && lpo && perm && cols && rowmap && rowof && ud && uo && lo && x && y && b &&
                      c && out && lp,
                  "allocation"))
        return TL_FAIL;
    mpq_inits(v, w, NULL);
    /* in elimination order: U row i = ud[i] e_i + uo[i] e_upo[i] (upo > i),
     * L row i = e_i + lo[i] e_lpo[i] (lpo < i); A row i = U_i + lo[i] U_lpo[i] */
    for (i = 0; i < k; i++) {
        mpq_set_si(ud[i], fk_rng_range(r, 0, 1) ? 1 : -1, (unsigned long)fk_rng_range(r, 1, 3));
        if (fk_rng_range(r, 0, 3) == 0)
            mpq_mul_2exp(ud[i], ud[i], 1);
        upo[i] = i + 1 < k ? fk_rng_range(r, i + 1, k - 1) : -1;
        mpq_set_si(uo[i], fk_rng_range(r, 0, 1) ? 1 : -1, 1);
        lpo[i] = i > 0 ? fk_rng_range(r, 0, i - 1) : -1;
        mpq_set_si(lo[i], fk_rng_range(r, 0, 1) ? 1 : -1, 1);
        mpq_set_si(x[i], fk_rng_range(r, -20, 20), (unsigned long)fk_rng_range(r, 1, 5));
        mpq_set_si(y[i], fk_rng_range(r, -20, 20), (unsigned long)fk_rng_range(r, 1, 5));
        mpq_canonicalize(ud[i]);
        mpq_canonicalize(x[i]);
        mpq_canonicalize(y[i]);
    }
    /* model row perm[i] holds A row i, model column cols[j] A column j */
    fk_rng_perm(r, perm, m);
    for (j = 0; j < k; j++)
        cols[j] = k - 1 - j;
    for (j = 0; j < k; j++) {
        snprintf(nm, sizeof nm, "x%ld", j);
        lp_add_col(lp, nm, &idx, &err);
    }
    for (i = 0; i < m; i++) {
        snprintf(nm, sizeof nm, "r%ld", i);
        lp_add_row(lp, nm, &idx, &err);
        rowmap[i] = -1;
    }
    for (i = 0; i < k; i++) {
        long src[2] = {i, lpo[i]};
        rowmap[perm[i]] = i;
        rowof[i] = perm[i];
        for (t = 0; t < 2; t++) {
            long s0 = src[t];
            if (s0 < 0)
                continue;
            mpq_set(w, t ? lo[i] : ud[i]);
            if (t)
                mpq_mul(w, w, ud[s0]);
            lp_add_coef(lp, perm[i], cols[s0], w, &err); /* repeats are summed */
            if (upo[s0] >= 0) {
                mpq_set(w, uo[s0]);
                if (t)
                    mpq_mul(w, w, lo[i]);
                lp_add_coef(lp, perm[i], cols[upo[s0]], w, &err);
            }
        }
    }
    /* rows outside the core: dense in the core's columns, must be ignored */
    for (i = k; i < m; i++)
        for (j = 0; j < k; j += 7) {
            mpq_set_si(w, (long)(i + j) % 5 + 1, 1);
            lp_add_coef(lp, perm[i], cols[j], w, &err);
        }
    if (!TL_CHECK(lp_finalize(lp, &err) == FK_OK, "finalize"))
        goto done;
    /* b = A x and c = A^T y from the model's own columns */
    for (j = 0; j < k; j++) {
        long q, cj = cols[j];
        for (q = lp->cbeg[cj]; q < lp->cbeg[cj + 1]; q++) {
            long ri = rowmap[lp->ridx[q]];
            if (ri < 0)
                continue;
            mpq_mul(v, lp->val[q], x[j]);
            mpq_add(b[ri], b[ri], v);
            mpq_mul(v, lp->val[q], y[ri]);
            mpq_add(c[j], c[j], v);
        }
    }
    rc = bsolve_new(&bs, lp, cols, rowmap, k);
    if (!TL_CHECK(rc == 0, "a nonsingular %ld-column core: bsolve_new returned %d", k, rc))
        goto done;
    if (TL_CHECK(bsolve_solve(bs, out, b) == 0, "solve failed"))
        for (j = 0; j < k; j++)
            if (!TL_CHECK(mpq_equal(out[j], x[j]), "x[%ld] differs from the x b was made from", j))
                break;
    if (TL_CHECK(bsolve_solve_t(bs, out, c) == 0, "transposed solve failed"))
        for (i = 0; i < k; i++)
            if (!TL_CHECK(mpq_equal(out[i], y[i]), "y[%ld] (row %ld) differs from the y c was made from",
                          i, rowof[i]))
                break;
    tl_info("bsolve_large", "core of %ld columns, %ld nonzeros in the model", k, lp->nnz);
done:
    bsolve_free(bs);
    lp_free(lp);
    fk_qarr_free(ud, k);
    fk_qarr_free(uo, k);
    fk_qarr_free(lo, k);
    fk_qarr_free(x, k);
    fk_qarr_free(y, k);
    fk_qarr_free(b, k);
    fk_qarr_free(c, k);
    fk_qarr_free(out, k);
    mpq_clears(v, w, NULL);
    free(upo);
    free(lpo);
    free(perm);
    free(cols);
    free(rowmap);
    free(rowof);
    return TL_RESULT();
}
