/* case_dynamic.c: dynamic mechanisms (seeds/002, docs/dynamic.md).
 *
 * For a finite dynamic model (dyn.h) and each transfer rule -- static AGV
 * ("expected externality" on whole report paths, paid at the end), team
 * transfers, Athey-Segal's balanced team transfers -- decide exactly:
 *   budget balance in every history (sum_i psi_{i,t}(h) == 0), and
 *   Bayesian IC against every reporting strategy, contingent ones included:
 *   for each agent (others truthful) the deviator's finite-horizon MDP,
 *   solved by backward induction AND written as the MDP LP of dyn.h, whose
 *   certificate (value functions, or a deviation's occupation measure with
 *   its gain) the independent checker accepts.  The two must agree.
 * Built-in instances: the seed's two-period seller/buyer example, its
 * three-period variant with a serially correlated buyer, and a 3-agent
 * example exercising the 1/(I-1) sharing (cases/data/{seed2,seed3,three}.dyn). */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "case_dynamic.h"
#include "rat.h"

static const char ex_seed2[] =
    "# Athey's two-period seller/buyer example (shared/seeds/002), finite types.\n"
    "# 1a seller learns theta_S; 1b buyer buys x_1; 2a buyer learns theta_B; 2b buyer buys x_2.\n"
    "# Buyer's value x_1 + theta_B x_2, seller's cost x_t^2 / (2 theta_S) each period.\n"
    "# theta_S, theta_B in {1, 2}, independent uniform; no discounting (delta = 1).\n"
    "# The seller's type is persistent (identity transition) and re-reported in period 2;\n"
    "# the buyer has one type (1) in period 1, so his period-1 value is x_1.\n"
    "agents S B\n"
    "periods 2\n"
    "discount 1\n"
    "types S * 1 2\n"
    "types B 1 1\n"
    "types B 2 1 2\n"
    "init S 1 1/2\n"
    "init S 2 1/2\n"
    "trans S 2 1 1 1\n"
    "trans S 2 2 2 1\n"
    "trans B 2 1 1 1/2\n"
    "trans B 2 1 2 1/2\n"
    "util S * x^2/th -1/2\n"
    "util B * th*x 1\n"
    "# efficient plan over these candidates: chi_1 = theta_S, chi_2 = theta_S theta_B\n"
    "decisions * 0 1 2 4\n";

static const char ex_seed3[] =
    "# The seed's three-period variant: seller type constant, buyer type serially\n"
    "# correlated (theta_B,3 = theta_B,2 with probability 3/4), delta = 9/10.\n"
    "agents S B\n"
    "periods 3\n"
    "discount 9/10\n"
    "types S * 1 2\n"
    "types B 1 1\n"
    "types B 2 1 2\n"
    "types B 3 1 2\n"
    "init S 1 1/2\n"
    "init S 2 1/2\n"
    "trans S 2 1 1 1\n"
    "trans S 2 2 2 1\n"
    "trans S 3 1 1 1\n"
    "trans S 3 2 2 1\n"
    "trans B 2 1 1 1/2\n"
    "trans B 2 1 2 1/2\n"
    "trans B 3 1 1 3/4\n"
    "trans B 3 1 2 1/4\n"
    "trans B 3 2 1 1/4\n"
    "trans B 3 2 2 3/4\n"
    "util S * x^2/th -1/2\n"
    "util B * th*x 1\n"
    "decisions * 0 1 2 4\n";

static const char ex_three[] =
    "# Three agents (1/(I-1) = 1/2 sharing): a seller with cost x_t^2 / (2 theta_S)\n"
    "# and two buyers of a joint good, each valuing theta_j x_t.  Period 1: seller\n"
    "# learns theta_S in {1, 2}, buyers have type 1; period 2: buyers learn\n"
    "# theta_1, theta_2 in {1, 2}, all independent uniform.  delta = 1.\n"
    "# Efficient plan: chi_1 = 2 theta_S, chi_2 = theta_S (theta_1 + theta_2).\n"
    "agents S B1 B2\n"
    "periods 2\n"
    "discount 1\n"
    "types S * 1 2\n"
    "types B1 1 1\n"
    "types B1 2 1 2\n"
    "types B2 1 1\n"
    "types B2 2 1 2\n"
    "init S 1 1/2\n"
    "init S 2 1/2\n"
    "trans S 2 1 1 1\n"
    "trans S 2 2 2 1\n"
    "trans B1 2 1 1 1/2\n"
    "trans B1 2 1 2 1/2\n"
    "trans B2 2 1 1 1/2\n"
    "trans B2 2 1 2 1/2\n"
    "util S * x^2/th -1/2\n"
    "util B1 * th*x 1\n"
    "util B2 * th*x 1\n"
    "decisions * 0 1 2 3 4 6 8\n";
