/* t-notrade.c: the no-trade and concordance cases against answers derived
 * by hand, and Morris' theorem as a cross-check between two different LPs.
 * Every certificate written is re-read by the independent checker
 * (o.nbad counts rejections). */
#include <gmp.h>

#include "caseutil.h"
#include "testlib.h"

/* Brooks' example by hand.  States 0, 1; player 1 has one type; player 2's
 * type is a signal t in {0, 1}.  Player 1: P(theta) = 1/2, signal correct
 * w.p. p.  Player 2: state = signal w.p. q.
 *
 * Let x(t, theta) be what player 2 receives; feasibility lets player 1
 * pay exactly x (paying less only hurts player 1's acceptability and does
 * not touch player 2's IC).  Write a = x(0,0), c = x(1,1) (signal right),
 * b = x(0,1), d = x(1,0) (wrong), S = a + c, W = b + d, D = S - W.
 *   player 1:  -(p S + (1-p) W)/2 >= 0
 *   U2(0) = q a + (1-q) b >= 0,   U2(1) = q c + (1-q) d >= 0
 *   IC0: q a + (1-q) b >= q d + (1-q) c,   IC1: q c + (1-q) d >= q b + (1-q) a
 * Summing the IC pair gives (2q - 1) D >= 0, and the symmetric split
 * a = c = S/2, b = d = W/2 satisfies every constraint whenever the summed
 * ones hold, so only (S, W) matters.  With f1 = W + pD <= 0 <= f2 = W + qD
 * and one of them strict, f2 - f1 = (q - p) D > 0 is necessary, and
 * sufficient (take W = -pD: f1 = 0, f2 = (q-p)D > 0).  Hence:
 *   without IC: trade  iff  p != q;
 *   with IC:    trade  iff  (q - p) D > 0 for some D with (2q - 1) D >= 0,
 *               i.e. q > p and q >= 1/2, or q < p and q <= 1/2.
 * For p, q > 1/2 this is Brooks' slide: with IC, trade iff q > p. */
static int brooks_expect(const mpq_t p, const mpq_t q, int ic)
{
    mpq_t half;
    int c = mpq_cmp(q, p), h, r;
    if (c == 0)
        return 0;
    if (!ic)
        return 1;
    mpq_init(half);
    mpq_set_ui(half, 1, 2);
    h = mpq_cmp(q, half);
    r = (c > 0 && h >= 0) || (c < 0 && h <= 0);
    mpq_clear(half);
    return r;
}

int test_notrade_brooks_grid(fk_rng *r)
{
    econ_out o;
    econ_tspace ts;
    fk_err err;
    char dir[64];
    mpq_t p, q;
    int a, b, ic, step = tl_quick() ? 3 : 1, den = 6;
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_tspace_init(ts);
    mpq_init(p);
    mpq_init(q);
    fk_err_clear(&err);
    /* the grid k/6, k = 0..6: both sides of 1/2, the diagonal, the edges */
    for (a = 0; a <= den; a += step)
        for (b = 0; b <= den; b += step) {
            cu_q(p, a, den);
            cu_q(q, b, den);
            if (!TL_CHECK(econ_tspace_brooks(ts, p, q, &err) == FK_OK, "%s", err.msg))
                continue;
            for (ic = 0; ic < 2; ic++) {
                int trade = -1, conc = -1;
                if (!TL_CHECK(case_notrade_decide(&o, ts, ic, "nt", &trade, &err) == FK_OK,
                              "p=%d/6 q=%d/6: %s", a, b, err.msg))
                    continue;
                TL_CHECK(trade == brooks_expect(p, q, ic),
                         "p=%d/6 q=%d/6 ic=%d: trade=%d, expected %d", a, b, ic, trade,
                         brooks_expect(p, q, ic));
                /* Morris: the direct concordance LP says the opposite */
                if (TL_CHECK(case_concordance_decide(&o, ts, ic, "nc", &conc, &err) == FK_OK,
                             "%s", err.msg))
                    TL_CHECK(conc == !trade, "p=%d/6 q=%d/6 ic=%d: concordant=%d trade=%d",
                             a, b, ic, conc, trade);
            }
        }
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    mpq_clear(p);
    mpq_clear(q);
    econ_tspace_clear(ts);
    cu_close(dir);
    return TL_RESULT();
}

/* Fill ts with random beliefs: integers 0..4 (at least one positive per
 * type) normalised; or, if prior, the conditionals of a random positive
 * prior. */
