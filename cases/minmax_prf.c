/* minmax_prf.c: the economic parts of the minmax / maxmin appendices
 * (case_minmax.c), for proofs/prf_doc.h.
 *
 * Player i, pure strategies k, the others' pure profiles s, payoffs
 * u(k, s).  The maxmin LP (max v: GUAR[s] sum_k x_k u(k,s) - v >= 0, PROB
 * sum x = 1) and the minmax LP (min w: BR[k] w - sum_s z_s u(k,s) >= 0,
 * PROB sum z = 1) are dual to each other, and each optimality
 * certificate holds both mixtures, in the certificate's convention
 * (minimise c' = sense * c, z_j = c'_j - (A^T y)_j):
 *   maxmin:  p = x (i's guarantee); z_s = y_GUAR[s] (the punishment).  On
 *            the free column v, c'_v = -1 and A^T y = -sum y_GUAR, so
 *            sum_s z_s = 1; on x_k >= 0, 0 - sum_s z_s u(k,s) - y_PROB >= 0
 *            and b(y) = y_PROB = c'^T x = -v: sum_s z_s u(k,s) <= v.
 *   minmax:  z = x (the punishment); p_k = y_BR[k] (the guarantee).  On w,
 *            1 - sum p = 0; on z_s >= 0, -(y_PROB - sum_k p_k u(k,s)) >= 0
 *            and y_PROB = w: sum_k p_k u(k,s) >= w.
 * The reading re-derives from the payoff table, with the certificate's
 * numbers: p and z are probabilities, every pure strategy earns at most v
 * against z (z holds i to v: minmax <= v), p earns at least v against
 * every profile (p guarantees v: maxmin >= v), and complementary slackness
 * (p only on best replies to z, z only on profiles that hold p to v).
 * A certificate whose numbers fail any of these gets no story. */
#include <stdio.h>
#include <string.h>

#include "minmax_prf.h"

#define TX(s, t, m) ((s)->tex ? (t) : (m))

enum { MAXCOLS = 8, MAXROWS = 40 };

/* a one-letter variable in math mode, the same in both languages */
#define M(x) prf_math(f, s, x, x)

static mpq_srcptr pay(const minmax_prf *c, int k, long s)
{
    return c->g->u[c->i][econ_strat_with(c->g, s, c->i, k)];
}

/* "player 2", with the file's name when it is not just the number */
static void player(FILE *f, const prf_style *s, const econ_game_struct *g, int i)
{
    char num[16];
    snprintf(num, sizeof num, "%d", i + 1);
    fprintf(f, "player %d", i + 1);
    if (g->pname && g->pname[i] && strcmp(g->pname[i], num) != 0) {
        fputs(" (", f);
        s->name(f, g->pname[i]);
        fputs(")", f);
    }
}

/* The punishers, as a subject: "player 2 (`P2`)" or "the other players". */
static void punishers(FILE *f, const prf_style *s, const minmax_prf *c)
{
    if (c->g->n == 2)
        player(f, s, c->g, 1 - c->i);
    else
        fputs("the other players", f);
}

/* " (x[1])": the LP's name of a row or column, after the economic one */
static void lpname(FILE *f, const prf_style *s, const prf_doc *d, long idx, int col)
{
    fputs(" (", f);
    s->name(f, col ? d->lp->cname[idx] : d->lp->rname[idx]);
    fputs(")", f);
}

/* Pure maxmin max_k min_s u and pure minmax min_s max_k u. */
static void pure_values(const minmax_prf *c, mpq_t maxmin, mpq_t minmax)
{
    const econ_game_struct *g = c->g;
    long s;
    int k, first = 1;
    for (s = 0; s < g->nprof; s++) {
        mpq_srcptr best;
        if (econ_strat_of(g, s, c->i) != 0)
            continue;
        for (best = pay(c, 0, s), k = 1; k < g->nstrat[c->i]; k++)
            if (mpq_cmp(pay(c, k, s), best) > 0)
                best = pay(c, k, s);
        if (first || mpq_cmp(best, minmax) < 0)
            mpq_set(minmax, best);
        first = 0;
    }
    for (k = 0; k < g->nstrat[c->i]; k++) {
        mpq_srcptr worst = NULL;
        for (s = 0; s < g->nprof; s++)
            if (econ_strat_of(g, s, c->i) == 0 && (!worst || mpq_cmp(pay(c, k, s), worst) < 0))
                worst = pay(c, k, s);
        if (k == 0 || mpq_cmp(worst, maxmin) > 0)
            mpq_set(maxmin, worst);
    }
}

