/* case_notrade.c: Morris (1994), no trade with and without incentive
 * compatibility, and noisy concordance (docs/cases.md).
 *
 * The trade LP.  Columns gamma_i(t, theta), free.  Rows
 *     FEAS[t;theta]   sum_i gamma_i(t, theta) <= 0
 *     ACC[i:ti]       U_i(ti) = sum_{t_-i,theta} pi_i(t_-i,theta|ti) gamma_i(t,theta) >= 0
 *     IC[i:ti->ti']   U_i(ti) - (ti's expected gamma_i when reporting ti') >= 0
 *     NORM            sum_i sum_ti U_i(ti) >= 1
 * "Acceptable with some strict gain" asks for U >= 0 with some U > 0.  Every
 * constraint but NORM is homogeneous, so a trade with some strict gain can
 * be scaled until the gains sum to 1, and any point of the LP has some
 * U > 0: NORM is an exact normalisation, not an approximation.
 *
 * Its Farkas alternative.  Multipliers y: FEAS rows have y <= 0 (write
 * pi = -y), ACC, IC, NORM have y >= 0 (a, mu, nu), b(y) = nu > 0, and
 * A^T y = 0 on the free columns gamma_i(t, theta):
 *     pi(t,theta) = lambda_i(ti) pi_i(.|ti)
 *                 + sum_ti' [mu_i(ti,ti') pi_i(.|ti) - mu_i(ti',ti) pi_i(.|ti')]
 * with lambda_i(ti) = a_i(ti) + nu > 0 for EVERY type: noisy concordance
 * (seeds/README.md: the alternative of "some strict gain" needs every
 * lambda positive, not just one).  Summing over (t_-i, theta) shows that
 * sum pi = sum_ti lambda_i(ti) > 0, so pi rescales to a probability.
 * Without IC (mu = 0) pi is a common prior whose conditionals are the
 * beliefs and whose type marginals are all positive.
 *
 * The concordance LP states the alternative directly: columns pi >= 0,
 * lambda >= 1 (the system is homogeneous, so lambda > 0 may be scaled to
 * lambda >= 1), mu >= 0, equality rows NC[i:t;theta] as above, minimising
 * sum pi.  It is feasible iff the trade LP is infeasible. */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "notrade_prf.h"
#include "rat.h"

/* Print the nonzero entries of a scaled vector. */
static void show(const char *label, const mpq_t v, const mpq_t scale)
{
    mpq_t q;
    if (mpq_sgn(v) == 0)
        return;
    mpq_init(q);
    mpq_div(q, v, scale);
    econ_print_q(stdout, label, q);
    mpq_clear(q);
}

static void show_trade(const econ_tspace ts, const econ_trade *tr,
                       const lp_answer *res)
{
    long S = ts->nstates, t, th;
    char pb[256], lab[300];
    mpq_t one, u;
    int i, a;
    mpq_init(one);
    mpq_init(u);
    mpq_set_ui(one, 1, 1);
    printf("  trade gamma_i(t;state) (nonzero entries):\n");
    for (i = 0; i < ts->n; i++)
        for (t = 0; t < ts->nprof; t++)
            for (th = 0; th < S; th++) {
                snprintf(lab, sizeof lab, "g[%d:%s;%s]", i + 1,
                         econ_prof_str(ts, t, pb, sizeof pb), ts->state[th]);
                show(lab, res->x[tr->col[i][t * S + th]], one);
            }
    printf("  interim gains U_i(t_i):\n");
    for (i = 0; i < ts->n; i++)
        for (a = 0; a < ts->ntypes[i]; a++) {
            econ_trade_gain(u, ts, tr, i, a, res->x);
            snprintf(lab, sizeof lab, "U[%d:%s]", i + 1, ts->type[i][a]);
            econ_print_q(stdout, lab, u);
        }
    mpq_clear(u);
    mpq_clear(one);
}

/* The dual: pi = -y_FEAS, lambda = y_ACC + y_NORM, mu = y_IC, all divided
 * by sum pi so that pi is a probability. */
