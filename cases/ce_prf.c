/* ce_prf.c: see ce_prf.h.  The rows of bidder i at the true profile v are
 * found by the names mech.c gives them (IRX[i:v], DIC[i:a->b;v]); a
 * certificate whose LP lacks one gets no belief story (the part refuses). */
#include <stdlib.h>
#include <string.h>

#include "ce_prf.h"
#include "mech_prf.h"

#define TX(s, t, m) ((s)->tex ? (t) : (m))

enum { MAXBEL = 60 };  /* belief-table rows written; more are counted */

static int claim(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const ce_prf *c = vctx;
    if (c->beliefs)
        fputs("Chung and Ely (2007): a seller who does not know what the bidders believe about "
              "each other, and evaluates a mechanism by its revenue under the worst beliefs, can "
              "do no better than with a mechanism that is incentive compatible and individually "
              "rational ex post (whatever the others' values). This appendix certifies the best "
              "such mechanism's revenue and reads the worst-case beliefs off its multipliers.\n\n", f);
    else
        fputs("Chung and Ely (2007), the Bayesian side: the same auction with Bayesian incentive "
              "compatibility and interim participation, each bidder holding the worst-case "
              "beliefs that the multipliers of the ex post program give (its own appendix). The "
              "theorem says this optimum equals the ex post one.\n\n", f);
    return c->mech.claim(f, d, s, c->mech.ctx);
}

static int glossary(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const ce_prf *c = vctx;
    return c->mech.glossary(f, d, s, c->mech.ctx);
}

/* The multiplier (0 if unpriced) of bidder i's row at the true profile p:
 * IRX[i:p] when b is his own value there, else DIC[i:own->b;p], the names
 * mech.c gives them.  Nonzero when the LP has no such row. */
static int row_lam(mpq_t lam, const prf_doc *d, const mech_model_struct *m, int i, long p, int b)
{
    const econ_tspace_struct *ts = m->ts;
    int a = econ_type_of(ts, p, i);
    char pb[600], nm[800];
    long k;
    econ_prof_str(ts, p, pb, sizeof pb);
    if (b == a)
        snprintf(nm, sizeof nm, "IRX[%s:%s]", m->agent[i], pb);
    else
        snprintf(nm, sizeof nm, "DIC[%s:%s->%s;%s]", m->agent[i], ts->type[i][a], ts->type[i][b], pb);
    if ((k = prf_doc_find(d, nm, 0)) < 0)
        return 1;
    mech_shadow(lam, d->lp, k, prf_doc_y(d, k));
    return 0;
}

/* W_i(v) for every (i, v) into W[i * np + v].  Nonzero when a row is
 * missing or a multiplier negative. */
static int weights(const prf_doc *d, const mech_model_struct *m, mpq_t *W)
{
    const econ_tspace_struct *ts = m->ts;
    long np = ts->nprof, p;
    int i, b, bad = 0;
    mpq_t lam;
    mpq_init(lam);
    for (i = 0; i < ts->n && !bad; i++)
        for (p = 0; p < np && !bad; p++) {
            mpq_set_ui(W[i * np + p], 0, 1);
            for (b = 0; b < ts->ntypes[i] && !bad; b++) { /* own value: IR; else IC to b */
                bad = row_lam(lam, d, m, i, p, b) || mpq_sgn(lam) < 0;
                mpq_add(W[i * np + p], W[i * np + p], lam);
            }
        }
    mpq_clear(lam);
    return bad;
}

/* The rows of (i, v) with a positive multiplier, in words: "IR", "IC to 1". */
static void binding(FILE *f, const prf_style *s, const prf_doc *d, const mech_model_struct *m,
                    int i, long p)
{
    const econ_tspace_struct *ts = m->ts;
    int a = econ_type_of(ts, p, i), b, any = 0;
    mpq_t lam;
    mpq_init(lam);
    if (!row_lam(lam, d, m, i, p, a) && mpq_sgn(lam)) {
        fputs("IR", f);
        any = 1;
    }
    for (b = 0; b < ts->ntypes[i]; b++) {
        if (b == a || row_lam(lam, d, m, i, p, b) || !mpq_sgn(lam))
            continue;
        fputs(any++ ? ", IC to " : "IC to ", f);
        s->name(f, ts->type[i][b]);
    }
    fputs(any ? "" : "none", f);
    mpq_clear(lam);
}

