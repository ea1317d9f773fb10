/* case_bce.c: Bayes correlated equilibria (seeds/004; Bergemann and Morris
 * 2016) of a finite base game with a prior, and the best and worst
 * outcome for a designer's objective.
 *
 * Columns pi(a, theta) >= 0 over action profiles a and states theta.
 *   MART[theta]    sum_a pi(a, theta) = mu0(theta)        (martingale)
 *   OB[i:ai>ai']   sum_{a_-i, theta} pi(ai, a_-i, theta)
 *                      [u_i(ai, a_-i, theta) - u_i(ai', a_-i, theta)] >= 0
 * (obedience: a recommendation ai is followed rather than replaced by
 * ai').  Objective sum pi v.  Two LPs, NAME-best (max) and NAME-worst
 * (min), each solved exactly with its optimality certificate (the duals
 * bound the objective over every BCE).  With one player this is Bayesian
 * persuasion (Kamenica-Gentzkow); with one state correlated equilibrium.
 *
 * The built-in example is the lecture's contribution game: one player,
 * actions C / NC, states thL < thH with prior mu0 = P(thH), payoff
 * theta - c for C and 0 for NC, thL < c < thH; objective P(C).  By
 * concavification (docs/cases.md): if the prior mean is below c, the
 * best is mu0 / mu* with mu* = (c - thL)/(thH - thL) and the worst 0. */
#include <stdlib.h>
#include <string.h>

#include "bce_prf.h"
#include "case.h"
#include "rat.h"

fk_status case_bce_contribution(econ_bgame b, const mpq_t mu0, const mpq_t low,
                                const mpq_t high, const mpq_t cost, fk_err *err)
{
    static char *const st_names[] = {"thL", "thH"};
    int nact = 2;
    fk_status st;
    if (mpq_sgn(mu0) < 0 || mpq_cmp_ui(mu0, 1, 1) > 0)
        return fk_fail(err, FK_EINVAL, NULL, "bce: --prior must lie in [0, 1]");
    if (mpq_cmp(low, cost) >= 0 || mpq_cmp(cost, high) >= 0)
        return fk_fail(err, FK_EINVAL, NULL, "bce: need low < cost < high");
    if ((st = econ_bgame_shape(b, 1, &nact, 2, st_names, err)))
        return st;
    free(b->g->sname[0][0]);
    free(b->g->sname[0][1]);
    b->g->sname[0][0] = fk_strdup("C");
    b->g->sname[0][1] = fk_strdup("NC");
    if (!b->g->sname[0][0] || !b->g->sname[0][1])
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    mpq_set_ui(b->prior[1], 1, 1);
    mpq_sub(b->prior[0], b->prior[1], mu0);
    mpq_set(b->prior[1], mu0);
    /* cell = s * 2 + theta; s = 0 is C */
    mpq_sub(b->u[0][0], low, cost);
    mpq_sub(b->u[0][1], high, cost);
    mpq_set_ui(b->obj[0], 1, 1);
    mpq_set_ui(b->obj[1], 1, 1);
    b->has_obj = 1;
    return FK_OK;
}

static fk_status build(lp_model *lp, const econ_bgame b, int sense, fk_err *err)
{
    const econ_game_struct *g = b->g;
    long S = b->nstates, s, r, cells = g->nprof * S, *col;
    char pb[512];
    fk_status st = FK_OK;
    mpq_t d;
    int i, a, a2, th;
    econ_dev dv;
    col = fk_calloc((size_t)cells, sizeof *col);
    if (!col)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    mpq_init(d);
    lp->sense = sense;
    for (s = 0; s < g->nprof && !st; s++)
        for (th = 0; th < S && !st; th++) {
            st = econ_col(lp, &col[s * S + th], err, "pi[%s;%s]", econ_game_prof_str(g, s, -1, pb, sizeof pb),
                          b->state[th]);
            if (!st)
                lp_set_obj(lp, col[s * S + th], b->obj[s * S + th]);
        }
    for (th = 0; th < S && !st; th++) {
        if ((st = econ_row(lp, &r, err, "MART[%s]", b->state[th])))
            break;
        lp_set_row_lo(lp, r, b->prior[th]);
        lp_set_row_hi(lp, r, b->prior[th]);
        mpq_set_ui(d, 1, 1);
        for (s = 0; s < g->nprof && !st; s++)
            st = lp_add_coef(lp, r, col[s * S + th], d, err);
    }
    for (econ_dev_start(&dv, g->n, g->nstrat); econ_dev_ok(&dv) && !st; econ_dev_next(&dv)) {
        i = dv.i;
        a = dv.a;
        a2 = dv.b;
        if ((st = econ_row(lp, &r, err, "OB[%d:%s>%s]", i + 1, g->sname[i][a], g->sname[i][a2])))
            break;
        econ_row_ge(lp, r, 0);
        for (s = 0; s < g->nprof && !st; s++) {
            long s2;
            if (econ_strat_of(g, s, i) != a)
                continue;
            s2 = econ_strat_with(g, s, i, a2);
            for (th = 0; th < S && !st; th++) {
                mpq_sub(d, b->u[i][s * S + th], b->u[i][s2 * S + th]);
                st = lp_add_coef(lp, r, col[s * S + th], d, err);
            }
        }
    }
    mpq_clear(d);
    free(col);
    return st;
}

