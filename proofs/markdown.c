/* markdown.c: the Markdown proof appendix (`farkas proof --markdown`),
 * for a README or a referee report; the text is prf_write.c's.
 *
 * Names: '%', blanks, control bytes and bytes >= 0x7f are percent-encoded
 * as in the certificate file; every other ASCII punctuation character is
 * backslash-escaped (CommonMark lets any of them be escaped), which also
 * keeps '|' from splitting a table cell (GitHub tables) and '<' from
 * starting raw HTML.  Letters and digits go through.  Names are never put
 * in code spans, where backslashes would print. */
#include "prf_doc.h"

#include "afile.h"

static void md_name(FILE *f, const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
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

fk_status prf_export_markdown(const char *path, const lp_model *lp,
                              const cert_data *c, fk_err *err)
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
    prf_doc_write(a.f, &d, &md_style, 40);
    prf_doc_clear(&d);
    return afile_commit(&a, err);
}
