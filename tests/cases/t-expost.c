/* t-expost.c: Chung-Ely and Bergemann-Morris against independent
 * derivations (the Lagrangian bound with the local multipliers, Brooks'
 * closed form of pi*, the EPIC conditions checked by enumeration). */
#include <gmp.h>

#include "caseutil.h"
#include "mech.h"
#include "testlib.h"

/* Two bidders, f on V x V (index a + nv b).  Independently of the case:
 * phi_i(v) = v_i - (v_i+ - v_i) sum_{v'_i > v_i} f(v'_i, v_-i) / f(v) and
 * UB = sum_v max(0, max_i f(v) phi_i(v)): the Lagrangian of (P) with the
 * local multipliers (transfer neutrality holds by construction), hence
 * val(P) <= UB always; UB is attained (val(P) = UB) when the allocation
 * "to the first highest nonnegative phi" is nondecreasing in own value,
 * since then the posted-price transfers make it ex post IC and IR.
 * *mono says whether that holds. */
static void lagrange_ub(mpq_t ub, int *mono, const case_ce_inst *in)
{
    int nv = in->nv, a, b, i, k;
    int win[64];
    mpq_t phi[2], tail, d, best;
    mpq_inits(phi[0], phi[1], tail, d, best, NULL);
    mpq_set_ui(ub, 0, 1);
    for (b = 0; b < nv; b++)
        for (a = 0; a < nv; a++) {
            int v[2] = {a, b};
            for (i = 0; i < 2; i++) {
                mpq_set_ui(tail, 0, 1);
                for (k = v[i] + 1; k < nv; k++)
                    mpq_add(tail, tail, in->f[i == 0 ? k + nv * b : a + nv * k]);
                mpq_set_ui(d, 0, 1);
                if (v[i] + 1 < nv)
                    mpq_sub(d, in->v[v[i] + 1], in->v[v[i]]);
                mpq_mul(d, d, tail);
                mpq_div(d, d, in->f[a + nv * b]);
                mpq_sub(phi[i], in->v[v[i]], d);
            }
            k = mpq_cmp(phi[1], phi[0]) > 0;
            mpq_set(best, phi[k]);
            win[a + nv * b] = mpq_sgn(best) >= 0 ? k : -1;
            if (mpq_sgn(best) > 0) {
                mpq_mul(best, best, in->f[a + nv * b]);
                mpq_add(ub, ub, best);
            }
        }
    *mono = 1;
    for (b = 0; b < nv; b++)
        for (a = 1; a < nv; a++) {
            /* q_1 nondecreasing in a, q_2 nondecreasing in b */
            if (win[a - 1 + nv * b] == 0 && win[a + nv * b] != 0)
                *mono = 0;
            if (win[b + nv * (a - 1)] == 1 && win[b + nv * a] != 1)
                *mono = 0;
        }
    mpq_clears(phi[0], phi[1], tail, d, best, NULL);
}

/* pi*_1(v_2 | v_1) = sum_{v'_1 >= v_1} f(v'_1, v_2) / sum_{v'_1 >= v_1, v'_2} f
 * (Brooks' slide), bidder 2 symmetric; bel(i, p) is the belief to check. */
static int pistar_closed_form_of(const case_ce_inst *in, mpq_t *const bel[2])
{
    int nv = in->nv, a, b, i, k, ok = 1;
    mpq_t num, den, q;
    mpq_inits(num, den, q, NULL);
    for (i = 0; i < 2; i++)
        for (b = 0; b < nv; b++)
            for (a = 0; a < nv; a++) {
                int own = i == 0 ? a : b, oth = i == 0 ? b : a, o2;
                mpq_set_ui(num, 0, 1);
                mpq_set_ui(den, 0, 1);
                for (k = own; k < nv; k++)
                    for (o2 = 0; o2 < nv; o2++) {
                        mpq_srcptr f = in->f[i == 0 ? k + nv * o2 : o2 + nv * k];
                        mpq_add(den, den, f);
                        if (o2 == oth)
                            mpq_add(num, num, f);
                    }
                mpq_div(q, num, den);
                ok &= mpq_equal(q, bel[i][a + nv * b]);
            }
    mpq_clears(num, den, q, NULL);
    return ok;
}

