/* markdown.c: the Markdown proof appendix (`farkas proof --markdown`),
 * for a README or a referee report; the text is prf_write.c's.
 *
 * Names: '%', blanks, control bytes and bytes >= 0x7f are percent-encoded
 * as in the certificate file (so the name shown is the certificate's).
 * The result goes in a code span, where nothing is markup: no '<' starts
 * HTML, no '*' or '_' emphasis; the fence is one backtick more than the
 * longest run of backticks in the name, padded with a blank when the name
 * starts or ends with one (CommonMark strips one blank from each side).
 * A name holding '|' would split a GitHub table cell even inside a code
 * span, so such a name is written outside one with every ASCII
 * punctuation character backslash-escaped (CommonMark lets any be). */
#include "prf_doc.h"

#include <string.h>

#include "afile.h"

static void md_enc(FILE *f, const unsigned char *p)
{
    for (; *p; p++) {
        if (*p == '%' || *p <= 0x20 || *p >= 0x7f)
            fprintf(f, "%%%02X", *p);
        else
            putc(*p, f);
    }
}

static void md_name(FILE *f, const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    int run = 0, longest = 0, k;
    size_t len = strlen(name);
    if (len > 0 && strchr(name, '|') == NULL) {
        for (; *p; p++) {
            run = *p == '`' ? run + 1 : 0;
            if (run > longest)
                longest = run;
        }
        p = (const unsigned char *)name;
        for (k = 0; k <= longest; k++)
            putc('`', f);
        if (name[0] == '`' || name[len - 1] == '`')
            putc(' ', f);
        md_enc(f, p);
        if (name[0] == '`' || name[len - 1] == '`')
            putc(' ', f);
        for (k = 0; k <= longest; k++)
            putc('`', f);
        return;
    }
    for (; *p; p++) {
        if (*p == '%' || *p <= 0x20 || *p >= 0x7f)
            fprintf(f, "\\%%%02X", *p);
        else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                 (*p >= '0' && *p <= '9'))
            putc(*p, f);
        else
            fprintf(f, "\\%c", *p);
    }
}

static void md_num(FILE *f, const mpq_t q)
{
    mpq_out_str(f, 10, q);
}

static void md_table(FILE *f, int ncols, const char *const *head)
{
    int k;
    fputs("|", f);
    for (k = 0; k < ncols; k++)
        fprintf(f, " %s |", head[k]);
    fputs("\n|", f);
    for (k = 0; k < ncols; k++)
        fputs("---|", f);
    fputs("\n", f);
}

static const prf_style md_style = {
    0, md_name, md_num, "", "", " × ", " ", "≥", "≤", "=", "<", "…", " + … (%ld more terms)",
    md_table, " | ", "| ", " |\n", ""};

static fk_status write_md(const char *path, const lp_model *lp,
                          const cert_data *c, const prf_econ *e, fk_err *err)
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
    fputs("<!-- farkas proof appendix (Markdown); every number was "
          "recomputed from the model and its certificate. -->\n\n", a.f);
    if (prf_doc_write(a.f, &d, &md_style, 40, e)) {
        prf_doc_clear(&d);
        afile_abort(&a);
        return fk_fail(err, FK_EINVAL, path, "the certificate does not have the shape "
                       "the case's economic reading expects");
    }
    prf_doc_clear(&d);
    return afile_commit(&a, err);
}

fk_status prf_export_markdown(const char *path, const lp_model *lp,
                              const cert_data *c, fk_err *err)
{
    return write_md(path, lp, c, NULL, err);
}

fk_status prf_export_markdown_econ(const char *path, const lp_model *lp,
                                   const cert_data *c, const prf_econ *e,
                                   fk_err *err)
{
    return write_md(path, lp, c, e, err);
}

fk_status prf_export_appendix(const char *base, const lp_model *lp,
                              const cert_data *c, const prf_econ *e,
                              fk_err *err)
{
    char path[4200];
    fk_status st;
    if (snprintf(path, sizeof path, "%s.tex", base) >= (int)sizeof path)
        return fk_fail(err, FK_ELIMIT, NULL, "output path too long");
    if ((st = prf_export_latex_econ(path, lp, c, e, err)) != FK_OK)
        return st;
    snprintf(path, sizeof path, "%s.md", base);
    return write_md(path, lp, c, e, err);
}
