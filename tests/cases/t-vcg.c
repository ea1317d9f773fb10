/* t-vcg.c: the pivot and AGV mechanisms, checked by brute force in the
 * test itself (own k*, own transfers, every misreport enumerated), and
 * the BIC + BB + interim IR LP cross-checked against the ms case (a
 * different formulation of bilateral trade). */
#include <gmp.h>

#include "caseutil.h"
#include "testlib.h"

/* Public project: 3 agents, values th in {0,1,2}, cost 3 shared equally,
 * so v_i(build) = th_i - 1, v_i(no) = 0; build iff sum (th - 1) > 0.
 * Pivot: t_i = sum_{j!=i} v_j(k*) - sum_{j!=i} v_j(k*_{-i}). */
static int build_of(const int *th, int skip)
{
    int j, s = 0;
    for (j = 0; j < 3; j++)
        if (j != skip)
            s += th[j] - 1;
    return s > 0;
}

static int pivot_t(const int *th, int i)
{
    int j, a = 0, b = 0, k = build_of(th, -1), ki = build_of(th, i);
    for (j = 0; j < 3; j++)
        if (j != i) {
            a += k * (th[j] - 1);
            b += ki * (th[j] - 1);
        }
    return a - b;
}

/* AGV in units of 1/27: e_i(a) = E sum_{j!=i} v_j(k*(a, th_-i)) over the
 * 9 equally likely th_-i, times 9; t_i = e_i - (e_j + e_k)/2. */
static int e9(int i, int a)
{
    int th[3], x, y, s = 0;
    for (x = 0; x < 3; x++)
        for (y = 0; y < 3; y++) {
            int j, p = 0;
            th[i] = a;
            th[(i + 1) % 3] = x;
            th[(i + 2) % 3] = y;
            for (j = 0; j < 3; j++)
                if (j != i)
                    p += build_of(th, -1) * (th[j] - 1);
            s += p;
        }
    return s;
}

int test_vcg_project_bruteforce(fk_rng *r)
{
    case_vcg_inst in;
    case_vcg_res res;
    econ_out o;
    fk_err err;
    char dir[64];
    int th[3], a, i, t, bad = 0, irfail = 0;
    mpq_t *x;
    mpq_t want, u;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    case_vcg_inst_init(&in);
    mpq_init(res.pivot_revenue);
    mpq_inits(want, u, NULL);
    fk_err_clear(&err);
    if (!TL_CHECK(case_vcg_project(&in, &err) == FK_OK, "%s", err.msg) ||
        !TL_CHECK(case_vcg_run(&o, &in, "vp", &res, &err) == FK_OK, "%s", err.msg))
        goto out;
    TL_CHECK(res.pivot_dic && res.agv_bic_bb && o.nbad == 0, "certificates rejected");
    x = fk_qarr_new(3 * 27);
    /* own DIC check: every profile, agent, misreport */
    case_vcg_pivot(x, &in);
    for (t = 0; t < 27; t++) {
        th[0] = t % 3;
        th[1] = t / 3 % 3;
        th[2] = t / 9;
        for (i = 0; i < 3; i++) {
            int truth = build_of(th, -1) * (th[i] - 1) + pivot_t(th, i), lie[3];
            if (mpq_cmp_si(x[i * 27 + t], pivot_t(th, i), 1) != 0)
                bad++;
            for (a = 0; a < 3; a++) {
                lie[0] = th[0];
                lie[1] = th[1];
                lie[2] = th[2];
                lie[i] = a;
                if (build_of(lie, -1) * (th[i] - 1) + pivot_t(lie, i) > truth)
                    bad++;
            }
        }
    }
    TL_CHECK(bad == 0, "pivot: %d transfer mismatches or profitable misreports", bad);
    /* own AGV: BB ex post, BIC by enumeration, interim IR failures */
    case_vcg_agv(x, &in);
    bad = 0;
    for (t = 0; t < 27; t++) {
        int s = 0;
        th[0] = t % 3;
        th[1] = t / 3 % 3;
        th[2] = t / 9;
        for (i = 0; i < 3; i++) {
            int ti = 2 * e9(i, th[i]) - e9((i + 1) % 3, th[(i + 1) % 3]) - e9((i + 2) % 3, th[(i + 2) % 3]);
            cu_q(want, ti, 18); /* (2 e9_i - e9_j - e9_k) / 18 = e_i - (e_j + e_k)/2 */
            if (!mpq_equal(want, x[i * 27 + t]))
                bad++;
            s += ti;
        }
        if (s != 0)
            bad++;
    }
    for (i = 0; i < 3; i++)
        for (a = 0; a < 3; a++) {
            /* 18 * 9 * interim utility of type a reporting b */
            int b, best = 0, ua = 0;
            for (b = 0; b < 3; b++) {
                int x1, y1, s = 0;
                for (x1 = 0; x1 < 3; x1++)
                    for (y1 = 0; y1 < 3; y1++) {
                        int rep[3];
                        rep[i] = b;
                        rep[(i + 1) % 3] = x1;
                        rep[(i + 2) % 3] = y1;
                        s += 18 * build_of(rep, -1) * (a - 1) + 2 * e9(i, b) -
                             e9((i + 1) % 3, x1) - e9((i + 2) % 3, y1);
                    }
                if (b == a)
                    ua = s;
                if (b == 0 || s > best)
                    best = s;
            }
            if (ua < best)
                bad++;
            irfail += ua < 0;
            case_vcg_interim(u, &in, x, i, a);
            cu_q(want, ua, 162);
            if (!mpq_equal(u, want))
                bad++;
        }
    TL_CHECK(bad == 0, "AGV: %d mismatches / BB or BIC violations", bad);
    TL_CHECK(irfail == res.agv_ir_fail && irfail == 3, "AGV IR failures %d (case) %d (test)",
             res.agv_ir_fail, irfail);
    fk_qarr_free(x, 3 * 27);
out:
    mpq_clears(want, u, NULL);
    mpq_clear(res.pivot_revenue);
    case_vcg_inst_clear(&in);
    cu_close(dir);
    return TL_RESULT();
}