static int pistar_closed_form(const case_ce_inst *in, const case_ce_res *res)
{
    mpq_t *const bel[2] = {res->pistar, res->pistar + in->nprof};
    return pistar_closed_form_of(in, bel);
}

/* The dual of (P) read through the mechanism path's row map, checked in
 * economic terms.  Stationarity of the Lagrangian in the free payment
 * t_i(v) (it appears in IRX[i:v] and DIC[i:v_i->w;v] with -1, and in every
 * DIC[i:u->v_i;(u,v_-i)] with +1) reads, with the multipliers >= 0,
 *   f(v) = lam(IRX[i:v]) + sum_w lam(DIC[i:v_i->w;v]) - sum_u lam(DIC[i:u->v_i;(u,v_-i)])
 * for every bidder and profile: the flow of the multipliers along the
 * deviations is the prior (Brooks' transfer neutrality).  A row map that
 * names the wrong agent, type, report or profile, or multipliers of the
 * wrong sign, break it.  Returns the number of (i, v) where it fails
 * (-1: a row of an unexpected family). */
static int ce_flow_fails(const mech_model m, const mech_result *r, const mpq_t *f)
{
    const econ_tspace_struct *ts = m->ts;
    long np = ts->nprof, k, p;
    int n = m->n, i, bad = 0;
    mpq_t *net = fk_qarr_new(n * np);
    for (k = 0; k < r->nrow; k++) {
        const mech_row *w = &r->row[k];
        if (w->fam == MECH_ROW_SUPPLY)
            continue;
        if ((w->fam != MECH_ROW_IRX && w->fam != MECH_ROW_DIC) || econ_type_of(ts, w->prof, w->agent) != w->type) {
            bad = -1;
            break;
        }
        mpq_add(net[w->agent * np + w->prof], net[w->agent * np + w->prof], r->lam[k]);
        if (w->fam == MECH_ROW_DIC) {
            long q = econ_prof_with(ts, w->prof, w->agent, w->dev);
            mpq_sub(net[w->agent * np + q], net[w->agent * np + q], r->lam[k]);
        }
    }
    for (i = 0; i < n && bad >= 0; i++)
        for (p = 0; p < np; p++)
            bad += !mpq_equal(net[i * np + p], f[p]);
    fk_qarr_free(net, n * np);
    return bad;
}

/* Read FILE and solve it with the row map kept: 1 on success, the first
 * LP optimal. */
static int ce_keep(econ_out *o, const char *file, mech_model m, mech_result *res)
{
    if (!cu_mech_run(o, file, m, res, 1))
        return 0;
    if (TL_CHECK(res[0].status == LP_OPTIMAL, "%s: %s", file, lp_status_str(res[0].status)))
        return 1;
    mech_results_clear(res, m->nobj);
    mech_clear(m);
    return 0;
}

/* The built-in: f = [4 2 1; 2 4 2; 1 2 4]/22 on {1,2,3}^2.  phi_1 by
 * columns v2 = 1: (1/4, 3/2, 3); v2 = 2: (-2, 3/2, 3); v2 = 3: (-5, 0, 3)
 * (regular), symmetric for bidder 2.  Per profile max(0, max phi) f:
 * (1,1) 1/4*4, (2,1) 3/2*2, (3,1) 3*1, (1,2) 3/2*2, (2,2) 3/2*4,
 * (3,2) 3*2, (1,3) 3, (2,3) 3*2, (3,3) 3*4, all /22:
 * (1 + 3 + 3 + 3 + 6 + 6 + 3 + 6 + 12)/22 = 43/22; winners are monotone,
 * so val(P) = 43/22, and (P') with pi* must give 43/22 too. */
