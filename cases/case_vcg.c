/* case_vcg.c: the pivot (Clarke) mechanism and the expected externality
 * (AGV) mechanism on a finite instance (seeds/001).
 *
 * Agents i with finite types (independent priors f_i), alternatives K,
 * valuations v_i(t_i, k).  k*(t) is the first maximiser of the sum of
 * valuations in the order of K (the tie rule), k*_{-i} likewise for the
 * others.  Transfers (to the agent):
 *   pivot  t_i(t) = sum_{j!=i} v_j(t_j, k*(t)) - sum_{j!=i} v_j(t_j, k*_{-i}(t_-i))
 *   AGV    t_i(t) = e_i(t_i) - 1/(n-1) sum_{j!=i} e_j(t_j),
 *          e_i(t_i) = E_{t_-i} sum_{j!=i} v_j(t_j, k*(t_i, t_-i)).
 * Certified as feasible points of LPs with free columns t[i:profile]:
 *   vcg-..-dic:  DIC[i:t->a]  t_i(t) - t_i(a,t_-i) >= v_i(t_i,k*(a,t_-i)) - v_i(t_i,k*(t))
 *                (every profile, every misreport: dominant strategies)
 *   vcg-..-agv:  BIC[i:t->a]  the same in expectation over t_-i,
 *                BB[t]        sum_i t_i(t) = 0
 * and one LP solved: vcg-..-ir = BIC + BB[t] <= 0 + interim IR[i:t]
 * (E v_i + t_i >= 0) -- is there any efficient BIC, ex post budget
 * balanced, interim IR mechanism?  Infeasible: a Farkas certificate. */
#include <stdlib.h>
#include <string.h>

#include "case.h"

void case_vcg_inst_init(case_vcg_inst *in)
{
    memset(in, 0, sizeof *in);
    econ_tspace_init(in->ts);
}

void case_vcg_inst_clear(case_vcg_inst *in)
{
    int i;
    for (i = 0; i < in->ts->n; i++) {
        if (in->f)
            fk_qarr_free(in->f[i], in->ts->ntypes[i]);
        if (in->val)
            fk_qarr_free(in->val[i], (long)in->ts->ntypes[i] * in->nk);
    }
    free(in->f);
    free(in->val);
    for (i = 0; in->kname && i < in->nk; i++)
        free(in->kname[i]);
    free(in->kname);
    econ_tspace_clear(in->ts);
    memset(in, 0, sizeof *in);
}

/* Shape: n agents with nt[i] types, nk alternatives; priors uniform,
 * valuations 0; beliefs of the type space are filled by finish(). */
fk_status case_vcg_shape(case_vcg_inst *in, int n, const int *nt, int nk,
                         char *const *const *tnames, char *const *knames, fk_err *err)
{
    int i, k;
    fk_status st;
    case_vcg_inst_clear(in);
    if (n < 2 || nk < 1)
        return fk_fail(err, FK_EINVAL, NULL, "vcg: needs two agents and an alternative");
    if ((st = econ_tspace_shape(in->ts, n, nt, 1, tnames, NULL, err)))
        return st;
    in->f = fk_calloc((size_t)n, sizeof *in->f);
    in->val = fk_calloc((size_t)n, sizeof *in->val);
    in->kname = fk_calloc((size_t)nk, sizeof *in->kname);
    if (!in->f || !in->val || !in->kname)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    in->nk = nk;
    for (k = 0; k < nk; k++)
        if (!(in->kname[k] = fk_strdup(knames[k])))
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < n; i++) {
        in->f[i] = fk_qarr_new(nt[i]);
        in->val[i] = fk_qarr_new((long)nt[i] * nk);
        if (!in->f[i] || !in->val[i])
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        for (k = 0; k < nt[i]; k++)
            mpq_set_ui(in->f[i][k], 1, (unsigned long)nt[i]);
    }
    return FK_OK;
}

/* Beliefs = product of the others' priors (independent types). */
static void finish(case_vcg_inst *in)
{
    econ_tspace_struct *ts = in->ts;
    long t;
    int i, j;
    for (i = 0; i < ts->n; i++)
        for (t = 0; t < ts->nprof; t++) {
            mpq_set_ui(ts->bel[i][t], 1, 1);
            for (j = 0; j < ts->n; j++)
                if (j != i)
                    mpq_mul(ts->bel[i][t], ts->bel[i][t], in->f[j][econ_type_of(ts, t, j)]);
        }
}

