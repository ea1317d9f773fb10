/* t-doval.c: sequential information design (case_doval_ely.c) against
 * values derived by hand here and against the definition itself.
 *
 * Notation: pi(o; a1, a2) is the probability that player o moves first
 * and the players are told (and play) a1, a2.  Player i told r and
 * thinking of x: if he moves second he gets u_i(x, a_j) instead of
 * u_i(r, a_j); if he moves first the device answers x either by keeping
 * j's recommendation a_j or by telling j, who then plays a best reply to
 * x, whichever is worse for i ("credible"), or, for the upper bound, by
 * any action of j ("any"). */
#include <gmp.h>

#include "caseutil.h"
#include "testlib.h"

/* u_i at the profile (a1, a2) */
static mpq_srcptr U(const econ_game g, int i, int a1, int a2)
{
    return g->u[i][a1 + (long)g->nstrat[0] * a2];
}

/* cell of (o; a1, a2) in the design array */
static long cell(const econ_game g, int o, int a1, int a2)
{
    return o * g->nprof + a1 + (long)g->nstrat[0] * a2;
}

/* The first mover i was to get a_j from j, played x instead: the worst
 * payoff for i that the device can arrange (any: over every action of j;
 * credible: keeping a_j, or any best reply of j to x). */
static void worst_after(mpq_t w, const econ_game g, int i, int x, int aj, int any)
{
    int j = 1 - i, y, first = 1;
    mpq_t top;
    mpq_init(top);
    for (y = 0; y < g->nstrat[j]; y++) { /* j's best-reply payoff against x */
        mpq_srcptr v = i == 0 ? U(g, 1, x, y) : U(g, 0, y, x);
        if (y == 0 || mpq_cmp(v, top) > 0)
            mpq_set(top, v);
    }
    if (!any) {
        mpq_set(w, i == 0 ? U(g, 0, x, aj) : U(g, 1, aj, x));
        first = 0;
    }
    for (y = 0; y < g->nstrat[j]; y++) {
        mpq_srcptr vj = i == 0 ? U(g, 1, x, y) : U(g, 0, y, x);
        mpq_srcptr vi = i == 0 ? U(g, 0, x, y) : U(g, 1, y, x);
        if (!any && !mpq_equal(vj, top))
            continue;
        if (first || mpq_cmp(vi, w) < 0)
            mpq_set(w, vi);
        first = 0;
    }
    mpq_clear(top);
}

/* pi >= 0, sums to 1, and every player obeys every recommendation */
static int seq_obedient(const econ_game g, mpq_t *pi, int any)
{
    int i, rr, x, aj, o, ok = 1;
    long k;
    mpq_t sum, d, w;
    mpq_inits(sum, d, w, NULL);
    for (k = 0; k < 2 * g->nprof; k++) {
        ok &= mpq_sgn(pi[k]) >= 0;
        mpq_add(sum, sum, pi[k]);
    }
    ok &= mpq_cmp_ui(sum, 1, 1) == 0;
    for (i = 0; i < 2; i++)
        for (rr = 0; rr < g->nstrat[i]; rr++)
            for (x = 0; x < g->nstrat[i]; x++) {
                mpq_set_ui(sum, 0, 1);
                for (aj = 0; aj < g->nstrat[1 - i]; aj++)
                    for (o = 0; o < 2; o++) {
                        int a1 = i == 0 ? rr : aj, a2 = i == 0 ? aj : rr;
                        int x1 = i == 0 ? x : aj, x2 = i == 0 ? aj : x;
                        if (o == i)
                            worst_after(w, g, i, x, aj, any);
                        else
                            mpq_set(w, U(g, i, x1, x2));
                        mpq_sub(d, U(g, i, a1, a2), w);
                        mpq_mul(d, d, pi[cell(g, o, a1, a2)]);
                        mpq_add(sum, sum, d);
                    }
                ok &= mpq_sgn(sum) >= 0;
            }
    mpq_clears(sum, d, w, NULL);
    return ok;
}

