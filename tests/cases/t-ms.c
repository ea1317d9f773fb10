/* t-ms.c: Myerson-Satterthwaite with discrete types against answers
 * derived by hand and against a second formulation (the screening
 * solution), for every tie rule and both budget-balance flags.  Every
 * certificate written is re-read by the independent checker (o.nbad). */
#include <gmp.h>

#include "caseutil.h"
#include "testlib.h"

/* The second formulation.  With independent types the expected subsidy
 * E[tB + tS] splits into the buyer's part E T_B(v) and the seller's
 * E T_S(c), each constrained only by its own BIC and IR (ex ante BB; ex
 * post BB gives the same value, since tB(v,c) = T_B(v) - T_S(c) + E T_S,
 * tS(v,c) = T_S(c) - T_B(v) + E T_B keeps interim transfers and makes
 * tB + tS constant).  With Q_B nondecreasing (q is monotone under every
 * tie rule) the buyer's largest payment P = -T_B, type by type, is
 * IR binding at the lowest value and the local downward BIC binding:
 *   P(v_1) = v_1 Q_B(v_1),  P(v_k) = P(v_{k-1}) + v_k (Q_B(v_k) - Q_B(v_{k-1})).
 * Symmetrically the seller's smallest receipt:
 *   T_S(c_K) = c_K Q_S(c_K),  T_S(c_j) = T_S(c_{j+1}) + c_j (Q_S(c_j) - Q_S(c_{j+1})).
 * Minimal subsidy = E T_S - E P. */
static void screening(mpq_t sub, const case_ms_inst *in)
{
    mpq_t q, a, P, T, Qprev, Q;
    int i, j;
    mpq_inits(q, a, P, T, Qprev, Q, NULL);
    mpq_set_ui(sub, 0, 1);
    for (i = 0; i < in->nb; i++) {
        mpq_set_ui(Q, 0, 1);
        for (j = 0; j < in->ns; j++) {
            int s = mpq_cmp(in->v[i], in->c[j]);
            if (s > 0)
                mpq_set_ui(q, 1, 1);
            else if (s < 0 || in->tie == CASE_MS_TIE_NONE)
                mpq_set_ui(q, 0, 1);
            else
                mpq_set_ui(q, 1, in->tie == CASE_MS_TIE_TRADE ? 1 : 2);
            mpq_mul(a, q, in->g[j]);
            mpq_add(Q, Q, a);
        }
        mpq_sub(a, Q, Qprev); /* Qprev = 0 before the first type: P = v_1 Q */
        mpq_mul(a, a, in->v[i]);
        mpq_add(P, P, a);
        mpq_mul(a, P, in->f[i]);
        mpq_sub(sub, sub, a);
        mpq_set(Qprev, Q);
    }
    mpq_set_ui(Qprev, 0, 1);
    for (j = in->ns - 1; j >= 0; j--) {
        mpq_set_ui(Q, 0, 1);
        for (i = 0; i < in->nb; i++) {
            int s = mpq_cmp(in->v[i], in->c[j]);
            if (s > 0)
                mpq_set_ui(q, 1, 1);
            else if (s < 0 || in->tie == CASE_MS_TIE_NONE)
                mpq_set_ui(q, 0, 1);
            else
                mpq_set_ui(q, 1, in->tie == CASE_MS_TIE_TRADE ? 1 : 2);
            mpq_mul(a, q, in->f[i]);
            mpq_add(Q, Q, a);
        }
        mpq_sub(a, Q, Qprev);
        mpq_mul(a, a, in->c[j]);
        mpq_add(T, T, a);
        mpq_mul(a, T, in->g[j]);
        mpq_add(sub, sub, a);
        mpq_set(Qprev, Q);
    }
    mpq_clears(q, a, P, T, Qprev, Q, NULL);
}

static int set_list(mpq_t **x, int *n, const long *num, long den, int k)
{
    int i;
    fk_qarr_free(*x, *n);
    *x = fk_qarr_new(k);
    *n = k;
    if (!*x)
        return -1;
    for (i = 0; i < k; i++)
        cu_q((*x)[i], num[i], den);
    return 0;
}

/* Hand example: v in {1, 3}, c in {0, 2}, each uniform.  q = 1 except at
 * (1, 2).  Q_B(1) = 1/2, Q_B(3) = 1; P(1) = 1/2, P(3) = 1/2 + 3/2 = 2,
 * E P = 5/4.  Q_S(0) = 1, Q_S(2) = 1/2; T_S(2) = 1, T_S(0) = 1 + 0 = 1,
 * E T_S = 1.  Subsidy 1 - 5/4 = -1/4: efficient trade is possible (with
 * 1/4 to spare).  Gains from trade (1 + 3 + 1)/4 = 5/4. */