static mpq_srcptr val(const case_vcg_inst *in, int i, int ti, int k)
{
    return in->val[i][(long)ti * in->nk + k];
}

/* First maximiser of sum_{j != skip} v_j(t_j, k); skip = -1 for all. */
int case_vcg_kstar(const case_vcg_inst *in, long t, int skip)
{
    mpq_t best, s;
    int k, j, arg = 0;
    mpq_init(best);
    mpq_init(s);
    for (k = 0; k < in->nk; k++) {
        mpq_set_ui(s, 0, 1);
        for (j = 0; j < in->ts->n; j++)
            if (j != skip)
                mpq_add(s, s, val(in, j, econ_type_of(in->ts, t, j), k));
        if (k == 0 || mpq_cmp(s, best) > 0) {
            mpq_set(best, s);
            arg = k;
        }
    }
    mpq_clear(best);
    mpq_clear(s);
    return arg;
}

/* sum_{j != i} v_j(t_j, k) */
static void others(mpq_t s, const case_vcg_inst *in, long t, int i, int k)
{
    int j;
    mpq_set_ui(s, 0, 1);
    for (j = 0; j < in->ts->n; j++)
        if (j != i)
            mpq_add(s, s, val(in, j, econ_type_of(in->ts, t, j), k));
}

void case_vcg_pivot(mpq_t *x, const case_vcg_inst *in)
{
    long t, np = in->ts->nprof;
    mpq_t a;
    int i;
    mpq_init(a);
    for (i = 0; i < in->ts->n; i++)
        for (t = 0; t < np; t++) {
            others(x[i * np + t], in, t, i, case_vcg_kstar(in, t, -1));
            others(a, in, t, i, case_vcg_kstar(in, t, i));
            mpq_sub(x[i * np + t], x[i * np + t], a);
        }
    mpq_clear(a);
}

void case_vcg_agv(mpq_t *x, const case_vcg_inst *in)
{
    const econ_tspace_struct *ts = in->ts;
    long t, np = ts->nprof;
    mpq_t **e = fk_calloc((size_t)ts->n, sizeof *e), a, b;
    int i, j;
    mpq_init(a);
    mpq_init(b);
    for (i = 0; i < ts->n; i++)
        e[i] = fk_qarr_new(ts->ntypes[i]);
    for (i = 0; i < ts->n; i++)
        for (t = 0; t < np; t++) {
            others(a, in, t, i, case_vcg_kstar(in, t, -1));
            mpq_mul(a, a, ts->bel[i][t]);
            mpq_add(e[i][econ_type_of(ts, t, i)], e[i][econ_type_of(ts, t, i)], a);
        }
    for (i = 0; i < ts->n; i++)
        for (t = 0; t < np; t++) {
            mpq_set_ui(b, 0, 1);
            for (j = 0; j < ts->n; j++)
                if (j != i)
                    mpq_add(b, b, e[j][econ_type_of(ts, t, j)]);
            mpq_set_ui(a, 1, (unsigned long)(ts->n - 1));
            mpq_mul(b, b, a);
            mpq_sub(x[i * np + t], e[i][econ_type_of(ts, t, i)], b);
        }
    for (i = 0; i < ts->n; i++)
        fk_qarr_free(e[i], ts->ntypes[i]);
    free(e);
    mpq_clear(a);
    mpq_clear(b);
}

