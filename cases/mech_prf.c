/* mech_prf.c: the economic parts of a mechanism file's appendices (the
 * LPs of mech.c), for proofs/prf_doc.h.
 *
 * The proposition is built from the file as read (mech.h); the glossary
 * says what each family of rows asks in words, with an instance taken from
 * the LP's own first row of the family; the reading lists the rows with a
 * nonzero multiplier.  For an optimum these are binding constraints
 * (checked here: a_i^T x equals the side the multiplier uses, on the
 * certificate's point), each with the multiplier an economist reads,
 * mech_shadow: the loss of the objective per unit the constraint is
 * tightened as written, >= 0 on an inequality row for a max or a min, and
 * on an equality the loss from raising its right-hand side.  For an
 * infeasible LP they are the constraints a Farkas certificate adds up to a
 * contradiction, with the same weights.  Every number is the certificate
 * file's (d->c); the LP-level verification that follows re-derives the
 * optimum or the contradiction from them. */
#include <stdio.h>
#include <string.h>

#include "econ_prf.h"
#include "mech_prf.h"

#define TX(s, t, m) ((s)->tex ? (t) : (m))

enum { MAXNAMES = 12, MAXROWS = 40, MAXALTS = 5 };

/* The objective line whose LP d is (its name is NAME-LABEL), or -1. */
static int objective(const prf_doc *d, const mech_model_struct *m)
{
    size_t n = strlen(m->name);
    const char *nm = d->lp->name;
    int k;
    if (!nm || strncmp(nm, m->name, n) || nm[n] != '-')
        return -1;
    for (k = 0; k < m->nobj; k++)
        if (strcmp(nm + n + 1, m->obj[k].label) == 0)
            return k;
    return -1;
}

static void agent(FILE *f, const prf_style *s, int i, const void *ctx)
{
    const mech_model_struct *m = ctx;
    fputs("agent ", f);
    s->name(f, m->agent[i]);
}

/* "`a`, `b`, ..., `z` (41 types)" */
static void names(FILE *f, const prf_style *s, char *const *v, int n, const char *what)
{
    int k;
    for (k = 0; k < n; k++) {
        if (k == MAXNAMES - 1 && n > MAXNAMES) {
            fprintf(f, ", %s, ", TX(s, "\\ldots", "…"));
            s->name(f, v[n - 1]);
            break;
        }
        fputs(k ? ", " : "", f);
        s->name(f, v[k]);
    }
    if (n > MAXNAMES)
        fprintf(f, " (%d %s)", n, what);
}

/* Values that depend only on the agent's own type (not on others' types
 * nor the state) are private: then a table by agent and type. */
static int private_values(const mech_model_struct *m)
{
    const econ_tspace_struct *ts = m->ts;
    long S = ts->nstates, t, D = m->ndec;
    int i, th, j;
    for (i = 0; i < m->n; i++)
        for (t = 0; t < ts->nprof; t++)
            for (th = 0; th < S; th++) {
                long t0 = econ_prof_with(ts, 0, i, econ_type_of(ts, t, i));
                for (j = 0; j < D; j++)
                    if (!mpq_equal(m->val[i][(t * S + th) * D + j], m->val[i][t0 * S * D + j]))
                        return 0;
            }
    return 1;
}

/* 1 if every belief is the joint prior's conditional pi_i(t, th) =
 * P(t, th) / P(t_i): belief lines beside a joint prior (Chung-Ely's (P'))
 * replace the conditionals, and the proposition must say so. */
static int conditionals(const mech_model_struct *m)
{
    const econ_tspace_struct *ts = m->ts;
    long S = ts->nstates, t, u, th;
    int i, ok = 1;
    mpq_t marg, q;
    mpq_inits(marg, q, NULL);
    for (i = 0; i < m->n && ok; i++)
        for (t = 0; t < ts->nprof && ok; t++) {
            mpq_set_ui(marg, 0, 1);
            for (u = 0; u < ts->nprof; u++)
                if (econ_type_of(ts, u, i) == econ_type_of(ts, t, i))
                    for (th = 0; th < S; th++)
                        mpq_add(marg, marg, m->prior[u * S + th]);
            for (th = 0; th < S && ok; th++) {
                mpq_mul(q, ts->bel[i][t * S + th], marg);
                ok = mpq_equal(q, m->prior[t * S + th]);
            }
        }
    mpq_clears(marg, q, NULL);
    return ok;
}