static const char *const rule_tag[CASE_DYN_RULES] = {"agv", "team", "as"};

void case_dyn_res_init(case_dyn_res *r)
{
    int a, i;
    memset(r, 0, sizeof *r);
    for (a = 0; a < CASE_DYN_RULES; a++) {
        mpq_init(r->bbsum[a]);
        for (i = 0; i < CASE_DYN_MAXN; i++) {
            mpq_init(r->W[a][i]);
            mpq_init(r->gain[a][i]);
            mpq_init(r->lpgain[a][i]);
        }
    }
}

void case_dyn_res_clear(case_dyn_res *r)
{
    int a, i;
    for (a = 0; a < CASE_DYN_RULES; a++) {
        mpq_clear(r->bbsum[a]);
        for (i = 0; i < CASE_DYN_MAXN; i++) {
            mpq_clear(r->W[a][i]);
            mpq_clear(r->gain[a][i]);
            mpq_clear(r->lpgain[a][i]);
        }
    }
    memset(r, 0, sizeof *r);
}

fk_status case_dyn_example(dyn_model m, const char *name, fk_err *err)
{
    if (strcmp(name, "seed2") == 0)
        return dyn_read_string(m, ex_seed2, "<example seed2>", err);
    if (strcmp(name, "seed3") == 0)
        return dyn_read_string(m, ex_seed3, "<example seed3>", err);
    if (strcmp(name, "three") == 0)
        return dyn_read_string(m, ex_three, "<example three>", err);
    return fk_fail(err, FK_EINVAL, NULL, "dynamic: unknown example '%s' (seed2, seed3, three)", name);
}

/* "period 1: S=1 B=1 (x=1); period 2: ..." for a history of length len. */
static void words(const dyn_model m, int len, long h, char *buf, size_t sz)
{
    size_t used = 0;
    int t, i, w;
    buf[0] = '\0';
    if (len == 0) {
        snprintf(buf, sz, "the start");
        return;
    }
    for (t = 0; t < len; t++) {
        long p = h / m->nhist[t] % m->nprof[t];
        char *x = econ_qstr(m->xc[t][m->chi[t][p]]);
        w = snprintf(buf + used, sz - used, "%speriod %d reports", t ? "; " : "", t + 1);
        if (w > 0 && (size_t)w < sz - used)
            used += (size_t)w;
        for (i = 0; i < m->n; i++) {
            w = snprintf(buf + used, sz - used, " %s=%s", m->aname[i],
                         m->tname[i * m->T + t][dyn_type_of(m, t, p, i)]);
            if (w > 0 && (size_t)w < sz - used)
                used += (size_t)w;
        }
        w = snprintf(buf + used, sz - used, " (x_%d=%s)", t + 1, x);
        if (w > 0 && (size_t)w < sz - used)
            used += (size_t)w;
        free(x);
    }
}

/* The backward-induction deviation of agent a in words: every state that
 * the optimal plan reaches with positive probability and where it lies. */
static fk_status show_plan(const dyn_model m, mpq_t **psi, const dyn_agent *a, fk_err *err)
{
    int T = m->T, i = a->i, t;
    mpq_t **reach = fk_calloc((size_t)T, sizeof *reach), pr, q, g;
    fk_status st = FK_OK;
    long s;
    char hb[2048];
    mpq_inits(pr, q, g, NULL);
    if (!reach) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (t = 0; t < T; t++)
        if (!(reach[t] = fk_qarr_new(a->ns[t]))) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
    for (s = 0; s < a->ns[0]; s++)
        mpq_set(reach[0][s], m->p[i * T][s]);
    for (t = 0; t < T; t++) {
        int nti = m->nt[i * T + t];
        for (s = 0; s < a->ns[t]; s++) {
            long h = s / nti, qp = t ? h / m->nhist[t - 1] : 0, p;
            int k = (int)(s % nti), r = a->plan[t][s], k2;
            if (mpq_sgn(reach[t][s]) == 0)
                continue;
            if (r != k) {
                char *sg, *sp;
                dyn_q(q, m, psi, a, t, s, k, t + 1 < T ? a->vopt[t + 1] : NULL);
                mpq_sub(g, a->vopt[t][s], q);
                words(m, t, h, hb, sizeof hb);
                sg = econ_qstr(g);
                sp = econ_qstr(reach[t][s]);
                printf("    %s in period %d, after %s, with true type %s reports %s: gain %s "
                       "over truth at this history (reached with probability %s)\n",
                       m->aname[i], t + 1, hb, m->tname[i * T + t][k], m->tname[i * T + t][r], sg, sp);
                free(sg);
                free(sp);
            }
            if (t + 1 == T)
                continue;
            for (p = 0; p < m->nprof[t]; p++) {
                int nt2 = m->nt[i * T + t + 1];
                if (dyn_type_of(m, t, p, i) != r)
                    continue;
                dyn_prof_prob(pr, m, t, qp, p, i);
                mpq_mul(pr, pr, reach[t][s]);
                for (k2 = 0; k2 < nt2; k2++) {
                    mpq_mul(q, pr, m->p[i * T + t + 1][(long)k * nt2 + k2]);
                    mpq_add(reach[t + 1][(h + m->nhist[t] * p) * nt2 + k2],
                            reach[t + 1][(h + m->nhist[t] * p) * nt2 + k2], q);
                }
            }
        }
    }
done:
    if (reach)
        for (t = 0; t < T; t++)
            if (reach[t])
                fk_qarr_free(reach[t], a->ns[t]);
    free(reach);
    mpq_clears(pr, q, g, NULL);
    return st;
}

