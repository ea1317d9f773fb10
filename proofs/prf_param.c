/* prf_param.c: the LaTeX appendix of a parametric run (prf_param.h). */
#include <stdlib.h>
#include <string.h>

#include "afile.h"
#include "prf_param.h"
#include "rat.h"

/* the parameter in math mode: a Greek letter's name becomes the letter */
static const char *tex_var(const char *v, char *buf, size_t len)
{
    static const char *greek[] = {"alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda",
                                  "mu", "nu", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega"};
    size_t k;
    for (k = 0; k < sizeof greek / sizeof greek[0]; k++)
        if (strcmp(v, greek[k]) == 0) {
            snprintf(buf, len, "\\%s", v);
            return buf;
        }
    snprintf(buf, len, "\\mathit{%s}", v);
    return buf;
}

/* s (par_ratfun_str's text in var) in math mode: '*' a thin space,
 * exponents braced, var as tex_var */
static void put_math(FILE *f, const char *s, const char *var)
{
    char vb[64];
    size_t vl = strlen(var);
    const char *tv = tex_var(var, vb, sizeof vb);
    while (*s) {
        if (strncmp(s, var, vl) == 0) {
            fputs(tv, f);
            s += vl;
        } else if (*s == '*') {
            fputs("\\,", f);
            s++;
        } else if (*s == '^') {
            size_t n = strspn(s + 1, "0123456789");
            fprintf(f, "^{%.*s}", (int)n, s + 1);
            s += 1 + n;
        } else {
            fputc(*s++, f);
        }
    }
}

static void put_q(FILE *f, const mpq_t q)
{
    char *s = rat_get_str(q);
    fputs(s ? s : "?", f);
    free(s);
}

/* a piece's end in math mode: the rational, or the algebraic number
 * (sqrt(D) as \sqrt{D}; a root of a polynomial of higher degree in words) */
static void put_end(FILE *f, const mpq_t q, const par_alg *x, const char *var)
{
    char *s, *p;
    if (!x) {
        put_q(f, q);
        return;
    }
    if (!(s = par_alg_str(x, var))) {
        fputs("?", f);
        return;
    }
    if (strncmp(s, "root of ", 8) == 0) {
        fputs("\\mbox{root of }", f);
        put_math(f, s + 8, var);
    } else {
        for (p = s; *p; p++) {
            if (strncmp(p, "sqrt(", 5) == 0) {
                fputs("\\sqrt{", f);
                p += 4;
            } else if (*p == ')') {
                fputc('}', f);
            } else if (*p == '*') {
                fputs("\\,", f);
            } else {
                fputc(*p, f);
            }
        }
    }
    free(s);
}

static double value_d(const par_piece *pc, double t)
{
    /* drawing only: the verdicts and values are exact elsewhere */
    const fmpz_poly_struct *num = fmpz_poly_q_numref(pc->value), *den = fmpz_poly_q_denref(pc->value);
    double a = 0, b = 0;
    slong k;
    for (k = fmpz_poly_length(num) - 1; k >= 0; k--)
        a = a * t + fmpz_get_d(num->coeffs + k);
    for (k = fmpz_poly_length(den) - 1; k >= 0; k--)
        b = b * t + fmpz_get_d(den->coeffs + k);
    return a / b;
}

enum { PLOT_W = 250, PLOT_H = 170, PLOT_STEPS = 48 };

static void put_name(FILE *f, const char *s);

/* The picture: every optimal piece as a chain of straight \qbezier
 * chords (LaTeX's own picture mode draws any slope that way), infeasible
 * pieces as a thick bar under the axis, each LP labelled at its right.
 * Two LPs often end at the same point (best and worst meet), so the
 * second, fourth, ... are drawn dashed (every other chord) and say so in
 * their label. */
static void plot(FILE *f, par_model *const *pms, const par_result *rs, int n, const char *var)
{
    double lo = mpq_get_d(pms[0]->tlo), hi = mpq_get_d(pms[0]->thi), ymin = 0, ymax = 0, used[64];
    int l, k, s, first = 1;
    char vb[64];
    for (l = 0; l < n; l++)
        for (k = 0; k < rs[l].np; k++) {
            const par_piece *pc = rs[l].p + k;
            double a = mpq_get_d(pc->a), b = mpq_get_d(pc->b);
            if (pc->verdict != PAR_OPTIMAL)
                continue;
            for (s = 0; s <= PLOT_STEPS; s++) {
                double y = value_d(pc, a + (b - a) * s / PLOT_STEPS);
                if (first || y < ymin)
                    ymin = y;
                if (first || y > ymax)
                    ymax = y;
                first = 0;
            }
        }
    if (ymin > 0)
        ymin = 0;
    if (ymax <= ymin)
        ymax = ymin + 1;
#define PX(t) ((t - lo) / (hi - lo) * PLOT_W)
#define PY(y) ((y - ymin) / (ymax - ymin) * PLOT_H)
    fprintf(f, "\\begin{center}\n\\setlength{\\unitlength}{1pt}\n\\begin{picture}(%d,%d)(-30,-30)\n",
            PLOT_W + 90, PLOT_H + 50);
    fprintf(f, "\\put(0,0){\\line(1,0){%d}}\\put(0,0){\\line(0,1){%d}}\n", PLOT_W, PLOT_H);
    fprintf(f, "\\put(%d,-24){\\makebox(0,0)[t]{$%s$}}\n", PLOT_W / 2, tex_var(var, vb, sizeof vb));
    fprintf(f, "\\put(-3,0){\\makebox(0,0)[r]{\\small %.4g}}\\put(-3,%d){\\makebox(0,0)[r]{\\small %.4g}}\n",
            ymin, PLOT_H, ymax);
    for (l = 0; l < n; l++)
        for (k = 0; k < rs[l].np; k++) {
            const par_piece *pc = rs[l].p + k;
            double a = mpq_get_d(pc->a), b = mpq_get_d(pc->b);
            /* tick and exact label at each piece's left end, and at HI */
            fprintf(f, "\\put(%.2f,0){\\line(0,-1){3}}\\put(%.2f,-6){\\makebox(0,0)[t]{\\small $",
                    PX(a), PX(a));
            put_end(f, pc->a, pc->aa, var);
            fprintf(f, "$}}\n");
            if (pc->verdict != PAR_OPTIMAL) {
                fprintf(f, "\\linethickness{2pt}\\put(%.2f,%d){\\line(1,0){%.2f}}\\thinlines\n", PX(a),
                        -13 - 3 * l, PX(b) - PX(a) > 1 ? PX(b) - PX(a) : 1);
                continue;
            }
            for (s = 0; s < PLOT_STEPS; s++) {
                double t0 = a + (b - a) * s / PLOT_STEPS, t1 = a + (b - a) * (s + 1) / PLOT_STEPS;
                double x0 = PX(t0), x1 = PX(t1), y0 = PY(value_d(pc, t0)), y1 = PY(value_d(pc, t1));
                if (a == b) {
                    fprintf(f, "\\put(%.2f,%.2f){\\circle*{3}}\n", x0, y0);
                    break;
                }
                if (l % 2 && s % 2)
                    continue;
                fprintf(f, "\\qbezier(%.2f,%.2f)(%.2f,%.2f)(%.2f,%.2f)\n", x0, y0, (x0 + x1) / 2,
                        (y0 + y1) / 2, x1, y1);
            }
        }
    fprintf(f, "\\put(%d,-6){\\makebox(0,0)[t]{\\small $", PLOT_W);
    put_q(f, pms[0]->thi);
    fprintf(f, "$}}\n");
    for (l = 0; l < n && l < 64; l++) {   /* the label of each LP at its last piece, apart from the others */
        const par_piece *pc = rs[l].p + rs[l].np - 1;
        double y = pc->verdict == PAR_OPTIMAL ? PY(value_d(pc, hi)) : -13 - 3 * l;
        int j, moved = 1;
        while (moved)
            for (moved = 0, j = 0; j < l; j++)
                if (y > used[j] - 9 && y < used[j] + 9) {
                    y = used[j] - 10;
                    moved = 1;
                }
        if (l < 64)
            used[l] = y;
        fprintf(f, "\\put(%d,%.2f){\\makebox(0,0)[l]{\\small ", PLOT_W + 4, y);
        put_name(f, pms[l]->name);
        fprintf(f, "%s}}\n", l % 2 ? " (dashed)" : "");
    }
    fprintf(f, "\\end{picture}\n\\end{center}\n");
#undef PX
#undef PY
}

static void put_name(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (strchr("#$%&_{}", *s))
            fputc('\\', f);
        if (*s == '~' || *s == '^' || *s == '\\')
            fputs("\\textasciitilde{}", f);
        else
            fputc(*s, f);
    }
}

