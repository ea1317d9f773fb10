/* t-mechfile.c: the mechanism files of cases/data/ (*.mech) (`farkas model`)
 * against independent derivations:
 *   - Myerson-Satterthwaite: the screening solution written out below, with
 *     the grid and priors typed in the test (not read from the file), for
 *     every tie rule; designer ties by brute force over the tie vertices;
 *     on {0..n-1}^2 uniform also the closed form (n-1)(n-5)/(6n), 240/41
 *     at n = 41;
 *   - Myerson's optimal auction: expected positive virtual surplus, the
 *     virtual values computed here by hand from the typed-in prior;
 *   - pivot (DIC + ex post IR) and BIC + interim IR with a fixed efficient
 *     decision: revenue-maximal payments are shortest-path distances
 *     (Bellman-Ford below), agent by agent; the Clarke pivot payments are
 *     feasible, so the optimum is at least the pivot's revenue;
 *   - AGV: efficient, BIC and ex post budget balanced is feasible with
 *     independent types (the theorem; the LP must find it);
 *   - Morris: the same type space through the no-trade LP and the
 *     concordance LP of case_notrade.c (a second formulation).
 * Every certificate written is re-read by the independent checker. */
#include <gmp.h>

#include "caseutil.h"
#include "mech.h"
#include "testlib.h"

/* Read and solve FILE; res[] (MECH_MAX_LPS) initialised on success. */
static int run_file(econ_out *o, const char *file, mech_model m, mech_result *res)
{
    return cu_mech_run(o, file, m, res, 0);
}

static void done_file(mech_model m, mech_result *res)
{
    mech_results_clear(res, m->nobj);
    mech_clear(m);
}

static const mech_result *find(const mech_model m, const mech_result *res, const char *label)
{
    int k;
    for (k = 0; k < m->nobj; k++)
        if (strcmp(res[k].label, label) == 0)
            return &res[k];
    return NULL;
}

/* ---- Myerson-Satterthwaite ------------------------------------------------

 * Buyer values v_1 < .. < v_K (prior f), seller costs c_1 < .. (prior g),
 * trade q(v, c) = 1 if v > c, 0 if v < c, tie[k] at v_k = c.  With
 * Q_B(v) = sum_c g q and Q_S(c) = sum_v f q (both monotone), the buyer's
 * largest BIC + IR payment binds IR at v_1 and the local downward IC:
 * P(v_1) = v_1 Q_B(v_1), P(v_k) = P(v_{k-1}) + v_k (Q_B(v_k) - Q_B(v_{k-1}));
 * the seller's smallest receipt binds IR at c_K and IC upward:
 * R(c_K) = c_K Q_S(c_K), R(c_j) = R(c_{j+1}) + c_j (Q_S(c_j) - Q_S(c_{j+1})).
 * The minimal subsidy with ex ante budget balance is E R - E P. */
static void ms_screen(mpq_t sub, int n, const long *val, mpq_t *f, mpq_t *g,
                      mpq_t *tie)
{
    mpq_t Q, Qp, P, a, q;
    int i, j;
    mpq_inits(Q, Qp, P, a, q, NULL);
    mpq_set_ui(sub, 0, 1);
    for (i = 0; i < n; i++) { /* buyer, value val[i] */
        mpq_set_ui(Q, 0, 1);
        for (j = 0; j < n; j++) {
            if (val[i] > val[j])
                mpq_set_ui(q, 1, 1);
            else if (val[i] < val[j])
                mpq_set_ui(q, 0, 1);
            else
                mpq_set(q, tie[i]);
            mpq_mul(a, q, g[j]);
            mpq_add(Q, Q, a);
        }
        mpq_sub(a, Q, Qp);
        mpq_set_si(q, val[i], 1);
        mpq_mul(a, a, q);
        mpq_add(P, P, a);
        mpq_mul(a, P, f[i]);
        mpq_sub(sub, sub, a);
        mpq_set(Qp, Q);
    }
    mpq_set_ui(Qp, 0, 1);
    mpq_set_ui(P, 0, 1);
    for (j = n - 1; j >= 0; j--) { /* seller, cost val[j] */
        mpq_set_ui(Q, 0, 1);
        for (i = 0; i < n; i++) {
            if (val[i] > val[j])
                mpq_set_ui(q, 1, 1);
            else if (val[i] < val[j])
                mpq_set_ui(q, 0, 1);
            else
                mpq_set(q, tie[j]);
            mpq_mul(a, q, f[i]);
            mpq_add(Q, Q, a);
        }
        mpq_sub(a, Q, Qp);
        mpq_set_si(q, val[j], 1);
        mpq_mul(a, a, q);
        mpq_add(P, P, a);
        mpq_mul(a, P, g[j]);
        mpq_add(sub, sub, a);
        mpq_set(Qp, Q);
    }
    mpq_clears(Q, Qp, P, a, q, NULL);
}

