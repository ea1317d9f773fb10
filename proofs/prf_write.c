/* prf_write.c: the text of a proof appendix, written once for LaTeX and
 * Markdown (prf_doc.h).  Everything printed here was recomputed by
 * prf_doc_build from the model and the certificate's x, y, r.  TX picks
 * the LaTeX or Markdown spelling of a fixed fragment; user-supplied text
 * only ever goes through s->name. */
#include "prf_doc.h"

#define TX(s, t, m) ((s)->tex ? (t) : (m))

void prf_text(FILE *f, const prf_style *s, const char *tex, const char *md)
{
    fputs(TX(s, tex, md), f);
}

void prf_math(FILE *f, const prf_style *s, const char *tex, const char *md)
{
    fputs(s->math_on, f);
    fputs(TX(s, tex, md), f);
    fputs(s->math_off, f);
}

void prf_num_m(FILE *f, const prf_style *s, const mpq_t q)
{
    fputs(s->math_on, f);
    s->num(f, q);
    fputs(s->math_off, f);
}

void prf_para(FILE *f, const prf_style *s, const char *title)
{
    fprintf(f, TX(s, "\n\\paragraph{%s}\n", "\n**%s**\n"), title);
}

#define math prf_math
#define num_m prf_num_m
#define para prf_para

/* A displayed formula that may be longer than a line: LaTeX breaks
 * inline math at its top-level relations and + signs, so the display is
 * inline math in a centred paragraph, not \[ \] (which never breaks and
 * would run into the margin). */
static void disp_on(FILE *f, const prf_style *s)
{
    fputs(TX(s, "\n\\begin{center}$", "\n\n"), f);
}

static void disp_off(FILE *f, const prf_style *s)
{
    fputs(TX(s, "$\n\\end{center}\n", "\n\n"), f);
}

static void more(FILE *f, const prf_style *s, long left, int ncols,
                 const char *what)
{
    int k;
    if (left <= 0)
        return;
    fputs(s->row_on, f);
    fprintf(f, "%s and %ld more %s, see the certificate file",
            TX(s, "\\ldots", "..."), left, what);
    for (k = 1; k < ncols; k++)
        fputs(s->cell, f);
    fputs(s->row_off, f);
}

static void claim(FILE *f, const prf_doc *d, const prf_style *s, int sub)
{
    const lp_model *lp = d->lp;
    const char *what = lp->nrelax ? "LP relaxation" : "linear program";
    if (sub) /* under the economic statement: the rigorous core */
        fprintf(f, TX(s, "\n\\subsection*{The %s behind it, and its exact verification}\n",
                      "\n### The %s behind it, and its exact verification\n"), what);
    else
        fprintf(f, TX(s, "\\section{Proof appendix: the %s is %s}\n",
                      "## Proof appendix: the %s is %s\n"),
                what, cert_status_str(d->c->status));
    para(f, s, "Claim.");
    fprintf(f, "The %s", lp->nrelax ? "LP relaxation of the mixed-integer program " : "linear program ");
    s->name(f, lp->name && lp->name[0] ? lp->name : "(unnamed)");
    if (lp->nrelax) /* nobody may mistake it for a proof about the MIP */
        fprintf(f, " (integrality of %ld variable%s ignored: a claim about the relaxation, not about the integer program)",
                lp->nrelax, lp->nrelax == 1 ? "" : "s");
    fprintf(f, ", with %ld constraint%s on %ld variable%s, ", lp->m,
            lp->m == 1 ? "" : "s", lp->n, lp->n == 1 ? "" : "s");
    switch (d->c->status) {
    case CERT_INFEASIBLE:
        fputs("has no solution: no rational (or real) point satisfies all its "
              "constraints and bounds.\nVerdict: infeasible.\n", f);
        break;
    case CERT_OPTIMAL:
        fprintf(f, "has the %s objective value ", d->max ? "maximum" : "minimum");
        num_m(f, s, d->value);
        fputs(", attained at the point given below.\nVerdict: optimal, value ",
              f);
        num_m(f, s, d->value);
        fputs(".\n", f);
        break;
    case CERT_UNBOUNDED:
        fprintf(f, "has feasible points of arbitrarily %s objective value.\n"
                   "Verdict: unbounded.\n", d->max ? "large" : "small");
        break;
    default:
        fputs("has a solution, given below.\nVerdict: feasible.\n", f);
        break;
    }
}