int test_ms_hand_2x2(fk_rng *r)
{
    static const long v[] = {1, 3}, c[] = {0, 2}, half[] = {1, 1};
    case_ms_inst in;
    econ_out o;
    fk_err err;
    char dir[64];
    mpq_t sub, want;
    int feas = -1, ep;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    case_ms_inst_init(&in);
    mpq_inits(sub, want, NULL);
    fk_err_clear(&err);
    set_list(&in.v, &in.nb, v, 1, 2);
    set_list(&in.c, &in.ns, c, 1, 2);
    { int k = 0; set_list(&in.f, &k, half, 2, 2); k = 0; set_list(&in.g, &k, half, 2, 2); }
    cu_q(want, -1, 4);
    for (ep = 0; ep < 2; ep++) {
        in.expost = ep;
        if (TL_CHECK(case_ms_solve(&o, &in, "ms2", &feas, sub, &err) == FK_OK, "%s", err.msg)) {
            TL_CHECK(feas == 1, "expost=%d: feasible=%d", ep, feas);
            TL_CHECK(mpq_equal(sub, want), "expost=%d: subsidy %s, expected -1/4", ep,
                     mpq_get_str(NULL, 10, sub));
        }
    }
    case_ms_surplus(sub, &in);
    cu_q(want, 5, 4);
    TL_CHECK(mpq_equal(sub, want), "gains from trade");
    TL_CHECK(o.nbad == 0 && o.ncert == 4, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clears(sub, want, NULL);
    case_ms_inst_clear(&in);
    cu_close(dir);
    return TL_PASS;
}

/* Uniform grids {0, 1, .., n-1} / (n-1), no trade at ties.  Q_B(k) = k/n,
 * P(k) = sum_{m<=k} m/(n-1) * 1/n = k(k+1)/(2n(n-1)), E P = (n+1)/(6n).
 * Q_S(k) = (n-1-k)/n, T_S(k) = sum_{j=k}^{n-2} j/(n(n-1)),
 * E T_S = (n-2)/(3n).  Subsidy (n-2)/(3n) - (n+1)/(6n) = (n-5)/(6n):
 * efficient trade possible iff n <= 5 (exactly balanced at n = 5), and
 * the subsidy tends to the continuum's 1/6. */
int test_ms_uniform_sweep(fk_rng *r)
{
    case_ms_inst in;
    econ_out o;
    fk_err err;
    char dir[64], nm[32];
    mpq_t sub, want;
    int n, ep, feas = -1, top = tl_quick() ? 7 : 9;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    case_ms_inst_init(&in);
    mpq_inits(sub, want, NULL);
    fk_err_clear(&err);
    for (n = 2; n <= top; n++)
        for (ep = 0; ep < 2; ep++) {
            if (!TL_CHECK(case_ms_uniform(&in, n, &err) == FK_OK, "%s", err.msg))
                continue;
            in.expost = ep;
            snprintf(nm, sizeof nm, "u%d", n);
            if (!TL_CHECK(case_ms_solve(&o, &in, nm, &feas, sub, &err) == FK_OK, "n=%d: %s", n, err.msg))
                continue;
            cu_q(want, n - 5, 6 * n);
            TL_CHECK(mpq_equal(sub, want), "n=%d expost=%d: subsidy differs from (n-5)/(6n)", n, ep);
            TL_CHECK(feas == (n <= 5), "n=%d expost=%d: feasible=%d", n, ep, feas);
        }
    TL_CHECK(o.nbad == 0, "%d certificates rejected", o.nbad);
    mpq_clears(sub, want, NULL);
    case_ms_inst_clear(&in);
    cu_close(dir);
    return TL_PASS;
}

/* Random grids and priors, every tie rule, both BB flags: the LP optimum
 * equals the screening formula, and the feasibility verdict is its sign. */
int test_ms_random_vs_screening(fk_rng *r)
{
    case_ms_inst in;
    econ_out o;
    fk_err err;
    char dir[64];
    mpq_t sub, want;
    int rep, reps = tl_quick() ? 6 : 24;
    if (cu_open(&o, dir))
        return TL_SKIP;
    case_ms_inst_init(&in);
    mpq_inits(sub, want, NULL);
    fk_err_clear(&err);
    for (rep = 0; rep < reps; rep++) {
        long vv[5], cc[5], pv[5], pc[5], sv = 0, sc = 0, x;
        int nb = (int)fk_rng_range(r, 1, 4), ns = (int)fk_rng_range(r, 1, 4), k, feas = -1;
        /* strictly increasing grids on small integers (ties happen) */
        for (k = 0, x = fk_rng_range(r, 0, 2); k < nb; k++, x += fk_rng_range(r, 1, 3))
            vv[k] = x;
        for (k = 0, x = fk_rng_range(r, 0, 2); k < ns; k++, x += fk_rng_range(r, 1, 3))
            cc[k] = x;
        for (k = 0; k < nb; k++)
            sv += pv[k] = fk_rng_range(r, 1, 5);
        for (k = 0; k < ns; k++)
            sc += pc[k] = fk_rng_range(r, 1, 5);
        set_list(&in.v, &in.nb, vv, 1, nb);
        in.f = fk_qarr_new(nb);
        for (k = 0; k < nb; k++)
            cu_q(in.f[k], pv[k], sv);
        set_list(&in.c, &in.ns, cc, 1, ns);
        in.g = fk_qarr_new(ns);
        for (k = 0; k < ns; k++)
            cu_q(in.g[k], pc[k], sc);
        in.tie = rep % 3;
        in.expost = (rep / 3) % 2;
        screening(want, &in);
        if (TL_CHECK(case_ms_solve(&o, &in, "rnd", &feas, sub, &err) == FK_OK, "%s", err.msg)) {
            TL_CHECK(mpq_equal(sub, want), "rep %d (tie %d, expost %d): LP subsidy %s, screening %s",
                     rep, in.tie, in.expost, mpq_get_str(NULL, 10, sub), mpq_get_str(NULL, 10, want));
            TL_CHECK(feas == (mpq_sgn(want) <= 0), "rep %d: feasible=%d", rep, feas);
        }
        fk_qarr_free(in.f, nb);
        fk_qarr_free(in.g, ns);
        in.f = in.g = NULL;
    }
    TL_CHECK(o.nbad == 0, "%d certificates rejected", o.nbad);
    mpq_clears(sub, want, NULL);
    case_ms_inst_clear(&in);
    cu_close(dir);
    return TL_PASS;
}
