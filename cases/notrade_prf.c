/* notrade_prf.c: the economic parts of the no-trade appendices (Morris
 * 1994; the LP of case_notrade.c), for proofs/prf_doc.h.
 *
 * The reading of an infeasible certificate.  With FEAS multipliers
 * y_F <= 0, ACC y_A >= 0, IC y_I >= 0 and NORM y_N > 0, and Z = -sum y_F:
 *     pi(t, theta)     = -y_F(t, theta) / Z          (sums to 1)
 *     lambda_i(t_i)    = (y_A(i, t_i) + y_N) / Z     (> 0 for every type)
 *     mu_i(t_i, t_i')  = y_I(i, t_i, t_i') / Z
 * and A^T y = 0 on the column gamma_i(t, theta) is exactly
 *     pi(t, theta) = lambda_i(t_i) pi_i(t_-i, theta | t_i)
 *                  + sum_{t_i'} [mu_i(t_i, t_i') pi_i(t_-i, theta | t_i)
 *                                - mu_i(t_i', t_i) pi_i(t_-i, theta | t_i')],
 * Morris's noisy concordance (a common prior when there is no IC row).
 * Every identity is checked here again on the certificate's numbers; a
 * certificate whose numbers do not satisfy it gets no economic story. */
#include <string.h>

#include "notrade_prf.h"

#define TX(s, t, m) ((s)->tex ? (t) : (m))

static int claim(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const notrade_prf *c = vctx;
    const econ_tspace_struct *ts = c->ts;
    long S = ts->nstates;
    int none = d->c->status == CERT_INFEASIBLE;
    fprintf(f, "In the type space below (%d players, %ld state%s) there is %s trade "
               "that is feasible (in every type profile and state the transfers "
               "sum to at most zero), acceptable to every type of every player (each "
               "expects a gain of at least zero), with a strict expected gain for "
               "some type%s.\n",
            ts->n, S, S == 1 ? "" : "s", none ? "no" : "a",
            c->ic ? ", and incentive compatible (no type gains by reporting another)"
                  : " (incentive compatibility not required)");
    if (c->p && c->q) {
        fputs("\nThis is Brooks' two-state example with ", f);
        fputs(s->math_on, f);
        fputs("p = ", f);
        s->num(f, c->p);
        fputs(s->math_off, f);
        fputs(" (player 1 believes the two states equally likely and player 2's signal correct "
              "with probability ", f);
        prf_math(f, s, "p", "p");
        fputs(") and ", f);
        fputs(s->math_on, f);
        fputs("q = ", f);
        s->num(f, c->q);
        fputs(s->math_off, f);
        fputs(" (player 2 believes his own signal correct with probability ", f);
        prf_math(f, s, "q", "q");
        fputs(").\n", f);
    }
    fputs("\nThe beliefs ", f);
    prf_math(f, s, "\\pi_i(t_{-i},\\theta \\mid t_i)", "πᵢ(t₋ᵢ, θ | tᵢ)");
    fputs(", written against the whole type profile ", f);
    prf_math(f, s, "t", "t");
    fputs(" and state ", f);
    prf_math(f, s, "\\theta", "θ");
    fputs(":\n\n", f);
    econ_prf_beliefs(f, s, ts, NULL, NULL);
    return 0;
}

