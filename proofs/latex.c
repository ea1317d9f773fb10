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
 * name can open or close a group, enter math, or call a macro. */
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
        }
    }
    putc('}', f);
}

/* p/q in math mode; the digits are ours, never a name's. */
static void tex_num(FILE *f, const mpq_t q)
{
    mpq_out_str(f, 10, q);
}

static void tex_table(FILE *f, int ncols, const char *const *head)
{
    int k;
    fputs("\\begin{longtable}{", f);
    for (k = 0; k < ncols; k++)
        fputs(k == 0 ? "l" : "l", f);
    fputs("}\n", f);
    for (k = 0; k < ncols; k++)
        fprintf(f, "%s%s", k ? " & " : "", head[k]);
    fputs(" \\\\ \\hline\n\\endhead\n", f);
}

static const prf_style tex_style = {
    1, tex_name, tex_num, "$", "$", " \\times ", "\\,", "\\ge", "\\le", "=",
    "<", "\\ldots", " + \\ldots\\mbox{ (%ld more terms)}", tex_table, " & ", "", " \\\\\n", "\\end{longtable}\n"};

static fk_status write_tex(const char *path, const lp_model *lp,
                           const cert_data *c, int standalone, fk_err *err)
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
        fputs("\\documentclass[10pt]{article}\n\\usepackage{longtable}\n"
              "\\usepackage[margin=2cm]{geometry}\n"
              "\\begin{document}\n", a.f);
    else
        fputs("% Needs \\usepackage{longtable} in the preamble; \\input "
              "this file where the appendix goes.\n", a.f);
    /* Wide rows and long names may overflow; a referee reads them anyway. */
    fputs("\\begingroup\\sloppy\\setlength{\\LTleft}{0pt}\n", a.f);
    prf_doc_write(a.f, &d, &tex_style, 40);
    fputs("\\endgroup\n", a.f);
    if (standalone)
        fputs("\\end{document}\n", a.f);
    prf_doc_clear(&d);
    return afile_commit(&a, err);
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