int test_ce_default(fk_rng *r)
{
    case_ce_inst in;
    case_ce_res res;
    econ_out o;
    fk_err err;
    char dir[64];
    mpq_t ub;
    int mono = 0;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    case_ce_inst_init(&in);
    case_ce_res_init(&res);
    mpq_init(ub);
    fk_err_clear(&err);
    if (TL_CHECK(case_ce_default(&in, &err) == FK_OK, "%s", err.msg) &&
        TL_CHECK(case_ce_run(&o, &in, "ce", &res, &err) == FK_OK, "%s", err.msg)) {
        lagrange_ub(ub, &mono, &in);
        TL_CHECK(mono && mpq_cmp_ui(ub, 43, 22) == 0, "hand value: ub %s mono %d",
                 mpq_get_str(NULL, 10, ub), mono);
        TL_CHECK(mpq_cmp_ui(res.valP, 43, 22) == 0, "val(P) = %s", mpq_get_str(NULL, 10, res.valP));
        TL_CHECK(!res.p2_unbounded && mpq_equal(res.valP, res.valP2), "val(P') differs");
        TL_CHECK(res.regular && res.local_optimal, "regular %d local_optimal %d", res.regular,
                 res.local_optimal);
        TL_CHECK(pistar_closed_form(&in, &res), "pi* differs from Brooks' closed form");
        TL_CHECK(res.concordant == 1 && res.weak_concordant == 1, "pi* not noisy concordant");
        TL_CHECK(res.common_prior == 0, "pi* has a common prior (Chung-Ely: it should not)");
    }
    TL_CHECK(o.nbad == 0 && o.ncert == 5, "certificates: %d of %d rejected", o.nbad, o.ncert);
    mpq_clear(ub);
    case_ce_res_clear(&res, &in);
    case_ce_inst_clear(&in);
    cu_close(dir);
    return TL_PASS;
}

/* Random positive priors on small uniform grids: val(P) <= UB always;
 * when the local multipliers are optimal (the case's exact test) pi* is
 * Brooks' closed form, (P') has the same value and pi* is noisy
 * concordant in Brooks' sense (lambda >= 0, not all zero): with
 * A(v_i, v_-i) = sum_{v'_i >= v_i} f, pi = f, lambda(bottom) = A(bottom),
 * mu(v_i, v_i - 1) = A(v_i) (type totals), all else 0, the NC equation at
 * v reads A(v_i, v_-i) - A(v_i + 1, v_-i) = f(v).  Every lambda > 0 (the
 * concordance LP's stronger form) need not hold and is not asserted;
 * when the monotonicity holds val(P) = UB. */
int test_ce_random(fk_rng *r)
{
    case_ce_inst in;
    econ_out o;
    fk_err err;
    char dir[64];
    mpq_t ub;
    int rep, reps = tl_quick() ? 4 : 12, nloc = 0;
    if (cu_open(&o, dir))
        return TL_SKIP;
    case_ce_inst_init(&in);
    mpq_init(ub);
    fk_err_clear(&err);
    for (rep = 0; rep < reps; rep++) {
        case_ce_res res;
        int nv = (int)fk_rng_range(r, 2, 3), k, mono = 0;
        long w[9], tot = 0;
        mpq_t *v = fk_qarr_new(nv), *f = fk_qarr_new(nv * nv);
        case_ce_inst_clear(&in);
        in.n = 2;
        in.nv = nv;
        in.nprof = nv * nv;
        in.v = v;
        in.f = f;
        for (k = 0; k < nv; k++)
            mpq_set_ui(v[k], (unsigned long)k + 1, 1);
        for (k = 0; k < nv * nv; k++)
            tot += w[k] = fk_rng_range(r, 1, 6);
        for (k = 0; k < nv * nv; k++)
            cu_q(f[k], w[k], tot);
        case_ce_res_init(&res);
        if (TL_CHECK(case_ce_run(&o, &in, "cer", &res, &err) == FK_OK, "%s", err.msg)) {
            mech_model m;
            mech_result mr[MECH_MAX_LPS];
            char path[128];
            snprintf(path, sizeof path, "%s/cer-P.mech", dir);
            if (ce_keep(&o, path, m, mr)) {
                TL_CHECK(mpq_equal(mr[0].value, res.valP), "rep %d: the written (P) solves to another value", rep);
                TL_CHECK(ce_flow_fails(m, &mr[0], (const mpq_t *)f) == 0, "rep %d: (P)'s multipliers: flow "
                         "identity fails at %d (bidder, profile)", rep, ce_flow_fails(m, &mr[0], (const mpq_t *)f));
                mech_results_clear(mr, m->nobj);
                mech_clear(m);
            }
            if (!res.local_optimal) {
                /* pi* from the solver's multipliers: by the flow identity
                 * W_i(v) >= f(v) > 0, so every belief is positive */
                long p2;
                int i2;
                for (i2 = 0; i2 < 2; i2++)
                    for (p2 = 0; p2 < nv * nv; p2++)
                        TL_CHECK(mpq_sgn(res.pistar[i2 * nv * nv + p2]) > 0, "rep %d: pi* = 0", rep);
                TL_CHECK(res.p2_unbounded || mpq_cmp(res.valP2, res.valP) >= 0,
                         "rep %d: val(P') < val(P), but (P) is a restriction of (P')", rep);
            }
            lagrange_ub(ub, &mono, &in);
            TL_CHECK(mpq_cmp(res.valP, ub) <= 0, "rep %d: val(P) above the Lagrangian bound", rep);
            if (mono)
                TL_CHECK(mpq_equal(res.valP, ub), "rep %d: monotone but val(P) != bound", rep);
            TL_CHECK(res.local_optimal == mpq_equal(res.valP, ub), "rep %d: local_optimal flag", rep);
            if (res.local_optimal) {
                nloc++;
                TL_CHECK(pistar_closed_form(&in, &res), "rep %d: pi* closed form", rep);
                TL_CHECK(!res.p2_unbounded && mpq_equal(res.valP, res.valP2), "rep %d: val(P') != val(P)", rep);
                TL_CHECK(res.weak_concordant == 1, "rep %d: pi* not (weakly) noisy concordant", rep);
            }
        }
        case_ce_res_clear(&res, &in);
    }
    TL_CHECK(nloc > 0, "no instance with optimal local multipliers");
    TL_CHECK(o.nbad == 0, "%d certificates rejected", o.nbad);
    mpq_clear(ub);
    case_ce_inst_clear(&in);
    cu_close(dir);
    return TL_PASS;
}