static int set_game(econ_game g, const long *u1, const long *u2, int n1, int n2, fk_err *err)
{
    int ns[2], k;
    ns[0] = n1;
    ns[1] = n2;
    if (econ_game_shape(g, 2, ns, err) != FK_OK)
        return 0;
    for (k = 0; k < n1 * n2; k++) {
        mpq_set_si(g->u[0][k], u1[k], 1);
        mpq_set_si(g->u[1][k], u2[k], 1);
    }
    return 1;
}

/* The seed's prisoners' dilemma, u(C,C) = g, u(C,D) = 0, u(D,C) = A,
 * u(D,D) = b (own action first), A > g > b > 0.
 *
 * Simultaneous: D is strictly dominant (A > g, b > 0), so a recommendation
 * C is never obeyed with positive probability: W = 0 (and min = 0).
 *
 * Sequential: after any deviation the device can tell the later mover,
 * whose best reply to anything is D; D is also the reply the deviator
 * likes least (b < A after D, 0 < g after C), so the credible and the
 * harshest punishment agree: a first mover who deviates to D gets b.
 * Player 1 told C, deviating to D:
 *   first  (o = 1): pi(1;C,C)(g - b) + pi(1;C,D)(0 - b)
 *   second (o = 2): pi(2;C,C)(g - A) + pi(2;C,D)(0 - b)       sum >= 0
 * and symmetrically for player 2.  Recommendations D are obeyed in every
 * cell (the coefficients A, b, A - g, b are >= 0).  Cells with C against
 * D only take from the C-constraints, so the optimum puts x_o = pi(o;C,C)
 * and the rest on (D,D):  x1 (g - b) + x2 (g - A) >= 0,
 * x2 (g - b) + x1 (g - A) >= 0.  Adding:  (x1 + x2)(2g - A - b) >= 0.
 *   2g < A + b:  x1 + x2 = 0, V = 0.
 *   2g >= A + b: x1 = x2 = 1/2 satisfies both (each side (2g-A-b)/2), V = 1;
 *   with x1 + x2 = 1 the constraints read x1 >= (A-g)/(A-b) and
 *   x1 <= (g-b)/(A-b): the order probability P(1 first) must lie there,
 *   which on the threshold (g - b = A - g) is exactly 1/2.
 * So V = 1{2g >= A + b}: the threshold is g = (A + b)/2 (the slide's
 * "g > A + 5b" is OCR of g >= A/2 + b/2). */