static fk_status validate(const econ_bgame b, fk_err *err)
{
    mpq_t s;
    int th, bad = 0;
    if (!b->g->n || b->nstates < 1)
        return fk_fail(err, FK_EINVAL, NULL, "bce: empty base game");
    mpq_init(s);
    for (th = 0; th < b->nstates; th++) {
        bad |= mpq_sgn(b->prior[th]) < 0;
        mpq_add(s, s, b->prior[th]);
    }
    bad |= mpq_cmp_ui(s, 1, 1) != 0;
    mpq_clear(s);
    return bad ? fk_fail(err, FK_EINVAL, NULL, "bce: the prior must be >= 0 and sum to 1") : FK_OK;
}

fk_status case_bce_solve(econ_out *o, const econ_bgame b, const char *name,
                         mpq_t best, mpq_t worst, mpq_t *pbest, mpq_t *pworst,
                         fk_err *err)
{
    fk_status st = FK_OK;
    int k;
    if ((st = validate(b, err)))
        return st;
    for (k = 0; k < 2 && !st; k++) {
        lp_model *lp = lp_new();
        lp_answer res;
        char nm[300];
        long j;
        lp_answer_init(&res);
        snprintf(nm, sizeof nm, "%s-%s", name, k ? "worst" : "best");
        if (!lp)
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        if (!st)
            st = build(lp, b, k ? LP_MIN : LP_MAX, err);
        if (!st) {
            prf_econ pe;
            o->econ = bce_prf_econ(&pe, b); /* the appendix's economic parts */
            st = econ_solve_certify(o, lp, nm, &res, err);
        }
        if (!st && res.status != LP_OPTIMAL) /* a BCE always exists; v is bounded */
            st = fk_fail(err, FK_ELIMIT, NULL, "%s: LP %s", nm, lp_status_str(res.status));
        if (!st) {
            mpq_set(k ? worst : best, res.objval);
            if (k ? pworst != NULL : pbest != NULL)
                for (j = 0; j < lp->n; j++)
                    mpq_set((k ? pworst : pbest)[j], res.x[j]);
            if (o->quiet < 2) {
                printf("%s: %s objective over all BCE\n", nm, k ? "lowest" : "highest");
                econ_print_q(stdout, "value", res.objval);
                printf("  outcome distribution pi(a;state) (nonzero):\n");
                for (j = 0; j < lp->n; j++)
                    if (mpq_sgn(res.x[j]))
                        econ_print_q(stdout, lp->cname[j], res.x[j]);
                if (o->quiet < 1) {
                    printf("  dual multipliers (nonzero; they bound the objective over every BCE):\n");
                    for (j = 0; j < lp->m; j++)
                        if (mpq_sgn(res.y[j]))
                            econ_print_q(stdout, lp->rname[j], res.y[j]);
                }
            }
        }
        lp_answer_clear(&res);
        lp_free(lp);
    }
    return st;
}

static fk_status qarg(mpq_t q, const char *s, const char *opt, fk_err *err)
{
    if (rat_set_str(q, s, strlen(s), NULL) != RAT_OK)
        return fk_fail(err, FK_EINVAL, NULL, "bce: bad number '%s' for %s", s, opt);
    return FK_OK;
}