static int glossary(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const notrade_prf *c = vctx;
    (void)d;
    prf_math(f, s, "\\gamma_i(t;\\theta)", "γᵢ(t; θ)");
    fputs(" (column ", f);
    s->name(f, "g[i:t;theta]");
    fputs("): the net transfer to player ", f);
    prf_math(f, s, "i", "i");
    fputs(" when the type profile is ", f);
    prf_math(f, s, "t", "t");
    fputs(" and the state ", f);
    prf_math(f, s, "\\theta", "θ");
    fputs(". ", f);
    prf_math(f, s, "U_i(t_i) = \\sum_{t_{-i},\\theta} \\pi_i(t_{-i},\\theta \\mid t_i)\\,\\gamma_i(t;\\theta)",
             "Uᵢ(tᵢ) = Σ πᵢ(t₋ᵢ, θ | tᵢ) γᵢ(t; θ)");
    fputs(": the expected gain of type ", f);
    prf_math(f, s, "t_i", "tᵢ");
    fputs(".\n", f);
    prf_text(f, s, "\\begin{itemize}\n\\item ", "\n- ");
    s->name(f, "FEAS[t;theta]");
    fputs(": the trade is feasible at profile t and state theta: ", f);
    prf_math(f, s, "\\sum_i \\gamma_i(t;\\theta) \\le 0", "Σᵢ γᵢ(t; θ) ≤ 0");
    fputs(".", f);
    prf_text(f, s, "\n\\item ", "\n- ");
    s->name(f, "ACC[i:ti]");
    fputs(": player i of type ti accepts: ", f);
    prf_math(f, s, "U_i(t_i) \\ge 0", "Uᵢ(tᵢ) ≥ 0");
    fputs(".", f);
    if (c->ic) {
        prf_text(f, s, "\n\\item ", "\n- ");
        s->name(f, "IC[i:ti->ti']");
        fputs(": player i of type ti does not gain by reporting ti'.", f);
    }
    prf_text(f, s, "\n\\item ", "\n- ");
    s->name(f, "NORM");
    fputs(": the expected gains sum to at least 1. Every other constraint is "
          "homogeneous, so a trade with some strict gain can be scaled until they do: "
          "an exact normalisation.", f);
    prf_text(f, s, "\n\\end{itemize}\n", "\n");
    return 0;
}