/* Check FILE's "feas" and "subsidy" LPs against want. */
static void ms_expect(econ_out *o, const char *file, const mpq_t want)
{
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    const mech_result *f, *s;
    if (!run_file(o, file, m, res))
        return;
    f = find(m, res, "feas");
    s = find(m, res, "subsidy");
    if (TL_CHECK(f && s, "%s: LPs feas and subsidy", file)) {
        TL_CHECK(s->status == LP_OPTIMAL && mpq_equal(s->value, want), "%s: subsidy %s, want %s",
                 file, mpq_get_str(NULL, 10, s->value), mpq_get_str(NULL, 10, want));
        TL_CHECK((f->status == LP_OPTIMAL) == (mpq_sgn(want) <= 0),
                 "%s: feasibility %s but minimal subsidy %s", file, lp_status_str(f->status),
                 mpq_get_str(NULL, 10, want));
    }
    done_file(m, res);
}

int test_mechfile_ms(fk_rng *r)
{
    static const char *ties[] = {"first", "last", "uniform"};
    long val[41];
    mpq_t *u3 = fk_qarr_new(3), *tie = fk_qarr_new(41), *u41 = fk_qarr_new(41), want, best, s;
    mpq_t *f4 = fk_qarr_new(4), *g4 = fk_qarr_new(4);
    econ_out o;
    char dir[64], file[128];
    int k, i, mask;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    mpq_inits(want, best, s, NULL);
    for (i = 0; i < 41; i++) {
        val[i] = i;
        mpq_set_ui(u41[i], 1, 41);
        if (i < 3)
            mpq_set_ui(u3[i], 1, 3);
    }
    /* the three fixed tie rules on {0,1,2}^2: none, trade, half at v = c */
    for (k = 0; k < 3; k++) {
        for (i = 0; i < 3; i++)
            mpq_set_ui(tie[i], k == 0 ? 0 : 1, k == 2 ? 2 : 1);
        ms_screen(want, 3, val, u3, u3, tie);
        snprintf(file, sizeof file, "cases/data/ms3-ties-%s.mech", ties[k]);
        ms_expect(&o, file, want);
    }
    /* closed form, ties none: (n-1)(n-5)/(6n) */
    cu_q(want, -2, 9);
    for (i = 0; i < 3; i++)
        mpq_set_ui(tie[i], 0, 1);
    ms_screen(s, 3, val, u3, u3, tie);
    TL_CHECK(mpq_equal(s, want), "screening formula on {0,1,2}: %s, closed form -2/9",
             mpq_get_str(NULL, 10, s));
    /* designer ties = the best tie vector: the subsidy is linear in each
     * tie probability, so a vertex of [0,1]^3 attains it */
    for (mask = 0; mask < 8; mask++) {
        for (i = 0; i < 3; i++)
            mpq_set_ui(tie[i], (unsigned long)((mask >> i) & 1), 1);
        ms_screen(s, 3, val, u3, u3, tie);
        if (mask == 0 || mpq_cmp(s, best) < 0)
            mpq_set(best, s);
    }
    ms_expect(&o, "cases/data/ms3-ties-designer.mech", best);
    /* non-uniform priors on {0..3}^2, designer ties */
    cu_q(f4[0], 1, 10), cu_q(f4[1], 2, 10), cu_q(f4[2], 3, 10), cu_q(f4[3], 4, 10);
    cu_q(g4[0], 1, 2), cu_q(g4[1], 1, 4), cu_q(g4[2], 1, 8), cu_q(g4[3], 1, 8);
    for (mask = 0; mask < 16; mask++) {
        for (i = 0; i < 4; i++)
            mpq_set_ui(tie[i], (unsigned long)((mask >> i) & 1), 1);
        ms_screen(s, 4, val, f4, g4, tie);
        if (mask == 0 || mpq_cmp(s, best) < 0)
            mpq_set(best, s);
    }
    ms_expect(&o, "cases/data/ms4-nonuniform.mech", best);
    if (!tl_quick()) {
        cu_q(want, 240, 41);
        for (i = 0; i < 41; i++)
            mpq_set_ui(tie[i], 0, 1);
        ms_screen(s, 41, val, u41, u41, tie);
        TL_CHECK(mpq_equal(s, want), "screening on {0..40}: %s, closed form 240/41", mpq_get_str(NULL, 10, s));
        ms_expect(&o, "cases/data/ms41.mech", want);
    }
    TL_CHECK(o.nbad == 0 && o.ncert > 0, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clears(want, best, s, NULL);
    fk_qarr_free(u3, 3);
    fk_qarr_free(tie, 41);
    fk_qarr_free(u41, 41);
    fk_qarr_free(f4, 4);
    fk_qarr_free(g4, 4);
    cu_close(dir);
    return TL_RESULT();
}

/* ---- optimal auction ------------------------------------------------------

 * Independent symmetric values v_1 < .. < v_K with prior f: the virtual
 * value phi(v_k) = v_k - (v_{k+1} - v_k)(1 - F(v_k)) / f(v_k) (phi(v_K) =
 * v_K).  With phi nondecreasing (regular) the optimal BIC + interim IR
 * revenue is E max(0, max_i phi(v_i)). */
static void virtual_revenue(mpq_t rev, int n, int K, const long *v, mpq_t *f)
{
    mpq_t *phi = fk_qarr_new(K), tail, a, p, best;
    long t, np = 1;
    int i, k;
    mpq_inits(tail, a, p, best, NULL);
    for (k = K - 1; k >= 0; k--) {
        mpq_set_si(phi[k], v[k], 1);
        if (k < K - 1) {
            mpq_set_si(a, v[k + 1] - v[k], 1);
            mpq_mul(a, a, tail);
            mpq_div(a, a, f[k]);
            mpq_sub(phi[k], phi[k], a);
        }
        mpq_add(tail, tail, f[k]); /* tail = 1 - F(v_{k-1}) for the next k */
    }
    for (i = 0; i < n; i++)
        np *= K;
    mpq_set_ui(rev, 0, 1);
    for (t = 0; t < np; t++) {
        long x = t;
        mpq_set_ui(p, 1, 1);
        mpq_set_ui(best, 0, 1);
        for (i = 0; i < n; i++, x /= K) {
            mpq_mul(p, p, f[x % K]);
            if (mpq_cmp(phi[x % K], best) > 0)
                mpq_set(best, phi[x % K]);
        }
        mpq_mul(a, p, best);
        mpq_add(rev, rev, a);
    }
    mpq_clears(tail, a, p, best, NULL);
    fk_qarr_free(phi, K);
}

static void auction_expect(econ_out *o, const char *file, const mpq_t want)
{
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    if (!run_file(o, file, m, res))
        return;
    TL_CHECK(res[0].status == LP_OPTIMAL && mpq_equal(res[0].value, want), "%s: revenue %s, want %s",
             file, mpq_get_str(NULL, 10, res[0].value), mpq_get_str(NULL, 10, want));
    done_file(m, res);
}

int test_mechfile_auction(fk_rng *r)
{
    long v3[3] = {1, 2, 3}, v5[5] = {1, 2, 3, 4, 5};
    mpq_t *f3 = fk_qarr_new(3), *f5 = fk_qarr_new(5), rev;
    econ_out o;
    char dir[64];
    int k;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    mpq_init(rev);
    cu_q(f3[0], 1, 2), cu_q(f3[1], 1, 4), cu_q(f3[2], 1, 4);
    for (k = 0; k < 5; k++)
        cu_q(f5[k], 1, 5);
    virtual_revenue(rev, 2, 3, v3, f3);
    {   /* by hand: phi = 0, 1, 3; E max = 13/8 */
        mpq_t h;
        mpq_init(h);
        cu_q(h, 13, 8);
        TL_CHECK(mpq_equal(rev, h), "virtual surplus 2x3: %s, by hand 13/8", mpq_get_str(NULL, 10, rev));
        mpq_clear(h);
    }
    auction_expect(&o, "cases/data/auction-2x3.mech", rev);
    virtual_revenue(rev, 3, 5, v5, f5); /* phi = 2k - 5; 87/25 */
    auction_expect(&o, "cases/data/auction-3x5.mech", rev);
    TL_CHECK(o.nbad == 0 && o.ncert == 2, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clear(rev);
    fk_qarr_free(f3, 3);
    fk_qarr_free(f5, 5);
    cu_close(dir);
    return TL_RESULT();
}

/* ---- pivot and AGV: shortest paths ----------------------------------------- */

/* k*(t): the first alternative maximising the total value (no states). */
static int kstar(const mech_model m, long t, int skip)
{
    mpq_t w, best;
    int k, i, bk = 0;
    mpq_init(w);
    mpq_init(best);
    for (k = 0; k < m->nalt; k++) {
        mpq_set_ui(w, 0, 1);
        for (i = 0; i < m->n; i++)
            if (i != skip)
                mpq_add(w, w, m->val[i][t * m->nalt + k]);
        if (k == 0 || mpq_cmp(w, best) > 0) {
            mpq_set(best, w);
            bk = k;
        }
    }
    mpq_clear(w);
    mpq_clear(best);
    return bk;
}

/* Largest payments d[a] with d[a] <= V[a][a] (IR) and d[a] <= d[b] + V[a][a]
 * - V[a][b] (type a does not report b): shortest paths from the outside
 * option, by Bellman-Ford (K rounds; no negative cycle with an
 * implementable decision). V[a * K + b] = a's value from b's decision. */
static void max_pay(mpq_t *d, int K, mpq_t *V)
{
    mpq_t c;
    int a, b, it;
    mpq_init(c);
    for (a = 0; a < K; a++)
        mpq_set(d[a], V[a * K + a]);
    for (it = 0; it < K; it++)
        for (a = 0; a < K; a++)
            for (b = 0; b < K; b++) {
                mpq_add(c, d[b], V[a * K + a]);
                mpq_sub(c, c, V[a * K + b]);
                if (mpq_cmp(c, d[a]) < 0)
                    mpq_set(d[a], c);
            }
    mpq_clear(c);
}

/* The revenue-maximal payments for the efficient decision: ex post (DIC +
 * IRX, per agent and others' profile) or interim (BIC + IR with the
 * model's beliefs, per agent); the maximal expected revenue. */
static void sp_revenue(mpq_t rev, const mech_model m, int expost)
{
    const econ_tspace_struct *ts = m->ts;
    long t, t2;
    int i, a, b;
    mpq_t x;
    mpq_init(x);
    mpq_set_ui(rev, 0, 1);
    for (i = 0; i < m->n; i++) {
        int K = ts->ntypes[i];
        mpq_t *V = fk_qarr_new((long)K * K), *d = fk_qarr_new(K);
        for (t = 0; t < ts->nprof; t++) {
            if (econ_type_of(ts, t, i) != 0)
                continue; /* t stands for t_-i */
            for (a = 0; a < K; a++)
                for (b = 0; b < K; b++) {
                    long ta = econ_prof_with(ts, t, i, a), tb = econ_prof_with(ts, t, i, b);
                    mpq_srcptr v = m->val[i][ta * m->nalt + kstar(m, tb, -1)];
                    if (expost)
                        mpq_set(V[a * K + b], v);
                    else {
                        mpq_mul(x, v, ts->bel[i][ta]);
                        mpq_add(V[a * K + b], V[a * K + b], x);
                    }
                }
            if (!expost)
                continue;
            max_pay(d, K, V);
            for (a = 0; a < K; a++) {
                t2 = econ_prof_with(ts, t, i, a);
                mpq_mul(x, d[a], m->prior[t2]);
                mpq_add(rev, rev, x);
            }
        }
        if (!expost) {
            max_pay(d, K, V);
            for (a = 0; a < K; a++) {
                mpq_set_ui(x, 0, 1);
                for (t = 0; t < ts->nprof; t++)
                    if (econ_type_of(ts, t, i) == a)
                        mpq_add(x, x, m->prior[t]);
                mpq_mul(x, x, d[a]);
                mpq_add(rev, rev, x);
            }
        }
        fk_qarr_free(V, (long)K * K);
        fk_qarr_free(d, K);
    }
    mpq_clear(x);
}

/* Expected revenue of the Clarke pivot: agent i pays the others' best
 * total without him minus their total at k*. */
static void pivot_revenue(mpq_t rev, const mech_model m)
{
    mpq_t p, w, x;
    long t;
    int i, j;
    mpq_inits(p, w, x, NULL);
    mpq_set_ui(rev, 0, 1);
    for (t = 0; t < m->ts->nprof; t++) {
        int k = kstar(m, t, -1);
        for (i = 0; i < m->n; i++) {
            int ki = kstar(m, t, i);
            mpq_set_ui(p, 0, 1);
            for (j = 0; j < m->n; j++)
                if (j != i) {
                    mpq_add(p, p, m->val[j][t * m->nalt + ki]);
                    mpq_sub(p, p, m->val[j][t * m->nalt + k]);
                }
            mpq_mul(x, p, m->prior[t]);
            mpq_add(rev, rev, x);
        }
    }
    mpq_clears(p, w, x, NULL);
}

int test_mechfile_pivot(fk_rng *r)
{
    static const char *files[] = {"cases/data/project-pivot.mech", "cases/data/pivot3.mech"};
    econ_out o;
    char dir[64];
    mpq_t want, piv;
    size_t k;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    mpq_init(want);
    mpq_init(piv);
    for (k = 0; k < sizeof files / sizeof *files; k++) {
        mech_model m;
        mech_result res[MECH_MAX_LPS];
        if (!run_file(&o, files[k], m, res))
            continue;
        sp_revenue(want, m, 1);
        pivot_revenue(piv, m);
        TL_CHECK(res[0].status == LP_OPTIMAL && mpq_equal(res[0].value, want),
                 "%s: revenue %s, shortest paths %s", files[k], mpq_get_str(NULL, 10, res[0].value),
                 mpq_get_str(NULL, 10, want));
        TL_CHECK(mpq_cmp(want, piv) >= 0, "%s: the pivot's revenue %s above the optimum %s", files[k],
                 mpq_get_str(NULL, 10, piv), mpq_get_str(NULL, 10, want));
        done_file(m, res);
    }
    TL_CHECK(o.nbad == 0 && o.ncert == 2, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clear(want);
    mpq_clear(piv);
    cu_close(dir);
    return TL_RESULT();
}

int test_mechfile_agv(fk_rng *r)
{
    static const char *files[] = {"cases/data/project-agv.mech", "cases/data/agv3.mech"};
    econ_out o;
    char dir[64];
    mpq_t want;
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    size_t k;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    mpq_init(want);
    for (k = 0; k < sizeof files / sizeof *files; k++) {
        if (!run_file(&o, files[k], m, res))
            continue;
        TL_CHECK(res[0].status == LP_OPTIMAL, "%s: efficient BIC + ex post BB %s (AGV exists)",
                 files[k], lp_status_str(res[0].status));
        done_file(m, res);
    }
    /* BIC + interim IR + ex ante BB: the subsidy is minus the largest
     * interim revenue, by shortest paths agent by agent */
    if (run_file(&o, "cases/data/project-agv-ir.mech", m, res)) {
        const mech_result *s = find(m, res, "subsidy"), *f = find(m, res, "feas");
        sp_revenue(want, m, 0);
        mpq_neg(want, want);
        TL_CHECK(s && s->status == LP_OPTIMAL && mpq_equal(s->value, want), "project-agv-ir: subsidy "
                 "%s, shortest paths %s", s ? mpq_get_str(NULL, 10, s->value) : "?",
                 mpq_get_str(NULL, 10, want));
        TL_CHECK(f && (f->status == LP_OPTIMAL) == (mpq_sgn(want) <= 0), "project-agv-ir: feasibility");
        done_file(m, res);
    }
    TL_CHECK(o.nbad == 0 && o.ncert == 4, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clear(want);
    cu_close(dir);
    return TL_RESULT();
}

/* ---- Morris ---------------------------------------------------------------- */

int test_mechfile_morris(fk_rng *r)
{
    static const struct { const char *file; int ic, every; } cs[] = {
        {"cases/data/morris-brooks.mech", 1, 0},
        {"cases/data/morris-brooks-noic.mech", 0, 0},
        {"cases/data/morris-brooks-every.mech", 1, 1},
        {"cases/data/morris-common.mech", 1, 0},
    };
    econ_out o;
    char dir[64];
    size_t k;
    int seen_trade = 0, seen_none = 0;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    for (k = 0; k < sizeof cs / sizeof *cs; k++) {
        mech_model m;
        mech_result res[MECH_MAX_LPS];
        fk_err err;
        int trade = -1, conc = -1;
        fk_err_clear(&err);
        if (!run_file(&o, cs[k].file, m, res))
            continue;
        if (cs[k].every) {
            if (TL_CHECK(case_concordance_decide_weak(&o, m->ts, cs[k].ic, 1, "mf-conc", &conc, &err)
                         == FK_OK, "%s", err.msg))
                trade = !conc;
        } else {
            TL_CHECK(case_notrade_decide(&o, m->ts, cs[k].ic, "mf-notrade", &trade, &err) == FK_OK,
                     "%s", err.msg);
        }
        TL_CHECK(trade == (res[0].status == LP_OPTIMAL), "%s: mechanism file says %s, case_notrade "
                 "says trade=%d", cs[k].file, lp_status_str(res[0].status), trade);
        seen_trade |= trade == 1;
        seen_none |= trade == 0;
        done_file(m, res);
    }
    TL_CHECK(seen_trade && seen_none, "the Morris files should include both verdicts");
    TL_CHECK(o.nbad == 0, "certificates: %d of %d rejected", o.nbad, o.ncert);
    cu_close(dir);
    return TL_RESULT();
}

/* ---- Chung-Ely and Cremer-McLean: the chung-ely-*.mech files are checked
 * in t-expost.c (test_ce_files), beside the case's hand derivations. */

/* ---- Bergemann-Morris ------------------------------------------------------

 * Ex post (bm-expost.mech): by hand (the file's comment) the only EPIC
 * lottery within the SCC is 1/2 a + 1/2 b at th1, so p_a, p_b <= 1/2 with
 * equality; agrees with case bm-separable (lottery EPIC, every
 * deterministic selection not).  Interim: "player 1 chooses" is BIC on both
 * files' type spaces, and the other choice at th1 (b <-> a) is not: the
 * allocation is swapped in memory and the LP solved again. */
int test_mechfile_bm(fk_rng *r)
{
    static const char *files[] = {"cases/data/bm-interim.mech", "cases/data/bm-interim2.mech"};
    econ_out o;
    char dir[64];
    fk_err err;
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    mpq_t half;
    int interim = -1, nsel = -1, nviol = -1, lot = -1, k;
    size_t f;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    mpq_init(half);
    mpq_set_ui(half, 1, 2);
    fk_err_clear(&err);
    TL_CHECK(case_bm_run(&o, &interim, &nsel, &nviol, &lot, &err) == FK_OK, "%s", err.msg);
    if (run_file(&o, "cases/data/bm-expost.mech", m, res)) {
        TL_CHECK(res[0].status == LP_OPTIMAL && lot == 1, "the lottery: file %s, case %d",
                 lp_status_str(res[0].status), lot);
        for (k = 1; k < 3; k++)
            TL_CHECK(res[k].status == LP_OPTIMAL && mpq_equal(res[k].value, half), "%s = %s, by hand 1/2",
                     res[k].label, mpq_get_str(NULL, 10, res[k].value));
        TL_CHECK(nsel == 4 && nviol == 4, "case bm-separable: %d of %d selections not EPIC", nviol, nsel);
        done_file(m, res);
    }
    for (f = 0; f < sizeof files / sizeof *files; f++) {
        long t;
        if (!run_file(&o, files[f], m, res))
            continue;
        TL_CHECK(res[0].status == LP_OPTIMAL, "%s: player 1 chooses is not BIC", files[f]);
        mech_results_clear(res, m->nobj);
        for (t = 0; t < m->ts->nprof; t++)
            if (econ_type_of(m->ts, t, 0) == 0) /* th1: swap a and b */
                mpq_swap(m->fixed[t * 3 + 0], m->fixed[t * 3 + 1]);
        if (TL_CHECK(mech_solve(&o, m, 0, res, &err) == FK_OK, "%s", err.msg))
            TL_CHECK(res[0].status == LP_INFEASIBLE, "%s: the other choice at th1 is BIC too", files[f]);
        done_file(m, res);
    }
    TL_CHECK(o.nbad == 0, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clear(half);
    cu_close(dir);
    return TL_RESULT();
}

/* ---- Peters ------------------------------------------------------------------

 * The double-auction collusion LP written as a mechanism for the buyers:
 * the file's optimum must be case double-auction's (its own LP (0.3)-(0.5))
 * and the closed form ((1+pi) v_h + v_l)/4 = 9/8 at v_l = 1, v_h = 2,
 * pi = 3/4; with ex post buyer IR too the value stays 9/8 (by hand:
 * p_hh = 2, p_hl = 3/2, p_ll = 1 meets every row and attains it). */
int test_mechfile_peters(fk_rng *r)
{
    static const char *files[] = {"cases/data/peters-da.mech", "cases/data/peters-da-expost.mech",
                                  "cases/data/peters-da-prices.mech"};
    econ_out o;
    char dir[64];
    fk_err err;
    mpq_t vl, vh, pi, best, want, price[3];
    size_t f;
    int k;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    mpq_inits(vl, vh, pi, best, want, price[0], price[1], price[2], NULL);
    cu_q(vl, 1, 1);
    cu_q(vh, 2, 1);
    cu_q(pi, 3, 4);
    cu_q(want, 9, 8);
    fk_err_clear(&err);
    TL_CHECK(case_da_solve(&o, vl, vh, pi, 0, "mf-da", best, price, &err) == FK_OK, "%s", err.msg);
    TL_CHECK(mpq_equal(best, want), "case double-auction: %s, closed form 9/8", mpq_get_str(NULL, 10, best));
    for (f = 0; f < sizeof files / sizeof *files; f++) {
        mech_model m;
        mech_result res[MECH_MAX_LPS];
        if (!run_file(&o, files[f], m, res))
            continue;
        for (k = 0; k < m->nobj; k++)
            TL_CHECK(res[k].status == LP_OPTIMAL && mpq_equal(res[k].value, want), "%s: %s, want 9/8",
                     files[f], mpq_get_str(NULL, 10, res[k].value));
        done_file(m, res);
    }
    TL_CHECK(o.nbad == 0, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clears(vl, vh, pi, best, want, price[0], price[1], price[2], NULL);
    cu_close(dir);
    return TL_RESULT();
}

/* ---- random type spaces: Morris through two builders ----------------------

 * Random beliefs (two or three agents, one to three types, one or two
 * states, integer weights 0..3 normalised) written as a transfers-only
 * mechanism file; its verdict (trade with a strict gain for some type, with
 * or without BIC) must be that of case_notrade_decide, whose LP is built
 * by econ.h's trade families, on the type space the reader produced. */
int test_mechfile_random_notrade(fk_rng *r)
{
    econ_out o;
    char dir[64], path[128];
    int it, nit = tl_quick() ? 15 : 60, trades = 0, none = 0;
    if (cu_open(&o, dir))
        return TL_SKIP;
    snprintf(path, sizeof path, "%s/rand.mech", dir);
    for (it = 0; it < nit; it++) {
        int n = (int)fk_rng_range(r, 2, 3), S = (int)fk_rng_range(r, 1, 2), nt[3], i, a, ic = it % 2;
        long np = 1, k;
        FILE *f = fopen(path, "w");
        mech_model m;
        mech_result res[MECH_MAX_LPS];
        fk_err err;
        int trade = -1;
        if (!TL_CHECK(f != NULL, "cannot write %s", path))
            break;
        fprintf(f, "mechanism rand\n");
        for (i = 0; i < n; i++) {
            nt[i] = (int)fk_rng_range(r, 1, 3);
            np *= nt[i];
            fprintf(f, "agent %d", i + 1);
            for (a = 0; a < nt[i]; a++)
                fprintf(f, " t%d", a);
            fprintf(f, "\n");
        }
        fprintf(f, "states%s\nalternatives none\n", S == 1 ? " s0" : " s0 s1");
        for (i = 0; i < n; i++)
            for (a = 0; a < nt[i]; a++) {
                long w[64], sum = 0, others = np / nt[i];
                for (k = 0; k < others * S; k++)
                    sum += (w[k] = fk_rng_range(r, 0, 3));
                if (sum == 0)
                    sum += (w[0] = 1);
                for (k = 0; k < others * S; k++) {
                    long rest = k / S, mul = 1;
                    int j;
                    if (!w[k])
                        continue;
                    fprintf(f, "belief %d t%d", i + 1, a);
                    for (j = 0; j < n; j++) {
                        if (j == i)
                            continue;
                        fprintf(f, " t%ld", (rest / mul) % nt[j]);
                        mul *= nt[j];
                    }
                    fprintf(f, " s%ld %ld/%ld\n", k % S, w[k], sum);
                }
            }
        fprintf(f, "payments contingent free\n%srequire IR interim\nrequire nodeficit expost\n"
                   "constraint NORM", ic ? "require BIC\n" : "");
        for (i = 0; i < n; i++)
            for (a = 0; a < nt[i]; a++)
                fprintf(f, " %sU[%d:t%d]", i || a ? "+ " : "", i + 1, a);
        fprintf(f, " >= 1\nobjective some feasibility\n");
        fclose(f);
        fk_err_clear(&err);
        if (!run_file(&o, path, m, res))
            break;
        if (TL_CHECK(case_notrade_decide(&o, m->ts, ic, "mf-rand", &trade, &err) == FK_OK, "%s", err.msg))
            TL_CHECK(trade == (res[0].status == LP_OPTIMAL), "iteration %d (ic %d): file %s, case_notrade "
                     "trade=%d (kept in %s)", it, ic, lp_status_str(res[0].status), trade, path);
        trades += trade == 1;
        none += trade == 0;
        done_file(m, res);
        if (tl_failed_now())
            break;
    }
    TL_CHECK(o.nbad == 0, "certificates: %d of %d rejected", o.nbad, o.ncert);
    if (!tl_failed_now())
        cu_close(dir);
    tl_report("mechfile_random_notrade", TL_PASS, "%d instances: %d trade, %d no trade", nit, trades, none);
    return TL_RESULT();
}

/* Random private-value problems (2-3 agents, 2-3 alternatives, 2-3 types,
 * values -3..5, random independent priors), efficient decision: the
 * revenue-maximal DIC + ex post IR payments against shortest paths, and
 * BIC + interim IR against the interim shortest paths.  Where values are
 * >= 0 the Clarke pivot is ex post IR, so its revenue is a lower bound
 * (with negative values it need not be IR: not compared there). */
int test_mechfile_random_efficient(fk_rng *r)
{
    econ_out o;
    char dir[64], path[128];
    int it, nit = tl_quick() ? 10 : 40;
    if (cu_open(&o, dir))
        return TL_SKIP;
    snprintf(path, sizeof path, "%s/eff.mech", dir);
    for (it = 0; it < nit && !tl_failed_now(); it++) {
        int n = (int)fk_rng_range(r, 2, 3), K = (int)fk_rng_range(r, 2, 3), nt[3], i, a, k, expost = it % 2;
        FILE *f = fopen(path, "w");
        mech_model m;
        mech_result res[MECH_MAX_LPS];
        mpq_t want;
        if (!TL_CHECK(f != NULL, "cannot write %s", path))
            break;
        fprintf(f, "mechanism eff\n");
        for (i = 0; i < n; i++) {
            nt[i] = (int)fk_rng_range(r, 2, 3);
            fprintf(f, "agent g%d", i);
            for (a = 0; a < nt[i]; a++)
                fprintf(f, " x%d", a);
            fprintf(f, "\n");
        }
        fprintf(f, "alternatives");
        for (k = 0; k < K; k++)
            fprintf(f, " k%d", k);
        fprintf(f, "\n");
        for (i = 0; i < n; i++) {
            long w[3], sum = 0;
            for (a = 0; a < nt[i]; a++)
                sum += (w[a] = fk_rng_range(r, 1, 4));
            fprintf(f, "prior g%d", i);
            for (a = 0; a < nt[i]; a++)
                fprintf(f, " %ld/%ld", w[a], sum);
            fprintf(f, "\n");
            for (a = 0; a < nt[i]; a++)
                for (k = 0; k < K; k++)
                    fprintf(f, "value g%d k%d x%d %ld\n", i, k, a, fk_rng_range(r, it % 4 == 1 ? 0 : -3, 5));
        }
        fprintf(f, "allocation efficient ties first\n%s", expost ? "require DIC\nrequire IR expost\n" :
                "require BIC\nrequire IR interim\n");
        fprintf(f, "objective rev max revenue\n");
        fclose(f);
        if (!run_file(&o, path, m, res))
            break;
        mpq_init(want);
        sp_revenue(want, m, expost);
        TL_CHECK(res[0].status == LP_OPTIMAL && mpq_equal(res[0].value, want), "iteration %d (%s): revenue "
                 "%s, shortest paths %s (file kept: %s)", it, expost ? "DIC" : "BIC",
                 mpq_get_str(NULL, 10, res[0].value), mpq_get_str(NULL, 10, want), path);
        if (expost && it % 4 == 1) { /* values >= 0 in these: the pivot is ex post IR */
            pivot_revenue(want, m);
            TL_CHECK(mpq_cmp(res[0].value, want) >= 0, "iteration %d: pivot revenue above the optimum", it);
        }
        mpq_clear(want);
        done_file(m, res);
    }
    TL_CHECK(o.nbad == 0, "certificates: %d of %d rejected", o.nbad, o.ncert);
    if (!tl_failed_now())
        cu_close(dir);
    return TL_RESULT();
}
