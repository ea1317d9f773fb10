/* fuzz_model.h: the body of the MPS and LP reader harnesses.
 *
 * Read the input with the exact reader.  When it parses: finalize again
 * (idempotent), solve it if small (pure or float-then-exact, with time and
 * pivot limits), and when the solve gives a verdict write the certificate
 * and require the independent checker not to reject it (it may refuse a
 * model its stricter reader does not accept: exit code 2, not 1).  Then
 * write the model as MPS and as LP, read each back, and require the same
 * model (lp_io.h: problem and objective names aside). */
#ifndef FUZZ_MODEL_H
#define FUZZ_MODEL_H

#include "fuzz.h"

#include "cert.h"
#include "check/chk.h"
#include "lp.h"
#include "lp_io.h"
#include "solve.h"
#include "answer.h"

static int fm_qeq(mpq_t *a, mpq_t *b, long n)
{
    long k;
    for (k = 0; k < n; k++)
        if (!mpq_equal(a[k], b[k]))
            return 0;
    return 1;
}

/* 1 if the two finalized models say the same (names of problem and
 * objective aside). */
static int fm_same(const lp_model *a, const lp_model *b)
{
    long k;
    if (a->m != b->m || a->n != b->n || a->sense != b->sense || a->nnz != b->nnz)
        return 0;
    for (k = 0; k < a->m; k++) {
        if (strcmp(a->rname[k], b->rname[k]) || a->rlo_fin[k] != b->rlo_fin[k] ||
            a->rhi_fin[k] != b->rhi_fin[k] ||
            (a->rlo_fin[k] && !mpq_equal(a->rlo[k], b->rlo[k])) ||
            (a->rhi_fin[k] && !mpq_equal(a->rhi[k], b->rhi[k])))
            return 0;
    }
    for (k = 0; k < a->n; k++) {
        if (strcmp(a->cname[k], b->cname[k]) || a->clo_fin[k] != b->clo_fin[k] ||
            a->chi_fin[k] != b->chi_fin[k] ||
            (a->clo_fin[k] && !mpq_equal(a->clo[k], b->clo[k])) ||
            (a->chi_fin[k] && !mpq_equal(a->chi[k], b->chi[k])))
            return 0;
    }
    if (!fm_qeq(a->obj, b->obj, a->n) || !mpq_equal(a->objconst, b->objconst))
        return 0;
    for (k = 0; k <= a->n; k++)
        if (a->cbeg[k] != b->cbeg[k])
            return 0;
    for (k = 0; k < a->nnz; k++)
        if (a->ridx[k] != b->ridx[k])
            return 0;
    return fm_qeq(a->val, b->val, a->nnz);
}

static void fm_roundtrip(const lp_model *lp, int mps)
{
    char p[128];
    lp_model *back = NULL;
    fk_err err;
    fk_status st;
    fk_err_clear(&err);
    fuzz_path(p, sizeof p, mps ? "rt.mps" : "rt.lp");
    st = mps ? lp_write_mps(lp, p, &err) : lp_write_lp(lp, p, &err);
    if (st == FK_EINVAL)
        return; /* not expressible (lp_io.h): a free row, a bad LP name */
    if (st) {
        FUZZ_BUG("writing %s failed: %s: %s", p, err.where, err.msg);
        return;
    }
    st = mps ? lp_read_mps(&back, p, &err) : lp_read_lp(&back, p, &err);
    if (st)
        FUZZ_BUG("re-reading the written %s failed: %s: %s", mps ? "MPS" : "LP",
                 err.where, err.msg);
    else if (!fm_same(lp, back))
        FUZZ_BUG("the %s round trip changed the model", mps ? "MPS" : "LP");
    lp_free(back);
    unlink(p);
}

/* Models with crossed bounds (lo > hi) go through here too: solve_lp
 * refuses them (lp_check_bounds, FK_EINVAL), so no certificate is written;
 * the inputs that once showed them called optimal are in regress/lp/. */
static void fm_solve(const lp_model *lp, const char *model, int pure)
{
    char cp[128];
    solve_opts o;
    lp_answer res;
    fk_err err;
    int rc;
    if (lp->m > 60 || lp->n > 60 || lp->nnz > 400)
        return;
    solve_opts_default(&o);
    o.time_limit = 1;
    o.iter_limit = 500;
    o.fast_iter_limit = 500;
    o.pure = pure;
    fk_err_clear(&err);
    lp_answer_init(&res);
    if (solve_lp(&res, lp, &o, NULL, &err) == FK_OK &&
        (res.status == LP_OPTIMAL || res.status == LP_INFEASIBLE ||
         res.status == LP_UNBOUNDED)) {
        fuzz_path(cp, sizeof cp, "solve.cert");
        if (cert_write(cp, model, lp, &res, &err) == FK_OK) {
            rc = chk_files(model, cp, 1 | (lp->nrelax ? CHK_RELAX : 0));
            if (rc == 1)
                FUZZ_BUG("the checker rejected the solver's %s certificate",
                         lp_status_str(res.status));
            unlink(cp);
        }
    }
    lp_answer_clear(&res);
}

static int fm_run(const uint8_t *data, size_t size, int mps)
{
    char p[128];
    const char *path = fuzz_file(p, sizeof p, mps ? "in.mps" : "in.lp", data, size);
    lp_model *lp = NULL;
    fk_err err;
    int fl = size & 2 ? LPIO_RELAX : 0; /* every other input as an LP relaxation */
    if (!path)
        return 0;
    fk_err_clear(&err);
    if ((mps ? lp_read_mps_flags(&lp, path, fl, &err) : lp_read_lp_flags(&lp, path, fl, &err)) == FK_OK) {
        if (lp_finalize(lp, &err) == FK_OK) {
            fm_solve(lp, path, size & 1);
            fm_roundtrip(lp, 1);
            fm_roundtrip(lp, 0);
        }
    }
    lp_free(lp);
    return 0;
}

#endif