/* pi, lambda, mu from the certificate, with the identity checked. */
static int reading_none(FILE *f, const prf_doc *d, const prf_style *s, const notrade_prf *c)
{
    const econ_tspace_struct *ts = c->ts;
    const econ_trade *tr = c->tr;
    long S = ts->nstates, t, th, k;
    char pb[256];
    int i, a, b, bad = 0, first;
    mpq_t Z, v, w, u;
    mpq_inits(Z, v, w, u, NULL);
    for (k = 0; k < ts->nprof * S; k++)
        mpq_sub(Z, Z, prf_doc_y(d, tr->feas[k]));
    if (mpq_sgn(Z) <= 0)
        bad = 1;
    /* The identity, for every player and (t, theta), and lambda > 0. */
    for (i = 0; i < ts->n && !bad; i++) {
        for (a = 0; a < ts->ntypes[i] && !bad; a++) {
            mpq_add(v, prf_doc_y(d, tr->acc[i][a]), prf_doc_y(d, c->norm));
            bad = mpq_sgn(v) <= 0;
        }
        for (t = 0; t < ts->nprof && !bad; t++)
            for (th = 0; th < S && !bad; th++) {
                int ti = econ_type_of(ts, t, i);
                mpq_add(v, prf_doc_y(d, tr->acc[i][ti]), prf_doc_y(d, c->norm));
                mpq_mul(v, v, ts->bel[i][t * S + th]);
                for (b = 0; c->ic && b < ts->ntypes[i]; b++) {
                    long tb = econ_prof_with(ts, t, i, b);
                    if (b == ti)
                        continue;
                    mpq_mul(w, prf_doc_y(d, tr->ic[i][ti][b]), ts->bel[i][t * S + th]);
                    mpq_add(v, v, w);
                    mpq_mul(w, prf_doc_y(d, tr->ic[i][b][ti]), ts->bel[i][tb * S + th]);
                    mpq_sub(v, v, w);
                }
                mpq_neg(w, prf_doc_y(d, tr->feas[t * S + th]));
                bad = !mpq_equal(v, w);
            }
    }
    if (bad) {
        mpq_clears(Z, v, w, u, NULL);
        return 1;
    }
    fputs("Rescale the certificate's multipliers by ", f);
    prf_math(f, s, "Z", "Z");
    fputs(", the sum of the feasibility multipliers (", f);
    fputs(s->math_on, f);
    fputs("Z = ", f);
    s->num(f, Z);
    fputs(s->math_off, f);
    fputs("). They become a probability ", f);
    prf_math(f, s, "\\pi", "π");
    fputs(" on profiles and states (minus the multipliers of ", f);
    s->name(f, "FEAS");
    fputs("), type weights ", f);
    prf_math(f, s, "\\lambda_i(t_i) > 0", "λᵢ(tᵢ) > 0");
    fputs(" (those of ", f);
    s->name(f, "ACC");
    fputs(" plus that of ", f);
    s->name(f, "NORM");
    fputs(")", f);
    if (c->ic) {
        fputs(" and report weights ", f);
        prf_math(f, s, "\\mu_i(t_i, t_i') \\ge 0", "μᵢ(tᵢ, tᵢ′) ≥ 0");
        fputs(" (those of ", f);
        s->name(f, "IC");
        fputs(")", f);
    }
    fputs(":\n\n", f);
    prf_text(f, s, "\\begin{center}", "");
    fputs(s->math_on, f);
    fputs(TX(s, "\\pi = (", "π = ("), f);
    for (k = 0; k < ts->nprof * S; k++) {
        mpq_neg(v, prf_doc_y(d, tr->feas[k]));
        mpq_div(v, v, Z);
        fputs(k ? ", " : "", f);
        s->num(f, v);
    }
    fputs(")", f);
    fputs(s->math_off, f);
    prf_text(f, s, "\\end{center}\n", "\n\n");
    fputs("over ", f);
    for (t = 0; t < ts->nprof; t++)
        for (th = 0; th < S; th++) {
            fputs(t || th ? ", " : "", f);
            econ_prf_label(f, s, "", "", 0, econ_prof_str(ts, t, pb, sizeof pb), ts->state[th], "; ");
        }
    fputs(" (profile; state), in this order; ", f);
    first = 1;
    for (i = 0; i < ts->n; i++)
        for (a = 0; a < ts->ntypes[i]; a++) {
            mpq_add(v, prf_doc_y(d, tr->acc[i][a]), prf_doc_y(d, c->norm));
            mpq_div(v, v, Z);
            fputs(first ? "" : ", ", f);
            first = 0;
            econ_prf_label(f, s, "\\lambda", "λ", i + 1, ts->type[i][a], NULL, "");
            fputs(TX(s, " $=$ ", " = "), f);
            prf_num_m(f, s, v);
        }
    for (i = 0; c->ic && i < ts->n; i++)
        for (a = 0; a < ts->ntypes[i]; a++)
            for (b = 0; b < ts->ntypes[i]; b++) {
                if (a == b)
                    continue;
                mpq_div(v, prf_doc_y(d, tr->ic[i][a][b]), Z);
                fputs(", ", f);
                econ_prf_label(f, s, "\\mu", "μ", i + 1, ts->type[i][a], ts->type[i][b], ", ");
                fputs(TX(s, " $=$ ", " = "), f);
                prf_num_m(f, s, v);
            }
    fputs(".\n\nFor every player i, profile t and state theta they satisfy (checked on "
          "these numbers)\n", f);
    prf_text(f, s, "\\begin{center}$",
             "\n\n");
    prf_text(f, s, c->ic ? "\\pi(t;\\theta) = \\lambda_i(t_i)\\,\\pi_i(t_{-i},\\theta \\mid t_i) "
                           "+ \\sum_{t_i' \\ne t_i} \\bigl[\\mu_i(t_i,t_i')\\,\\pi_i(t_{-i},\\theta \\mid t_i) "
                           "- \\mu_i(t_i',t_i)\\,\\pi_i(t_{-i},\\theta \\mid t_i')\\bigr]"
                         : "\\pi(t;\\theta) = \\lambda_i(t_i)\\,\\pi_i(t_{-i},\\theta \\mid t_i)",
             c->ic ? "π(t; θ) = λᵢ(tᵢ) πᵢ(t₋ᵢ, θ | tᵢ) + Σ_{tᵢ′ ≠ tᵢ} [μᵢ(tᵢ, tᵢ′) πᵢ(t₋ᵢ, θ | tᵢ) − μᵢ(tᵢ′, tᵢ) πᵢ(t₋ᵢ, θ | tᵢ′)]"
                   : "π(t; θ) = λᵢ(tᵢ) πᵢ(t₋ᵢ, θ | tᵢ)");
    prf_text(f, s, "$\\end{center}\n", "\n\n");
    if (c->ic)
        fputs("so the beliefs are noisy concordant in Morris's sense: pi is a common prior "
              "up to the noise of the report weights mu. ", f);
    else
        fputs("so pi is a common prior: each type's belief is pi conditioned on that type, "
              "and every type has positive weight. ", f);
    fputs("Now take any trade that is feasible and acceptable", f);
    fputs(c->ic ? " and incentive compatible. " : ". ", f);
    fputs("Weigh feasibility at each (t; theta) by pi, acceptance of each type by lambda", f);
    fputs(c->ic ? " and each report constraint by mu" : "", f);
    fputs(", and add: by the identity the transfers cancel, and the sum says ", f);
    prf_math(f, s, "0 \\ge \\sum_{i,t_i} \\lambda_i(t_i)\\,U_i(t_i)", "0 ≥ Σ λᵢ(tᵢ) Uᵢ(tᵢ)");
    fputs(c->ic ? " plus nonnegative IC slack" : "", f);
    fputs(". Every lambda is positive and every U is at least zero, so no type "
          "gains strictly: there is no trade. The linear program below makes this exact.\n", f);
    mpq_clears(Z, v, w, u, NULL);
    return 0;
}

