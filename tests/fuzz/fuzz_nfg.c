/* fuzz_nfg.c: the Gambit .nfg reader (cases/econ_nfg.c).  A game that
 * reads must be consistent: nprof is the product of the strategy counts,
 * strategy indices round-trip through econ_strat_of / econ_strat_with, and
 * every payoff is a canonical rational. */
#include "fuzz.h"

#include "econ.h"

FUZZ_TARGET(nfg)
{
    char p[128];
    const char *path = fuzz_file(p, sizeof p, "in.nfg", data, size);
    econ_game g;
    fk_err err;
    long s, prod = 1;
    int i;
    if (!path)
        return 0;
    fk_err_clear(&err);
    econ_game_init(g);
    if (econ_game_read_nfg(g, path, &err) == FK_OK) {
        for (i = 0; i < g->n; i++) {
            if (g->nstrat[i] < 1 || !g->pname[i])
                FUZZ_BUG("player %d: %d strategies", i, g->nstrat[i]);
            prod *= g->nstrat[i];
        }
        if (prod != g->nprof)
            FUZZ_BUG("nprof %ld, product of strategy counts %ld", g->nprof, prod);
        for (s = 0; s < g->nprof && s < 10000; s++)
            for (i = 0; i < g->n; i++) {
                int si = econ_strat_of(g, s, i);
                if (si < 0 || si >= g->nstrat[i] || !g->sname[i][si] ||
                    econ_strat_with(g, s, i, si) != s)
                    FUZZ_BUG("profile %ld does not round-trip for player %d", s, i);
                if (mpz_sgn(mpq_denref(g->u[i][s])) <= 0)
                    FUZZ_BUG("payoff not canonical");
            }
    }
    econ_game_clear(g);
    econ_game_clear(g);
    return 0;
}
