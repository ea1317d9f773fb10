/* case_ms.c: Myerson-Satterthwaite with discrete types (seeds/001).
 *
 * A buyer with value v in V = {v_1 < ... } (prior f) and a seller with
 * cost c in C (prior g), independent.  Trade is fixed to ex post
 * efficient: q(v, c) = 1 if v > c, 0 if v < c, and at a tie v = c (where
 * trade is efficient either way) 0, 1 or 1/2 by the tie rule.  Free
 * transfers tB(v,c) to the buyer and tS(v,c) to the seller.  With
 * Q_B(v) = sum_c g(c) q(v,c), Q_S(c) = sum_v f(v) q(v,c):
 *
 *   BICB[v->w]  sum_c g(c) [tB(v,c) - tB(w,c)] >= v (Q_B(w) - Q_B(v))
 *   BICS[c->d]  sum_v f(v) [tS(v,c) - tS(v,d)] >= c (Q_S(c) - Q_S(d))
 *   IRB[v]      sum_c g(c) tB(v,c) >= -v Q_B(v)
 *   IRS[c]      sum_v f(v) tS(v,c) >=  c Q_S(c)
 *   BB          ex ante: sum f g (tB + tS) <= s;  ex post: BB[v,c] tB + tS <= s
 *
 * LP `..-feas` has s = 0 and no objective: feasible (a mechanism) or a
 * Farkas certificate of impossibility.  LP `..-subsidy` has s a free
 * column and minimises it: the minimal external subsidy, exactly.
 * Efficient trade with BIC, IR and BB is possible iff that optimum is
 * <= 0; the case checks the two LPs agree. */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "rat.h"

void case_ms_inst_init(case_ms_inst *in)
{
    memset(in, 0, sizeof *in);
}

void case_ms_inst_clear(case_ms_inst *in)
{
    fk_qarr_free(in->v, in->nb);
    fk_qarr_free(in->f, in->nb);
    fk_qarr_free(in->c, in->ns);
    fk_qarr_free(in->g, in->ns);
    memset(in, 0, sizeof *in);
}

/* q(v_i, c_j) under the tie rule */
static void trade_q(mpq_t q, const case_ms_inst *in, int i, int j)
{
    int s = mpq_cmp(in->v[i], in->c[j]);
    if (s > 0)
        mpq_set_ui(q, 1, 1);
    else if (s < 0 || in->tie == CASE_MS_TIE_NONE)
        mpq_set_ui(q, 0, 1);
    else if (in->tie == CASE_MS_TIE_TRADE)
        mpq_set_ui(q, 1, 1);
    else
        mpq_set_ui(q, 1, 2);
}

const char *case_ms_tie_str(int tie)
{
    return tie == CASE_MS_TIE_NONE ? "none" : tie == CASE_MS_TIE_TRADE ? "trade" : "half";
}

