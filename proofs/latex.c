/* latex.c: the LaTeX proof appendix (`farkas proof --latex`, a section to
 * \input, and --latex-doc, the same section in a complete document).
 * The text itself is prf_write.c's; here are only the escapes.
 *
 * Names: every user-supplied string is set in \texttt{...} with each byte
 * written so that TeX cannot read it as markup.  Letters and digits go
 * through; '%', blanks, control bytes and bytes >= 0x7f are first
 * percent-encoded exactly as in the certificate file (so the name in the
 * PDF is the name in the certificate); every other printable character
 * becomes \char<code>{}, which prints the glyph of that slot in the
 * typewriter font (cmtt is ASCII in 33..126) and means nothing else to
 * TeX.  The empty group also stops ligatures such as !` and ?`.  So no
 * name can open or close a group, enter math, or call a macro.  After
 * ',', ';', ':', ']', '/' and '-' a name may break across lines (\allowbreak, in
 * text only: in math a name is a box), so long names in narrow table
 * columns stay inside the text width.
 *
 * Fonts: T1 (lmodern), so '<' and '>' that ever reach text mode print
 * as themselves, not as the inverted marks of OT1's slots. */
#include "prf_doc.h"

#include "afile.h"

static void tex_byte(FILE *f, unsigned ch)
{
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
        (ch >= '0' && ch <= '9'))
        putc((int)ch, f);
    else
        fprintf(f, "\\char%u{}", ch);
}

static void tex_name(FILE *f, const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    char hex[4];
    fputs("\\texttt{", f);
    for (; *p; p++) {
        if (*p == '%' || *p <= 0x20 || *p >= 0x7f) {
            snprintf(hex, sizeof hex, "%02X", *p);
            tex_byte(f, '%');
            tex_byte(f, (unsigned char)hex[0]);
            tex_byte(f, (unsigned char)hex[1]);
        } else {
            tex_byte(f, *p);
            if (*p == ',' || *p == ';' || *p == ':' || *p == ']' || *p == '/' || *p == '-')
                fputs("\\ifmmode\\else\\allowbreak\\fi{}", f);
        }
    }
    putc('}', f);
}

/* p/q in math mode; the digits are ours, never a name's. */
static void tex_num(FILE *f, const mpq_t q)
{
    mpq_out_str(f, 10, q);
}

/* Columns of fixed width that wrap (p{}), so no table runs past the
 * margin: the first (names) and the last (often a row of the model) take
 * what the short middle columns leave. */
static void tex_table(FILE *f, int ncols, const char *const *head)
{
    int k;
    double mid = 0.13, first = ncols == 2 ? 0.40 : 0.22;
    /* 0.03 per column is its \tabcolsep on both sides (12pt of ~480). */
    double last = 0.98 - 0.03 * ncols - first - mid * (ncols - 2);
    if (last < mid) /* many columns (a payoff table): all of one width */
        first = mid = last = (0.98 - 0.03 * ncols) / ncols;
    fputs("\\begin{longtable}{", f);
    for (k = 0; k < ncols; k++) {
        double w = k == 0 ? first : k == ncols - 1 ? last : mid;
        fprintf(f, ">{\\raggedright\\arraybackslash}p{%.2f\\linewidth}", w);
    }
    fputs("}\n", f);
    for (k = 0; k < ncols; k++)
        fprintf(f, "%s%s", k ? " & " : "", head[k]);
    fputs(" \\\\ \\hline\n\\endhead\n", f);
}

static const prf_style tex_style = {
    1, tex_name, tex_num, "$", "$", " \\times ", "\\,", "\\ge", "\\le", "=",
    "<", "\\ldots", " + \\ldots\\mbox{ (%ld more terms)}", tex_table, " & ", "", " \\\\\n", "\\end{longtable}\n"};

static const char preamble[] =
    "\\documentclass[10pt]{article}\n\\usepackage[T1]{fontenc}\n"
    "\\usepackage{lmodern}\n\\usepackage{longtable}\n\\usepackage{array}\n"
    "\\usepackage{amsmath}\n\\usepackage[margin=2cm]{geometry}\n"
    "\\begin{document}\n";

static fk_status write_tex_e(const char *path, const lp_model *lp,
                             const cert_data *c, int standalone,
                             const prf_econ *e, fk_err *err);

static fk_status write_tex(const char *path, const lp_model *lp,
                           const cert_data *c, int standalone, fk_err *err)
{
    return write_tex_e(path, lp, c, standalone, NULL, err);
}

static fk_status write_tex_e(const char *path, const lp_model *lp,
                             const cert_data *c, int standalone,
                             const prf_econ *e, fk_err *err)
{
    prf_doc d;
    afile a;
    fk_status st = prf_doc_build(&d, lp, c, err);
    if (st != FK_OK)
        return st;
    st = afile_open(&a, path, err);
    if (st != FK_OK) {
        prf_doc_clear(&d);
        return st;
    }
    fputs("% farkas proof appendix (LaTeX).  Generated from a model and its\n"
          "% certificate; every number was recomputed from them.\n", a.f);
    if (standalone)
        fputs(preamble, a.f);
    else
        fputs("% Needs \\usepackage[T1]{fontenc}, longtable, array and amsmath in the\n"
              "% preamble; \\input this file where the appendix goes.\n", a.f);
    /* Wide rows and long names may overflow; a referee reads them anyway. */
    fputs("\\begingroup\\sloppy\\setlength{\\LTleft}{0pt}\n", a.f);
    if (prf_doc_write(a.f, &d, &tex_style, 40, e)) {
        prf_doc_clear(&d);
        afile_abort(&a);
        return fk_fail(err, FK_EINVAL, path, "the certificate does not have the shape "
                       "the case's economic reading expects");
    }
    fputs("\\endgroup\n", a.f);
    if (standalone)
        fputs("\\end{document}\n", a.f);
    prf_doc_clear(&d);
    return afile_commit(&a, err);
}

fk_status prf_export_latex_econ(const char *path, const lp_model *lp,
                                const cert_data *c, const prf_econ *e,
                                fk_err *err)
{
    return write_tex_e(path, lp, c, 1, e, err);
}

fk_status prf_export_latex(const char *path, const lp_model *lp,
                           const cert_data *c, fk_err *err)
{
    return write_tex(path, lp, c, 0, err);
}

fk_status prf_export_latex_doc(const char *path, const lp_model *lp,
                               const cert_data *c, fk_err *err)
{
    return write_tex(path, lp, c, 1, err);
}