static void show_dual(const econ_tspace ts, const econ_trade *tr, long norm,
                      const lp_answer *res, int ic)
{
    long S = ts->nstates, t, th;
    char pb[256], lab[300];
    mpq_t tot, v;
    int i, a, b;
    mpq_init(tot);
    mpq_init(v);
    for (t = 0; t < ts->nprof * S; t++)
        mpq_sub(tot, tot, res->y[tr->feas[t]]);
    printf("  %s (scaled so that pi sums to 1):\n",
           ic ? "noisy-concordance multipliers pi, lambda, mu"
              : "common prior pi and type weights lambda");
    for (t = 0; t < ts->nprof; t++)
        for (th = 0; th < S; th++) {
            mpq_neg(v, res->y[tr->feas[t * S + th]]);
            snprintf(lab, sizeof lab, "pi[%s;%s]", econ_prof_str(ts, t, pb, sizeof pb),
                     ts->state[th]);
            show(lab, v, tot);
        }
    for (i = 0; i < ts->n; i++)
        for (a = 0; a < ts->ntypes[i]; a++) {
            mpq_add(v, res->y[tr->acc[i][a]], res->y[norm]);
            snprintf(lab, sizeof lab, "lambda[%d:%s]", i + 1, ts->type[i][a]);
            show(lab, v, tot);
        }
    if (ic)
        for (i = 0; i < ts->n; i++)
            for (a = 0; a < ts->ntypes[i]; a++)
                for (b = 0; b < ts->ntypes[i]; b++)
                    if (a != b) {
                        snprintf(lab, sizeof lab, "mu[%d:%s->%s]", i + 1,
                                 ts->type[i][a], ts->type[i][b]);
                        show(lab, res->y[tr->ic[i][a][b]], tot);
                    }
    mpq_clear(v);
    mpq_clear(tot);
}

fk_status case_notrade_decide(econ_out *o, const econ_tspace ts, int ic,
                              const char *name, int *trade, fk_err *err)
{
    return case_notrade_decide_pq(o, ts, ic, name, NULL, NULL, trade, err);
}

fk_status case_notrade_decide_pq(econ_out *o, const econ_tspace ts, int ic,
                                 const char *name, mpq_srcptr p, mpq_srcptr q,
                                 int *trade, fk_err *err)
{
    lp_model *lp = lp_new();
    econ_trade tr;
    lp_answer res;
    fk_status st;
    long norm = -1, t, th, S = ts->nstates;
    int i;
    memset(&tr, 0, sizeof tr);
    lp_answer_init(&res);
    if (!lp) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    if ((st = econ_tspace_validate(ts, err)) ||
        (st = econ_trade_cols(&tr, lp, ts, err)) ||
        (st = econ_trade_feas(&tr, lp, ts, err)) ||
        (st = econ_trade_acc(&tr, lp, ts, err)) ||
        (ic && (st = econ_trade_ic(&tr, lp, ts, err))) ||
        (st = econ_row(lp, &norm, err, "NORM")))
        goto done;
    econ_row_ge(lp, norm, 1);
    for (i = 0; i < ts->n && !st; i++)
        for (t = 0; t < ts->nprof && !st; t++)
            for (th = 0; th < S && !st; th++)
                st = lp_add_coef(lp, norm, tr.col[i][t * S + th],
                                 ts->bel[i][t * S + th], err);
    notrade_prf pc = {ts, &tr, norm, ic, p, q};
    prf_econ pe;
    o->econ = notrade_prf_econ(&pe, &pc); /* the appendix's economic parts */
    if (st || (st = econ_solve_certify(o, lp, name, &res, err)))
        goto done;
    if (res.status == LP_UNBOUNDED) { /* impossible: zero objective */
        st = fk_fail(err, FK_EINVAL, NULL, "%s: unexpected unbounded LP", name);
        goto done;
    }
    *trade = res.status == LP_OPTIMAL;
    if (o->quiet < 2) {
        printf("%s: %s%s\n", name,
               *trade ? "a feasible, acceptable trade exists" : "no feasible, acceptable trade",
               ic ? " (incentive compatible)" : " (without IC)");
        if (*trade)
            show_trade(ts, &tr, &res);
        else
            show_dual(ts, &tr, norm, &res, ic);
    }
done:
    o->econ = NULL;
    lp_answer_clear(&res);
    econ_trade_free(&tr, ts);
    lp_free(lp);
    return st;
}

fk_status case_concordance_decide(econ_out *o, const econ_tspace ts, int ic,
                                  const char *name, int *concordant,
                                  fk_err *err)
{
    return case_concordance_decide_weak(o, ts, ic, 0, name, concordant, err);
}