static void beliefs(FILE *f, const prf_style *s, const mech_model_struct *m)
{
    const econ_tspace_struct *ts = m->ts;
    long S = ts->nstates, t, shown = 0, rows = 0;
    char pb[1024];
    int i, a, th, own;
    mpq_t q;
    if (m->bel_kind == MECH_BEL_NONE) {
        fputs("No beliefs are given: only constraints that hold at every profile can be asked. ", f);
        return;
    }
    own = m->bel_kind == MECH_BEL_TYPES || (m->bel_kind == MECH_BEL_JOINT && m->prior && !conditionals(m));
    mpq_init(q);
    if (m->bel_kind == MECH_BEL_INDEP) {
        fputs("Types are drawn independently, ", f);
        for (i = 0; i < m->n; i++) {
            fputs(i ? "; " : "", f);
            agent(f, s, i, m);
            fputs("'s with probabilities ", f);
            for (a = 0; a < ts->ntypes[i] && a < MAXNAMES; a++) {
                mpq_set_ui(q, 0, 1);
                for (t = 0; t < ts->nprof; t++)
                    if (econ_type_of(ts, t, i) == a)
                        for (th = 0; th < S; th++)
                            mpq_add(q, q, m->prior[t * S + th]);
                fputs(a ? ", " : "", f);
                prf_num_m(f, s, q);
            }
            if (ts->ntypes[i] > MAXNAMES)
                fprintf(f, ", %s", s->tex ? "\\ldots" : "…");
        }
        fputs(m->n > 1 ? " (in the order of the types); each agent's belief is the others' prior. "
                       : " (in the order of the types). ", f);
    } else if (m->prior) {
        fputs(m->bel_kind == MECH_BEL_TYPES ? "The designer's prior over (profile; state) is "
                                            : "Types are drawn from the joint prior ", f);
        for (t = 0; t < ts->nprof; t++)
            for (th = 0; th < S; th++) {
                if (!mpq_sgn(m->prior[t * S + th]) || shown++ >= MAXROWS)
                    continue;
                fputs(shown > 1 ? ", " : "", f);
                econ_prf_label(f, s, "P", "P", 0, econ_prof_str(ts, t, pb, sizeof pb),
                               m->has_states ? ts->state[th] : NULL, "; ");
                fputs(" = ", f);
                prf_num_m(f, s, m->prior[t * S + th]);
            }
        if (shown > MAXROWS)
            fprintf(f, " and %ld more entries", shown - MAXROWS);
        fputs(m->bel_kind == MECH_BEL_TYPES ? "; the agents' beliefs are the file's own (below). "
              : own ? "; the agents' beliefs are not its conditionals but the file's own (below). "
                    : "; each type's belief is its conditional. ", f);
    }
    if (own) {
        for (i = 0; i < m->n; i++)
            rows += ts->ntypes[i];
        if (rows <= MAXROWS && ts->nprof * S <= 64) {
            fputs("The beliefs ", f);
            prf_math(f, s, "\\pi_i(t_{-i},\\theta \\mid t_i)", "πᵢ(t₋ᵢ, θ | tᵢ)");
            fputs(", given type by type (no common prior is assumed):\n\n", f);
            econ_prf_beliefs(f, s, ts, agent, m);
            fputs("\n", f);
        } else
            fputs("The beliefs are given type by type in the file (too many to list). ", f);
    }
    mpq_clear(q);
}

static void values(FILE *f, const prf_style *s, const mech_model_struct *m)
{
    const econ_tspace_struct *ts = m->ts;
    long S = ts->nstates, D = m->ndec, rows = 0;
    int i, a, j, nc = m->mode == MECH_GOOD ? 1 : (D < MAXALTS ? (int)D : MAXALTS);
    char hb[MAXALTS][48];
    const char *head[MAXALTS + 1];
    if (!private_values(m)) {
        fputs("Values are interdependent (they depend on others' types", f);
        fputs(m->has_states ? " or the state" : "", f);
        fputs("); the file lists them. ", f);
        return;
    }
    fputs("Values are private (each depends on the agent's own type only):\n\n", f);
    head[0] = "agent, type";
    for (j = 0; j < nc; j++) {
        if (m->mode == MECH_GOOD)
            snprintf(hb[j], sizeof hb[j], "value of the good");
        else
            snprintf(hb[j], sizeof hb[j], "value of alternative %d", j + 1);
        head[j + 1] = hb[j];
    }
    s->table_begin(f, nc + 1, head);
    for (i = 0; i < m->n; i++)
        for (a = 0; a < ts->ntypes[i]; a++) {
            long t0 = econ_prof_with(ts, 0, i, a);
            if (rows++ >= MAXROWS)
                continue;
            fputs(s->row_on, f);
            s->name(f, m->agent[i]);
            fputs(", ", f);
            s->name(f, ts->type[i][a]);
            for (j = 0; j < nc; j++) {
                fputs(s->cell, f);
                prf_num_m(f, s, m->val[i][t0 * S * D + (m->mode == MECH_GOOD ? i : j)]);
            }
            fputs(s->row_off, f);
        }
    fputs(s->table_end, f);
    if (rows > MAXROWS || nc < (m->mode == MECH_GOOD ? 1 : D))
        fputs("\n(The table shows part of the values; the file lists them all.)\n", f);
    fputs("\n", f);
}

