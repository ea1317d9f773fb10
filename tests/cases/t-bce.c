/* t-bce.c: Bayes correlated equilibria against answers derived
 * independently: the concavification value of the persuasion special case
 * and a brute-force grid over the obedience polytope of a small game. */
#include <gmp.h>

#include "caseutil.h"
#include "testlib.h"

/* Contribution game (one player, C pays theta - c, NC pays 0; P(thH) =
 * mu0), objective P(C).  By concavification (Kamenica-Gentzkow): with the
 * threshold belief mu* = (c - thL)/(thH - thL), P(C) is at most
 * E[1{posterior >= mu*}], maximised by splitting mu0 into {0, mu*}
 * (weights 1 - mu0/mu*, mu0/mu*) when mu0 < mu*, else full contribution:
 * best = min(1, mu0/mu*).  Symmetrically P(NC) is at most
 * min(1, (1 - mu0)/(1 - mu*)) (split into {mu*, 1}), so worst =
 * max(0, 1 - (1 - mu0)/(1 - mu*)). */
int test_bce_contribution_concavification(fk_rng *r)
{
    econ_bgame b;
    econ_out o;
    fk_err err;
    char dir[64];
    mpq_t mu0, lo, hi, c, best, worst, ms, want, t;
    int rep, reps = tl_quick() ? 6 : 20;
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_bgame_init(b);
    mpq_inits(mu0, lo, hi, c, best, worst, ms, want, t, NULL);
    fk_err_clear(&err);
    for (rep = 0; rep < reps; rep++) {
        long l = fk_rng_range(r, -3, 3), h = l + fk_rng_range(r, 2, 6);
        cu_q(lo, l, 1);
        cu_q(hi, h, 1);
        cu_q(c, 2 * l + fk_rng_range(r, 1, 2 * (h - l) - 1), 2); /* strictly inside */
        cu_q(mu0, fk_rng_range(r, 0, 12), 12);
        if (rep == 0) { /* the lecture's numbers: 1/3, 0, 1, 1/2 -> 2/3 */
            cu_q(lo, 0, 1);
            cu_q(hi, 1, 1);
            cu_q(c, 1, 2);
            cu_q(mu0, 1, 3);
        }
        if (!TL_CHECK(case_bce_contribution(b, mu0, lo, hi, c, &err) == FK_OK, "%s", err.msg) ||
            !TL_CHECK(case_bce_solve(&o, b, "contrib", best, worst, NULL, NULL, &err) == FK_OK, "%s", err.msg))
            continue;
        mpq_sub(ms, c, lo);
        mpq_sub(t, hi, lo);
        mpq_div(ms, ms, t);
        if (mpq_cmp(mu0, ms) < 0)
            mpq_div(want, mu0, ms);
        else
            mpq_set_ui(want, 1, 1);
        TL_CHECK(mpq_equal(best, want), "rep %d: best %s, concavification %s", rep,
                 mpq_get_str(NULL, 10, best), mpq_get_str(NULL, 10, want));
        if (rep == 0)
            TL_CHECK(mpq_cmp_ui(best, 2, 3) == 0, "lecture example: best != 2/3");
        /* worst */
        mpq_set_ui(t, 1, 1);
        mpq_sub(want, t, mu0);
        mpq_sub(t, t, ms);
        mpq_div(want, want, t);
        mpq_set_ui(t, 1, 1);
        mpq_sub(want, t, want);
        if (mpq_sgn(want) < 0)
            mpq_set_ui(want, 0, 1);
        TL_CHECK(mpq_equal(worst, want), "rep %d: worst %s, expected %s", rep,
                 mpq_get_str(NULL, 10, worst), mpq_get_str(NULL, 10, want));
    }
    TL_CHECK(o.nbad == 0 && o.ncert == 2 * reps, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clears(mu0, lo, hi, c, best, worst, ms, want, t, NULL);
    econ_bgame_clear(b);
    cu_close(dir);
    return TL_PASS;
}

/* obedience and martingale of pi, checked straight from the definitions */
static int is_bce(const econ_bgame b, mpq_t *pi)
{
    const econ_game_struct *g = b->g;
    long S = b->nstates, s;
    int i, a, a2, th, ok = 1;
    mpq_t x, d;
    mpq_inits(x, d, NULL);
    for (th = 0; th < S; th++) {
        mpq_set_ui(x, 0, 1);
        for (s = 0; s < g->nprof; s++) {
            ok &= mpq_sgn(pi[s * S + th]) >= 0;
            mpq_add(x, x, pi[s * S + th]);
        }
        ok &= mpq_equal(x, b->prior[th]);
    }
    for (i = 0; i < g->n; i++)
        for (a = 0; a < g->nstrat[i]; a++)
            for (a2 = 0; a2 < g->nstrat[i]; a2++) {
                mpq_set_ui(x, 0, 1);
                for (s = 0; s < g->nprof; s++) {
                    if (econ_strat_of(g, s, i) != a)
                        continue;
                    for (th = 0; th < S; th++) {
                        mpq_sub(d, b->u[i][s * S + th], b->u[i][econ_strat_with(g, s, i, a2) * S + th]);
                        mpq_mul(d, d, pi[s * S + th]);
                        mpq_add(x, x, d);
                    }
                }
                ok &= mpq_sgn(x) >= 0;
            }
    mpq_clears(x, d, NULL);
    return ok;
}

/* Two players, two actions, two states, prior (1/2, 1/2); every pi on
 * the grid pi(cell) in {0, 1/(2D), .., 1/2} with the martingale property
 * is enumerated, obedient ones kept: their objective range lies inside the
 * LP's [worst, best] (soundness of both optima), and the LP's optimal
 * distributions are BCE by the direct definition.  Chicken (one state
 * effectively: both states equal) has the hand-known welfare-maximising
 * correlated equilibrium: (C,C) 1/2, (C,D) 1/4, (D,C) 1/4, welfare
 * 6 + 9/4 + 9/4 = 21/2, on the grid with D = 4; the grid's best equals it. */
int test_bce_grid(fk_rng *r)
{
    static const int chicken[4][2] = {{6, 6}, {7, 2}, {2, 7}, {0, 0}}; /* s = a1 + 2 a2; C = 0 */
    econ_bgame b;
    econ_out o;
    fk_err err;
    char dir[64];
    mpq_t best, worst, gmax, gmin, v, *pb, *pw, *pi;
    int nact[2] = {2, 2}, rep, reps = tl_quick() ? 3 : 8, D = 4;
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_bgame_init(b);
    mpq_inits(best, worst, gmax, gmin, v, NULL);
    pb = fk_qarr_new(8);
    pw = fk_qarr_new(8);
    pi = fk_qarr_new(8);
    fk_err_clear(&err);
    for (rep = 0; rep < reps; rep++) {
        int k, th, found = 0;
        long c[8];
        if (!TL_CHECK(econ_bgame_shape(b, 2, nact, 2, NULL, &err) == FK_OK, "%s", err.msg))
            break;
        for (k = 0; k < 8; k++) {
            int s = k / 2, i;
            for (i = 0; i < 2; i++)
                mpq_set_si(b->u[i][k], rep == 0 ? chicken[s][i] : fk_rng_range(r, -3, 3), 1);
            mpq_add(b->obj[k], b->u[0][k], b->u[1][k]);
        }
        if (!TL_CHECK(case_bce_solve(&o, b, "grid", best, worst, pb, pw, &err) == FK_OK, "%s", err.msg))
            continue;
        TL_CHECK(is_bce(b, pb) && is_bce(b, pw), "rep %d: LP optimum is not a BCE", rep);
        /* enumerate: per state 4 cells summing to D (in units of 1/(2D)) */
        for (c[0] = 0; c[0] <= D; c[0]++)
        for (c[2] = 0; c[0] + c[2] <= D; c[2]++)
        for (c[4] = 0; c[0] + c[2] + c[4] <= D; c[4]++)
        for (c[1] = 0; c[1] <= D; c[1]++)
        for (c[3] = 0; c[1] + c[3] <= D; c[3]++)
        for (c[5] = 0; c[1] + c[3] + c[5] <= D; c[5]++) {
            c[6] = D - c[0] - c[2] - c[4];
            c[7] = D - c[1] - c[3] - c[5];
            for (k = 0; k < 8; k++)
                cu_q(pi[k], c[k], 2 * D);
            if (!is_bce(b, pi))
                continue;
            mpq_set_ui(v, 0, 1);
            for (k = 0; k < 8; k++) {
                mpq_t t;
                mpq_init(t);
                mpq_mul(t, pi[k], b->obj[k]);
                mpq_add(v, v, t);
                mpq_clear(t);
            }
            if (!found || mpq_cmp(v, gmax) > 0)
                mpq_set(gmax, v);
            if (!found || mpq_cmp(v, gmin) < 0)
                mpq_set(gmin, v);
            found = 1;
        }
        (void)th;
        if (!found) /* pure Nash equilibria with full information need not be on the grid */
            continue;
        TL_CHECK(mpq_cmp(gmax, best) <= 0 && mpq_cmp(gmin, worst) >= 0,
                 "rep %d: grid range [%s, %s] outside LP range [%s, %s]", rep,
                 mpq_get_str(NULL, 10, gmin), mpq_get_str(NULL, 10, gmax),
                 mpq_get_str(NULL, 10, worst), mpq_get_str(NULL, 10, best));
        if (rep == 0) {
            TL_CHECK(mpq_cmp_ui(best, 21, 2) == 0, "chicken: best CE welfare %s, expected 21/2",
                     mpq_get_str(NULL, 10, best));
            TL_CHECK(mpq_equal(gmax, best), "chicken: grid best differs");
        }
    }
    TL_CHECK(o.nbad == 0, "%d certificates rejected", o.nbad);
    fk_qarr_free(pb, 8);
    fk_qarr_free(pw, 8);
    fk_qarr_free(pi, 8);
    mpq_clears(best, worst, gmax, gmin, v, NULL);
    econ_bgame_clear(b);
    cu_close(dir);
    return TL_PASS;
}

/* The file reader on a written file: the contribution game as .bce gives
 * the same values as the built-in. */
int test_bce_file(fk_rng *r)
{
    econ_bgame b;
    econ_out o;
    fk_err err;
    char dir[64], path[128];
    mpq_t best, worst;
    FILE *f;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    snprintf(path, sizeof path, "%s/g.bce", dir);
    f = fopen(path, "w");
    if (!f)
        return TL_SKIP;
    fputs("players 1\nstates thL thH\nprior 2/3 1/3\nactions 1 C NC\n"
          "payoff thL C -1/2  # C pays theta - 1/2\npayoff thH C 0.5\n"
          "objective thL C 1\nobjective thH C 1\n", f);
    fclose(f);
    econ_bgame_init(b);
    mpq_inits(best, worst, NULL);
    fk_err_clear(&err);
    if (TL_CHECK(econ_bgame_read(b, path, &err) == FK_OK, "%s", err.msg) &&
        TL_CHECK(case_bce_solve(&o, b, "file", best, worst, NULL, NULL, &err) == FK_OK, "%s", err.msg)) {
        TL_CHECK(mpq_cmp_ui(best, 2, 3) == 0 && mpq_sgn(worst) == 0, "file: [%s, %s], expected [0, 2/3]",
                 mpq_get_str(NULL, 10, worst), mpq_get_str(NULL, 10, best));
    }
    TL_CHECK(o.nbad == 0, "%d certificates rejected", o.nbad);
    mpq_clears(best, worst, NULL);
    econ_bgame_clear(b);
    cu_close(dir);
    return TL_PASS;
}