fk_status case_concordance_decide_weak(econ_out *o, const econ_tspace ts, int ic,
                                       int weak, const char *name, int *concordant,
                                       fk_err *err)
{
    lp_model *lp = lp_new();
    long S = ts->nstates, t, th, *pic = NULL, **lam = NULL, ***mu = NULL;
    char pb[256];
    lp_answer res;
    fk_status st = FK_OK;
    mpq_t one, v;
    int i, a, b;
    lp_answer_init(&res);
    mpq_init(one);
    mpq_init(v);
    mpq_set_ui(one, 1, 1);
    pic = fk_calloc((size_t)(ts->nprof * S), sizeof *pic);
    lam = fk_calloc((size_t)ts->n, sizeof *lam);
    mu = fk_calloc((size_t)ts->n, sizeof *mu);
    if (!lp || !pic || !lam || !mu) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    if ((st = econ_tspace_validate(ts, err)))
        goto done;
    for (t = 0; t < ts->nprof && !st; t++)
        for (th = 0; th < S && !st; th++) {
            st = econ_col(lp, &pic[t * S + th], err, "pi[%s;%s]",
                          econ_prof_str(ts, t, pb, sizeof pb), ts->state[th]);
            if (!st)
                lp_set_obj(lp, pic[t * S + th], one);
        }
    for (i = 0; i < ts->n && !st; i++) {
        lam[i] = fk_calloc((size_t)ts->ntypes[i], sizeof **lam);
        mu[i] = fk_calloc((size_t)ts->ntypes[i], sizeof **mu);
        if (!lam[i] || !mu[i]) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            break;
        }
        for (a = 0; a < ts->ntypes[i] && !st; a++) {
            st = econ_col(lp, &lam[i][a], err, "lambda[%d:%s]", i + 1, ts->type[i][a]);
            if (st)
                break;
            if (!weak)
                lp_set_col_lo(lp, lam[i][a], one);
            mu[i][a] = fk_calloc((size_t)ts->ntypes[i], sizeof ***mu);
            if (!mu[i][a]) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                break;
            }
            for (b = 0; b < ts->ntypes[i] && !st; b++) {
                mu[i][a][b] = -1;
                if (ic && a != b)
                    st = econ_col(lp, &mu[i][a][b], err, "mu[%d:%s->%s]", i + 1,
                                  ts->type[i][a], ts->type[i][b]);
            }
        }
    }
    /* NC[i:t;theta]: pi - lambda_i(ti) b - sum_b' mu(ti,b') b + sum_a mu(a,ti) b_a = 0 */
    for (i = 0; i < ts->n && !st; i++)
        for (t = 0; t < ts->nprof && !st; t++)
            for (th = 0; th < S && !st; th++) {
                long r, k = t * S + th;
                int ti = econ_type_of(ts, t, i);
                st = econ_row(lp, &r, err, "NC[%d:%s;%s]", i + 1,
                              econ_prof_str(ts, t, pb, sizeof pb), ts->state[th]);
                if (st)
                    break;
                econ_row_eq(lp, r, 0);
                st = lp_add_coef(lp, r, pic[k], one, err);
                mpq_neg(v, ts->bel[i][k]);
                if (!st)
                    st = lp_add_coef(lp, r, lam[i][ti], v, err);
                for (b = 0; b < ts->ntypes[i] && ic && !st; b++) {
                    long tb;
                    if (b == ti)
                        continue;
                    st = lp_add_coef(lp, r, mu[i][ti][b], v, err);
                    tb = econ_prof_with(ts, t, i, b);
                    if (!st)
                        st = lp_add_coef(lp, r, mu[i][b][ti], ts->bel[i][tb * S + th], err);
                }
            }
    if (!st && weak) { /* lambda >= 0, not all zero: sum lambda >= 1 */
        long r;
        if (!(st = econ_row(lp, &r, err, "LAMBDA")))
            econ_row_ge(lp, r, 1);
        for (i = 0; i < ts->n && !st; i++)
            for (a = 0; a < ts->ntypes[i] && !st; a++)
                st = lp_add_coef(lp, r, lam[i][a], one, err);
    }
    if (st || (st = econ_solve_certify(o, lp, name, &res, err)))
        goto done;
    if (res.status == LP_UNBOUNDED) { /* impossible: sum pi >= 0 */
        st = fk_fail(err, FK_EINVAL, NULL, "%s: unexpected unbounded LP", name);
        goto done;
    }
    *concordant = res.status == LP_OPTIMAL;
    if (o->quiet < 2) {
        printf("%s: beliefs %s %s\n", name, *concordant ? "ARE" : "are NOT",
               ic ? "noisy concordant" : "consistent with a common prior");
        if (*concordant) {
            econ_print_q(stdout, "minimal sum pi (lambda >= 1)", res.objval);
            printf("  multipliers (scaled so that pi sums to 1):\n");
            for (t = 0; t < lp->n; t++)
                show(lp->cname[t], res.x[t], res.objval);
        } else {
            printf("  Farkas multipliers on NC rows = a trade gamma_i(t;state) "
                   "(feasible, acceptable with strict gain%s):\n", ic ? ", IC" : "");
            for (t = 0; t < lp->m; t++)
                show(lp->rname[t], res.y[t], one);
        }
    }