static void system_part(FILE *f, const prf_doc *d, const prf_style *s)
{
    static const char *const head[] = {"family", "rows", "kinds",
                                       "first row of the family"};
    const lp_model *lp = d->lp;
    long k, j, nfree = 0, nnn = 0, nother = 0;
    para(f, s, "The system.");
    fputs("Rows are written ", f);
    math(f, s, "a_i^\\top x \\ge lo_i", "aᵢᵀx ≥ loᵢ");
    fputs(", ", f);
    math(f, s, "a_i^\\top x \\le hi_i", "aᵢᵀx ≤ hiᵢ");
    fputs(" or with both sides, as in the model file; the names are the "
          "model's. The constraints fall into these families:\n\n", f);
    s->table_begin(f, 4, head);
    for (k = 0; k < d->nfam && k < 40; k++) {
        const prf_family *fm = &d->fam[k];
        int any = 0;
        fputs(s->row_on, f);
        s->name(f, fm->prefix);
        fprintf(f, "%s%ld%s", s->cell, fm->nrows, s->cell);
#define KIND(cnt, str) \
    if (cnt) { fprintf(f, "%s%ld %s", any ? ", " : "", (long)(cnt), str); any = 1; }
        KIND(fm->nge, TX(s, "$\\ge$", "≥"));
        KIND(fm->nle, TX(s, "$\\le$", "≤"));
        KIND(fm->neq, "=");
        KIND(fm->nrange, "ranged");
        KIND(fm->nfree, "free");
#undef KIND
        fputs(s->cell, f);
        s->name(f, lp->rname[fm->first]);
        fputs(": ", f);
        fputs(s->math_on, f);
        prf_doc_row(f, d, fm->first, s, 6);
        fputs(s->math_off, f);
        fputs(s->row_off, f);
    }
    more(f, s, d->nfam - k, 4, "families");
    fputs(s->table_end, f);
    for (j = 0; j < lp->n; j++) {
        int lo = lp->clo_fin[j], hi = lp->chi_fin[j];
        if (!lo && !hi)
            nfree++;
        else if (lo && !hi && mpq_sgn(lp->clo[j]) == 0)
            nnn++;
        else
            nother++;
    }
    fprintf(f, "\nBounds: %ld variable%s with ", nnn, nnn == 1 ? "" : "s");
    math(f, s, "x_j \\ge 0", "xⱼ ≥ 0");
    fprintf(f, ", %ld free, and %ld with other bounds", nfree, nother);
    if (nother > 0) {
        long shown = 0;
        fputs(": ", f);
        for (j = 0; j < lp->n && shown < 40; j++) {
            int lo = lp->clo_fin[j], hi = lp->chi_fin[j];
            if (!lo && !hi)
                continue;
            if (lo && !hi && mpq_sgn(lp->clo[j]) == 0)
                continue;
            fputs(shown ? "; " : "", f);
            fputs(s->math_on, f);
            if (lo) {
                s->num(f, lp->clo[j]);
                fprintf(f, " %s ", s->le);
            }
            s->name(f, lp->cname[j]);
            if (hi) {
                fprintf(f, " %s ", s->le);
                s->num(f, lp->chi[j]);
            }
            fputs(s->math_off, f);
            shown++;
        }
        if (shown < nother)
            fprintf(f, "; and %ld more (see the model file)", nother - shown);
    }
    fputs(".\n", f);
    if (d->c->status == CERT_OPTIMAL || d->c->status == CERT_UNBOUNDED) {
        prf_list obj;
        long nz = 0;
        for (j = 0; j < lp->n; j++)
            nz += mpq_sgn(lp->obj[j]) != 0;
        fprintf(f, "\nThe objective, to be %s, is ",
                d->max ? "maximised" : "minimised");
        /* The objective in model order (not by weight): it is the model's. */
        obj.n = 0;
        obj.e = NULL;
        fputs(s->math_on, f);
        fputs(TX(s, "f(x) = ", "f(x) = "), f);
        if (nz == 0)
            fputs("0", f);
        {
            long shown = 0;
            for (j = 0; j < lp->n && shown < 40; j++) {
                mpq_t a;
                if (mpq_sgn(lp->obj[j]) == 0)
                    continue;
                mpq_init(a);
                mpq_abs(a, lp->obj[j]);
                if (mpq_sgn(lp->obj[j]) < 0)
                    fputs(shown ? " - " : "-", f);
                else if (shown)
                    fputs(" + ", f);
                if (mpq_cmp_ui(a, 1, 1) != 0) {
                    s->num(f, a);
                    fputs(s->juxt, f);
                }
                s->name(f, lp->cname[j]);
                mpq_clear(a);
                shown++;
            }
            if (shown < nz)
                fprintf(f, s->more_terms, nz - shown);
        }
        if (mpq_sgn(lp->objconst) != 0) {
            fputs(" + ", f);
            s->num(f, lp->objconst);
        }
        fputs(s->math_off, f);
        fputs(".\n", f);
        (void)obj;
    }
}