static void question(FILE *f, const prf_doc *d, const prf_style *s, const mech_obj *ob)
{
    if (ob->feas) {
        fputs("whether such a mechanism exists", f);
        return;
    }
    fputs(ob->sense == LP_MAX ? "the largest " : "the least ", f);
    if (ob->e.nterm == 1 && mpq_cmp_ui(ob->e.term[0].coef, 1, 1) == 0 &&
        ob->e.term[0].kind == MECH_Q_REV)
        fputs("expected revenue (the expected sum of the payments)", f);
    else if (ob->e.nterm == 1 && mpq_cmp_ui(ob->e.term[0].coef, 1, 1) == 0 &&
             ob->e.term[0].kind == MECH_Q_WEL)
        fputs("expected welfare (the expected sum of the values)", f);
    else if (ob->e.nterm == 1 && mpq_cmp_ui(ob->e.term[0].coef, 1, 1) == 0 &&
             ob->e.term[0].kind == MECH_Q_SUB)
        fputs("external subsidy that balances the budget", f);
    else {
        fputs("value of the file's objective ", f);
        s->name(f, ob->label);
    }
    (void)d;
}

static int claim(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    static const struct { unsigned bit; const char *w; } fam[] = {
        {MECH_BIC, "Bayesian incentive compatibility (no type gains by misreporting, in "
                   "expectation under its belief)"},
        {MECH_DIC, "dominant-strategy (ex post) incentive compatibility"},
        {MECH_IRI, "interim individual rationality"},
        {MECH_IRX, "ex post individual rationality"},
        {MECH_BBA, "ex ante budget balance"}, {MECH_BBX, "ex post budget balance"},
        {MECH_NDA, "no expected deficit"}, {MECH_NDX, "no deficit at any profile"}};
    static const char *const ties[] = {"to the first", "to the last", "uniformly among the",
                                       "by the designer among the"};
    const mech_model_struct *m = vctx;
    const econ_tspace_struct *ts = m->ts;
    int k = objective(d, m), i, n = 0, nreq = 0;
    size_t j;
    const mech_obj *ob;
    if (k < 0)
        return 1;
    ob = &m->obj[k];
    fputs("The mechanism-design problem ", f);
    s->name(f, m->name);
    fprintf(f, " has %d agent%s: ", m->n, m->n == 1 ? "" : "s");
    for (i = 0; i < m->n; i++) {
        fputs(i ? "; " : "", f);
        s->name(f, m->agent[i]);
        fputs(" with types ", f);
        names(f, s, ts->type[i], ts->ntypes[i], "types");
    }
    if (m->has_states) {
        fputs("; and payoff states ", f);
        names(f, s, ts->state, (int)ts->nstates, "states");
        fputs(" that nobody reports", f);
    }
    fputs(". ", f);
    beliefs(f, s, m);
    if (m->mode == MECH_GOOD) {
        fputs("The designer allocates a good (supply ", f);
        prf_num_m(f, s, m->supply);
        fputs("): at each report profile, each agent's probability of getting it. ", f);
    } else {
        fputs("At each report profile the designer chooses a lottery over the alternatives ", f);
        names(f, s, m->alt, m->nalt, "alternatives");
        fputs(". ", f);
    }
    values(f, s, m);
    fputs(m->alloc == MECH_ALLOC_FREE ? "The designer chooses the allocation"
          : m->alloc == MECH_ALLOC_FIXED ? "The allocation is fixed by the file"
                                         : "The allocation is efficient (it maximises the sum of values)", f);
    if (m->alloc == MECH_ALLOC_EFFICIENT)
        fprintf(f, ", ties going %s tied alternatives", ties[m->tie]);
    fputs(m->pay_kind == MECH_PAY_FREE ? "; payments are free"
          : m->pay_kind == MECH_PAY_ZERO ? "; there are no payments"
          : m->pay_kind == MECH_PAY_FIXED ? "; payments are fixed by the file" : "; payments are bounded", f);
    if (m->pay_kind == MECH_PAY_BOUNDED) {
        fputs(" (", f);
        if (m->pay_lo_fin) {
            prf_num_m(f, s, m->pay_lo);
            fputs(TX(s, " $\\le$ ", " ≤ "), f);
        }
        fputs("payment", f);
        if (m->pay_hi_fin) {
            fputs(TX(s, " $\\le$ ", " ≤ "), f);
            prf_num_m(f, s, m->pay_hi);
        }
        fputs(")", f);
    }
    fputs(m->pay_contingent ? " and may depend on the state. " : ". ", f);
    fputs("The mechanism must satisfy ", f);
    for (j = 0; j < sizeof fam / sizeof fam[0]; j++)
        nreq += (m->req & fam[j].bit) != 0;
    for (j = 0; j < sizeof fam / sizeof fam[0]; j++)
        if (m->req & fam[j].bit) {
            fputs(!n ? "" : n + 1 == nreq && !m->ncons ? " and " : ", ", f);
            n++;
            fputs(fam[j].w, f);
            if (fam[j].bit == MECH_IRI && mpq_sgn(m->ir_margin)) {
                fputs(" with margin ", f);
                prf_num_m(f, s, m->ir_margin);
            }
        }
    if (m->ncons) {
        fprintf(f, "%s%d side constraint%s of the file (", n++ ? ", and " : "", m->ncons,
                m->ncons == 1 ? "" : "s");
        for (i = 0; i < m->ncons && i < MAXNAMES; i++) {
            fputs(i ? ", " : "", f);
            s->name(f, m->cons[i].name);
        }
        fputs(m->ncons > MAXNAMES ? ", ...)" : ")", f);
    }
    fputs(n ? "" : "only the feasibility of its outcomes", f);
    fputs(". The question: ", f);
    question(f, d, s, ob);
    fputs(".\n\nProposition: ", f);
    switch (d->c->status) {
    case CERT_INFEASIBLE:
        fputs("no mechanism has all these properties.\n", f);
        break;
    case CERT_OPTIMAL:
        if (ob->feas)
            fputs("such a mechanism exists; the certificate's point is one.\n", f);
        else {
            question(f, d, s, ob);
            fputs(" is ", f);
            prf_num_m(f, s, d->value);
            fputs(", and the certificate's point is a mechanism that attains it.\n", f);
        }
        break;
    case CERT_UNBOUNDED:
        question(f, d, s, ob);
        fputs(" does not exist: the objective is unbounded over such mechanisms.\n", f);
        break;
    default:
        fputs("such a mechanism exists; the certificate's point is one.\n", f);
    }
    return 0;
}