/* A trade from the certificate's point: its transfers and gains. */
static int reading_trade(FILE *f, const prf_doc *d, const prf_style *s, const notrade_prf *c)
{
    const econ_tspace_struct *ts = c->ts;
    long S = ts->nstates, t, th;
    char pb[256];
    int i, a, first = 1;
    mpq_t u;
    mpq_init(u);
    fputs("The certificate is a trade; its nonzero transfers are ", f);
    for (i = 0; i < ts->n; i++)
        for (t = 0; t < ts->nprof; t++)
            for (th = 0; th < S; th++) {
                mpq_srcptr g = prf_doc_x(d, c->tr->col[i][t * S + th]);
                if (mpq_sgn(g) == 0)
                    continue;
                fputs(first ? "" : ", ", f);
                first = 0;
                econ_prf_label(f, s, "\\gamma", "γ", i + 1, econ_prof_str(ts, t, pb, sizeof pb),
                      ts->state[th], "; ");
                fputs(TX(s, " $=$ ", " = "), f);
                prf_num_m(f, s, g);
            }
    fputs(first ? "none" : "", f);
    fputs(". The expected gains are ", f);
    first = 1;
    for (i = 0; i < ts->n; i++)
        for (a = 0; a < ts->ntypes[i]; a++) {
            econ_trade_gain(u, ts, c->tr, i, a, d->c->x);
            fputs(first ? "" : ", ", f);
            first = 0;
            econ_prf_label(f, s, "U", "U", i + 1, ts->type[i][a], NULL, "");
            fputs(TX(s, " $=$ ", " = "), f);
            prf_num_m(f, s, u);
        }
    fputs(c->ic ? ". Each type accepts and none gains by misreporting; the beliefs "
                  "are therefore not noisy concordant.\n"
                : ". Each type accepts and some gain strictly: the beliefs admit no "
                  "common prior.\n", f);
    mpq_clear(u);
    return 0;
}

static int reading(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const notrade_prf *c = vctx;
    if (d->c->status == CERT_INFEASIBLE)
        return reading_none(f, d, s, c);
    if (d->c->status == CERT_OPTIMAL)
        return reading_trade(f, d, s, c);
    return 1;
}

const prf_econ *notrade_prf_econ(prf_econ *e, const notrade_prf *c)
{
    memset(e, 0, sizeof *e);
    e->title = c->ic ? "Morris (1994): no trade under incentive compatibility"
                     : "Morris (1994): no trade without incentive constraints (common prior)";
    e->claim = claim;
    e->glossary = glossary;
    e->reading = reading;
    e->ctx = c;
    return e;
}