/* A table of the entries of l: name, value (and, with rows, the row). */
static void entries(FILE *f, const prf_doc *d, const prf_style *s,
                    const prf_list *l, int rows, const char *valhead,
                    long top)
{
    const char *head[3];
    long k;
    head[0] = rows ? "row" : "variable";
    head[1] = valhead;
    head[2] = "constraint";
    s->table_begin(f, rows ? 3 : 2, head);
    for (k = 0; k < l->n && k < top; k++) {
        fputs(s->row_on, f);
        s->name(f, rows ? d->lp->rname[l->e[k].idx] : d->lp->cname[l->e[k].idx]);
        fputs(s->cell, f);
        num_m(f, s, l->e[k].v);
        if (rows) {
            fputs(s->cell, f);
            fputs(s->math_on, f);
            prf_doc_row(f, d, l->e[k].idx, s, 4);
            fputs(s->math_off, f);
        }
        fputs(s->row_off, f);
    }
    more(f, s, l->n - k, rows ? 3 : 2, rows ? "rows" : "variables");
    fputs(s->table_end, f);
}

/* "b(y) = y_1 lo_1 + ... = B" with the largest terms named. */
static void by_line(FILE *f, const prf_doc *d, const prf_style *s, long top)
{
    long k;
    fputs(s->math_on, f);
    fputs(TX(s, "b(y) = \\sum_{i:\\,y_i > 0} y_i\\,lo_i + \\sum_{i:\\,y_i < 0} y_i\\,hi_i = ",
             "b(y) = Σ_{yᵢ > 0} yᵢ·loᵢ + Σ_{yᵢ < 0} yᵢ·hiᵢ = "), f);
    for (k = 0; k < d->y.n && k < top; k++) {
        if (k > 0)
            fputs(" + ", f);
        fputs("(", f);
        s->num(f, d->y.e[k].v);
        fputs(")", f);
        fputs(TX(s, "\\cdot ", "·"), f);
        fputs("(", f);
        s->num(f, prf_doc_side(d, d->y.e[k].idx, 0, mpq_sgn(d->y.e[k].v)));
        fputs(")", f);
    }
    if (k < d->y.n)
        fprintf(f, " + %s", s->ldots);
    if (d->y.n == 0)
        fputs("0", f);
    fputs(" = ", f);
    s->num(f, d->by);
    fputs(s->math_off, f);
}

