/* fuzz_bce.c: the base-game reader (cases/econ_bgame.c, `.bce`).  A game
 * that reads must be consistent: nprof is the product of the action
 * counts, every action and state has a name, action indices round-trip
 * through econ_strat_of / econ_strat_with, the prior is >= 0 and sums to
 * 1, every payoff and objective value is canonical, and without an
 * 'objective' line the objective is the sum of the payoffs.  No LP is
 * built (case_bce_solve writes files). */
#include "fuzz.h"

#include "econ.h"

static void fb_check(const econ_bgame b)
{
    const econ_game_struct *g = b->g;
    long s, prod = 1, cell;
    int i, th;
    mpq_t sum;
    mpq_init(sum);
    for (i = 0; i < g->n; i++) {
        if (g->nstrat[i] < 1)
            FUZZ_BUG("player %d: %d actions", i, g->nstrat[i]);
        prod *= g->nstrat[i];
    }
    if (prod != g->nprof || b->nstates < 1)
        FUZZ_BUG("nprof %ld, product of action counts %ld, %d states", g->nprof, prod,
                 b->nstates);
    for (th = 0; th < b->nstates; th++) {
        if (!b->state[th] || !b->state[th][0])
            FUZZ_BUG("state %d has no name", th);
        if (mpq_sgn(b->prior[th]) < 0)
            FUZZ_BUG("negative prior");
        mpq_add(sum, sum, b->prior[th]);
    }
    if (mpq_cmp_ui(sum, 1, 1) != 0)
        FUZZ_BUG("prior does not sum to 1");
    for (s = 0; s < g->nprof && s < 10000; s++) {
        for (i = 0; i < g->n; i++) {
            int a = econ_strat_of(g, s, i);
            if (a < 0 || a >= g->nstrat[i] || !g->sname[i][a] ||
                econ_strat_with(g, s, i, a) != s)
                FUZZ_BUG("profile %ld does not round-trip for player %d", s, i);
        }
        for (th = 0; th < b->nstates; th++) {
            cell = s * b->nstates + th;
            mpq_set_ui(sum, 0, 1);
            for (i = 0; i < g->n; i++) {
                if (mpz_sgn(mpq_denref(b->u[i][cell])) <= 0)
                    FUZZ_BUG("payoff not canonical");
                mpq_add(sum, sum, b->u[i][cell]);
            }
            if (mpz_sgn(mpq_denref(b->obj[cell])) <= 0)
                FUZZ_BUG("objective not canonical");
            if (!b->has_obj && !mpq_equal(sum, b->obj[cell]))
                FUZZ_BUG("default objective is not the sum of the payoffs at cell %ld", cell);
        }
    }
    mpq_clear(sum);
}

FUZZ_TARGET(bce)
{
    char p[128];
    const char *path = fuzz_file(p, sizeof p, "in.bce", data, size);
    econ_bgame b;
    fk_err err;
    if (!path)
        return 0;
    fk_err_clear(&err);
    econ_bgame_init(b);
    if (econ_bgame_read(b, path, &err) == FK_OK)
        fb_check(b);
    else if (!err.msg[0] || (err.code == FK_EPARSE && strncmp(err.where, path, strlen(path))))
        FUZZ_BUG("econ_bgame_read: error without a message or a position: '%s: %s'", err.where,
                 err.msg);
    econ_bgame_clear(b);
    econ_bgame_clear(b); /* safe twice */
    return 0;
}
