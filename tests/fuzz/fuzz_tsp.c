/* fuzz_tsp.c: the type-space reader (cases/econ_read.c).  A space that
 * reads is validated, every profile is printed and, when small, the
 * no-trade LP of cases/econ.h is built from it, finalized and solved
 * (pure, with limits), as `farkas case notrade FILE` would. */
#include "fuzz.h"

#include "econ.h"
#include "lp.h"
#include "solve.h"
#include "answer.h"

static void ft_trade(const econ_tspace ts)
{
    econ_trade tr;
    lp_model *lp = lp_new();
    fk_err err;
    solve_opts o;
    lp_answer res;
    memset(&tr, 0, sizeof tr);
    fk_err_clear(&err);
    if (!lp)
        return;
    if (econ_trade_cols(&tr, lp, ts, &err) == FK_OK &&
        econ_trade_feas(&tr, lp, ts, &err) == FK_OK &&
        econ_trade_acc(&tr, lp, ts, &err) == FK_OK &&
        econ_trade_ic(&tr, lp, ts, &err) == FK_OK &&
        lp_finalize(lp, &err) == FK_OK) {
        solve_opts_default(&o);
        o.pure = 1;
        o.time_limit = 1;
        o.iter_limit = 300;
        lp_answer_init(&res);
        (void)solve_lp(&res, lp, &o, NULL, &err);
        lp_answer_clear(&res);
    }
    econ_trade_free(&tr, ts);
    lp_free(lp);
}

FUZZ_TARGET(tsp)
{
    char p[128], pb[256];
    const char *path = fuzz_file(p, sizeof p, "in.tsp", data, size);
    econ_tspace ts;
    fk_err err;
    long t;
    int i;
    if (!path)
        return 0;
    fk_err_clear(&err);
    econ_tspace_init(ts);
    if (econ_tspace_read(ts, path, &err) == FK_OK) {
        for (t = 0; t < ts->nprof && t < 10000; t++) {
            (void)econ_prof_str(ts, t, pb, sizeof pb);
            for (i = 0; i < ts->n; i++)
                if (econ_prof_with(ts, t, i, econ_type_of(ts, t, i)) != t)
                    FUZZ_BUG("profile %ld does not round-trip for player %d", t, i);
        }
        if (econ_tspace_validate(ts, &err) == FK_OK &&
            ts->nprof * ts->nstates * ts->n <= 64)
            ft_trade(ts);
    }
    econ_tspace_clear(ts);
    econ_tspace_clear(ts); /* idempotent (econ.h) */
    return 0;
}