static void infeasible(FILE *f, const prf_doc *d, const prf_style *s, long top)
{
    const char *head[4];
    long k;
    head[0] = "variable";
    head[1] = TX(s, "$g_j$", "gⱼ");
    head[2] = "bound used";
    head[3] = TX(s, "$g_j$ times bound", "gⱼ times bound");
    para(f, s, "The certificate.");
    fprintf(f, "Farkas multipliers %s, one per row, %ld of them nonzero "
               "(largest first):\n\n", TX(s, "$y$", "y"), d->y.n);
    entries(f, d, s, &d->y, 1, TX(s, "$y_i$", "yᵢ"), top);
    para(f, s, "Verification.");
    fputs("A row with ", f);
    math(f, s, "y_i > 0", "yᵢ > 0");
    fputs(" has a finite lower side and is used as ", f);
    math(f, s, "y_i a_i^\\top x \\ge y_i lo_i", "yᵢ aᵢᵀx ≥ yᵢ loᵢ");
    fputs("; a row with ", f);
    math(f, s, "y_i < 0", "yᵢ < 0");
    fputs(" has a finite upper side and gives ", f);
    math(f, s, "y_i a_i^\\top x \\ge y_i hi_i", "yᵢ aᵢᵀx ≥ yᵢ hiᵢ");
    fputs(". So every solution ", f);
    math(f, s, "x", "x");
    fputs(" satisfies the sum of these inequalities: ", f);
    prf_doc_combination(f, d, s, 8);
    fputs(" gives\n", f);
    disp_on(f, s);
    fputs(TX(s, "g^\\top x \\ge b(y), \\qquad g = A^\\top y,", "gᵀx ≥ b(y),  g = Aᵀy,"), f);
    disp_off(f, s);
    fputs("where ", f);
    by_line(f, d, s, 10);
    fputs(".\n", f);
    if (d->g.n == 0) {
        fputs("\nEvery coefficient of the combination cancels: ", f);
        math(f, s, "g = A^\\top y = 0", "g = Aᵀy = 0");
        fputs(" (each variable's terms sum to zero). The combined inequality "
              "therefore reads\n", f);
        disp_on(f, s);
        fputs("0 ", f);
        fputs(s->ge, f);
        fputs(" ", f);
        s->num(f, d->by);
        disp_off(f, s);
        fputs("which is false, since ", f);
        fputs(s->math_on, f);
        s->num(f, d->by);
        fputs(" > 0", f); /* in math: '>' in text would print as an inverted '?' under OT1 */
        fputs(s->math_off, f);
        fputs(": a contradiction. ", f);
    } else {
        fprintf(f, "\nThe combined coefficients %s are nonzero on %ld "
                   "variable%s:\n", TX(s, "$g_j$", "gⱼ"), d->g.n,
                d->g.n == 1 ? "" : "s");
        disp_on(f, s);
        fputs(TX(s, "g^\\top x = ", "gᵀx = "), f);
        prf_doc_form(f, d, &d->g, s, 12);
        disp_off(f, s);
        fputs("Over the bounds the left side is at most ", f);
        math(f, s, "M = \\sum_{j:\\,g_j > 0} g_j u_j + \\sum_{j:\\,g_j < 0} g_j l_j",
             "M = Σ_{gⱼ > 0} gⱼ·uⱼ + Σ_{gⱼ < 0} gⱼ·lⱼ");
        fputs(", term by term:\n\n", f);
        s->table_begin(f, 4, head);
        for (k = 0; k < d->g.n && k < top; k++) {
            mpq_t t;
            int sg = mpq_sgn(d->g.e[k].v);
            mpq_srcptr b = prf_doc_side(d, d->g.e[k].idx, 1, -sg);
            mpq_init(t);
            mpq_mul(t, d->g.e[k].v, b);
            fputs(s->row_on, f);
            s->name(f, d->lp->cname[d->g.e[k].idx]);
            fputs(s->cell, f);
            num_m(f, s, d->g.e[k].v);
            fprintf(f, "%s%s ", s->cell, sg > 0 ? "upper" : "lower");
            num_m(f, s, b);
            fputs(s->cell, f);
            num_m(f, s, t);
            fputs(s->row_off, f);
            mpq_clear(t);
        }
        more(f, s, d->g.n - k, 4, "variables");
        fputs(s->table_end, f);
        fputs("\nSo every solution would satisfy ", f);
        fputs(s->math_on, f);
        s->num(f, d->boxmax);
        fputs(TX(s, " = M \\ge g^\\top x \\ge b(y) = ", " = M ≥ gᵀx ≥ b(y) = "), f);
        s->num(f, d->by);
        fputs(s->math_off, f);
        fputs(", but ", f);
        fputs(s->math_on, f);
        s->num(f, d->boxmax);
        fprintf(f, " %s ", s->lt);
        s->num(f, d->by);
        fputs(s->math_off, f);
        fputs(": a contradiction. ", f);
    }
    fputs("Hence no point satisfies the constraints and bounds, and the "
          "linear program is infeasible.\n", f);
}