static void random_beliefs(econ_tspace ts, fk_rng *r, int prior)
{
    long S = ts->nstates, t, th, cells = ts->nprof * S;
    mpq_t sum;
    int i, a;
    mpq_init(sum);
    if (prior) {
        mpq_t *pr = malloc((size_t)cells * sizeof *pr);
        for (t = 0; t < cells; t++) {
            mpq_init(pr[t]);
            mpq_set_si(pr[t], fk_rng_range(r, 1, 5), 1);
        }
        for (i = 0; i < ts->n; i++)
            for (a = 0; a < ts->ntypes[i]; a++) {
                mpq_set_ui(sum, 0, 1);
                for (t = 0; t < ts->nprof; t++)
                    if (econ_type_of(ts, t, i) == a)
                        for (th = 0; th < S; th++)
                            mpq_add(sum, sum, pr[t * S + th]);
                for (t = 0; t < ts->nprof; t++)
                    if (econ_type_of(ts, t, i) == a)
                        for (th = 0; th < S; th++)
                            mpq_div(ts->bel[i][t * S + th], pr[t * S + th], sum);
            }
        for (t = 0; t < cells; t++)
            mpq_clear(pr[t]);
        free(pr);
    } else {
        for (i = 0; i < ts->n; i++)
            for (a = 0; a < ts->ntypes[i]; a++) {
                long first = -1;
                mpq_set_ui(sum, 0, 1);
                for (t = 0; t < ts->nprof; t++)
                    if (econ_type_of(ts, t, i) == a)
                        for (th = 0; th < S; th++) {
                            if (first < 0)
                                first = t * S + th;
                            mpq_set_si(ts->bel[i][t * S + th], fk_rng_range(r, 0, 4), 1);
                            mpq_add(sum, sum, ts->bel[i][t * S + th]);
                        }
                if (mpq_sgn(sum) == 0) {
                    mpq_set_ui(ts->bel[i][first], 1, 1);
                    mpq_set_ui(sum, 1, 1);
                }
                for (t = 0; t < ts->nprof; t++)
                    if (econ_type_of(ts, t, i) == a)
                        for (th = 0; th < S; th++)
                            mpq_div(ts->bel[i][t * S + th], ts->bel[i][t * S + th], sum);
            }
    }
    mpq_clear(sum);
}

/* A common prior with full support: no trade, with or without IC (the
 * prior itself, lambda_i(ti) = marginal of ti, mu = 0, is a solution of
 * the concordance system).  Random beliefs: the trade LP and the
 * concordance LP must disagree (Morris), and an IC trade is a trade. */
int test_notrade_random(fk_rng *r)
{
    econ_out o;
    econ_tspace ts;
    fk_err err;
    char dir[64];
    long it, iters = (tl_quick() ? 6 : 25) * tl_mult();
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_tspace_init(ts);
    fk_err_clear(&err);
    for (it = 0; it < iters; it++) {
        int nt[3], n = (int)fk_rng_range(r, 1, 3), S = (int)fk_rng_range(r, 1, 2), i;
        int prior = it % 2 == 0, tr[2] = {-1, -1}, nc[2] = {-1, -1}, ic;
        for (i = 0; i < n; i++)
            nt[i] = (int)fk_rng_range(r, 1, n == 3 ? 2 : 3);
        if (!TL_CHECK(econ_tspace_shape(ts, n, nt, S, NULL, NULL, &err) == FK_OK, "%s", err.msg))
            break;
        random_beliefs(ts, r, prior);
        for (ic = 0; ic < 2; ic++) {
            if (!TL_CHECK(case_notrade_decide(&o, ts, ic, "nt", &tr[ic], &err) == FK_OK,
                          "it %ld: %s", it, err.msg) ||
                !TL_CHECK(case_concordance_decide(&o, ts, ic, "nc", &nc[ic], &err) == FK_OK,
                          "it %ld: %s", it, err.msg))
                continue;
            TL_CHECK(nc[ic] == !tr[ic], "it %ld ic=%d: trade=%d concordant=%d", it, ic, tr[ic], nc[ic]);
            if (prior)
                TL_CHECK(!tr[ic], "it %ld ic=%d: trade under a common prior", it, ic);
        }
        TL_CHECK(!tr[1] || tr[0], "it %ld: IC trade but no trade", it);
        /* one player with one type per player and a single state can never trade */
    }
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    econ_tspace_clear(ts);
    cu_close(dir);
    return TL_RESULT();
}

/* Hand-made: two players with one type each, two states, player 1 says
 * P(s0) = 1/3, player 2 says P(s0) = 1/2.  Bet: player 1 pays 1 in s0 and
 * receives 1 in s1 (gain 1/3*(-1) + 2/3*1 = 1/3 > 0); player 2 the
 * opposite (gain 0).  With one type each IC is vacuous, so a trade exists
 * either way.  With equal beliefs no trade exists (common prior). */
int test_notrade_bet(fk_rng *r)
{
    econ_out o;
    econ_tspace ts;
    fk_err err;
    char dir[64];
    const int nt[2] = {1, 1};
    int trade, ic, same;
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_tspace_init(ts);
    fk_err_clear(&err);
    for (same = 0; same < 2; same++) {
        TL_CHECK(econ_tspace_shape(ts, 2, nt, 2, NULL, NULL, &err) == FK_OK, "%s", err.msg);
        cu_q(ts->bel[0][0], 1, 3);
        cu_q(ts->bel[0][1], 2, 3);
        cu_q(ts->bel[1][0], same ? 1 : 1, same ? 3 : 2);
        cu_q(ts->bel[1][1], same ? 2 : 1, same ? 3 : 2);
        for (ic = 0; ic < 2; ic++) {
            trade = -1;
            TL_CHECK(case_notrade_decide(&o, ts, ic, "bet", &trade, &err) == FK_OK, "%s", err.msg);
            TL_CHECK(trade == !same, "same=%d ic=%d: trade=%d", same, ic, trade);
        }
    }
    /* beliefs that do not sum to 1 are refused, not solved */
    cu_q(ts->bel[1][1], 1, 3);
    TL_CHECK(case_notrade_decide(&o, ts, 0, "bad", &trade, &err) == FK_EINVAL,
             "unnormalised beliefs accepted");
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    econ_tspace_clear(ts);
    cu_close(dir);
    return TL_RESULT();
}