/* kind 0: DIC LP; 1: AGV LP (BIC + BB = 0); 2: IR LP (BIC + BB <= 0 + IR). */
static fk_status build(lp_model *lp, const case_vcg_inst *in, int kind, fk_err *err)
{
    const econ_tspace_struct *ts = in->ts;
    long np = ts->nprof, t, r, *col = fk_calloc((size_t)(ts->n * np), sizeof *col);
    char pb[256], pa[256];
    fk_status st = FK_OK;
    mpq_t a, one, neg;
    int i, ti, b;
    econ_dev dv;
    if (!col)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    mpq_inits(a, one, neg, NULL);
    mpq_set_ui(one, 1, 1);
    for (i = 0; i < ts->n && !st; i++)
        for (t = 0; t < np && !st; t++)
            if (!(st = econ_col(lp, &col[i * np + t], err, "t[%d:%s]", i + 1,
                                econ_prof_str(ts, t, pb, sizeof pb))))
                econ_col_free(lp, col[i * np + t]);
    if (kind == 0) {
        for (i = 0; i < ts->n && !st; i++)
            for (t = 0; t < np && !st; t++)
                for (econ_dev_reports(&dv, econ_type_of(ts, t, i), ts->ntypes[i]);
                     econ_dev_ok(&dv) && !st; econ_dev_next(&dv)) {
                    long tb = econ_prof_with(ts, t, i, b = dv.b);
                    ti = dv.a;
                    if ((st = econ_row(lp, &r, err, "DIC[%d:%s->%s]", i + 1,
                                       econ_prof_str(ts, t, pb, sizeof pb), ts->type[i][b])))
                        break;
                    mpq_sub(a, val(in, i, ti, case_vcg_kstar(in, tb, -1)),
                            val(in, i, ti, case_vcg_kstar(in, t, -1)));
                    lp_set_row_lo(lp, r, a);
                    mpq_neg(neg, one);
                    st = lp_add_coef(lp, r, col[i * np + t], one, err);
                    if (!st)
                        st = lp_add_coef(lp, r, col[i * np + tb], neg, err);
                }
        goto done;
    }
    for (i = 0; i < ts->n && !st; i++)
        for (ti = 0; ti < ts->ntypes[i] && !st; ti++) {
            for (econ_dev_reports(&dv, ti, ts->ntypes[i]); econ_dev_ok(&dv) && !st; econ_dev_next(&dv)) {
                b = dv.b;
                if ((st = econ_row(lp, &r, err, "BIC[%d:%s->%s]", i + 1, ts->type[i][ti], ts->type[i][b])))
                    break;
                mpq_set_ui(a, 0, 1);
                for (t = 0; t < np && !st; t++) {
                    long tb;
                    if (econ_type_of(ts, t, i) != ti)
                        continue;
                    tb = econ_prof_with(ts, t, i, b);
                    mpq_sub(neg, val(in, i, ti, case_vcg_kstar(in, tb, -1)),
                            val(in, i, ti, case_vcg_kstar(in, t, -1)));
                    mpq_mul(neg, neg, ts->bel[i][t]);
                    mpq_add(a, a, neg);
                    mpq_neg(neg, ts->bel[i][t]);
                    st = lp_add_coef(lp, r, col[i * np + t], ts->bel[i][t], err);
                    if (!st)
                        st = lp_add_coef(lp, r, col[i * np + tb], neg, err);
                }
                lp_set_row_lo(lp, r, a);
            }
            if (kind == 2 && !st && !(st = econ_row(lp, &r, err, "IR[%d:%s]", i + 1, ts->type[i][ti]))) {
                mpq_set_ui(a, 0, 1);
                for (t = 0; t < np && !st; t++) {
                    if (econ_type_of(ts, t, i) != ti)
                        continue;
                    mpq_mul(neg, val(in, i, ti, case_vcg_kstar(in, t, -1)), ts->bel[i][t]);
                    mpq_sub(a, a, neg);
                    st = lp_add_coef(lp, r, col[i * np + t], ts->bel[i][t], err);
                }
                lp_set_row_lo(lp, r, a);
            }
        }
    for (t = 0; t < np && !st; t++) {
        if ((st = econ_row(lp, &r, err, "BB[%s]", econ_prof_str(ts, t, pa, sizeof pa))))
            break;
        econ_row_le(lp, r, 0);
        if (kind == 1)
            econ_row_ge(lp, r, 0);
        for (i = 0; i < ts->n && !st; i++)
            st = lp_add_coef(lp, r, col[i * np + t], one, err);
    }
done:
    mpq_clears(a, one, neg, NULL);
    free(col);
    return st;
}

/* Interim utility of agent i's type ti under transfers x (truthful). */
void case_vcg_interim(mpq_t u, const case_vcg_inst *in, mpq_t *x, int i, int ti)
{
    const econ_tspace_struct *ts = in->ts;
    long t;
    mpq_t a;
    mpq_init(a);
    mpq_set_ui(u, 0, 1);
    for (t = 0; t < ts->nprof; t++) {
        if (econ_type_of(ts, t, i) != ti)
            continue;
        mpq_add(a, val(in, i, ti, case_vcg_kstar(in, t, -1)), x[i * ts->nprof + t]);
        mpq_mul(a, a, ts->bel[i][t]);
        mpq_add(u, u, a);
    }
    mpq_clear(a);
}