/* 1 if, for every bidder i and value a, each of the rows of (i, a) -- IR
 * and IC to each other report b -- has multipliers proportional over the
 * others' values to W_i(a, .): y_row(v) sum_v' W(v') = W(v) sum_v' y_row(v').
 * Then grouping y by (i, a, row) gives multipliers of the Bayesian program
 * under pi* (its rows are the pi*-averages of these); without it, W's
 * beliefs are only a summary of where the multipliers sit.  *bi, *ba: the
 * first bidder and value where it fails. */
static int proportional(const prf_doc *d, const mech_model_struct *m, mpq_t *W, int *bi, int *ba)
{
    const econ_tspace_struct *ts = m->ts;
    long np = ts->nprof, p;
    int i, a, b, ok = 1;
    mpq_t lam, Y, T, l, r;
    mpq_inits(lam, Y, T, l, r, NULL);
    for (i = 0; i < ts->n && ok; i++)
        for (a = 0; a < ts->ntypes[i] && ok; a++)
            for (b = 0; b < ts->ntypes[i] && ok; b++) { /* b == a: the IR row */
                int pass;
                for (pass = 0; pass < 2 && ok; pass++) { /* sums, then the test */
                    if (!pass)
                        mpq_set_ui(Y, 0, 1), mpq_set_ui(T, 0, 1);
                    for (p = 0; p < np && ok; p++) {
                        if (econ_type_of(ts, p, i) != a)
                            continue;
                        row_lam(lam, d, m, i, p, b); /* b == a: the IR row */
                        if (!pass) {
                            mpq_add(Y, Y, lam);
                            mpq_add(T, T, W[i * np + p]);
                            continue;
                        }
                        mpq_mul(l, lam, T);
                        mpq_mul(r, W[i * np + p], Y);
                        ok = mpq_equal(l, r);
                    }
                }
                if (!ok)
                    *bi = i, *ba = a;
            }
    mpq_clears(lam, Y, T, l, r, NULL);
    return ok;
}

static void others(FILE *f, const prf_style *s, const econ_tspace_struct *ts, int i, long p)
{
    int j, any = 0;
    for (j = 0; j < ts->n; j++) {
        if (j == i)
            continue;
        fputs(any++ ? ", " : "", f);
        s->name(f, ts->type[j][econ_type_of(ts, p, j)]);
    }
    fputs(any ? "" : "none", f); /* a single bidder */
}

