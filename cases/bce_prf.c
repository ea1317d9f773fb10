/* bce_prf.c: the economic parts of the BCE appendices (case_bce.c), for
 * proofs/prf_doc.h.
 *
 * The LP: pi(a, theta) >= 0, MART[theta] sum_a pi(a, theta) = mu0(theta),
 * OB[i:ai>ai'] sum_{a_-i,theta} pi(a, theta) D_i(a, ai', theta) >= 0 with
 * D_i = u_i(a, theta) - u_i(ai', a_-i, theta), objective sum pi v, max
 * (best) or min (worst).  In the certificate's convention (minimise
 * c' = sense * c, reduced costs c' - A^T y >= 0 on every pi) write
 *     V(theta) = -y_MART[theta] for max, +y_MART[theta] for min,
 *     lambda_i(ai > ai') = y_OB >= 0 (the OB rows are >= rows);
 * then the reduced cost of pi(a, theta) reads, for the best (max),
 *     V(theta) >= v(a, theta) + sum_{i, ai'} lambda_i(ai > ai') D_i(a, ai', theta)
 * and for the worst (min) the same with <= and - sum: the objective plus
 * the priced obedience gains is bounded by the state's value in every
 * cell, with equality where pi > 0.  Summing over cells with any BCE's
 * weights gives E v <= sum_theta mu0(theta) V(theta) - sum lambda OB <=
 * sum mu0 V (max; >= for min), and sum mu0 V = b(y) up to the sign is the
 * optimum.  lambda is the rise of the best (fall of the worst) objective
 * per unit by which that obedience constraint is relaxed, V(theta) the
 * rise of the optimum per unit of prior mass moved into theta.  All of
 * this is checked here on the certificate's numbers and the game's
 * payoffs; a certificate without this shape gets no story. */
#include <stdio.h>
#include <string.h>

#include "bce_prf.h"

#define TX(s, t, m) ((s)->tex ? (t) : (m))

enum { MAXROWS = 40, MAXPAY = 5 };

/* Nonzero unless d's LP has case_bce.c's layout for b (names checked);
 * *nob = the number of OB rows. */
static int layout(const prf_doc *d, const econ_bgame_struct *b, long *nob)
{
    const econ_game_struct *g = b->g;
    const lp_model *lp = d->lp;
    long S = b->nstates, s, r = S;
    char nm[1200], pb[512];
    int th;
    econ_dev dv;
    if (lp->n != g->nprof * S || lp->m < S)
        return 1;
    for (s = 0; s < g->nprof; s++)
        for (th = 0; th < S; th++) {
            snprintf(nm, sizeof nm, "pi[%s;%s]", econ_game_prof_str(g, s, -1, pb, sizeof pb), b->state[th]);
            if (strcmp(nm, lp->cname[s * S + th]))
                return 1;
        }
    for (th = 0; th < S; th++) {
        snprintf(nm, sizeof nm, "MART[%s]", b->state[th]);
        if (strcmp(nm, lp->rname[th]))
            return 1;
    }
    for (econ_dev_start(&dv, g->n, g->nstrat); econ_dev_ok(&dv); econ_dev_next(&dv), r++) {
        snprintf(nm, sizeof nm, "OB[%d:%s>%s]", dv.i + 1, g->sname[dv.i][dv.a], g->sname[dv.i][dv.b]);
        if (r >= lp->m || strcmp(nm, lp->rname[r]))
            return 1;
    }
    *nob = r - S;
    return r != lp->m;
}