static void optimal(FILE *f, const prf_doc *d, const prf_style *s, long top)
{
    para(f, s, "The certificate.");
    fprintf(f, "The optimal point %s (%ld nonzero entr%s, largest first; "
               "all others are 0):\n\n", TX(s, "$x^*$", "x\\*"), d->x.n,
            d->x.n == 1 ? "y" : "ies");
    entries(f, d, s, &d->x, 0, TX(s, "$x^*_j$", "x\\*ⱼ"), top);
    /* an empty list is a sentence, not a table with a header and no rows */
    if (d->y.n) {
        fprintf(f, "\nThe dual multipliers %s (%ld nonzero):\n\n", TX(s, "$y$", "y"), d->y.n);
        entries(f, d, s, &d->y, 1, TX(s, "$y_i$", "yᵢ"), top);
    } else
        fprintf(f, "\nEvery dual multiplier %s is 0: no row constrains the optimum.\n",
                TX(s, "$y_i$", "yᵢ"));
    if (d->g.n) {
        fprintf(f, "\nThe reduced costs %s (%ld nonzero), recomputed from the "
                   "model:\n\n", TX(s, "$z = c' - A^\\top y$", "z = c′ − Aᵀy"), d->g.n);
        entries(f, d, s, &d->g, 0, TX(s, "$z_j$", "zⱼ"), top);
    } else
        fprintf(f, "\nEvery reduced cost %s, recomputed from the model, is 0: "
                   "no bound of a variable constrains the optimum.\n",
                TX(s, "$z_j = c'_j - (A^\\top y)_j$", "zⱼ = c′ⱼ − (Aᵀy)ⱼ"));
    para(f, s, "Verification.");
    fputs(d->max ? "We minimise " : "We minimise ", f);
    math(f, s, d->max ? "c'^\\top x" : "c'^\\top x", d->max ? "c′ᵀx" : "c′ᵀx");
    fprintf(f, " with %s. ", d->max ? TX(s, "$c' = -c$ (the model maximises)",
                                          "c′ = −c (the model maximises)")
                                    : TX(s, "$c' = c$", "c′ = c"));
    fputs("(1) Primal bound: the point satisfies every row and bound "
          "exactly (", f);
    fprintf(f, "%ld of the %ld rows hold with equality at a side), so it is "
               "feasible, and its objective is ", d->ntight, d->lp->m);
    num_m(f, s, d->value);
    fputs(", i.e. ", f);
    fputs(s->math_on, f);
    fputs(TX(s, "c'^\\top x^* = ", "c′ᵀx\\* = "), f);
    s->num(f, d->primal);
    fputs(s->math_off, f);
    fputs(".\n(2) Dual bound: the multipliers obey the sign rule (", f);
    math(f, s, "y_i > 0", "yᵢ > 0");
    fputs(" only on rows with a finite lower side, ", f);
    math(f, s, "y_i < 0", "yᵢ < 0");
    fputs(" only with a finite upper side, and likewise ", f);
    math(f, s, "z_j", "zⱼ");
    fputs(" with the bounds of ", f);
    math(f, s, "x_j", "xⱼ");
    fputs("), so ", f);
    prf_doc_combination(f, d, s, 8);
    fputs(" shows that every feasible ", f);
    math(f, s, "x", "x");
    fputs(" satisfies\n", f);
    disp_on(f, s);
    fputs(TX(s, "c'^\\top x = y^\\top A x + z^\\top x \\ge b(y) + "
                "\\sum_{j:\\,z_j > 0} z_j l_j + \\sum_{j:\\,z_j < 0} z_j u_j = ",
             "c′ᵀx = yᵀAx + zᵀx ≥ b(y) + Σ_{zⱼ > 0} zⱼ·lⱼ + Σ_{zⱼ < 0} zⱼ·uⱼ = "), f);
    s->num(f, d->by);
    fputs(" + (", f);
    s->num(f, d->zb);
    fputs(") = ", f);
    s->num(f, d->dual);
    disp_off(f, s);
    fputs("where ", f);
    by_line(f, d, s, 10);
    fputs(".\n(3) The two bounds are equal: ", f);
    fputs(s->math_on, f);
    s->num(f, d->primal);
    fputs(TX(s, " = c'^\\top x^* = ", " = c′ᵀx\\* = "), f);
    s->num(f, d->dual);
    fputs(s->math_off, f);
    fprintf(f, ". No feasible point does better than the given one, so the "
               "%s is ", d->max ? "maximum" : "minimum");
    num_m(f, s, d->value);
    fputs(".\n", f);
}