static int beliefs(FILE *f, const prf_doc *d, const prf_style *s, const mech_model_struct *m)
{
    static const char *const head[] = {"bidder", "value", "others' values", "priced rows",
                                       "weight", "belief"};
    const econ_tspace_struct *ts = m->ts;
    long np = ts->nprof, p, q, rows = 0;
    int i, a, nfall = 0, prop, bi = 0, ba = 0;
    mpq_t *W = fk_qarr_new(ts->n * np), *pi = fk_qarr_new(ts->n * np), tot;
    if (!W || !pi || weights(d, m, W)) {
        fk_qarr_free(W, ts->n * np);
        fk_qarr_free(pi, ts->n * np);
        return 1;
    }
    mpq_init(tot);
    for (i = 0; i < ts->n; i++)
        for (p = 0; p < np; p++) {
            int ai = econ_type_of(ts, p, i), fall;
            mpq_set_ui(tot, 0, 1);
            for (q = 0; q < np; q++)
                if (econ_type_of(ts, q, i) == ai)
                    mpq_add(tot, tot, W[i * np + q]);
            fall = mpq_sgn(tot) == 0; /* no priced row: the prior's conditional */
            if (fall)
                mpq_set(pi[i * np + p], ts->bel[i][p]);
            else
                mpq_div(pi[i * np + p], W[i * np + p], tot);
        }
    for (i = 0; i < ts->n; i++) /* the (i, a) left at the prior, counted once each */
        for (a = 0; a < ts->ntypes[i]; a++) {
            mpq_set_ui(tot, 0, 1);
            for (q = 0; q < np; q++)
                if (econ_type_of(ts, q, i) == a)
                    mpq_add(tot, tot, W[i * np + q]);
            nfall += mpq_sgn(tot) == 0;
        }
    fputs("\n", f);
    prf_para(f, s, "The worst-case beliefs.");
    fputs("For bidder ", f);
    prf_math(f, s, "i", "i");
    fputs(" with value ", f);
    prf_math(f, s, "v_i", "vᵢ");
    fputs(", weigh each profile of the others' values ", f);
    prf_math(f, s, "v_{-i}", "v₋ᵢ");
    fputs(" by the total multiplier ", f);
    prf_math(f, s, "W_i(v)", "Wᵢ(v)");
    fputs(" of that bidder's constraints at the true profile ", f);
    prf_math(f, s, "v = (v_i, v_{-i})", "v = (vᵢ, v₋ᵢ)");
    fputs(": his ex post participation constraint and his ex post incentive constraints "
          "against every other report. Normalised over the others' values, the weights are "
          "beliefs:\n", f);
    prf_text(f, s, "\\begin{center}$\\pi^*_i(v_{-i} \\mid v_i) = W_i(v_i, v_{-i}) \\big/ "
                   "\\sum_{v'_{-i}} W_i(v_i, v'_{-i})$\\end{center}\n",
             "\n\n  π\\*ᵢ(v₋ᵢ | vᵢ) = Wᵢ(vᵢ, v₋ᵢ) / Σ Wᵢ(vᵢ, v′₋ᵢ)\n\n");
    prop = proportional(d, m, W, &bi, &ba);
    if (prop) {
        fputs("These are Chung and Ely's worst-case beliefs. Grouped by bidder and value, the "
              "multipliers of each participation row and of each incentive row to a given report "
              "are proportional to these beliefs (checked on the certificate's numbers), so they "
              "are also multipliers of the Bayesian revenue program under these beliefs, whose "
              "rows are the belief-weighted averages of the ex post rows: under them a Bayesian "
              "mechanism earns no more than the ex post optimum ", f);
        prf_num_m(f, s, d->value);
        fputs(". The weights and beliefs, computed here from the certificate's multipliers:\n\n", f);
    } else {
        fputs("These multipliers are one optimal dual among several, and they are not "
              "proportional row by row (for bidder ", f);
        s->name(f, m->agent[bi]);
        fputs(" with value ", f);
        s->name(f, ts->type[bi][ba]);
        fputs(", the participation and incentive rows are priced at different profiles of the "
              "others' values), so the beliefs below summarise where the multipliers sit but do "
              "not by themselves carry the bound over to the Bayesian program. The case hands "
              "that program, by default, the beliefs from Brooks' local multipliers (the "
              "incentive row to the next lower value, participation at the lowest, each weighted "
              "by the prior mass at or above the bidder's value) when these are optimal too, as "
              "it checks; they are proportional by construction. That program and its optimum "
              "are certified in its own appendix. The weights, computed "
              "here from the certificate's multipliers:\n\n", f);
    }
    s->table_begin(f, 6, head);
    for (i = 0; i < ts->n; i++) /* by bidder, then value, then the others' values */
        for (a = 0; a < ts->ntypes[i]; a++)
            for (p = 0; p < np; p++) {
                if (econ_type_of(ts, p, i) != a || rows++ >= MAXBEL)
                    continue;
                fputs(s->row_on, f);
                s->name(f, m->agent[i]);
                fputs(s->cell, f);
                s->name(f, ts->type[i][econ_type_of(ts, p, i)]);
                fputs(s->cell, f);
                others(f, s, ts, i, p);
                fputs(s->cell, f);
                binding(f, s, d, m, i, p);
                fputs(s->cell, f);
                prf_num_m(f, s, W[i * np + p]);
                fputs(s->cell, f);
                prf_num_m(f, s, pi[i * np + p]);
                fputs(s->row_off, f);
            }
    fputs(s->table_end, f);
    if (rows > MAXBEL)
        fprintf(f, "\n(%ld more rows in the case's report.)\n", rows - MAXBEL);
    if (nfall)
        fprintf(f, "\n%d bidder value%s no priced constraint; %s belief is the prior's "
                   "conditional.\n", nfall, nfall > 1 ? "s have" : " has", nfall > 1 ? "their" : "its");
    mpq_clear(tot);
    fk_qarr_free(W, ts->n * np);
    fk_qarr_free(pi, ts->n * np);
    return 0;
}

static int reading(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const ce_prf *c = vctx;
    int r = c->mech.reading(f, d, s, c->mech.ctx);
    if (r || !c->beliefs || d->c->status != CERT_OPTIMAL)
        return r;
    return beliefs(f, d, s, c->m);
}

const prf_econ *ce_prf_econ(prf_econ *e, ce_prf *c, const mech_model_struct *m, int bel)
{
    mech_prf_econ(&c->mech, m);
    c->m = m;
    c->beliefs = bel;
    memset(e, 0, sizeof *e);
    e->title = bel ? "Chung and Ely (2007): the ex post revenue program and the worst-case beliefs"
                   : "Chung and Ely (2007): the Bayesian program under the worst-case beliefs";
    e->claim = claim;
    e->glossary = glossary;
    e->reading = reading;
    e->ctx = c;
    return e;
}