static int claim(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const econ_bgame_struct *b = vctx;
    const econ_game_struct *g = b->g;
    long S = b->nstates, sp, rows = 0;
    int i, th, np = g->n < MAXPAY ? g->n : MAXPAY;
    char hb[MAXPAY][32], pb[512];
    const char *head[MAXPAY + 3];
    if (d->c->status != CERT_OPTIMAL)
        return 1;
    fprintf(f, "A designer who knows the state %s of a %s game chooses what the %s about it: "
               "any information structure (signals, possibly correlated, drawn given the state). "
               "Whatever it is, the %s induces a joint distribution ",
            TX(s, "$\\theta$", "θ"), g->n == 1 ? "one-player" : "many-player",
            g->n == 1 ? "player learns" : "players learn",
            g->n == 1 ? "player's optimal behaviour" : "players' equilibrium behaviour");
    prf_math(f, s, "\\pi(a, \\theta)", "π(a, θ)");
    fputs(" of action profiles and states, and the distributions that arise so are exactly the "
          "Bayes correlated equilibria (Bergemann and Morris 2016; with one player, Bayesian "
          "persuasion): those whose state marginal is the prior and whose recommendations are "
          "obeyed. The prior is ", f);
    for (th = 0; th < S; th++) {
        fputs(th ? ", " : "", f);
        fputs(s->math_on, f);
        fputs(TX(s, "\\mu_0(", "μ₀("), f);
        s->name(f, b->state[th]);
        fputs(") = ", f);
        s->num(f, b->prior[th]);
        fputs(s->math_off, f);
    }
    fputs("; the designer's objective ", f);
    prf_math(f, s, "v(a, \\theta)", "v(a, θ)");
    fputs(b->has_obj ? " is the file's" : " is the players' total payoff", f);
    fputs(". Proposition: over all Bayes correlated equilibria, the expected objective is ", f);
    fputs(d->max ? "at most " : "at least ", f);
    prf_num_m(f, s, d->value);
    fputs(d->max ? " (the designer's best information structure)" : " (the worst an adversarial "
          "information structure can do)", f);
    fputs(", and some equilibrium attains it.\n\nPayoffs and objective, a row per state and "
          "action profile", f);
    fputs(g->n > np ? " (the first payoffs only; the file has the rest)" : "", f);
    fputs(":\n\n", f);
    head[0] = "state";
    head[1] = "actions";
    for (i = 0; i < np; i++) {
        snprintf(hb[i], sizeof hb[i], TX(s, "$u_{%d}$", "u%d"), i + 1);
        head[i + 2] = hb[i];
    }
    head[np + 2] = TX(s, "$v$", "v");
    s->table_begin(f, np + 3, head);
    for (th = 0; th < S; th++)
        for (sp = 0; sp < g->nprof; sp++) {
            if (rows++ >= MAXROWS)
                continue;
            fputs(s->row_on, f);
            s->name(f, b->state[th]);
            fputs(s->cell, f);
            s->name(f, econ_game_prof_str(g, sp, -1, pb, sizeof pb));
            for (i = 0; i < np; i++) {
                fputs(s->cell, f);
                prf_num_m(f, s, b->u[i][sp * S + th]);
            }
            fputs(s->cell, f);
            prf_num_m(f, s, b->obj[sp * S + th]);
            fputs(s->row_off, f);
        }
    fputs(s->table_end, f);
    if (rows > MAXROWS)
        fprintf(f, "\n(%ld more rows in the game file.)\n", rows - MAXROWS);
    return 0;
}

static int glossary(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    (void)d;
    (void)vctx;
    s->name(f, "pi[a;theta]");
    fputs(": the probability that the state is ", f);
    prf_math(f, s, "\\theta", "θ");
    fputs(" and the players are recommended the profile ", f);
    prf_math(f, s, "a", "a");
    fputs(".", f);
    prf_text(f, s, "\\begin{itemize}\n\\item ", "\n- ");
    s->name(f, "MART[theta]");
    fputs(": the recommendations do not change the odds of the state: ", f);
    prf_math(f, s, "\\sum_a \\pi(a, \\theta) = \\mu_0(\\theta)", "Σₐ π(a, θ) = μ₀(θ)");
    fputs(" (the martingale, or Bayes-plausibility, condition).", f);
    prf_text(f, s, "\n\\item ", "\n- ");
    s->name(f, "OB[i:a>a']");
    fputs(": obedience: player ", f);
    prf_math(f, s, "i", "i");
    fputs(", recommended ", f);
    prf_math(f, s, "a_i", "aᵢ");
    fputs(", does not gain by playing ", f);
    prf_math(f, s, "a_i'", "aᵢ′");
    fputs(" instead, in expectation over the state and the others' recommendations given his "
          "own: ", f);
    prf_math(f, s, "\\sum_{a_{-i},\\theta} \\pi(a_i, a_{-i}, \\theta)\\,[u_i(a_i, a_{-i}, \\theta) "
                   "- u_i(a_i', a_{-i}, \\theta)] \\ge 0",
             "Σ π(aᵢ, a₋ᵢ, θ) [uᵢ(aᵢ, a₋ᵢ, θ) − uᵢ(aᵢ′, a₋ᵢ, θ)] ≥ 0");
    fputs(".", f);
    prf_text(f, s, "\n\\end{itemize}\n", "\n");
    return 0;
}

/* OB row r's player and actions, by walking econ_dev to it. */
static econ_dev ob_at(const econ_game_struct *g, long k)
{
    econ_dev dv;
    for (econ_dev_start(&dv, g->n, g->nstrat); k > 0 && econ_dev_ok(&dv); econ_dev_next(&dv))
        k--;
    return dv;
}