static void point_only(FILE *f, const prf_doc *d, const prf_style *s, long top)
{
    para(f, s, "The certificate.");
    fprintf(f, "A point %s (%ld nonzero entries, largest first; all others "
               "are 0):\n\n", TX(s, "$x$", "x"), d->x.n);
    entries(f, d, s, &d->x, 0, TX(s, "$x_j$", "xⱼ"), top);
    if (d->c->status == CERT_UNBOUNDED) {
        fprintf(f, "\nA ray %s (%ld nonzero entries):\n\n", TX(s, "$r$", "r"),
                d->r.n);
        entries(f, d, s, &d->r, 0, TX(s, "$r_j$", "rⱼ"), top);
    }
    para(f, s, "Verification.");
    fputs("The point satisfies every row and bound exactly (substitute it "
          "into each row of the model file).", f);
    if (d->c->status == CERT_UNBOUNDED) {
        fputs(" The ray keeps every constraint: ", f);
        math(f, s, "a_i^\\top r \\ge 0", "aᵢᵀr ≥ 0");
        fputs(" where a lower side is finite, ", f);
        math(f, s, "a_i^\\top r \\le 0", "aᵢᵀr ≤ 0");
        fputs(" where an upper side is finite, and the same for the bounds; "
              "so every point ", f);
        math(f, s, "x + t r", "x + t·r");
        fputs(" with ", f);
        math(f, s, "t \\ge 0", "t ≥ 0");
        fputs(" is feasible. Along it the objective changes at the rate ", f);
        fputs(s->math_on, f);
        fputs(TX(s, "c'^\\top r = ", "c′ᵀr = "), f);
        s->num(f, d->primal);
        fputs(" < 0", f);
        fputs(s->math_off, f);
        fputs(" (with ", f);
        math(f, s, d->max ? "c' = -c" : "c' = c", d->max ? "c′ = −c" : "c′ = c");
        fputs("), so the objective is unbounded.", f);
    }
    fputs("\n", f);
}

/* The case's parts: heading, proposition, glossary, reading. */
static int econ_part(FILE *f, const prf_doc *d, const prf_style *s,
                     const prf_econ *e)
{
    fprintf(f, TX(s, "\\section{Appendix: %s}\n", "## Appendix: %s\n"),
            e->title ? e->title : "proof");
    if (e->claim) {
        para(f, s, "Proposition.");
        if (e->claim(f, d, s, e->ctx))
            return 1;
    }
    if (e->glossary) {
        para(f, s, "Notation.");
        if (e->glossary(f, d, s, e->ctx))
            return 1;
    }
    if (e->reading) {
        para(f, s, "Proof, in economic terms.");
        if (e->reading(f, d, s, e->ctx))
            return 1;
    }
    return 0;
}

int prf_doc_write(FILE *f, const prf_doc *d, const prf_style *s, long top,
                  const prf_econ *e)
{
    if (e && econ_part(f, d, s, e))
        return 1;
    claim(f, d, s, e != NULL);
    system_part(f, d, s);
    switch (d->c->status) {
    case CERT_INFEASIBLE: infeasible(f, d, s, top); break;
    case CERT_OPTIMAL: optimal(f, d, s, top); break;
    default: point_only(f, d, s, top); break;
    }
    para(f, s, "Reproduce.");
    fputs("The model file ", f);
    s->name(f, d->c->model_file && d->c->model_file[0] ? d->c->model_file
                                                         : "(unnamed)");
    fprintf(f, " has SHA-256 %s%.16s%s%s, as its certificate records; the "
               "command farkas check MODEL CERT%s re-verifies every number "
               "above in exact rational arithmetic.\n",
            TX(s, "\\texttt{", "`"), d->c->sha256, TX(s, "}", "`"),
            TX(s, "\\ldots", "..."), d->lp->nrelax ? " --relax" : "");
    return 0;
}