/* The part of row name nm inside its brackets, split as the families of
 * mech.c write them: "i:a->b;t" (IC, DIC), "i:a" (IR, IRX), "t" (BB, ND,
 * SUM, SUPPLY).  Copies into the buffers (empty when absent). */
static void parts(const char *nm, char *i, char *a, char *b, char *t, size_t len)
{
    const char *o = strchr(nm, '['), *c = o ? strrchr(nm, ']') : NULL, *col, *ar, *sc;
    size_t n;
    i[0] = a[0] = b[0] = t[0] = '\0';
    if (!o || !c || c < o)
        return;
    o++;
    col = memchr(o, ':', (size_t)(c - o));
    if (!col) {
        n = (size_t)(c - o) < len ? (size_t)(c - o) : len - 1;
        memcpy(t, o, n), t[n] = '\0';
        return;
    }
    n = (size_t)(col - o) < len ? (size_t)(col - o) : len - 1;
    memcpy(i, o, n), i[n] = '\0';
    col++;
    ar = strstr(col, "->");
    if (!ar || ar > c) {
        n = (size_t)(c - col) < len ? (size_t)(c - col) : len - 1;
        memcpy(a, col, n), a[n] = '\0';
        return;
    }
    n = (size_t)(ar - col) < len ? (size_t)(ar - col) : len - 1;
    memcpy(a, col, n), a[n] = '\0';
    ar += 2;
    sc = memchr(ar, ';', (size_t)(c - ar));
    n = (size_t)((sc ? sc : c) - ar) < len ? (size_t)((sc ? sc : c) - ar) : len - 1;
    memcpy(b, ar, n), b[n] = '\0';
    if (sc) {
        n = (size_t)(c - sc - 1) < len ? (size_t)(c - sc - 1) : len - 1;
        memcpy(t, sc + 1, n), t[n] = '\0';
    }
}