fk_status prf_param_latex(const char *path, par_model *const *pms, const par_result *rs, int n,
                          fk_err *err)
{
    afile af;
    fk_status st;
    int l, k;
    char vb[64];
    const char *var = pms[0]->pname;
    if ((st = afile_open(&af, path, err)))
        return st;
    fprintf(af.f, "\\documentclass{article}\n\\usepackage[T1]{fontenc}\\usepackage{lmodern}\n"
                  "\\begin{document}\n\\section*{Appendix: every $%s$ in $[",
            tex_var(var, vb, sizeof vb));
    put_q(af.f, pms[0]->tlo);
    fputs(", ", af.f);
    put_q(af.f, pms[0]->thi);
    fputs("]$}\n", af.f);
    for (l = 0; l < n; l++) {
        fputs("\\paragraph{Proposition (", af.f);
        put_name(af.f, pms[l]->name);
        fprintf(af.f, ").} For every $%s$ in a piece below, the linear program \\texttt{", tex_var(var, vb, sizeof vb));
        put_name(af.f, pms[l]->name);
        fprintf(af.f, "} (%s) has the verdict stated:\n\\begin{itemize}\n",
                pms[l]->sense == LP_MAX ? "maximised" : "minimised");
        for (k = 0; k < rs[l].np; k++) {
            const par_piece *pc = rs[l].p + k;
            fprintf(af.f, "\\item $%s \\in %s", tex_var(var, vb, sizeof vb), pc->ac ? "[" : "(");
            put_end(af.f, pc->a, pc->aa, var);
            fputs(", ", af.f);
            put_end(af.f, pc->b, pc->ab, var);
            fprintf(af.f, "%s$: ", pc->bc ? "]" : ")");
            if (pc->verdict == PAR_INFEASIBLE) {
                fputs("infeasible (a Farkas combination of the rows, polynomial in the parameter)", af.f);
            } else if (pc->verdict == PAR_UNBOUNDED) {
                fputs("unbounded (a feasible point and an improving ray, rational in the parameter)", af.f);
            } else if (pc->zero_obj) {
                fputs("feasible", af.f);
            } else {
                char *s = par_ratfun_str(pc->value, var);
                fputs("optimal, value $", af.f);
                put_math(af.f, s ? s : "?", var);
                fputs("$", af.f);
                free(s);
            }
            fputs("\n", af.f);
        }
        fputs("\\end{itemize}\n", af.f);
    }
    fputs("\\noindent\\emph{Proof.} On each piece the certificate file (\\texttt{NAME.pcert}) gives "
          "the primal and dual solutions (or the Farkas multipliers) as polynomials in the parameter. "
          "The independent checker verifies every identity of the optimality or infeasibility "
          "certificate as an identity of polynomials and every sign condition on the piece by Sturm "
          "counting, against the parametric model \\texttt{NAME.pmodel}, and that the pieces tile the "
          "interval. By weak duality (or Farkas' lemma) at each point of a piece, the verdict and value "
          "hold there. \\hfill Q.E.D.\n\n", af.f);
    if (n > 0)
        plot(af.f, pms, rs, n, var);
    fputs("\\end{document}\n", af.f);
    return afile_commit(&af, err);
}