/* Names of grid points: exact values ("1/5"); unique since grids are. */
static fk_status build(lp_model *lp, const case_ms_inst *in, int with_s,
                       long *tb, long *ts, long *scol, fk_err *err)
{
    int nb = in->nb, ns = in->ns, i, j, k;
    mpq_t *QB = fk_qarr_new(nb), *QS = fk_qarr_new(ns), q, a, b;
    char **vn = fk_calloc((size_t)nb, sizeof *vn), **cn = fk_calloc((size_t)ns, sizeof *cn);
    fk_status st = FK_OK;
    long r;
    mpq_init(q);
    mpq_init(a);
    mpq_init(b);
    if (!QB || !QS || !vn || !cn) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (i = 0; i < nb; i++)
        vn[i] = econ_qstr(in->v[i]);
    for (j = 0; j < ns; j++)
        cn[j] = econ_qstr(in->c[j]);
    for (i = 0; i < nb; i++)
        for (j = 0; j < ns; j++) {
            trade_q(q, in, i, j);
            mpq_mul(a, q, in->g[j]);
            mpq_add(QB[i], QB[i], a);
            mpq_mul(a, q, in->f[i]);
            mpq_add(QS[j], QS[j], a);
        }
    for (i = 0; i < nb && !st; i++)
        for (j = 0; j < ns && !st; j++) {
            st = econ_col(lp, &tb[i * ns + j], err, "tB[%s,%s]", vn[i], cn[j]);
            if (!st)
                st = econ_col(lp, &ts[i * ns + j], err, "tS[%s,%s]", vn[i], cn[j]);
            if (!st) {
                econ_col_free(lp, tb[i * ns + j]);
                econ_col_free(lp, ts[i * ns + j]);
            }
        }
    *scol = -1;
    if (!st && with_s && !(st = econ_col(lp, scol, err, "subsidy"))) {
        mpq_set_ui(a, 1, 1);
        econ_col_free(lp, *scol);
        lp_set_obj(lp, *scol, a);
    }
    /* buyer */
    for (i = 0; i < nb && !st; i++)
        for (k = 0; k < nb && !st; k++) {
            if (k == i)
                continue;
            if ((st = econ_row(lp, &r, err, "BICB[%s->%s]", vn[i], vn[k])))
                break;
            mpq_sub(a, QB[k], QB[i]);
            mpq_mul(a, a, in->v[i]);
            lp_set_row_lo(lp, r, a);
            for (j = 0; j < ns && !st; j++) {
                mpq_neg(b, in->g[j]);
                st = lp_add_coef(lp, r, tb[i * ns + j], in->g[j], err);
                if (!st)
                    st = lp_add_coef(lp, r, tb[k * ns + j], b, err);
            }
        }
    for (i = 0; i < nb && !st; i++) {
        if ((st = econ_row(lp, &r, err, "IRB[%s]", vn[i])))
            break;
        mpq_mul(a, in->v[i], QB[i]);
        mpq_neg(a, a);
        lp_set_row_lo(lp, r, a);
        for (j = 0; j < ns && !st; j++)
            st = lp_add_coef(lp, r, tb[i * ns + j], in->g[j], err);
    }
    /* seller */
    for (j = 0; j < ns && !st; j++)
        for (k = 0; k < ns && !st; k++) {
            if (k == j)
                continue;
            if ((st = econ_row(lp, &r, err, "BICS[%s->%s]", cn[j], cn[k])))
                break;
            mpq_sub(a, QS[j], QS[k]);
            mpq_mul(a, a, in->c[j]);
            lp_set_row_lo(lp, r, a);
            for (i = 0; i < nb && !st; i++) {
                mpq_neg(b, in->f[i]);
                st = lp_add_coef(lp, r, ts[i * ns + j], in->f[i], err);
                if (!st)
                    st = lp_add_coef(lp, r, ts[i * ns + k], b, err);
            }
        }
    for (j = 0; j < ns && !st; j++) {
        if ((st = econ_row(lp, &r, err, "IRS[%s]", cn[j])))
            break;
        mpq_mul(a, in->c[j], QS[j]);
        lp_set_row_lo(lp, r, a);
        for (i = 0; i < nb && !st; i++)
            st = lp_add_coef(lp, r, ts[i * ns + j], in->f[i], err);
    }
    /* budget */
    mpq_set_si(b, -1, 1);
    if (!st && !in->expost && !(st = econ_row(lp, &r, err, "BB"))) {
        econ_row_le(lp, r, 0);
        for (i = 0; i < nb && !st; i++)
            for (j = 0; j < ns && !st; j++) {
                mpq_mul(a, in->f[i], in->g[j]);
                st = lp_add_coef(lp, r, tb[i * ns + j], a, err);
                if (!st)
                    st = lp_add_coef(lp, r, ts[i * ns + j], a, err);
            }
        if (!st && with_s)
            st = lp_add_coef(lp, r, *scol, b, err);
    }
    for (i = 0; i < nb && !st && in->expost; i++)
        for (j = 0; j < ns && !st; j++) {
            mpq_set_ui(a, 1, 1);
            if ((st = econ_row(lp, &r, err, "BB[%s,%s]", vn[i], cn[j])))
                break;
            econ_row_le(lp, r, 0);
            st = lp_add_coef(lp, r, tb[i * ns + j], a, err);
            if (!st)
                st = lp_add_coef(lp, r, ts[i * ns + j], a, err);
            if (!st && with_s)
                st = lp_add_coef(lp, r, *scol, b, err);
        }
done:
    for (i = 0; vn && i < nb; i++)
        free(vn[i]);
    for (j = 0; cn && j < ns; j++)
        free(cn[j]);
    free(vn);
    free(cn);
    fk_qarr_free(QB, nb);
    fk_qarr_free(QS, ns);
    mpq_clear(q);
    mpq_clear(a);
    mpq_clear(b);
    return st;
}