done:
    for (i = 0; i < ts->n; i++) {
        if (lam)
            free(lam[i]);
        if (mu && mu[i]) {
            for (a = 0; a < ts->ntypes[i]; a++)
                free(mu[i][a]);
            free(mu[i]);
        }
    }
    free(lam);
    free(mu);
    free(pic);
    mpq_clear(v);
    mpq_clear(one);
    lp_answer_clear(&res);
    lp_free(lp);
    return st;
}

/* ---- the command-line front ends ------------------------------------- */

typedef struct {
    const char *file;
    mpq_t p, q;
} tsargs;

static fk_status parse_ts_args(tsargs *a, int argc, char **argv,
                               const char *cmd, fk_err *err)
{
    int k;
    a->file = NULL;
    mpq_set_ui(a->p, 3, 4);
    mpq_set_ui(a->q, 2, 3);
    for (k = 0; k < argc; k++) {
        if ((strcmp(argv[k], "--p") == 0 || strcmp(argv[k], "--q") == 0) && k + 1 < argc) {
            mpq_ptr dst = argv[k][2] == 'p' ? a->p : a->q;
            const char *s = argv[++k];
            if (rat_set_str(dst, s, strlen(s), NULL) != RAT_OK)
                return fk_fail(err, FK_EINVAL, NULL, "%s: bad number '%s' for %s", cmd, s, argv[k - 1]);
        } else if (argv[k][0] == '-' && argv[k][1]) {
            return fk_fail(err, FK_EINVAL, NULL, "%s: unknown or incomplete option '%s'", cmd, argv[k]);
        } else if (!a->file) {
            a->file = argv[k];
        } else {
            return fk_fail(err, FK_EINVAL, NULL, "%s: unexpected argument '%s'", cmd, argv[k]);
        }
    }
    return FK_OK;
}

/* "notrade-NAME" from a file path: its base name without extension, with
 * anything that is not a plain name character replaced by '_'. */
static void stem(char *buf, size_t len, const char *prefix, const char *file)
{
    const char *b = strrchr(file, '/');
    size_t k, n;
    b = b ? b + 1 : file;
    snprintf(buf, len, "%s-%s", prefix, b);
    n = strlen(buf);
    for (k = 0; k < n; k++) {
        if (buf[k] == '.' && k > strlen(prefix)) {
            buf[k] = '\0';
            break;
        }
        if (!((buf[k] >= 'a' && buf[k] <= 'z') || (buf[k] >= 'A' && buf[k] <= 'Z') ||
              (buf[k] >= '0' && buf[k] <= '9') || buf[k] == '-'))
            buf[k] = '_';
    }
}

static fk_status load(econ_tspace ts, tsargs *a, const char *cmd, char *nm,
                      size_t len, fk_err *err)
{
    fk_status st;
    if (a->file) {
        st = econ_tspace_read(ts, a->file, err);
        stem(nm, len, cmd, a->file);
        if (!st) {
            printf("%s: type space from %s\n", cmd, a->file);
        }
        return st;
    }
    st = econ_tspace_brooks(ts, a->p, a->q, err);
    if (!st) {
        char *p = econ_qstr(a->p), *q = econ_qstr(a->q);
        snprintf(nm, len, "%s-brooks", cmd);
        printf("%s: Brooks' two-state example, p = %s (player 1's confidence in "
               "player 2's signal), q = %s (player 2's own)\n", cmd, p, q);
        free(p);
        free(q);
    }
    return st;
}