int test_doval_pd_threshold(fk_rng *r)
{
    static const long bs[][2] = {{1, 3}, {1, 1}, {5, 2}};
    static const long ds[][2] = {{1, 2}, {2, 1}, {7, 1}};
    static const long es[][2] = {{-3, 4}, {-1, 10}, {0, 1}, {1, 10}, {3, 4}, {-1, 1000}, {1, 1000}};
    econ_game g;
    econ_out o;
    fk_err err;
    case_de_res res;
    char dir[64];
    mpq_t A, gg, b, e, t, lo, hi, x1;
    int ib, id, ie, n = 0, nabove = 0, nbelow = 0, non = 0, rep;
    int t0[2] = {0, 0};
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_game_init(g);
    case_de_res_init(&res);
    mpq_inits(A, gg, b, e, t, lo, hi, x1, NULL);
    fk_err_clear(&err);
    for (rep = 0; rep < (tl_quick() ? 1 : 3); rep++)
        for (ib = 0; ib < 3; ib++)
            for (id = 0; id < 3; id++)
                for (ie = 0; ie < 7; ie++) {
                    int want, above;
                    long k;
                    if (tl_quick() && (ib + id + ie) % 3)
                        continue;
                    cu_q(b, bs[ib][0], bs[ib][1]);
                    cu_q(t, ds[id][0], ds[id][1]);
                    if (rep > 0) { /* random rational b and A - b */
                        cu_q(b, fk_rng_range(r, 1, 40), fk_rng_range(r, 1, 12));
                        cu_q(t, fk_rng_range(r, 1, 40), fk_rng_range(r, 1, 12));
                    }
                    mpq_add(A, b, t);
                    /* g = (A + b)/2 + e (A - b)/2, |e| < 1, so b < g < A */
                    cu_q(e, es[ie][0], es[ie][1]);
                    mpq_mul(e, e, t);
                    mpq_add(gg, A, b);
                    mpq_add(gg, gg, e);
                    mpq_div_2exp(gg, gg, 1);
                    above = es[ie][0] >= 0;
                    want = above;
                    n++;
                    if (es[ie][0] == 0)
                        non++;
                    else if (above)
                        nabove++;
                    else
                        nbelow++;
                    if (!TL_CHECK(case_de_pd(g, A, gg, b, &err) == FK_OK, "%s", err.msg) ||
                        !TL_CHECK(case_de_solve(&o, g, t0, "pd", &res, &err) == FK_OK, "%s", err.msg))
                        continue;
                    TL_CHECK(mpq_sgn(res.sim) == 0 && mpq_sgn(res.sim_low) == 0,
                             "A=%s g=%s b=%s: W = %s, expected 0", mpq_get_str(NULL, 10, A),
                             mpq_get_str(NULL, 10, gg), mpq_get_str(NULL, 10, b), mpq_get_str(NULL, 10, res.sim));
                    TL_CHECK(mpq_cmp_ui(res.seq, (unsigned long)want, 1) == 0 &&
                                 mpq_equal(res.seq, res.seq_any) && res.full == want,
                             "A=%s g=%s b=%s: V = %s, V_any = %s, full %d; expected %d",
                             mpq_get_str(NULL, 10, A), mpq_get_str(NULL, 10, gg), mpq_get_str(NULL, 10, b),
                             mpq_get_str(NULL, 10, res.seq), mpq_get_str(NULL, 10, res.seq_any), res.full, want);
                    TL_CHECK(seq_obedient(g, res.design, 0), "optimal design not sequentially obedient");
                    if (!want)
                        continue;
                    /* P(1 first) in [(A-g)/(A-b), (g-b)/(A-b)]; = 1/2 on the threshold */
                    mpq_set_ui(x1, 0, 1);
                    for (k = 0; k < 4; k++)
                        mpq_add(x1, x1, res.design[k]);
                    mpq_sub(lo, A, gg);
                    mpq_div(lo, lo, t);
                    mpq_sub(hi, gg, b);
                    mpq_div(hi, hi, t);
                    TL_CHECK(mpq_cmp(lo, x1) <= 0 && mpq_cmp(x1, hi) <= 0, "P(1 first) = %s outside [%s, %s]",
                             mpq_get_str(NULL, 10, x1), mpq_get_str(NULL, 10, lo), mpq_get_str(NULL, 10, hi));
                    if (es[ie][0] == 0)
                        TL_CHECK(mpq_cmp_ui(x1, 1, 2) == 0, "on the threshold P(1 first) = %s, not 1/2",
                                 mpq_get_str(NULL, 10, x1));
                }
    TL_CHECK(nabove > 0 && nbelow > 0 && non > 0, "grid misses a side of the threshold");
    TL_CHECK(o.nbad == 0 && o.ncert == 5 * n, "certificates: %d of %d rejected (%d expected)", o.nbad,
             o.ncert, 5 * n);
    mpq_clears(A, gg, b, e, t, lo, hi, x1, NULL);
    case_de_res_clear(&res);
    econ_game_clear(g);
    cu_close(dir);
    return TL_PASS;
}