/* The data files cases/data/chung-ely-{P,Pstar,Pcp}.mech against the hand
 * derivations above: (P) = 43/22 (test_ce_default's Lagrangian sum), its
 * multipliers through the row map satisfy the flow identity with f, the
 * belief lines of (P') are Brooks' closed form of pi* and (P') = 43/22;
 * with the prior's conditionals f = [4 2 1; 2 4 2; 1 2 4]/22 has full rank,
 * so BIC + interim IR extract the full surplus E max(v1, v2) = 50/22
 * (Cremer-McLean).  Finally pi* taken from the solver's multipliers (not the
 * local ones) is still a belief system for which (P') is at least (P). */
int test_ce_files(fk_rng *r)
{
    static const int f22[3][3] = {{4, 2, 1}, {2, 4, 2}, {1, 2, 4}};
    econ_out o;
    char dir[64];
    case_ce_inst in;
    case_ce_res cr;
    fk_err err;
    mpq_t want, a;
    mech_model m;
    mech_result res[MECH_MAX_LPS];
    int i, j;
    long t;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    mpq_init(want);
    mpq_init(a);
    fk_err_clear(&err);
    case_ce_inst_init(&in);
    TL_CHECK(case_ce_default(&in, &err) == FK_OK, "%s", err.msg);
    if (ce_keep(&o, "cases/data/chung-ely-P.mech", m, res)) {
        TL_CHECK(mpq_cmp_ui(res[0].value, 43, 22) == 0, "(P) = %s, by hand 43/22", mpq_get_str(NULL, 10, res[0].value));
        TL_CHECK(ce_flow_fails(m, &res[0], (const mpq_t *)in.f) == 0, "(P): the flow identity fails at %d",
                 ce_flow_fails(m, &res[0], (const mpq_t *)in.f));
        mech_results_clear(res, m->nobj);
        mech_clear(m);
    }
    if (ce_keep(&o, "cases/data/chung-ely-Pstar.mech", m, res)) {
        TL_CHECK(mpq_cmp_ui(res[0].value, 43, 22) == 0, "(P') with pi* = %s, Chung-Ely: 43/22",
                 mpq_get_str(NULL, 10, res[0].value));
        TL_CHECK(pistar_closed_form_of(&in, m->ts->bel), "the file's pi* is not Brooks' closed form");
        mech_results_clear(res, m->nobj);
        mech_clear(m);
    }
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++) {
            mpq_set_ui(a, (unsigned long)(f22[i][j] * (i > j ? i + 1 : j + 1)), 22);
            mpq_canonicalize(a);
            mpq_add(want, want, a);
        }
    if (ce_keep(&o, "cases/data/chung-ely-Pcp.mech", m, res)) {
        TL_CHECK(mpq_equal(res[0].value, want) && mpq_cmp_ui(want, 25, 11) == 0,
                 "(P') common prior: %s, full surplus %s", mpq_get_str(NULL, 10, res[0].value),
                 mpq_get_str(NULL, 10, want));
        mech_results_clear(res, m->nobj);
        mech_clear(m);
    }
    in.from_solver = 1;
    case_ce_res_init(&cr);
    if (TL_CHECK(case_ce_run(&o, &in, "ces", &cr, &err) == FK_OK, "%s", err.msg)) {
        for (i = 0; i < 2; i++)
            for (j = 0; j < 3; j++) {
                mpq_set_ui(a, 0, 1);
                for (t = 0; t < 9; t++)
                    if ((i ? t / 3 : t % 3) == j) {
                        TL_CHECK(mpq_sgn(cr.pistar[i * 9 + t]) > 0, "solver's pi*_%d at %ld is 0", i + 1, t);
                        mpq_add(a, a, cr.pistar[i * 9 + t]);
                    }
                TL_CHECK(mpq_cmp_ui(a, 1, 1) == 0, "solver's pi*_%d(.|v_%d) sums to %s", i + 1, j + 1,
                         mpq_get_str(NULL, 10, a));
            }
        TL_CHECK(cr.p2_unbounded || mpq_cmp(cr.valP2, cr.valP) >= 0, "val(P') < val(P)");
    }
    TL_CHECK(o.nbad == 0, "certificates: %d of %d rejected", o.nbad, o.ncert);
    case_ce_res_clear(&cr, &in);
    case_ce_inst_clear(&in);
    mpq_clear(want);
    mpq_clear(a);
    cu_close(dir);
    return TL_RESULT();
}

