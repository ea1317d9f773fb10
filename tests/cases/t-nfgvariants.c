/* t-nfgvariants.c: every .nfg variant Gambit reads gives the same game.
 * The header names strategies by count or by name lists (NFG 1 R, or the
 * older decimal header NFG 1 D); the body is a payoff list or an outcome
 * list, independently of that.  One 2x2 game written five ways:
 *
 *     u1 (player 1 picks the row)   u2
 *            L  R                          L    R
 *        T   3  0                      T  1/2   0
 *        B   1  2                      B   0   1/4
 *
 * Player 1: mixed maxmin 3/2 (t-minmax.c's hand 2x2).  Player 2, L w.p.
 * q: 1/2 q against T, 1/4 (1 - q) against B, equal at q = 1/3: value 1/6;
 * pure maxmin max(min(1/2, 0), min(0, 1/4)) = 0; pure minmax
 * min(max(1/2, 0), max(0, 1/4)) = 1/4. */
#include <gmp.h>
#include <stdio.h>
#include <string.h>

#include "caseutil.h"
#include "testlib.h"

static const char *const variant[] = {
    /* counts, payoff list (player 1 fastest: TL BL TR BR) */
    "NFG 1 R \"g\" { \"P1\" \"P2\" } { 2 2 }\n3 1/2 1 0 0 0 2 1/4\n",
    /* names, payoff list: refused before issue 19 */
    "NFG 1 R \"g\" { \"P1\" \"P2\" } { { \"T\" \"B\" } { \"L\" \"R\" } }\n\n3 1/2 1 0 0 0 2 1/4\n",
    /* the decimal header, a comment, decimals with a leading point */
    "NFG 1 D \"g\" { \"P1\" \"P2\" } { 2 2 } \"a comment\"\n3.0 .5 1 0 0 0 2.00 0.25\n",
    /* names, outcome list (outcome 3 unused, outcome 0 the null one) */
    "NFG 1 D \"g\" { \"P1\" \"P2\" }\n{ { \"T\" \"B\" } { \"L\" \"R\" } }\n\"\"\n"
    "{ { \"tl\" 3, .5 }\n  { \"bl\" 1, 0 }\n  { \"x\" 7, 7 }\n  { \"br\" 2, 0.25 } }\n1 2 0 4\n",
    /* counts, outcome list */
    "NFG 1 R \"g\" { \"P1\" \"P2\" } { 2 2 }\n{ { \"tl\" 3 1/2 } { \"bl\" 1 0 } { \"br\" 2 1/4 } }\n1 2 0 3\n",
};

static int is(const mpq_t v, long a, long b)
{
    mpq_t q;
    int r;
    mpq_init(q);
    mpq_set_si(q, a, (unsigned long)b);
    mpq_canonicalize(q);
    r = mpq_equal(v, q);
    mpq_clear(q);
    return r;
}

int test_nfg_variants(fk_rng *r)
{
    static const long want[2][4][2] = {{{3, 1}, {1, 1}, {0, 1}, {2, 1}},
                                       {{1, 2}, {0, 1}, {0, 1}, {1, 4}}};
    econ_out o;
    econ_game g;
    case_minmax_vals v;
    fk_err err;
    char dir[64], p[128];
    size_t k;
    int i;
    long s;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_game_init(g);
    case_minmax_vals_init(&v);
    for (k = 0; k < sizeof variant / sizeof *variant; k++) {
        FILE *f;
        snprintf(p, sizeof p, "%s/v%zu.nfg", dir, k);
        f = fopen(p, "w");
        if (!f)
            continue;
        fputs(variant[k], f);
        fclose(f);
        fk_err_clear(&err);
        if (!TL_CHECK(econ_game_read_nfg(g, p, &err) == FK_OK, "variant %zu: %s: %s", k, err.where, err.msg))
            continue;
        TL_CHECK(g->n == 2 && g->nprof == 4, "variant %zu: shape", k);
        for (i = 0; i < 2; i++)
            for (s = 0; s < 4; s++)
                TL_CHECK(is(g->u[i][s], want[i][s][0], want[i][s][1]), "variant %zu: u%d[%ld]", k, i + 1, s);
        if (k == 1 || k == 3)
            TL_CHECK(strcmp(g->sname[0][1], "B") == 0 && strcmp(g->sname[1][0], "L") == 0,
                     "variant %zu: strategy names", k);
        if (k == 3) {
            TL_CHECK(case_minmax_player(&o, g, 0, "nfgv", &v, &err) == FK_OK, "%s", err.msg);
            TL_CHECK(is(v.mixed_maxmin, 3, 2), "player 1 mixed maxmin");
            TL_CHECK(case_minmax_player(&o, g, 1, "nfgv", &v, &err) == FK_OK, "%s", err.msg);
            TL_CHECK(is(v.mixed_maxmin, 1, 6), "player 2 mixed maxmin");
            TL_CHECK(is(v.pure_maxmin, 0, 1) && is(v.pure_minmax, 1, 4), "player 2 pure values");
        }
    }
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    case_minmax_vals_clear(&v);
    econ_game_clear(g);
    cu_close(dir);
    return TL_RESULT();
}