static int claim(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const minmax_prf *c = vctx;
    const econ_game_struct *g = c->g;
    int K = g->nstrat[c->i], ncol = K < MAXCOLS ? K : MAXCOLS, k;
    char hb[MAXCOLS + 1][24], pb[512];
    const char *head[MAXCOLS + 1];
    long sp, rows = 0;
    mpq_t pmax, pmin;
    if (d->c->status != CERT_OPTIMAL)
        return 1;
    mpq_inits(pmax, pmin, NULL);
    pure_values(c, pmax, pmin);
    fputs("In the game below, ", f);
    player(f, s, g, c->i);
    fputs(" has the value ", f);
    fputs(s->math_on, f);
    fputs("v = ", f);
    s->num(f, d->value);
    fputs(s->math_off, f);
    fputs(": by a mixed strategy he can guarantee himself an expected payoff of at least ", f);
    M("v");
    fputs(", whatever the others do (his maxmin value), and ", f);
    punishers(f, s, c);
    fputs(g->n == 2 ? ", by a mixed strategy," : ", drawing their profile jointly (a correlated "
                                                 "punishment),", f);
    fputs(" can hold him to at most ", f);
    M("v");
    fputs(", whatever he does (his minmax value): maxmin and minmax "
          "coincide (von Neumann's minimax theorem", f);
    fputs(g->n == 2 ? ")." : "; with three or more players only against correlated punishments, "
                             "which is what the linear program allows).", f);
    fputs(" In pure strategies he can guarantee only ", f);
    prf_num_m(f, s, pmax);
    fputs(" and be held only to ", f);
    prf_num_m(f, s, pmin);
    fprintf(f, ". This appendix proves the value by the linear program of his %s; its "
               "certificate also holds the %s.\n",
            c->corr ? "minmax (the least punishment)" : "maxmin (the best guarantee)",
            c->corr ? "guarantee, as its multipliers" : "punishment, as its multipliers");
    fputs("\nThe payoffs ", f);
    fprintf(f, TX(s, "$u_{%d}(s_{%d}, s_{-%d})$", "u%d(s%d, s-%d)"), c->i + 1, c->i + 1, c->i + 1);
    fputs(" of ", f);
    player(f, s, g, c->i);
    fputs(", a row per profile of the others and a column per strategy of his (", f);
    for (k = 0; k < K; k++) {
        fprintf(f, "%s%d: ", k ? ", " : "", k + 1);
        s->name(f, g->sname[c->i][k]);
    }
    fputs("):\n\n", f);
    head[0] = "others play";
    for (k = 0; k < ncol; k++) {
        snprintf(hb[k], sizeof hb[k], "strategy %d", k + 1);
        head[k + 1] = hb[k];
    }
    s->table_begin(f, ncol + 1, head);
    for (sp = 0; sp < g->nprof; sp++) {
        if (econ_strat_of(g, sp, c->i) != 0)
            continue;
        if (rows++ == MAXROWS)
            continue;
        fputs(s->row_on, f);
        s->name(f, econ_game_prof_str(c->g, sp, c->i, pb, sizeof pb));
        for (k = 0; k < ncol; k++) {
            fputs(s->cell, f);
            prf_num_m(f, s, pay(c, k, sp));
        }
        fputs(s->row_off, f);
    }
    fputs(s->table_end, f);
    if (rows > MAXROWS || K > ncol)
        fprintf(f, "\n(The table shows %ld of %ld profiles and %d of %d strategies; the game "
                   "file holds the rest, and the checks below run over all of them.)\n",
                rows < MAXROWS ? rows : (long)MAXROWS, rows, ncol, K);
    mpq_clears(pmax, pmin, NULL);
    return 0;
}

static int glossary(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const minmax_prf *c = vctx;
    (void)d;
    fputs("Strategies are numbered from 1 in the game file's order; a profile of the others "
          "is written as their strategy numbers joined by dots.", f);
    prf_text(f, s, "\\begin{itemize}\n\\item ", "\n- ");
    if (!c->corr) {
        s->name(f, "x[k]");
        fputs(": the probability that the player plays his strategy ", f);
        M("k");
        fputs("; ", f);
        s->name(f, "v");
        fputs(": the expected payoff that mixture guarantees (maximised).", f);
        prf_text(f, s, "\n\\item ", "\n- ");
        s->name(f, "GUAR[s]");
        fputs(": against the others' profile ", f);
        M("s");
        fputs(", the mixture ", f);
        M("x");
        fputs(" earns at least ", f);
        M("v");
        fputs(".", f);
    } else {
        s->name(f, "z[s]");
        fputs(": the probability that the others play profile ", f);
        M("s");
        fputs(" (the punishment); ", f);
        s->name(f, "w");
        fputs(": the most the player can earn against it (minimised).", f);
        prf_text(f, s, "\n\\item ", "\n- ");
        s->name(f, "BR[k]");
        fputs(": the player's strategy ", f);
        M("k");
        fputs(" earns at most ", f);
        M("w");
        fputs(" against the punishment ", f);
        M("z");
        fputs(": no pure reply beats ", f);
        M("w");
        fputs(".", f);
    }
    prf_text(f, s, "\n\\item ", "\n- ");
    s->name(f, "PROB");
    fputs(": the probabilities sum to 1.", f);
    prf_text(f, s, "\n\\end{itemize}\n", "\n");
    return 0;
}