/* The certificate's deviation: the Farkas multipliers (normalised by
 * -y_VAL) are an occupation measure; print its lies. */
static void show_cert_dev(const dyn_model m, const dyn_agent *a, mpq_t **y)
{
    int T = m->T, i = a->i, t, r;
    long s;
    char hb[2048];
    for (t = 0; t < T; t++) {
        int nti = m->nt[i * T + t];
        for (s = 0; s < a->ns[t]; s++)
            for (r = 0; r < nti; r++) {
                char *w;
                if (r == (int)(s % nti) || mpq_sgn(y[t][s * nti + r]) == 0)
                    continue;
                words(m, t, s / nti, hb, sizeof hb);
                w = econ_qstr(y[t][s * nti + r]);
                printf("    certificate: in period %d after %s, type %s reports %s (occupation %s)\n",
                       t + 1, hb, m->tname[i * T + t][s % nti], m->tname[i * T + t][r], w);
                free(w);
            }
    }
}

fk_status case_dyn_run(econ_out *o, const dyn_model m, const char *name, case_dyn_res *res,
                       fk_err *err)
{
    int rule, i, bt = 0;
    long bh = 0;
    fk_status st = FK_OK;
    mpq_t **psi = NULL, **y = NULL;
    char lpname[300], hb[2048];
    dyn_agent ag;
    memset(&ag, 0, sizeof ag);
    if (m->n > CASE_DYN_MAXN)
        return fk_fail(err, FK_ELIMIT, NULL, "dynamic: at most %d agents", CASE_DYN_MAXN);
    res->n = m->n;
    res->agree = 1;
    for (rule = 0; rule < CASE_DYN_RULES && !st; rule++) {
        if ((st = dyn_transfers(&psi, m, rule, err)))
            break;
        dyn_budget(m, psi, &res->bb[rule], &bt, &bh, res->bbsum[rule]);
        if (o->quiet < 2) {
            printf("%s: %s transfers\n", name, dyn_rule_str(rule));
            if (res->bb[rule]) {
                printf("  budget balanced in every history (sum_i psi_i,t = 0 exactly)\n");
            } else {
                char *v = econ_qstr(res->bbsum[rule]);
                words(m, bt + 1, bh, hb, sizeof hb);
                printf("  NOT budget balanced: after %s, period-%d transfers sum to %s\n", hb, bt + 1, v);
                free(v);
            }
        }
        res->bic[rule] = 1;
        for (i = 0; i < m->n && !st; i++) {
            int ic = 0;
            if ((st = dyn_agent_solve(&ag, m, psi, i, err)))
                break;
            snprintf(lpname, sizeof lpname, "%s-%s-%s", name, rule_tag[rule], m->aname[i]);
            if ((st = dyn_agent_lp(o, m, psi, &ag, lpname, &ic, res->lpgain[rule][i], &y, err)))
                break;
            res->ic[rule][i] = ic;
            mpq_set(res->W[rule][i], ag.W);
            mpq_sub(res->gain[rule][i], ag.Vopt, ag.W);
            if (!ic)
                res->bic[rule] = 0;
            if (ic != (mpq_sgn(res->gain[rule][i]) == 0) ||
                mpq_cmp(res->lpgain[rule][i], res->gain[rule][i]) > 0 ||
                (!ic && mpq_sgn(res->lpgain[rule][i]) <= 0))
                res->agree = 0;
            if (o->quiet < 2) {
                char *w = econ_qstr(ag.W), *g = econ_qstr(res->gain[rule][i]);
                if (ic) {
                    printf("  %s: IC against every reporting strategy; truthful value %s = LP "
                           "optimum (value functions certified)\n", m->aname[i], w);
                } else {
                    char *lg = econ_qstr(res->lpgain[rule][i]);
                    printf("  %s: NOT IC; best deviation gains %s over the truthful value %s "
                           "(certificate's deviation gains %s):\n", m->aname[i], g, w, lg);
                    free(lg);
                    if ((st = show_plan(m, psi, &ag, err)) == FK_OK && o->quiet < 1)
                        show_cert_dev(m, &ag, y);
                }
                free(w);
                free(g);
            }
            dyn_ymass_free(y, m, &ag);
            y = NULL;
            dyn_agent_free(&ag, m);
        }
        dyn_psi_free(psi, m);
        psi = NULL;
    }
    dyn_ymass_free(y, m, &ag);
    dyn_agent_free(&ag, m);
    dyn_psi_free(psi, m);
    if (!st && !res->agree)
        st = fk_fail(err, FK_EINVAL, NULL, "%s: LP and backward induction disagree (internal error)", name);
    return st;
}