/* Check the instance: grids strictly increasing, priors >= 0 summing to 1. */
static fk_status validate(const case_ms_inst *in, fk_err *err)
{
    mpq_t s;
    int k, side;
    fk_status st = FK_OK;
    if (in->nb < 1 || in->ns < 1)
        return fk_fail(err, FK_EINVAL, NULL, "ms: empty grid");
    mpq_init(s);
    for (side = 0; side < 2 && !st; side++) {
        mpq_t *x = side ? in->c : in->v, *p = side ? in->g : in->f;
        int n = side ? in->ns : in->nb;
        mpq_set_ui(s, 0, 1);
        for (k = 0; k < n && !st; k++) {
            if (k && mpq_cmp(x[k - 1], x[k]) >= 0)
                st = fk_fail(err, FK_EINVAL, NULL, "ms: %s grid must be strictly increasing",
                             side ? "cost" : "value");
            else if (mpq_sgn(p[k]) < 0)
                st = fk_fail(err, FK_EINVAL, NULL, "ms: negative probability");
            mpq_add(s, s, p[k]);
        }
        if (!st && mpq_cmp_ui(s, 1, 1) != 0)
            st = fk_fail(err, FK_EINVAL, NULL, "ms: %s prior does not sum to 1", side ? "cost" : "value");
    }
    mpq_clear(s);
    return st;
}

/* Expected gains from efficient trade: sum f g q (v - c). */
void case_ms_surplus(mpq_t s, const case_ms_inst *in)
{
    mpq_t q, a;
    int i, j;
    mpq_init(q);
    mpq_init(a);
    mpq_set_ui(s, 0, 1);
    for (i = 0; i < in->nb; i++)
        for (j = 0; j < in->ns; j++) {
            trade_q(q, in, i, j);
            mpq_sub(a, in->v[i], in->c[j]);
            mpq_mul(a, a, q);
            mpq_mul(a, a, in->f[i]);
            mpq_mul(a, a, in->g[j]);
            mpq_add(s, s, a);
        }
    mpq_clear(q);
    mpq_clear(a);
}

/* Print the nonzero entries of v named by names, scaled by 1/scale. */
static void show_nz(const char *title, char **names, mpq_t *v, long k)
{
    long i;
    printf("  %s\n", title);
    for (i = 0; i < k; i++)
        if (mpq_sgn(v[i]))
            econ_print_q(stdout, names[i], v[i]);
}

fk_status case_ms_solve(econ_out *o, const case_ms_inst *in, const char *name,
                        int *feasible, mpq_t subsidy, fk_err *err)
{
    lp_model *lf = lp_new(), *ls = lp_new();
    long np = (long)in->nb * in->ns, scol = -1;
    long *tb = fk_calloc((size_t)np, sizeof *tb), *tsx = fk_calloc((size_t)np, sizeof *tsx);
    lp_answer rf, rs;
    char nm[300];
    fk_status st;
    lp_answer_init(&rf);
    lp_answer_init(&rs);
    if (!lf || !ls || !tb || !tsx) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    if ((st = validate(in, err)) || (st = build(lf, in, 0, tb, tsx, &scol, err)))
        goto done;
    snprintf(nm, sizeof nm, "%s-feas", name);
    if ((st = econ_solve_certify(o, lf, nm, &rf, err)))
        goto done;
    if ((st = build(ls, in, 1, tb, tsx, &scol, err)))
        goto done;
    snprintf(nm, sizeof nm, "%s-subsidy", name);
    if ((st = econ_solve_certify(o, ls, nm, &rs, err)))
        goto done;
    if (rs.status != LP_OPTIMAL || rf.status == LP_UNBOUNDED) {
        /* IR at the lowest types and BIC bound the subsidy from below */
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: subsidy LP %s", name, lp_status_str(rs.status));
        goto done;
    }
    *feasible = rf.status == LP_OPTIMAL;
    mpq_set(subsidy, rs.objval);
    if (*feasible != (mpq_sgn(subsidy) <= 0)) {
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: feasibility LP and subsidy LP disagree", name);
        goto done;
    }
    if (o->quiet < 1) {
        printf("%s: efficient trade with BIC, interim IR and %s budget balance is %s\n", name,
               in->expost ? "ex post" : "ex ante", *feasible ? "POSSIBLE" : "IMPOSSIBLE");
        if (*feasible)
            show_nz("a mechanism (transfers to buyer tB and seller tS, nonzero only):",
                    lf->cname, rf.x, lf->n);
        else
            show_nz("Farkas multipliers (nonzero; the weighted sum of these constraints "
                    "is contradictory):", lf->rname, rf.y, lf->m);
        econ_print_q(stdout, "minimal external subsidy", subsidy);
    }
done:
    free(tb);
    free(tsx);
    lp_answer_clear(&rf);
    lp_answer_clear(&rs);
    lp_free(lf);
    lp_free(ls);
    return st;
}