/* Row nm in words ("agent `buyer` of type `h` does not gain by reporting `l`"). */
static void words(FILE *f, const prf_style *s, const mech_model_struct *m, const char *nm)
{
    char i[1024], a[1024], b[1024], t[1024];
    int k;
    parts(nm, i, a, b, t, sizeof i);
    if (!strncmp(nm, "IC[", 3) || !strncmp(nm, "DIC[", 4)) {
        if (nm[0] == 'D') {
            fputs("at the true profile ", f);
            s->name(f, t);
            fputs(", ", f);
        }
        fputs("agent ", f);
        s->name(f, i);
        fputs(" of type ", f);
        s->name(f, a);
        fputs(" does not gain by reporting ", f);
        s->name(f, b);
        fputs(nm[0] == 'D' ? "" : ", in expectation under his belief", f);
    } else if (!strncmp(nm, "IR[", 3)) {
        fputs("agent ", f);
        s->name(f, i);
        fputs(" of type ", f);
        s->name(f, a);
        fputs(" expects at least ", f);
        prf_num_m(f, s, m->ir_margin);
        fputs(" from taking part", f);
    } else if (!strncmp(nm, "IRX[", 4)) {
        fputs("agent ", f);
        s->name(f, i);
        fputs(" gets at least 0 at the profile ", f);
        s->name(f, a);
    } else if (!strcmp(nm, "BB") || !strcmp(nm, "ND")) {
        fputs(nm[0] == 'B' ? "the expected payments sum to zero (ex ante budget balance)"
                           : "the expected payments are at least zero (no expected deficit)", f);
    } else if (!strncmp(nm, "BB[", 3) || !strncmp(nm, "ND[", 3)) {
        fputs(nm[0] == 'B' ? "the payments sum to zero at the profile " : "the payments are at "
              "least zero (no deficit) at the profile ", f);
        s->name(f, t);
    } else if (!strncmp(nm, "SUM[", 4)) {
        fputs("the outcome lottery at the report profile ", f);
        s->name(f, t);
        fputs(" sums to 1", f);
    } else if (!strncmp(nm, "SUPPLY[", 7)) {
        fputs("the good is given with total probability at most the supply at ", f);
        s->name(f, t);
    } else {
        for (k = 0; k < m->ncons; k++)
            if (!strcmp(nm, m->cons[k].name)) {
                fprintf(f, "the side constraint of line %ld of the file", m->cons[k].line);
                return;
            }
        fputs("a row of the LP", f);
    }
}

static int glossary(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    const mech_model_struct *m = vctx;
    long k;
    fputs("Columns: ", f);
    s->name(f, m->mode == MECH_GOOD ? "q[agent:r]" : "p[alt:r]");
    fputs(m->mode == MECH_GOOD ? " is the probability that the agent gets the good"
                               : " the probability of the alternative", f);
    fputs(" when the agents report the profile r; ", f);
    s->name(f, m->pay_contingent ? "t[agent:r;state]" : "t[agent:r]");
    fputs(" what the agent pays then (negative: he is paid)", f);
    if (prf_doc_find(d, "subsidy", 1) >= 0) {
        fputs("; ", f);
        s->name(f, "subsidy");
        fputs(" an external subsidy the budget rows may use", f);
    }
    fputs(". The families of rows, each with its first row as an example:", f);
    prf_text(f, s, "\\begin{itemize}\n", "\n");
    for (k = 0; k < d->nfam && k < MAXROWS; k++) {
        const char *nm = d->lp->rname[d->fam[k].first];
        prf_text(f, s, "\\item ", "- ");
        s->name(f, d->fam[k].prefix);
        fprintf(f, " (%ld row%s), e.g. ", d->fam[k].nrows, d->fam[k].nrows == 1 ? "" : "s");
        s->name(f, nm);
        fputs(": ", f);
        words(f, s, m, nm);
        fputs(".\n", f);
    }
    prf_text(f, s, "\\end{itemize}\n", "");
    return 0;
}