static void inst_name(const char *path, char *buf, size_t sz)
{
    const char *b = strrchr(path, '/');
    size_t k = 0;
    b = b ? b + 1 : path;
    for (; *b && *b != '.' && k + 1 < sz && k < 40; b++)
        buf[k++] = (char)((*b >= 'a' && *b <= 'z') || (*b >= 'A' && *b <= 'Z') ||
                                  (*b >= '0' && *b <= '9') || *b == '_' || *b == '-' ? *b : '_');
    buf[k] = '\0';
    if (k == 0)
        snprintf(buf, sz, "model");
}

fk_status case_dynamic(econ_out *o, int argc, char **argv, fk_err *err)
{
    dyn_model m;
    case_dyn_res r;
    fk_status st;
    const char *file = NULL, *ex = "seed2";
    char inst[64], name[128], verdict[1024];
    size_t used = 0;
    int k, rule, i;
    for (k = 0; k < argc; k++) {
        if (strcmp(argv[k], "--example") == 0 && k + 1 < argc)
            ex = argv[++k];
        else if (argv[k][0] != '-' && !file)
            file = argv[k];
        else
            return fk_fail(err, FK_EINVAL, NULL, "dynamic: unexpected argument '%s'", argv[k]);
    }
    dyn_init(m);
    case_dyn_res_init(&r);
    if (file) {
        inst_name(file, inst, sizeof inst);
        st = dyn_read(m, file, err);
    } else {
        snprintf(inst, sizeof inst, "%s", ex);
        st = case_dyn_example(m, ex, err);
    }
    if (st)
        goto done;
    snprintf(name, sizeof name, "dyn-%s", inst);
    if ((st = case_dyn_run(o, m, name, &r, err)))
        goto done;
    for (rule = 0; rule < CASE_DYN_RULES; rule++) {
        int w = snprintf(verdict + used, sizeof verdict - used, "%s%s: %s, ", rule ? "; " : "",
                         rule == DYN_AGV ? "AGV" : rule == DYN_TEAM ? "team" : "Athey-Segal",
                         r.bb[rule] ? "BB" : "not BB");
        if (w > 0 && (size_t)w < sizeof verdict - used)
            used += (size_t)w;
        if (r.bic[rule]) {
            w = snprintf(verdict + used, sizeof verdict - used, "BIC");
        } else {
            w = snprintf(verdict + used, sizeof verdict - used, "not BIC (");
            if (w > 0 && (size_t)w < sizeof verdict - used)
                used += (size_t)w;
            for (i = 0; i < m->n; i++)
                if (!r.ic[rule][i]) {
                    char *g = econ_qstr(r.gain[rule][i]);
                    w = snprintf(verdict + used, sizeof verdict - used, "%s gains %s ", m->aname[i], g);
                    free(g);
                    if (w > 0 && (size_t)w < sizeof verdict - used)
                        used += (size_t)w;
                }
            if (used > 0 && verdict[used - 1] == ' ')
                used--;
            w = snprintf(verdict + used, sizeof verdict - used, ")");
        }
        if (w > 0 && (size_t)w < sizeof verdict - used)
            used += (size_t)w;
    }
    {
        char *d = econ_qstr(m->delta);
        printf("summary: dynamic | %s (%d agents, %d periods, delta=%s) | %s\n", inst, m->n, m->T, d,
               verdict);
        printf("values:");
        for (rule = 0; rule < CASE_DYN_RULES; rule++)
            for (i = 0; i < m->n; i++) {
                char *g = econ_qstr(r.gain[rule][i]);
                printf(" %s_gain_%s=%s", rule_tag[rule], m->aname[i], g);
                free(g);
            }
        printf("\n");
        free(d);
    }
done:
    case_dyn_res_clear(&r);
    dyn_clear(m);
    return st;
}