/* The grid {0, 1/(n-1), ..., 1} with the uniform prior, both sides. */
fk_status case_ms_uniform(case_ms_inst *in, int n, fk_err *err)
{
    int k;
    case_ms_inst_clear(in);
    if (n < 1 || n > 200)
        return fk_fail(err, FK_EINVAL, NULL, "ms: grid size must be 1..200");
    in->v = fk_qarr_new(n);
    in->f = fk_qarr_new(n);
    in->c = fk_qarr_new(n);
    in->g = fk_qarr_new(n);
    in->nb = in->ns = n;
    if (!in->v || !in->f || !in->c || !in->g)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (k = 0; k < n; k++) {
        if (n > 1)
            mpq_set_ui(in->v[k], (unsigned long)k, (unsigned long)(n - 1));
        mpq_canonicalize(in->v[k]);
        mpq_set(in->c[k], in->v[k]);
        mpq_set_ui(in->f[k], 1, (unsigned long)n);
        mpq_set_ui(in->g[k], 1, (unsigned long)n);
    }
    return FK_OK;
}

static void print_list(const char *label, mpq_t *x, int n)
{
    int k;
    printf("%s", label);
    for (k = 0; k < n; k++) {
        char *s = econ_qstr(x[k]);
        printf("%s%s", k ? "," : "", s);
        free(s);
    }
}