/* 2x2 games where sequential design cannot help.
 *
 * (a) Common interest, u1 = u2 = [[2, 0], [0, 1]] (rows T, B; columns L, R),
 * target (T,R).  A later mover's best reply to x maximises the common
 * payoff, which is the deviator's best payoff after x, so the credible
 * dev equals u_i(x, a_j) ("keep") in every cell; then both orders give
 * player i the same coefficient u_i(r, a_j) - u_i(x, a_j), the correlated
 * equilibrium constraint of the marginal sum_o pi(o; .): V = W.  W by hand:
 * with p = pi(T,R), t = pi(T,L), c = pi(B,R), obedience of 1 told T is
 * 2t - p >= 0 and of 2 told R is c - 2p >= 0, so 1 >= p + t + c >= 3.5 p,
 * W = 2/7 (attained: p = 2/7, t = 1/7, c = 4/7, whose other constraints
 * hold).  With any punishment the bound is larger: every deviation can be
 * held to 0, player 1's T-constraint becomes 2(t1 + t2) - p2 >= 0 and
 * player 2's R-constraint c1 + c2 - 2 p1 >= 0 (p_o = pi(o;T,R)), so
 * 3 p1 + 3/2 p2 <= 1: V_any = 2/3 (p2 = 2/3, t = 1/3).
 *
 * (b) Player 1's target action C is dominated whatever follows:
 * u1(C, .) = (0, 1) < 2 <= u1(D, .) = (2, 3).  Every cell where 1 is told C
 * has a negative coefficient in both orders (u1(C, a2) - 2 < 0 first,
 * u1(C, a2) - u1(D, a2) = -2 second): V_any = V = W = 0.
 *
 * (c) Random common-interest games (3 x 2, payoffs in -3..3): V = W by (a)'s
 * argument, for every target. */
int test_doval_no_help(fk_rng *r)
{
    static const long ci[4] = {2, 0, 0, 1};      /* s = a1 + 2 a2 */
    static const long dom1[4] = {0, 2, 1, 3}, dom2[4] = {1, 0, 0, 1};
    econ_game g;
    econ_out o;
    fk_err err;
    case_de_res res;
    char dir[64];
    int rep, reps = tl_quick() ? 4 : 15, n = 0;
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_game_init(g);
    case_de_res_init(&res);
    fk_err_clear(&err);
    {
        int t[2] = {0, 1};
        n++;
        if (TL_CHECK(set_game(g, ci, ci, 2, 2, &err), "%s", err.msg) &&
            TL_CHECK(case_de_solve(&o, g, t, "ci", &res, &err) == FK_OK, "%s", err.msg)) {
            TL_CHECK(mpq_cmp_ui(res.sim, 2, 7) == 0 && mpq_cmp_ui(res.seq, 2, 7) == 0,
                     "common interest: W = %s, V = %s, expected 2/7 both", mpq_get_str(NULL, 10, res.sim),
                     mpq_get_str(NULL, 10, res.seq));
            TL_CHECK(mpq_cmp_ui(res.seq_any, 2, 3) == 0 && !res.full, "common interest: V_any = %s, expected 2/3",
                     mpq_get_str(NULL, 10, res.seq_any));
            TL_CHECK(seq_obedient(g, res.design, 0), "common interest: design not obedient");
        }
    }
    {
        int t[2] = {0, 0};
        n++;
        if (TL_CHECK(set_game(g, dom1, dom2, 2, 2, &err), "%s", err.msg) &&
            TL_CHECK(case_de_solve(&o, g, t, "dom", &res, &err) == FK_OK, "%s", err.msg))
            TL_CHECK(mpq_sgn(res.sim) == 0 && mpq_sgn(res.seq) == 0 && mpq_sgn(res.seq_any) == 0 && !res.full,
                     "dominated: W = %s, V = %s, V_any = %s, expected 0", mpq_get_str(NULL, 10, res.sim),
                     mpq_get_str(NULL, 10, res.seq), mpq_get_str(NULL, 10, res.seq_any));
    }
    for (rep = 0; rep < reps; rep++) {
        long u[6];
        int k, t[2];
        for (k = 0; k < 6; k++)
            u[k] = fk_rng_range(r, -3, 3);
        t[0] = (int)fk_rng_range(r, 0, 2);
        t[1] = (int)fk_rng_range(r, 0, 1);
        n++;
        if (!TL_CHECK(set_game(g, u, u, 3, 2, &err), "%s", err.msg) ||
            !TL_CHECK(case_de_solve(&o, g, t, "cirand", &res, &err) == FK_OK, "%s", err.msg))
            continue;
        TL_CHECK(mpq_equal(res.sim, res.seq), "rep %d: common interest but W = %s, V = %s", rep,
                 mpq_get_str(NULL, 10, res.sim), mpq_get_str(NULL, 10, res.seq));
    }
    TL_CHECK(o.nbad == 0 && o.ncert == 5 * n, "certificates: %d of %d rejected", o.nbad, o.ncert);
    case_de_res_clear(&res);
    econ_game_clear(g);
    cu_close(dir);
    return TL_PASS;
}