fk_status case_vcg_run(econ_out *o, case_vcg_inst *in, const char *name,
                       case_vcg_res *out, fk_err *err)
{
    const econ_tspace_struct *ts = in->ts;
    long np = ts->nprof, nx = ts->n * np, t;
    lp_model *l0 = lp_new(), *l1 = lp_new(), *l2 = lp_new();
    mpq_t *piv = fk_qarr_new(nx), *agv = fk_qarr_new(nx), u, s;
    lp_answer res;
    char nm[300];
    fk_status st = FK_OK;
    int i, ti, nbad0;
    lp_answer_init(&res);
    mpq_init(u);
    mpq_init(s);
    out->pivot_dic = out->agv_bic_bb = out->ir_possible = 0;
    out->agv_ir_fail = 0;
    if (!l0 || !l1 || !l2 || !piv || !agv) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    finish(in);
    case_vcg_pivot(piv, in);
    case_vcg_agv(agv, in);
    nbad0 = o->nbad;
    snprintf(nm, sizeof nm, "%s-dic", name);
    if ((st = build(l0, in, 0, err)) || (st = econ_point_certify(o, l0, nm, piv, err)))
        goto done;
    out->pivot_dic = o->nbad == nbad0;
    snprintf(nm, sizeof nm, "%s-agv", name);
    nbad0 = o->nbad;
    if ((st = build(l1, in, 1, err)) || (st = econ_point_certify(o, l1, nm, agv, err)))
        goto done;
    out->agv_bic_bb = o->nbad == nbad0;
    snprintf(nm, sizeof nm, "%s-ir", name);
    if ((st = build(l2, in, 2, err)) || (st = econ_solve_certify(o, l2, nm, &res, err)))
        goto done;
    out->ir_possible = res.status == LP_OPTIMAL;
    /* expected pivot revenue, AGV IR failures */
    mpq_set_ui(s, 0, 1);
    for (i = 0; i < ts->n; i++)
        for (t = 0; t < np; t++) {
            mpq_mul(u, piv[i * np + t], ts->bel[0][t]);
            mpq_mul(u, u, in->f[0][econ_type_of(ts, t, 0)]);
            mpq_sub(s, s, u);
        }
    mpq_set(out->pivot_revenue, s);
    if (o->quiet < 1)
        printf("%s: pivot mechanism DIC (all %ld profiles x misreports): %s; AGV BIC + ex post BB: %s\n",
               name, np, out->pivot_dic ? "yes" : "NO", out->agv_bic_bb ? "yes" : "NO");
    for (i = 0; i < ts->n; i++)
        for (ti = 0; ti < ts->ntypes[i]; ti++) {
            case_vcg_interim(u, in, agv, i, ti);
            if (mpq_sgn(u) < 0)
                out->agv_ir_fail++;
            if (o->quiet < 1) {
                char lab[128];
                snprintf(lab, sizeof lab, "AGV U[%d:%s]%s", i + 1, ts->type[i][ti],
                         mpq_sgn(u) < 0 ? " IR FAILS" : "");
                econ_print_q(stdout, lab, u);
            }
        }
    if (o->quiet < 1) {
        econ_print_q(stdout, "expected pivot revenue", s);
        printf("%s: an efficient BIC, ex post budget balanced, interim IR mechanism %s\n", nm,
               out->ir_possible ? "EXISTS" : "does NOT exist (Farkas certificate)");
        if (!out->ir_possible)
            for (t = 0; t < l2->m; t++)
                if (mpq_sgn(res.y[t]))
                    econ_print_q(stdout, l2->rname[t], res.y[t]);
    }
done:
    fk_qarr_free(piv, nx);
    fk_qarr_free(agv, nx);
    mpq_clear(u);
    mpq_clear(s);
    lp_answer_clear(&res);
    lp_free(l0);
    lp_free(l1);
    lp_free(l2);
    return st;
}

/* Built-in: a public project costing 3, shared equally by 3 agents with
 * values in {0, 1, 2} (uniform): v_i(t_i, build) = t_i - 1, v(no) = 0. */
fk_status case_vcg_project(case_vcg_inst *in, fk_err *err)
{
    static char *const tn[] = {"0", "1", "2"}, *const *const tns[] = {tn, tn, tn};
    static char *const kn[] = {"no", "build"};
    const int nt[3] = {3, 3, 3};
    fk_status st = case_vcg_shape(in, 3, nt, 2, tns, kn, err);
    int i, ti;
    for (i = 0; i < 3 && !st; i++)
        for (ti = 0; ti < 3; ti++)
            mpq_set_si(in->val[i][ti * 2 + 1], ti - 1, 1);
    return st;
}