fk_status case_notrade(econ_out *o, int argc, char **argv, fk_err *err)
{
    econ_tspace ts;
    tsargs a;
    char nm[200], n1[220], n2[220];
    int t_noic = -1, t_ic = -1;
    fk_status st;
    econ_tspace_init(ts);
    mpq_init(a.p);
    mpq_init(a.q);
    if ((st = parse_ts_args(&a, argc, argv, "notrade", err)) ||
        (st = load(ts, &a, "notrade", nm, sizeof nm, err)))
        goto done;
    snprintf(n1, sizeof n1, "%s-noic", nm);
    snprintf(n2, sizeof n2, "%s-ic", nm);
    /* Brooks' example: the proposition names p and q */
    if ((st = case_notrade_decide_pq(o, ts, 0, n1, a.file ? NULL : a.p, a.file ? NULL : a.q,
                                     &t_noic, err)) ||
        (st = case_notrade_decide_pq(o, ts, 1, n2, a.file ? NULL : a.p, a.file ? NULL : a.q,
                                     &t_ic, err)))
        goto done;
    printf("\nverdict table (notrade)\n");
    printf("  %-10s %-34s %s\n", "variant", "verdict", "dual when no trade");
    printf("  %-10s %-34s %s\n", "without IC", t_noic ? "feasible acceptable trade exists" : "no trade",
           t_noic ? "-" : "common prior");
    printf("  %-10s %-34s %s\n", "with IC", t_ic ? "feasible acceptable IC trade exists" : "no trade",
           t_ic ? "-" : "noisy-concordance multipliers");
    {
        char *p = econ_qstr(a.p), *q = econ_qstr(a.q);
        if (a.file)
            printf("summary: notrade | %s | without IC: %s; with IC: %s\n", a.file,
                   t_noic ? "trade" : "no trade", t_ic ? "trade" : "no trade");
        else
            printf("summary: notrade | brooks p=%s q=%s | without IC: %s; with IC: %s\n", p, q,
                   t_noic ? "trade" : "no trade", t_ic ? "trade" : "no trade");
        free(p);
        free(q);
    }
done:
    mpq_clear(a.p);
    mpq_clear(a.q);
    econ_tspace_clear(ts);
    return st;
}

fk_status case_concordance(econ_out *o, int argc, char **argv, fk_err *err)
{
    econ_tspace ts;
    tsargs a;
    char nm[200], n1[220], n2[220];
    int c_cp = -1, c_nc = -1;
    fk_status st;
    econ_tspace_init(ts);
    mpq_init(a.p);
    mpq_init(a.q);
    if ((st = parse_ts_args(&a, argc, argv, "concordance", err)) ||
        (st = load(ts, &a, "concordance", nm, sizeof nm, err)))
        goto done;
    snprintf(n1, sizeof n1, "%s-prior", nm);
    snprintf(n2, sizeof n2, "%s-noisy", nm);
    if ((st = case_concordance_decide(o, ts, 0, n1, &c_cp, err)) ||
        (st = case_concordance_decide(o, ts, 1, n2, &c_nc, err)))
        goto done;
    printf("\nverdict table (concordance)\n");
    printf("  %-22s %s\n", "common prior", c_cp ? "yes (no trade without IC)" : "no (a trade exists)");
    printf("  %-22s %s\n", "noisy concordance", c_nc ? "yes (no IC trade)" : "no (an IC trade exists)");
    {
        char *p = econ_qstr(a.p), *q = econ_qstr(a.q);
        if (a.file)
            printf("summary: concordance | %s | common prior: %s; noisy concordant: %s\n",
                   a.file, c_cp ? "yes" : "no", c_nc ? "yes" : "no");
        else
            printf("summary: concordance | brooks p=%s q=%s | common prior: %s; noisy concordant: %s\n",
                   p, q, c_cp ? "yes" : "no", c_nc ? "yes" : "no");
        free(p);
        free(q);
    }
done:
    mpq_clear(a.p);
    mpq_clear(a.q);
    econ_tspace_clear(ts);
    return st;
}