/* Matching pennies (1 matches), target (H,H).  Simultaneous: the only
 * correlated equilibrium is uniform (each player must be indifferent given
 * each recommendation, which forces the other's conditional to 1/2), so
 * W = 1/4 = min.  Sequential: player 2 moves first, told H; player 1 is
 * told H after H and learns of a deviation to T (then matches, T).  Player 2
 * gets -1 obeying and -1 deviating; player 1, always second, matches:
 * V = 1 (so V_any = 1 too). */
int test_doval_pennies(fk_rng *r)
{
    static const long u1[4] = {1, -1, -1, 1}, u2[4] = {-1, 1, 1, -1};
    econ_game g;
    econ_out o;
    fk_err err;
    case_de_res res;
    char dir[64];
    int t[2] = {0, 0};
    long k;
    mpq_t x2;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_game_init(g);
    case_de_res_init(&res);
    mpq_init(x2);
    fk_err_clear(&err);
    if (TL_CHECK(set_game(g, u1, u2, 2, 2, &err), "%s", err.msg) &&
        TL_CHECK(case_de_solve(&o, g, t, "pennies", &res, &err) == FK_OK, "%s", err.msg)) {
        TL_CHECK(mpq_cmp_ui(res.sim, 1, 4) == 0 && mpq_cmp_ui(res.sim_low, 1, 4) == 0,
                 "pennies: W in [%s, %s], expected 1/4", mpq_get_str(NULL, 10, res.sim_low),
                 mpq_get_str(NULL, 10, res.sim));
        TL_CHECK(mpq_cmp_ui(res.seq, 1, 1) == 0 && mpq_cmp_ui(res.seq_any, 1, 1) == 0 && res.full,
                 "pennies: V = %s, expected 1", mpq_get_str(NULL, 10, res.seq));
        for (k = 4; k < 8; k++)
            mpq_add(x2, x2, res.design[k]);
        TL_CHECK(mpq_cmp_ui(x2, 1, 1) == 0, "pennies: the mismatcher must move first, P = %s",
                 mpq_get_str(NULL, 10, x2));
        TL_CHECK(seq_obedient(g, res.design, 0), "pennies: design not obedient");
    }
    TL_CHECK(o.nbad == 0 && o.ncert == 5, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clear(x2);
    case_de_res_clear(&res);
    econ_game_clear(g);
    cu_close(dir);
    return TL_PASS;
}

/* Brute force on random 2x2 games: every design on the grid pi in
 * {0, 1/D, .., 1}^8 (sum 1, D = 4) is checked against the definition
 * (seq_obedient, written here independently of the case); the best
 * credible grid design is at most V and the best "any" one at most V_any;
 * the LP's design is obedient by the definition and reaches V; and
 * W <= V <= V_any (a correlated equilibrium played with player 1 first is
 * credible-obedient: keeping a_j is always an option). */
int test_doval_brute(fk_rng *r)
{
    econ_game g;
    econ_out o;
    fk_err err;
    case_de_res res;
    char dir[64];
    int rep, reps = tl_quick() ? 3 : 10, D = 4;
    mpq_t *pi, best[2], v;
    if (cu_open(&o, dir))
        return TL_SKIP;
    econ_game_init(g);
    case_de_res_init(&res);
    pi = fk_qarr_new(8);
    mpq_inits(best[0], best[1], v, NULL);
    fk_err_clear(&err);
    for (rep = 0; rep < reps; rep++) {
        long u1[4], u2[4], k, tc;
        int c[8], t[2], any;
        for (k = 0; k < 4; k++) {
            u1[k] = fk_rng_range(r, -2, 3);
            u2[k] = fk_rng_range(r, -2, 3);
        }
        t[0] = (int)fk_rng_range(r, 0, 1);
        t[1] = (int)fk_rng_range(r, 0, 1);
        if (!TL_CHECK(set_game(g, u1, u2, 2, 2, &err), "%s", err.msg) ||
            !TL_CHECK(case_de_solve(&o, g, t, "brute", &res, &err) == FK_OK, "%s", err.msg))
            continue;
        TL_CHECK(mpq_cmp(res.sim, res.seq) <= 0 && mpq_cmp(res.seq, res.seq_any) <= 0,
                 "rep %d: not W <= V <= V_any: %s %s %s", rep, mpq_get_str(NULL, 10, res.sim),
                 mpq_get_str(NULL, 10, res.seq), mpq_get_str(NULL, 10, res.seq_any));
        TL_CHECK(seq_obedient(g, res.design, 0), "rep %d: LP design not obedient", rep);
        mpq_set(v, res.design[cell(g, 0, t[0], t[1])]);
        mpq_add(v, v, res.design[cell(g, 1, t[0], t[1])]);
        TL_CHECK(mpq_equal(v, res.seq), "rep %d: design reaches %s, LP says %s", rep, mpq_get_str(NULL, 10, v),
                 mpq_get_str(NULL, 10, res.seq));
        mpq_set_si(best[0], -1, 1);
        mpq_set_si(best[1], -1, 1);
        tc = 0;
        /* compositions of D into 8 parts */
        for (c[0] = 0; c[0] <= D; c[0]++)
        for (c[1] = 0; c[0] + c[1] <= D; c[1]++)
        for (c[2] = 0; c[0] + c[1] + c[2] <= D; c[2]++)
        for (c[3] = 0; c[0] + c[1] + c[2] + c[3] <= D; c[3]++)
        for (c[4] = 0; c[0] + c[1] + c[2] + c[3] + c[4] <= D; c[4]++)
        for (c[5] = 0; c[0] + c[1] + c[2] + c[3] + c[4] + c[5] <= D; c[5]++)
        for (c[6] = 0; c[0] + c[1] + c[2] + c[3] + c[4] + c[5] + c[6] <= D; c[6]++) {
            c[7] = D - c[0] - c[1] - c[2] - c[3] - c[4] - c[5] - c[6];
            for (k = 0; k < 8; k++)
                cu_q(pi[k], c[k], D);
            tc++;
            mpq_set(v, pi[cell(g, 0, t[0], t[1])]);
            mpq_add(v, v, pi[cell(g, 1, t[0], t[1])]);
            for (any = 0; any < 2; any++)
                if (mpq_cmp(v, best[any]) > 0 && seq_obedient(g, pi, any))
                    mpq_set(best[any], v);
        }
        TL_CHECK(tc == 330, "grid has %ld points, expected C(11,7) = 330", tc);
        TL_CHECK(mpq_cmp(best[0], res.seq) <= 0 && mpq_cmp(best[1], res.seq_any) <= 0,
                 "rep %d: a grid design beats the LP: credible %s > %s or any %s > %s", rep,
                 mpq_get_str(NULL, 10, best[0]), mpq_get_str(NULL, 10, res.seq),
                 mpq_get_str(NULL, 10, best[1]), mpq_get_str(NULL, 10, res.seq_any));
    }
    TL_CHECK(o.nbad == 0, "%d certificates rejected", o.nbad);
    mpq_clears(best[0], best[1], v, NULL);
    fk_qarr_free(pi, 8);
    case_de_res_clear(&res);
    econ_game_clear(g);
    cu_close(dir);
    return TL_PASS;
}