/* Built-in: bilateral trade, buyer values and seller costs on the uniform
 * grid {0, 1/(n-1), .., 1}; alternatives no, trade (no trade at ties). */
fk_status case_vcg_trade(case_vcg_inst *in, int n, fk_err *err)
{
    char **tn = fk_calloc((size_t)n, sizeof *tn);
    char *const *tns[2];
    static char *const kn[] = {"no", "trade"};
    int nt[2], k;
    fk_status st = FK_OK;
    mpq_t x;
    mpq_init(x);
    if (n < 1 || n > 30 || !tn) {
        free(tn);
        mpq_clear(x);
        return fk_fail(err, FK_EINVAL, NULL, "vcg: --trade N needs 1 <= N <= 30");
    }
    for (k = 0; k < n; k++) {
        if (n > 1)
            mpq_set_ui(x, (unsigned long)k, (unsigned long)(n - 1));
        mpq_canonicalize(x);
        tn[k] = econ_qstr(x);
    }
    tns[0] = tns[1] = tn;
    nt[0] = nt[1] = n;
    st = case_vcg_shape(in, 2, nt, 2, tns, kn, err);
    for (k = 0; k < n && !st; k++) {
        if (n > 1)
            mpq_set_ui(x, (unsigned long)k, (unsigned long)(n - 1));
        mpq_canonicalize(x);
        mpq_set(in->val[0][k * 2 + 1], x);
        mpq_neg(in->val[1][k * 2 + 1], x);
    }
    for (k = 0; k < n; k++)
        free(tn[k]);
    free(tn);
    mpq_clear(x);
    return st;
}

fk_status case_vcg(econ_out *o, int argc, char **argv, fk_err *err)
{
    case_vcg_inst in;
    case_vcg_res r;
    fk_status st;
    int n = 0;
    char nm[64];
    case_vcg_inst_init(&in);
    mpq_init(r.pivot_revenue);
    if (argc == 2 && strcmp(argv[0], "--trade") == 0) {
        char *e;
        n = (int)strtol(argv[1], &e, 10);
        if (*e || e == argv[1]) {
            st = fk_fail(err, FK_EINVAL, NULL, "vcg: --trade takes a grid size");
            goto done;
        }
        st = case_vcg_trade(&in, n, err);
        snprintf(nm, sizeof nm, "vcg-trade%d", n);
        if (!st)
            printf("vcg: bilateral trade, values = costs = {0, .., 1} with %d points, uniform\n", n);
    } else if (argc == 0) {
        st = case_vcg_project(&in, err);
        snprintf(nm, sizeof nm, "vcg-project");
        if (!st)
            printf("vcg: public project, cost 3 shared equally by 3 agents with values 0, 1, 2 "
                   "(uniform); v_i(build) = t_i - 1; no project at ties\n");
    } else {
        st = fk_fail(err, FK_EINVAL, NULL, "vcg: arguments are [--trade N]");
    }
    if (st)
        goto done;
    if ((st = case_vcg_run(o, &in, nm, &r, err)))
        goto done;
    {
        char *s = econ_qstr(r.pivot_revenue);
        printf("\nverdict table (vcg)\n  pivot DIC: %s\n  AGV BIC and ex post BB: %s\n"
               "  AGV interim IR fails for %d types\n  some efficient BIC+BB+IR mechanism: %s\n",
               r.pivot_dic ? "yes" : "no", r.agv_bic_bb ? "yes" : "no", r.agv_ir_fail,
               r.ir_possible ? "yes" : "no (Farkas)");
        printf("summary: vcg | %s | pivot DIC %s; AGV BIC+BB %s; AGV IR fails for %d types; "
               "efficient BIC+BB+IR %s\n", nm, r.pivot_dic ? "yes" : "no", r.agv_bic_bb ? "yes" : "no",
               r.agv_ir_fail, r.ir_possible ? "possible" : "impossible");
        printf("values: pivot_revenue=%s agv_ir_failures=%d\n", s, r.agv_ir_fail);
        free(s);
    }
done:
    mpq_clear(r.pivot_revenue);
    case_vcg_inst_clear(&in);
    return st;
}