static int reading(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    static const char *const hob[] = {"obedience row", "shadow price", "in words"};
    const econ_bgame_struct *b = vctx;
    const econ_game_struct *g = b->g;
    long S = b->nstates, nob = 0, k, sp, shown, nbind = 0, nslack = 0;
    int th, bad = 0, sg = d->max ? 1 : -1;
    char pb[512];
    econ_dev dv;
    mpq_t *V, lhs, t, sum;
    if (d->c->status != CERT_OPTIMAL || layout(d, b, &nob))
        return 1;
    V = fk_qarr_new(S);
    if (!V)
        return 1;
    mpq_inits(lhs, t, sum, NULL);
    /* V(theta), lambda >= 0, and the cell inequality with equality on the
     * support of pi, from the payoffs (not from A); sum mu0 V = optimum */
    for (th = 0; th < S; th++) {
        mpq_set(V[th], prf_doc_y(d, th));
        if (d->max)
            mpq_neg(V[th], V[th]);
        mpq_mul(t, V[th], b->prior[th]);
        mpq_add(sum, sum, t);
    }
    bad = !mpq_equal(sum, d->value);
    for (k = 0; k < nob && !bad; k++)
        bad = mpq_sgn(prf_doc_y(d, S + k)) < 0;
    for (sp = 0; sp < g->nprof && !bad; sp++)
        for (th = 0; th < S && !bad; th++) {
            int c;
            mpq_set(lhs, b->obj[sp * S + th]);
            for (econ_dev_start(&dv, g->n, g->nstrat), k = 0; econ_dev_ok(&dv); econ_dev_next(&dv), k++) {
                long s2;
                if (econ_strat_of(g, sp, dv.i) != dv.a)
                    continue;
                s2 = econ_strat_with(g, sp, dv.i, dv.b);
                mpq_sub(t, b->u[dv.i][sp * S + th], b->u[dv.i][s2 * S + th]);
                mpq_mul(t, t, prf_doc_y(d, S + k));
                if (d->max)
                    mpq_add(lhs, lhs, t);
                else
                    mpq_sub(lhs, lhs, t);
            }
            c = sg * mpq_cmp(V[th], lhs);
            bad = c < 0 || (mpq_sgn(prf_doc_x(d, sp * S + th)) > 0 && c != 0);
        }
    if (bad)
        goto done;

    fputs(d->max ? "An optimal Bayes correlated equilibrium (the certificate's point; cells not "
                   "listed have probability 0): "
                 : "A worst Bayes correlated equilibrium (the certificate's point; cells not listed "
                   "have probability 0): ", f);
    for (sp = 0, shown = 0; sp < g->nprof; sp++)
        for (th = 0; th < S; th++) {
            mpq_srcptr x = prf_doc_x(d, sp * S + th);
            if (!mpq_sgn(x) || shown++ >= MAXROWS)
                continue;
            fputs(shown > 1 ? ", " : "", f);
            fputs(s->math_on, f);
            fputs(TX(s, "\\pi(", "π("), f);
            s->name(f, econ_game_prof_str(g, sp, -1, pb, sizeof pb));
            fputs("; ", f);
            s->name(f, b->state[th]);
            fputs(") = ", f);
            s->num(f, x);
            fputs(s->math_off, f);
        }
    if (shown > MAXROWS)
        fprintf(f, " and %ld more", shown - MAXROWS);
    fputs(". Read the certificate's multipliers as prices. Each state has a value ", f);
    prf_math(f, s, "V(\\theta)", "V(θ)");
    fputs(d->max ? " (minus the multiplier of its " : " (the multiplier of its ", f);
    s->name(f, "MART");
    fputs(" row: a marginal value of prior probability in the state; moving a unit of prior from "
          "one state to another changes the optimum at the rate of the difference of their "
          "values): ", f);
    for (th = 0; th < S; th++) {
        fputs(th ? ", " : "", f);
        fputs(s->math_on, f);
        fputs("V(", f);
        s->name(f, b->state[th]);
        fputs(") = ", f);
        s->num(f, V[th]);
        fputs(s->math_off, f);
    }
    fputs(". Each obedience constraint has a shadow price ", f);
    prf_math(f, s, "\\lambda \\ge 0", "λ ≥ 0");
    fputs(" (the multiplier of its row), the amount by which the ", f);
    fputs(d->max ? "best objective would rise" : "worst objective would fall", f);
    fputs(" per unit the constraint were relaxed, i.e. if the player obeyed that recommendation "
          "even at an expected loss of one unit. The obedience constraints that bind with a "
          "positive price:\n\n", f);
    s->table_begin(f, 3, hob);
    for (k = 0; k < nob; k++) {
        mpq_srcptr y = prf_doc_y(d, S + k);
        if (!mpq_sgn(y)) {
            nslack++;
            continue;
        }
        if (nbind++ >= MAXROWS)
            continue;
        dv = ob_at(g, k);
        fputs(s->row_on, f);
        s->name(f, d->lp->rname[S + k]);
        fputs(s->cell, f);
        prf_num_m(f, s, y);
        fputs(s->cell, f);
        fprintf(f, "player %d, recommended ", dv.i + 1);
        s->name(f, g->sname[dv.i][dv.a]);
        fputs(", does not gain by playing ", f);
        s->name(f, g->sname[dv.i][dv.b]);
        fputs(s->row_off, f);
    }
    if (nbind == 0) {
        fputs(s->row_on, f);
        fputs("(none)", f);
        fputs(s->cell, f);
        fputs(s->cell, f);
        fputs(s->row_off, f);
    }
    fputs(s->table_end, f);
    if (nbind > MAXROWS)
        fprintf(f, "\n(%ld more, in the certificate.)\n", nbind - MAXROWS);
    if (nbind == 0)
        fprintf(f, "\nAll %ld obedience constraints have price 0: relaxing them would not move "
                   "the %s.", nslack, d->max ? "best" : "worst");
    else if (nslack == 1)
        fprintf(f, "\nThe one other obedience constraint has price 0: relaxing it would not move "
                   "the %s.", d->max ? "best" : "worst");
    else if (nslack > 1)
        fprintf(f, "\nThe other %ld obedience constraints have price 0: relaxing them would not "
                   "move the %s.", nslack, d->max ? "best" : "worst");
    fputs(" In every cell (checked here against the payoff table, with equality wherever the "
          "equilibrium above puts weight):\n", f);
    prf_text(f, s, "\\begin{center}$",
             "\n\n");
    prf_text(f, s, d->max ? "V(\\theta) \\ge v(a, \\theta) + \\sum_{i,\\,a_i'} \\lambda_i(a_i > a_i')"
                            "\\,[u_i(a, \\theta) - u_i(a_i', a_{-i}, \\theta)]"
                          : "V(\\theta) \\le v(a, \\theta) - \\sum_{i,\\,a_i'} \\lambda_i(a_i > a_i')"
                            "\\,[u_i(a, \\theta) - u_i(a_i', a_{-i}, \\theta)]",
             d->max ? "V(θ) ≥ v(a, θ) + Σ λᵢ(aᵢ > aᵢ′) [uᵢ(a, θ) − uᵢ(aᵢ′, a₋ᵢ, θ)]"
                    : "V(θ) ≤ v(a, θ) − Σ λᵢ(aᵢ > aᵢ′) [uᵢ(a, θ) − uᵢ(aᵢ′, a₋ᵢ, θ)]");
    prf_text(f, s, "$\\end{center}\n", "\n\n");
    fputs("the objective plus the priced gains from obeying is ", f);
    fputs(d->max ? "at most" : "at least", f);
    fputs(" the value of the state. Weigh these inequalities by any Bayes correlated "
          "equilibrium and add: the martingale rows turn the left side into ", f);
    prf_math(f, s, "\\sum_\\theta \\mu_0(\\theta) V(\\theta)", "Σ μ₀(θ) V(θ)");
    fputs(" = ", f);
    prf_num_m(f, s, sum);
    fputs(", the right side is the expected objective ", f);
    fputs(d->max ? "plus" : "less", f);
    fputs(" the priced obedience slacks, which are non-negative in an equilibrium. So no Bayes "
          "correlated equilibrium does ", f);
    fputs(d->max ? "better" : "worse", f);
    fputs(" than ", f);
    prf_num_m(f, s, d->value);
    fputs(", and the equilibrium above attains it. The linear program below makes this exact.\n", f);
done:
    mpq_clears(lhs, t, sum, NULL);
    fk_qarr_free(V, S);
    return bad;
}

const prf_econ *bce_prf_econ(prf_econ *e, const econ_bgame_struct *b)
{
    memset(e, 0, sizeof *e);
    e->title = "Bayes correlated equilibrium: the designer's objective over all information "
               "structures";
    e->claim = claim;
    e->glossary = glossary;
    e->reading = reading;
    e->ctx = b;
    return e;
}