/* The two mixtures from the certificate, p[K] and z[others' profiles
 * indexed by s], each checked to be a probability; nonzero if not. */
static int mixtures(const prf_doc *d, const minmax_prf *c, mpq_t *p, mpq_t *z)
{
    const econ_game_struct *g = c->g;
    long s;
    int k, bad = 0;
    mpq_t sp, sz;
    mpq_inits(sp, sz, NULL);
    for (k = 0; k < g->nstrat[c->i]; k++) {
        mpq_set(p[k], c->corr ? prf_doc_y(d, c->strat[k]) : prf_doc_x(d, c->strat[k]));
        bad |= mpq_sgn(p[k]) < 0;
        mpq_add(sp, sp, p[k]);
    }
    for (s = 0; s < g->nprof; s++) {
        if (c->prof[s] < 0)
            continue;
        mpq_set(z[s], c->corr ? prf_doc_x(d, c->prof[s]) : prf_doc_y(d, c->prof[s]));
        bad |= mpq_sgn(z[s]) < 0;
        mpq_add(sz, sz, z[s]);
    }
    bad |= mpq_cmp_ui(sp, 1, 1) != 0 || mpq_cmp_ui(sz, 1, 1) != 0;
    mpq_clears(sp, sz, NULL);
    return bad;
}

