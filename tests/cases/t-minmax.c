/* t-minmax.c: minmax / maxmin values against hand computations, the .nfg
 * reader on both format versions, and the ordering
 * pure maxmin <= mixed maxmin = correlated minmax <= pure minmax on random
 * games.  Every certificate is re-read by the independent checker. */
#include <gmp.h>
#include <stdio.h>

#include "caseutil.h"
#include "testlib.h"

static int eq_frac(const mpq_t v, long a, long b)
{
    mpq_t q;
    int r;
    mpq_init(q);
    cu_q(q, a, b);
    r = mpq_equal(v, q);
    mpq_clear(q);
    return r;
}

static char *path_of(char *buf, size_t len, const char *dir, const char *name)
{
    snprintf(buf, len, "%s/%s", dir, name);
    return buf;
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

/* Hand-made 2x2, player 1's payoffs (rows his, columns player 2's):
 *        L  R
 *    T   3  0
 *    B   1  2
 * pure maxmin = max(min(3,0), min(1,2)) = 1; pure minmax = min(max(3,1),
 * max(0,2)) = 2.  Mixed: T w.p. x gives 1 + 2x against L, 2 - 2x against
 * R; equal at x = 1/4, value 3/2.  Player 2's L w.p. y: 3y against T,
 * 2 - y against B, equal at y = 1/2, value 3/2 again (von Neumann).
 * Player 2's payoffs are all 0: every value of his is 0. */
int test_minmax_hand_2x2(fk_rng *r)
{
    econ_out o;
    econ_game g;
    case_minmax_vals v;
    fk_err err;
    char dir[64], p[128];
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_game_init(g);
    case_minmax_vals_init(&v);
    fk_err_clear(&err);
    write_file(path_of(p, sizeof p, dir, "hand.nfg"),
               "NFG 1 R \"hand\" { \"1\" \"2\" } { 2 2 }\n3 0 1 0 0 0 2 0\n");
    if (TL_CHECK(econ_game_read_nfg(g, p, &err) == FK_OK, "%s: %s", err.where, err.msg)) {
        TL_CHECK(case_minmax_player(&o, g, 0, "hand", &v, &err) == FK_OK, "%s", err.msg);
        TL_CHECK(eq_frac(v.pure_maxmin, 1, 1), "pure maxmin");
        TL_CHECK(eq_frac(v.pure_minmax, 2, 1), "pure minmax");
        TL_CHECK(eq_frac(v.mixed_maxmin, 3, 2), "mixed maxmin");
        TL_CHECK(eq_frac(v.corr_minmax, 3, 2), "mixed minmax");
        TL_CHECK(case_minmax_player(&o, g, 1, "hand", &v, &err) == FK_OK, "%s", err.msg);
        TL_CHECK(eq_frac(v.pure_maxmin, 0, 1) && eq_frac(v.pure_minmax, 0, 1) &&
                 eq_frac(v.mixed_maxmin, 0, 1) && eq_frac(v.corr_minmax, 0, 1), "player 2 not all 0");
    }
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    case_minmax_vals_clear(&v);
    econ_game_clear(g);
    cu_close(dir);
    return TL_RESULT();
}

/* Matching pennies in both .nfg versions: the same game, value 0 for both
 * players, pure maxmin -1, pure minmax 1. */
int test_minmax_pennies(fk_rng *r)
{
    econ_out o;
    econ_game g, h;
    case_minmax_vals v;
    fk_err err;
    char dir[64], p[128], q[128];
    long s;
    int i;
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_game_init(g);
    econ_game_init(h);
    case_minmax_vals_init(&v);
    fk_err_clear(&err);
    write_file(path_of(p, sizeof p, dir, "pay.nfg"),
               "NFG 1 R \"pennies\" { \"1\" \"2\" } { 2 2 } \"c\"\n\n1 -1, -1 1\n-1 1 1 -1\n");
    write_file(path_of(q, sizeof q, dir, "out.nfg"),
               "NFG 1 R \"pennies\" { \"A\" \"B\" }\n{ { \"H\" \"T\" } { \"H\" \"T\" } }\n\"\"\n"
               "{ { \"match\" 1, -1 }\n  { \"miss\" -1, 1 } }\n1 2 2 1\n");
    if (TL_CHECK(econ_game_read_nfg(g, p, &err) == FK_OK, "%s: %s", err.where, err.msg) &&
        TL_CHECK(econ_game_read_nfg(h, q, &err) == FK_OK, "%s: %s", err.where, err.msg)) {
        TL_CHECK(h->nprof == 4 && strcmp(h->sname[1][1], "T") == 0 && strcmp(h->pname[0], "A") == 0,
                 "outcome version names");
        for (i = 0; i < 2; i++)
            for (s = 0; s < 4; s++)
                TL_CHECK(mpq_equal(g->u[i][s], h->u[i][s]), "versions differ at u%d[%ld]", i + 1, s);
        for (i = 0; i < 2; i++) {
            TL_CHECK(case_minmax_player(&o, h, i, "pennies", &v, &err) == FK_OK, "%s", err.msg);
            TL_CHECK(eq_frac(v.mixed_maxmin, 0, 1) && eq_frac(v.corr_minmax, 0, 1), "value not 0");
            TL_CHECK(eq_frac(v.pure_maxmin, -1, 1) && eq_frac(v.pure_minmax, 1, 1), "pure values");
        }
    }
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    case_minmax_vals_clear(&v);
    econ_game_clear(g);
    econ_game_clear(h);
    cu_close(dir);
    return TL_RESULT();
}

/* cases/data/three-punishers.nfg, player 3 (derivation in the file):
 * correlated minmax 1/3 < pure minmax 1. */
int test_minmax_three(fk_rng *r)
{
    econ_out o;
    econ_game g;
    case_minmax_vals v;
    fk_err err;
    char dir[64];
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_game_init(g);
    case_minmax_vals_init(&v);
    fk_err_clear(&err);
    if (TL_CHECK(econ_game_read_nfg(g, "cases/data/three-punishers.nfg", &err) == FK_OK,
                 "%s: %s", err.where, err.msg)) {
        TL_CHECK(case_minmax_player(&o, g, 2, "three", &v, &err) == FK_OK, "%s", err.msg);
        TL_CHECK(eq_frac(v.pure_maxmin, 0, 1), "pure maxmin");
        TL_CHECK(eq_frac(v.pure_minmax, 1, 1), "pure minmax");
        TL_CHECK(eq_frac(v.mixed_maxmin, 1, 3), "mixed maxmin");
        TL_CHECK(eq_frac(v.corr_minmax, 1, 3), "correlated minmax");
    }
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    case_minmax_vals_clear(&v);
    econ_game_clear(g);
    cu_close(dir);
    return TL_RESULT();
}

/* Profile of a game with strategy counts ns[0..n) (mixed radix, player 1
 * the fastest digit) where player i plays a and the others' strategies
 * are the digits of o (same radix, i's digit left out). */
static long mm_prof(const int *ns, int n, int i, int a, long o)
{
    long s = 0, mul = 1;
    int j;
    for (j = 0; j < n; j++) {
        long d = a;
        if (j != i) {
            d = o % ns[j];
            o /= ns[j];
        }
        s += d * mul;
        mul *= ns[j];
    }
    return s;
}

/* Brute force: player i's pure minmax (min over the others' profiles of
 * his best reply) and pure maxmin (max over his strategies of the worst
 * the others can do). */
static void mm_brute(const econ_game g, const int *ns, int n, int i, mpq_t minmax, mpq_t maxmin)
{
    long o, nothers = g->nprof / ns[i];
    int a;
    for (o = 0; o < nothers; o++) {
        mpq_srcptr best = g->u[i][mm_prof(ns, n, i, 0, o)];
        for (a = 1; a < ns[i]; a++)
            if (mpq_cmp(g->u[i][mm_prof(ns, n, i, a, o)], best) > 0)
                best = g->u[i][mm_prof(ns, n, i, a, o)];
        if (o == 0 || mpq_cmp(best, minmax) < 0)
            mpq_set(minmax, best);
    }
    for (a = 0; a < ns[i]; a++) {
        mpq_srcptr worst = g->u[i][mm_prof(ns, n, i, a, 0)];
        for (o = 1; o < nothers; o++)
            if (mpq_cmp(g->u[i][mm_prof(ns, n, i, a, o)], worst) < 0)
                worst = g->u[i][mm_prof(ns, n, i, a, o)];
        if (a == 0 || mpq_cmp(worst, maxmin) > 0)
            mpq_set(maxmin, worst);
    }
}

/* Random games with 1 to 3 players: the pure values against the brute
 * force above, the chain of inequalities, and equality of the two LP
 * values (they are LP duals, solved separately). */
int test_minmax_random(fk_rng *r)
{
    econ_out o;
    econ_game g;
    case_minmax_vals v;
    fk_err err;
    char dir[64];
    long it, iters = (tl_quick() ? 5 : 20) * tl_mult(), s, ngap = 0;
    mpq_t bmin, bmax;
    if (cu_open(&o, dir))
        return TL_SKIP;
    mpq_inits(bmin, bmax, NULL);
    econ_game_init(g);
    case_minmax_vals_init(&v);
    fk_err_clear(&err);
    for (it = 0; it < iters; it++) {
        int ns[3], n = (int)fk_rng_range(r, 1, 3), i;
        for (i = 0; i < n; i++)
            ns[i] = (int)fk_rng_range(r, 1, 3);
        if (!TL_CHECK(econ_game_shape(g, n, ns, &err) == FK_OK, "%s", err.msg))
            break;
        for (i = 0; i < n; i++)
            for (s = 0; s < g->nprof; s++)
                cu_q(g->u[i][s], fk_rng_range(r, -5, 5), fk_rng_range(r, 1, 3));
        for (i = 0; i < n; i++) {
            if (!TL_CHECK(case_minmax_player(&o, g, i, "rnd", &v, &err) == FK_OK, "%s", err.msg))
                continue;
            mm_brute(g, ns, n, i, bmin, bmax);
            TL_CHECK(mpq_equal(v.pure_minmax, bmin), "it %ld player %d: pure minmax differs from brute force", it,
                     i + 1);
            TL_CHECK(mpq_equal(v.pure_maxmin, bmax), "it %ld player %d: pure maxmin differs from brute force", it,
                     i + 1);
            ngap += mpq_cmp(bmax, bmin) < 0;
            TL_CHECK(mpq_cmp(v.pure_maxmin, v.mixed_maxmin) <= 0, "it %ld: pure maxmin > mixed", it);
            TL_CHECK(mpq_equal(v.mixed_maxmin, v.corr_minmax), "it %ld: duality gap", it);
            TL_CHECK(mpq_cmp(v.corr_minmax, v.pure_minmax) <= 0, "it %ld: corr > pure minmax", it);
            if (ns[i] == 1 || g->nprof == ns[i]) /* no choice on one side: all equal */
                TL_CHECK(mpq_equal(v.pure_maxmin, v.pure_minmax), "it %ld: trivial side", it);
        }
    }
    /* the draws must include games where the pure values differ, or the
     * two brute-force loops could be swapped unnoticed */
    TL_CHECK(ngap > 0, "no random game with pure maxmin < pure minmax");
    TL_CHECK(o.nbad == 0, "%d of %d certificates rejected", o.nbad, o.ncert);
    mpq_clears(bmin, bmax, NULL);
    case_minmax_vals_clear(&v);
    econ_game_clear(g);
    cu_close(dir);
    return TL_RESULT();
}
