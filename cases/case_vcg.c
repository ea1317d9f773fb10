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
 * The three LPs go through the mechanism-file path (cases/mech.c), each
 * written as OUTDIR/NAME-LABEL.mech (see write_mech below):
 *   NAME-dic:  the pivot payments fixed, DIC[i:a->b;t]  (every profile,
 *              every misreport: dominant strategies)
 *   NAME-agv:  the AGV payments fixed, BIC IC[i:a->b] and BB[t] = 0
 *   NAME-ir:   payments free, BIC, ND[t] (transfers sum to <= 0) and
 *              interim IR[i:a] -- is there any efficient BIC, ex post
 *              budget balanced, interim IR mechanism?  Infeasible: a
 *              Farkas certificate. */
#include <stdlib.h>
#include <string.h>

#include "afile.h"
#include "case.h"
#include "mech.h"

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

/* The three LPs as mechanism files (docs/mechanism-files.md), solved by
 * the mechanism-file path: what this case certifies is exactly `farkas
 * model OUTDIR/NAME-LABEL.mech`.  Agents are named 1..n; payments are the
 * negated transfers x (a payment is what the agent pays).
 *   kind 0, label dic: the pivot payments fixed, DIC (ex post IC rows);
 *   kind 1, label agv: the AGV payments fixed, BIC and ex post BB;
 *   kind 2, label ir:  payments free, BIC, ex post no deficit (transfers
 *                      sum to <= 0) and interim IR.
 * The allocation is `efficient ties first`, the first maximiser in the
 * order of K, which is k* (case_vcg_kstar). */
static const char *const VCG_LABEL[3] = {"dic", "agv", "ir"};

static fk_status write_mech(const case_vcg_inst *in, const char *name, int kind, mpq_t *const x,
                            const char *path, fk_err *err)
{
    const econ_tspace_struct *ts = in->ts;
    afile a;
    fk_status st = afile_open(&a, path, err);
    FILE *f;
    long t;
    int i, j, k;
    mpq_t q;
    if (st)
        return st;
    f = a.f;
    mpq_init(q);
    fprintf(f, "# written by 'farkas case vcg': %s\nmechanism %s\n",
            kind == 0 ? "the pivot mechanism, DIC" :
            kind == 1 ? "the expected externality (AGV) mechanism, BIC and ex post budget balance" :
                        "any efficient BIC, ex post budget balanced, interim IR mechanism",
            name);
    for (i = 0; i < ts->n; i++) {
        fprintf(f, "agent %d", i + 1);
        for (j = 0; j < ts->ntypes[i]; j++) {
            if (j && j % 40 == 0) /* keep lines short: repeat the line to append types */
                fprintf(f, "\nagent %d", i + 1);
            fprintf(f, " %s", ts->type[i][j]);
        }
        fprintf(f, "\n");
    }
    fprintf(f, "alternatives");
    for (k = 0; k < in->nk; k++)
        fprintf(f, " %s", in->kname[k]);
    fprintf(f, "\n");
    for (i = 0; i < ts->n; i++) {
        fprintf(f, "prior %d", i + 1);
        for (j = 0; j < ts->ntypes[i]; j++) {
            if (j && j % 40 == 0)
                fprintf(f, "\nprior %d", i + 1);
            econ_fput_q(f, " ", in->f[i][j], "");
        }
        fprintf(f, "\n");
    }
    for (i = 0; i < ts->n; i++)
        for (j = 0; j < ts->ntypes[i]; j++)
            for (k = 0; k < in->nk; k++)
                if (mpq_sgn(val(in, i, j, k))) {
                    fprintf(f, "value %d %s %s", i + 1, in->kname[k], ts->type[i][j]);
                    econ_fput_q(f, " ", val(in, i, j, k), "\n");
                }
    fprintf(f, "allocation efficient ties first\npayments %s\n", kind == 2 ? "free" : "fixed");
    for (i = 0; kind < 2 && i < ts->n; i++)
        for (t = 0; t < ts->nprof; t++) {
            fprintf(f, "pay %d", i + 1);
            for (j = 0; j < ts->n; j++)
                fprintf(f, " %s", ts->type[j][econ_type_of(ts, t, j)]);
            mpq_neg(q, x[i * ts->nprof + t]);
            econ_fput_q(f, " ", q, "\n");
        }
    fprintf(f, "%s\nobjective %s feasibility\n",
            kind == 0 ? "require DIC" :
            kind == 1 ? "require BIC\nrequire BB expost" :
                        "require BIC\nrequire nodeficit expost\nrequire IR interim",
            VCG_LABEL[kind]);
    mpq_clear(q);
    return afile_commit(&a, err);
}

/* Write LP kind as OUTDIR/NAME-LABEL.mech and solve it through mech_solve;
 * *ok = 1 if a mechanism exists and its certificate was accepted. */
static fk_status solve_kind(econ_out *o, const case_vcg_inst *in, const char *name, int kind,
                            mpq_t *const x, int *ok, fk_err *err)
{
    char path[4200];
    fk_status st;
    *ok = 0;
    if ((st = econ_out_dir(o, err)))
        return st;
    if (snprintf(path, sizeof path, "%s/%s-%s.mech", o->outdir, name, VCG_LABEL[kind]) >= (int)sizeof path)
        return fk_fail(err, FK_ELIMIT, NULL, "output path too long");
    if (!(st = write_mech(in, name, kind, x, path, err)))
        st = mech_solve_file(o, path, ok, err);
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
    mpq_t *piv = fk_qarr_new(nx), *agv = fk_qarr_new(nx), u, s;
    fk_status st = FK_OK;
    int i, ti;
    mpq_init(u);
    mpq_init(s);
    out->pivot_dic = out->agv_bic_bb = out->ir_possible = 0;
    out->agv_ir_fail = 0;
    if (!piv || !agv) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    finish(in);
    case_vcg_pivot(piv, in);
    case_vcg_agv(agv, in);
    if ((st = solve_kind(o, in, name, 0, piv, &out->pivot_dic, err)) ||
        (st = solve_kind(o, in, name, 1, agv, &out->agv_bic_bb, err)) ||
        (st = solve_kind(o, in, name, 2, NULL, &out->ir_possible, err)))
        goto done;
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
        /* the Farkas multipliers, if any, are in the mechanism report above */
        econ_print_q(stdout, "expected pivot revenue", s);
        printf("%s-ir: an efficient BIC, ex post budget balanced, interim IR mechanism %s\n", name,
               out->ir_possible ? "EXISTS" : "does NOT exist (Farkas certificate)");
    }
done:
    fk_qarr_free(piv, nx);
    fk_qarr_free(agv, nx);
    mpq_clear(u);
    mpq_clear(s);
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