fk_status case_ms(econ_out *o, int argc, char **argv, fk_err *err)
{
    case_ms_inst in;
    const char *vs = NULL, *cs = NULL, *fs = NULL, *gs = NULL;
    int k, lo = 0, hi = -1, feas = 0, n;
    fk_status st = FK_OK;
    mpq_t sub, sur;
    case_ms_inst_init(&in);
    mpq_init(sub);
    mpq_init(sur);
    for (k = 0; k < argc && !st; k++) {
        const char *a = argv[k], *val = k + 1 < argc ? argv[k + 1] : NULL;
        if (!val && a[0] == '-')
            st = fk_fail(err, FK_EINVAL, NULL, "ms: option '%s' needs a value", a);
        else if (strcmp(a, "--values") == 0)
            vs = argv[++k];
        else if (strcmp(a, "--costs") == 0)
            cs = argv[++k];
        else if (strcmp(a, "--pv") == 0)
            fs = argv[++k];
        else if (strcmp(a, "--pc") == 0)
            gs = argv[++k];
        else if (strcmp(a, "--tie") == 0) {
            k++;
            if (strcmp(val, "none") == 0)
                in.tie = CASE_MS_TIE_NONE;
            else if (strcmp(val, "trade") == 0)
                in.tie = CASE_MS_TIE_TRADE;
            else if (strcmp(val, "half") == 0)
                in.tie = CASE_MS_TIE_HALF;
            else
                st = fk_fail(err, FK_EINVAL, NULL, "ms: --tie takes none, trade or half");
        } else if (strcmp(a, "--bb") == 0) {
            k++;
            if (strcmp(val, "exante") == 0)
                in.expost = 0;
            else if (strcmp(val, "expost") == 0)
                in.expost = 1;
            else
                st = fk_fail(err, FK_EINVAL, NULL, "ms: --bb takes exante or expost");
        } else if (strcmp(a, "--sweep") == 0) {
            char *e;
            k++;
            lo = (int)strtol(val, &e, 10);
            hi = *e == '-' ? (int)strtol(e + 1, &e, 10) : -1;
            if (*e || lo < 1 || hi < lo || hi > 40)
                st = fk_fail(err, FK_EINVAL, NULL, "ms: --sweep takes A-B with 1 <= A <= B <= 40");
        } else
            st = fk_fail(err, FK_EINVAL, NULL, "ms: unknown argument '%s'", a);
    }
    if (st)
        goto done;
    if (hi >= lo && lo >= 1) { /* sweep */
        int nposs = 0, last = -1;
        if (vs || cs || fs || gs) {
            st = fk_fail(err, FK_EINVAL, NULL, "ms: --sweep uses uniform grids; no --values/--costs");
            goto done;
        }
        printf("ms sweep: values = costs = {0, 1/(n-1), ..., 1}, uniform priors, tie rule %s, %s budget balance\n",
               case_ms_tie_str(in.tie), in.expost ? "ex post" : "ex ante");
        printf("  %4s  %-12s %-16s %s\n", "n", "efficient", "min subsidy", "gains from trade");
        for (n = lo; n <= hi; n++) {
            char nm[64], *s1, *s2;
            int tie = in.tie, ep = in.expost;
            econ_out q = *o;
            if ((st = case_ms_uniform(&in, n, err)))
                goto done;
            in.tie = tie;
            in.expost = ep;
            snprintf(nm, sizeof nm, "ms-sweep-%s-%s-n%d", case_ms_tie_str(tie), ep ? "expost" : "exante", n);
            q.quiet = o->quiet > 1 ? 2 : 1;
            if ((st = case_ms_solve(&q, &in, nm, &feas, sub, err)))
                goto done;
            o->ncert = q.ncert;
            o->nbad = q.nbad;
            case_ms_surplus(sur, &in);
            s1 = econ_qstr(sub);
            s2 = econ_qstr(sur);
            printf("  %4d  %-12s %-16s %s\n", n, feas ? "possible" : "IMPOSSIBLE", s1, s2);
            printf("values: n=%d subsidy=%s\n", n, s1);
            free(s1);
            free(s2);
            nposs += feas;
            if (feas)
                last = n;
        }
        printf("summary: ms | sweep n=%d..%d tie=%s bb=%s | efficient trade possible for %d grid sizes "
               "(largest n = %d), impossible for %d\n", lo, hi, case_ms_tie_str(in.tie),
               in.expost ? "expost" : "exante", nposs, last, hi - lo + 1 - nposs);
        goto done;
    }
    if (!vs && !cs) {
        int tie = in.tie, ep = in.expost;
        if ((st = case_ms_uniform(&in, 6, err)))
            goto done;
        in.tie = tie;
        in.expost = ep;
        if (fs || gs) {
            st = fk_fail(err, FK_EINVAL, NULL, "ms: --pv/--pc need --values/--costs");
            goto done;
        }
    } else {
        if (!vs || !cs) {
            st = fk_fail(err, FK_EINVAL, NULL, "ms: give both --values and --costs");
            goto done;
        }
        if ((st = econ_qlist_parse(vs, "ms: --values", &in.v, &in.nb, err)) ||
            (st = econ_qlist_parse(cs, "ms: --costs", &in.c, &in.ns, err)) ||
            (st = econ_prior_parse(fs, "ms: --pv", in.nb, &in.f, err)) ||
            (st = econ_prior_parse(gs, "ms: --pc", in.ns, &in.g, err)))
            goto done;
    }
    print_list("ms: buyer values ", in.v, in.nb);
    print_list(" prior ", in.f, in.nb);
    print_list("; seller costs ", in.c, in.ns);
    print_list(" prior ", in.g, in.ns);
    printf("; tie rule %s; %s budget balance\n", case_ms_tie_str(in.tie), in.expost ? "ex post" : "ex ante");
    if ((st = case_ms_solve(o, &in, in.expost ? "ms-expost" : "ms", &feas, sub, err)))
        goto done;
    case_ms_surplus(sur, &in);
    {
        char *s1 = econ_qstr(sub), *s2 = econ_qstr(sur);
        econ_print_q(stdout, "expected gains from trade", sur);
        printf("\nverdict table (ms)\n  efficient trade, BIC, interim IR, %s BB: %s\n  minimal subsidy: %s\n",
               in.expost ? "ex post" : "ex ante", feas ? "possible" : "impossible (Farkas certificate)", s1);
        printf("summary: ms | %dx%d grid tie=%s bb=%s | efficient trade %s\n", in.nb, in.ns,
               case_ms_tie_str(in.tie), in.expost ? "expost" : "exante", feas ? "possible" : "impossible");
        printf("values: min_subsidy=%s gains=%s\n", s1, s2);
        free(s1);
        free(s2);
    }
done:
    mpq_clear(sub);
    mpq_clear(sur);
    case_ms_inst_clear(&in);
    return st;
}
