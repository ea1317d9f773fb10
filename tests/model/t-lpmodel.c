/* t-lpmodel.c: the LP builder.  Property: the CSC and row views built by
 * lp_finalize hold exactly the sum of the triplets entered, in any order,
 * with repeated entries summed and cancelling ones dropped; lp_copy gives
 * an equal model; names are found by hash and duplicates refused. */
#include <stdio.h>
#include <stdlib.h>

#include "lp.h"
#include "testlib.h"

int test_lpmodel(fk_rng *r);

int test_lpmodel(fk_rng *r)
{
    long iter, iters = 200 * tl_mult();
    for (iter = 0; iter < iters; iter++) {
        long m = fk_rng_range(r, 0, 12), n = fk_rng_range(r, 0, 12), i, j, k, t;
        long nt = (m && n) ? fk_rng_range(r, 0, 3 * m * n) : 0;
        mpq_t *dense = calloc((size_t)(m * n + 1), sizeof *dense), v;
        lp_model *lp = lp_new(), *cp;
        fk_err e;
        char nm[32];
        mpq_init(v);
        for (k = 0; k < m * n; k++)
            mpq_init(dense[k]);
        for (i = 0; i < m; i++) {
            snprintf(nm, sizeof nm, "r%ld", i);
            TL_CHECK(lp_add_row(lp, nm, NULL, &e) == FK_OK, "add row");
        }
        for (j = 0; j < n; j++) {
            snprintf(nm, sizeof nm, "c%ld", j);
            TL_CHECK(lp_add_col(lp, nm, NULL, &e) == FK_OK, "add col");
        }
        if (m)
            TL_CHECK(lp_add_row(lp, "r0", NULL, &e) == FK_EINVAL, "duplicate row accepted");
        for (t = 0; t < nt; t++) {
            i = fk_rng_range(r, 0, m - 1);
            j = fk_rng_range(r, 0, n - 1);
            mpq_set_si(v, fk_rng_range(r, -3, 3), (unsigned long)fk_rng_range(r, 1, 4));
            mpq_canonicalize(v);
            mpq_add(dense[i * n + j], dense[i * n + j], v);
            lp_add_coef(lp, i, j, v, &e);
            if (t == nt / 2) /* finalize midway: later triplets must merge in */
                TL_CHECK(lp_finalize(lp, &e) == FK_OK, "finalize");
        }
        TL_CHECK(lp_finalize(lp, &e) == FK_OK, "finalize");
        cp = lp_copy(lp);
        TL_CHECK(cp != NULL && cp->nnz == lp->nnz, "copy");
        for (k = 0; k < 2 && cp; k++) {
            const lp_model *q = k ? cp : lp;
            long cnt = 0;
            for (j = 0; j < n; j++)
                for (t = q->cbeg[j]; t < q->cbeg[j + 1]; t++) {
                    TL_CHECK(mpq_sgn(q->val[t]) != 0, "explicit zero kept");
                    TL_CHECK(t == q->cbeg[j] || q->ridx[t - 1] < q->ridx[t], "rows not ascending");
                    TL_CHECK(mpq_equal(q->val[t], dense[q->ridx[t] * n + j]), "CSC value differs");
                    cnt++;
                }
            for (i = 0; i < m; i++)
                for (t = q->rbeg[i]; t < q->rbeg[i + 1]; t++)
                    TL_CHECK(mpq_equal(lp_rval(q, t), dense[i * n + q->cidx[t]]), "row view differs");
            for (i = 0; i < m * n; i++)
                if (mpq_sgn(dense[i]))
                    cnt--;
            TL_CHECK(cnt == 0, "nonzero count differs");
        }
        for (j = 0; j < n; j++) {
            snprintf(nm, sizeof nm, "c%ld", j);
            TL_CHECK(lp_find_col(lp, nm) == j, "find col");
        }
        TL_CHECK(lp_find_col(lp, "nope") == -1, "find absent");
        lp_free(cp);
        lp_free(lp);
        for (k = 0; k < m * n; k++)
            mpq_clear(dense[k]);
        free(dense);
        mpq_clear(v);
        if (tl_failed_now())
            return TL_FAIL;
    }
    return TL_PASS;
}