/* AGV interim IR failures in bilateral trade on the uniform n-grid, by
 * hand: values and costs a/(n-1), trade q = [v > c].  With two agents
 * t_B = e_B(v) - e_S(c) = -t_S, e_B(v) = E_c[-c q], e_S(c) = E_v[v q], so
 *   U_B(v) = E_c[(v - c) q] - E[v q],   U_S(c) = E_v[(v - c) q] + E[c q];
 * times n^2 (n-1) these are the integers below.  (n = 6: buyer types 0,
 * 1/5, 2/5 and 3/5 fail, no seller type: 4 types.) */
static int trade_ir_failures(int n)
{
    int a, c, f = 0, ev = 0, ec = 0;
    for (a = 0; a < n; a++)
        for (c = 0; c < a; c++)
            ev += a, ec += c;
    for (a = 0; a < n; a++) {
        int s = 0;
        for (c = 0; c < a; c++)
            s += a - c;
        f += n * s - ev < 0;
    }
    for (c = 0; c < n; c++) {
        int s = 0;
        for (a = c + 1; a < n; a++)
            s += a - c;
        f += n * s + ec < 0;
    }
    return f;
}

/* Bilateral trade on the uniform n-grid as a 2-agent VCG instance: the
 * BIC + ex post BB + interim IR LP must agree with the ms case (ex post
 * BB, no trade at ties), which t-ms.c ties to (n-5)/(6n): possible iff
 * n <= 5. */
int test_vcg_trade_vs_ms(fk_rng *r)
{
    case_vcg_inst in;
    case_vcg_res res;
    case_ms_inst ms;
    econ_out o;
    fk_err err;
    char dir[64];
    mpq_t sub;
    int n, feas = -1, top = tl_quick() ? 6 : 7;
    (void)r;
    if (cu_open(&o, dir))
        return TL_SKIP;
    case_vcg_inst_init(&in);
    case_ms_inst_init(&ms);
    mpq_init(res.pivot_revenue);
    mpq_init(sub);
    fk_err_clear(&err);
    for (n = 2; n <= top; n++) {
        if (!TL_CHECK(case_vcg_trade(&in, n, &err) == FK_OK, "%s", err.msg) ||
            !TL_CHECK(case_vcg_run(&o, &in, "vt", &res, &err) == FK_OK, "%s", err.msg) ||
            !TL_CHECK(case_ms_uniform(&ms, n, &err) == FK_OK, "%s", err.msg))
            continue;
        ms.expost = 1;
        if (!TL_CHECK(case_ms_solve(&o, &ms, "mt", &feas, sub, &err) == FK_OK, "%s", err.msg))
            continue;
        TL_CHECK(res.ir_possible == feas && feas == (n <= 5), "n=%d: vcg %d, ms %d", n,
                 res.ir_possible, feas);
        TL_CHECK(res.pivot_dic && res.agv_bic_bb, "n=%d", n);
        TL_CHECK(res.agv_ir_fail == trade_ir_failures(n), "n=%d: AGV IR fails for %d types, by hand %d", n,
                 res.agv_ir_fail, trade_ir_failures(n));
    }
    TL_CHECK(o.nbad == 0, "%d certificates rejected", o.nbad);
    mpq_clear(sub);
    mpq_clear(res.pivot_revenue);
    case_ms_inst_clear(&ms);
    case_vcg_inst_clear(&in);
    cu_close(dir);
    return TL_RESULT();
}