/* Bergemann-Morris: the payoff table re-typed from seeds/003
 * (U[i][x][th1][th2], x = a, b, c) and every deterministic selection
 * checked against EPIC by enumeration here; the case must report the same
 * count (0 of 4), the interim mechanism and the EPIC lottery certified. */
int test_bm(fk_rng *r)
{
    static const int U[2][3][2][2] = {
        {{{1, -1}, {0, 0}}, {{-1, 1}, {0, 0}}, {{0, 0}, {1, 1}}},
        {{{0, 2}, {0, 0}}, {{2, 0}, {0, 0}}, {{0, 0}, {1, 1}}}};
    econ_out o;
    fk_err err;
    char dir[64];
    int sel, nepic = 0, interim = 0, nsel = 0, nviol = 0, lot = 0;
    (void)r;
    for (sel = 0; sel < 4; sel++) {
        int f[2][2], t1, t2, ok = 1;
        f[0][0] = sel & 1;
        f[0][1] = (sel >> 1) & 1;
        f[1][0] = f[1][1] = 2;
        for (t1 = 0; t1 < 2; t1++)
            for (t2 = 0; t2 < 2; t2++) {
                ok &= U[0][f[t1][t2]][t1][t2] >= U[0][f[1 - t1][t2]][t1][t2];
                ok &= U[1][f[t1][t2]][t1][t2] >= U[1][f[t1][1 - t2]][t1][t2];
            }
        nepic += ok;
    }
    TL_CHECK(nepic == 0, "enumeration: %d EPIC selections", nepic);
    if (cu_open(&o, dir))
        return TL_SKIP;
    fk_err_clear(&err);
    if (TL_CHECK(case_bm_run(&o, &interim, &nsel, &nviol, &lot, &err) == FK_OK, "%s", err.msg)) {
        TL_CHECK(interim == 1, "interim mechanism not certified");
        TL_CHECK(nsel == 4 && nviol == 4 - nepic, "selections %d violations %d", nsel, nviol);
        TL_CHECK(lot == 1, "lottery 1/2 a + 1/2 b not certified EPIC");
    }
    TL_CHECK(o.nbad == 0 && o.ncert == 7, "certificates: %d of %d rejected", o.nbad, o.ncert);
    cu_close(dir);
    return TL_PASS;
}