/* a_i^T x on the certificate's point */
static void activity(mpq_t act, const prf_doc *d, long i)
{
    const lp_model *lp = d->lp;
    long k;
    mpq_t p;
    mpq_init(p);
    mpq_set_ui(act, 0, 1);
    for (k = lp->rbeg[i]; k < lp->rbeg[i + 1]; k++) {
        mpq_mul(p, lp_rval(lp, k), prf_doc_x(d, lp->cidx[k]));
        mpq_add(act, act, p);
    }
    mpq_clear(p);
}

static int reading(FILE *f, const prf_doc *d, const prf_style *s, const void *vctx)
{
    static const char *const hopt[] = {"row", "multiplier", "in words"};
    static const char *const hfar[] = {"row", "weight", "in words"};
    const mech_model_struct *m = vctx;
    int k = objective(d, m), opt = d->c->status == CERT_OPTIMAL, bad = 0;
    long e;
    mpq_t lam, act;
    if (k < 0)
        return 1;
    if (d->c->status == CERT_UNBOUNDED || d->c->status == CERT_FEASIBLE) {
        fputs("The certificate's point is a mechanism with all the properties asked for", f);
        fputs(d->c->status == CERT_UNBOUNDED ? ", and its ray improves the objective without "
                                               "bound while keeping them.\n" : ".\n", f);
        return 0;
    }
    if (opt && d->y.n == 0) {
        fputs(m->obj[k].feas ? "The certificate's point is a mechanism with all the properties "
                               "asked for (its outcome and payments are the variables listed "
                               "below). A feasibility question has no prices: every multiplier "
                               "is 0.\n"
                             : "The certificate's point attains the optimum and no constraint "
                               "has a positive price: the optimum is set by the bounds of the "
                               "variables alone.\n", f);
        return 0;
    }
    mpq_inits(lam, act, NULL);
    /* an optimum's priced rows bind at the point (complementary slackness) */
    for (e = 0; opt && e < d->y.n && !bad; e++) {
        long i = d->y.e[e].idx;
        activity(act, d, i);
        bad = !mpq_equal(act, prf_doc_side(d, i, 0, mpq_sgn(d->y.e[e].v)));
    }
    if (bad) {
        mpq_clears(lam, act, NULL);
        return 1;
    }
    if (opt) {
        fputs("The certificate's point is a mechanism attaining the optimum (its outcome and "
              "payments are the variables listed below). The constraints that bind at it with a "
              "nonzero multiplier (checked: each holds with equality there), largest first. The "
              "multiplier is what an economist reads as the constraint's shadow price: the loss "
              "of the objective per unit the constraint is tightened as written, ", f);
        prf_math(f, s, "\\lambda \\ge 0", "λ ≥ 0");
        fputs(" for an inequality whether the objective is maximised or minimised; for an "
              "equality, the loss from raising its right-hand side (of either sign):\n\n", f);
    } else {
        fputs("No mechanism has all these properties: the Farkas certificate weighs these "
              "constraints (an inequality with a positive weight, as written; an equality with a "
              "weight of either sign) so that their sum is an inequality no mechanism satisfies. "
              "The constraints it uses, largest weight first:\n\n", f);
    }
    s->table_begin(f, 3, opt ? hopt : hfar);
    for (e = 0; e < d->y.n && e < MAXROWS; e++) {
        long i = d->y.e[e].idx;
        mech_shadow(lam, d->lp, i, d->y.e[e].v);
        fputs(s->row_on, f);
        s->name(f, d->lp->rname[i]);
        fputs(s->cell, f);
        prf_num_m(f, s, lam);
        fputs(s->cell, f);
        words(f, s, m, d->lp->rname[i]);
        fputs(s->row_off, f);
    }
    fputs(s->table_end, f);
    if (d->y.n > MAXROWS)
        fprintf(f, "\n(%ld more rows, with smaller multipliers, in the certificate.)\n",
                d->y.n - MAXROWS);
    if (opt) {
        fputs("\nWeighing the constraints by these multipliers bounds the objective of every "
              "mechanism with these properties by ", f);
        prf_num_m(f, s, d->value);
        fputs(", which the point attains. ", f);
    } else
        fputs("\n", f);
    fputs("The linear program below makes this exact.\n", f);
    mpq_clears(lam, act, NULL);
    return 0;
}

const prf_econ *mech_prf_econ(prf_econ *e, const mech_model_struct *m)
{
    memset(e, 0, sizeof *e);
    e->title = "a mechanism-design problem from a mechanism file";
    e->claim = claim;
    e->glossary = glossary;
    e->reading = reading;
    e->ctx = m;
    return e;
}