static int reading(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    static const char *const hs[] = {"strategy", "guarantee weight", "payoff against the punishment"};
    static const char *const hp[] = {"others play", "punishing weight", "payoff of the guarantee"};
    const minmax_prf *c = vctx;
    const econ_game_struct *g = c->g;
    const mpq_srcptr v = d->value;
    int K = g->nstrat[c->i], k, bad = 0, nbest = 0;
    long sp, rows;
    char pb[512];
    mpq_t *p = fk_qarr_new(K), *z = fk_qarr_new(g->nprof), *ez = fk_qarr_new(K),
          *ep = fk_qarr_new(g->nprof), t;
    if (!p || !z || !ez || !ep) {
        bad = 1;
        goto done;
    }
    if (d->c->status != CERT_OPTIMAL || mixtures(d, c, p, z)) {
        bad = 1;
        goto done;
    }
    mpq_init(t);
    /* E_z u(k, .) <= v for every k; E_p u(., s) >= v for every s; and
     * complementary slackness, all on the payoff table */
    for (sp = 0; sp < g->nprof; sp++)
        for (k = 0; c->prof[sp] >= 0 && k < K; k++) {
            mpq_mul(t, z[sp], pay(c, k, sp));
            mpq_add(ez[k], ez[k], t);
            mpq_mul(t, p[k], pay(c, k, sp));
            mpq_add(ep[sp], ep[sp], t);
        }
    mpq_clear(t);
    for (k = 0; k < K && !bad; k++) {
        int cmp = mpq_cmp(ez[k], v);
        bad = cmp > 0 || (mpq_sgn(p[k]) > 0 && cmp != 0);
        nbest += cmp == 0;
    }
    for (sp = 0; sp < g->nprof && !bad; sp++)
        if (c->prof[sp] >= 0)
            bad = mpq_cmp(ep[sp], v) < 0 || (mpq_sgn(z[sp]) > 0 && !mpq_equal(ep[sp], v));
    if (bad)
        goto done;

    fputs("The certificate holds two mixed strategies. The punishment ", f);
    prf_math(f, s, "z", "z");
    fputs(c->corr ? " is its optimal point (the columns " : " is the multipliers of the rows ", f);
    s->name(f, c->corr ? "z[s]" : "GUAR[s]");
    fputs(c->corr ? "); " : "; ", f);
    fputs(g->n == 2 ? "it is a mixed strategy of " : "it is a joint lottery over the profiles of ", f);
    punishers(f, s, c);
    fputs(". The guarantee ", f);
    prf_math(f, s, "p", "p");
    fputs(c->corr ? " is the multipliers of the rows " : " is its optimal point (the columns ", f);
    s->name(f, c->corr ? "BR[k]" : "x[k]");
    fputs(c->corr ? "; " : "); ", f);
    fputs("it is a mixed strategy of ", f);
    player(f, s, g, c->i);
    fputs(". Both are probabilities (non-negative, summing to 1: checked).\n", f);

    prf_para(f, s, TX(s, "The punishment holds him to $v$.", "The punishment holds him to v."));
    fputs("Each pure strategy of ", f);
    player(f, s, g, c->i);
    fputs(", played against ", f);
    prf_math(f, s, "z", "z");
    fputs(", earns ", f);
    prf_math(f, s, "\\sum_{s_{-i}} z(s_{-i})\\,u_i(s_i, s_{-i})", "Σ z(s₋ᵢ) uᵢ(sᵢ, s₋ᵢ)");
    fputs(", computed here from the payoff table:\n\n", f);
    s->table_begin(f, 3, hs);
    for (k = 0; k < K && k < MAXROWS; k++) {
        fputs(s->row_on, f);
        fprintf(f, "%d: ", k + 1);
        s->name(f, g->sname[c->i][k]);
        lpname(f, s, d, c->strat[k], !c->corr);
        fputs(s->cell, f);
        prf_num_m(f, s, p[k]);
        fputs(s->cell, f);
        prf_num_m(f, s, ez[k]);
        fputs(s->row_off, f);
    }
    fputs(s->table_end, f);
    fputs("\nEvery entry of the last column is at most ", f);
    fputs(s->math_on, f);
    fputs("v = ", f);
    s->num(f, v);
    fputs(s->math_off, f);
    fputs(", so no strategy of his, pure or mixed, earns more than ", f);
    M("v");
    fputs(" against this punishment: his minmax value is at most ", f);
    M("v");
    fprintf(f, ". %d of his %d strategies attain it (his best replies to the punishment), "
               "and the guarantee puts weight only on them.\n", nbest, K);

    prf_para(f, s, TX(s, "The guarantee secures $v$.", "The guarantee secures v."));
    fputs("Against each profile of the others, the guarantee ", f);
    prf_math(f, s, "p", "p");
    fputs(" earns ", f);
    prf_math(f, s, "\\sum_{s_i} p(s_i)\\,u_i(s_i, s_{-i})", "Σ p(sᵢ) uᵢ(sᵢ, s₋ᵢ)");
    fputs(":\n\n", f);
    s->table_begin(f, 3, hp);
    for (sp = 0, rows = 0; sp < g->nprof; sp++) {
        if (c->prof[sp] < 0 || rows++ >= MAXROWS)
            continue;
        fputs(s->row_on, f);
        s->name(f, econ_game_prof_str(c->g, sp, c->i, pb, sizeof pb));
        lpname(f, s, d, c->prof[sp], c->corr);
        fputs(s->cell, f);
        prf_num_m(f, s, z[sp]);
        fputs(s->cell, f);
        prf_num_m(f, s, ep[sp]);
        fputs(s->row_off, f);
    }
    fputs(s->table_end, f);
    if (rows > MAXROWS)
        fprintf(f, "\n(%ld more profiles, all checked; see the certificate.)\n", rows - MAXROWS);
    fputs("\nEvery entry of the last column is at least ", f);
    M("v");
    fputs(", so ", f);
    M("p");
    fputs(" guarantees ", f);
    M("v");
    fputs(" whatever the others do: his maxmin value is at least ", f);
    M("v");
    fputs(". Hence ", f);
    prf_math(f, s, "v \\le \\text{maxmin} \\le \\text{minmax} \\le v",
             "v ≤ maxmin ≤ minmax ≤ v");
    fputs(": both equal ", f);
    prf_num_m(f, s, v);
    fputs(". The punishment puts weight only on profiles where the guarantee earns exactly that. "
          "The linear program below makes this exact.\n", f);
done:
    fk_qarr_free(p, K);
    fk_qarr_free(z, g->nprof);
    fk_qarr_free(ez, K);
    fk_qarr_free(ep, g->nprof);
    return bad;
}

const prf_econ *minmax_prf_econ(prf_econ *e, const minmax_prf *c)
{
    memset(e, 0, sizeof *e);
    e->title = c->corr ? "the minimax theorem: the punishment that holds a player to his value"
                       : "the minimax theorem: the mixture that guarantees a player his value";
    e->claim = claim;
    e->glossary = glossary;
    e->reading = reading;
    e->ctx = c;
    return e;
}