fk_status case_bce(econ_out *o, int argc, char **argv, fk_err *err)
{
    econ_bgame b;
    const char *file = NULL;
    mpq_t mu0, lo, hi, c, best, worst;
    fk_status st = FK_OK;
    char nm[200];
    int k;
    econ_bgame_init(b);
    mpq_inits(mu0, lo, hi, c, best, worst, NULL);
    mpq_set_ui(mu0, 1, 3);
    mpq_set_ui(lo, 0, 1);
    mpq_set_ui(hi, 1, 1);
    mpq_set_ui(c, 1, 2);
    for (k = 0; k < argc && !st; k++) {
        const char *a = argv[k];
        if (a[0] == '-' && a[1]) {
            mpq_ptr dst = strcmp(a, "--prior") == 0 ? mu0 : strcmp(a, "--low") == 0 ? lo
                        : strcmp(a, "--high") == 0 ? hi : strcmp(a, "--cost") == 0 ? c : NULL;
            if (!dst || k + 1 >= argc)
                st = fk_fail(err, FK_EINVAL, NULL, "bce: unknown or incomplete option '%s'", a);
            else
                st = qarg(dst, argv[++k], a, err);
        } else if (!file) {
            file = a;
        } else {
            st = fk_fail(err, FK_EINVAL, NULL, "bce: unexpected argument '%s'", a);
        }
    }
    if (st)
        goto done;
    if (file) {
        const char *base = strrchr(file, '/');
        size_t j;
        if ((st = econ_bgame_read(b, file, err)))
            goto done;
        snprintf(nm, sizeof nm, "bce-%s", base ? base + 1 : file);
        for (j = 4; nm[j]; j++) {
            if (nm[j] == '.') {
                nm[j] = '\0';
                break;
            }
            if (!((nm[j] >= 'a' && nm[j] <= 'z') || (nm[j] >= 'A' && nm[j] <= 'Z') ||
                  (nm[j] >= '0' && nm[j] <= '9') || nm[j] == '-'))
                nm[j] = '_';
        }
        printf("bce: base game from %s (%d players, %d states, objective: %s)\n", file, b->g->n,
               b->nstates, b->has_obj ? "as given" : "sum of payoffs");
    } else {
        char *s1 = econ_qstr(mu0), *s2 = econ_qstr(lo), *s3 = econ_qstr(hi), *s4 = econ_qstr(c);
        st = case_bce_contribution(b, mu0, lo, hi, c, err);
        if (!st)
            printf("bce: contribution game, one player, C pays theta - c, NC pays 0; "
                   "mu0 = P(thH) = %s, thL = %s, thH = %s, c = %s; objective P(C)\n", s1, s2, s3, s4);
        free(s1);
        free(s2);
        free(s3);
        free(s4);
        if (st)
            goto done;
        snprintf(nm, sizeof nm, "bce-contribution");
    }
    if ((st = case_bce_solve(o, b, nm, best, worst, NULL, NULL, err)))
        goto done;
    {
        char *s1 = econ_qstr(best), *s2 = econ_qstr(worst);
        printf("\nverdict table (bce)\n  best BCE objective:  %s (certified optimal)\n"
               "  worst BCE objective: %s (certified optimal)\n", s1, s2);
        if (!file) {
            /* concavification: the designer splits the prior between the
             * threshold belief mu* (C) and 0 (NC), or contributes always */
            mpq_t ms, want, t;
            mpq_inits(ms, want, t, NULL);
            mpq_sub(ms, c, lo);
            mpq_sub(t, hi, lo);
            mpq_div(ms, ms, t);
            if (mpq_cmp(mu0, ms) < 0)
                mpq_div(want, mu0, ms);
            else
                mpq_set_ui(want, 1, 1);
            printf("  concavification bound min(1, mu0/mu*), mu* = (c - thL)/(thH - thL): %s\n",
                   mpq_equal(want, best) ? "equal" : "DIFFERENT");
            if (!mpq_equal(want, best))
                st = fk_fail(err, FK_ELIMIT, NULL, "bce: LP value differs from the concavification");
            mpq_clears(ms, want, t, NULL);
        }
        printf("summary: bce | %s | objective over BCE in [%s, %s]\n",
               file ? file : "contribution game", s2, s1);
        printf("values: best=%s worst=%s\n", s1, s2);
        free(s1);
        free(s2);
    }
done:
    mpq_clears(mu0, lo, hi, c, best, worst, NULL);
    econ_bgame_clear(b);
    return st;
}
