/* proof.c: `farkas proof MODEL CERT --FORMAT OUT ...`; see prf.h.
 * One row of `formats` per output kind; the command itself only reads
 * the inputs once and hands them to each requested exporter. */
#include "prf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp_io.h"
#include "prf_doc.h"

typedef fk_status (*prf_exporter)(const char *path, const lp_model *lp,
                                  const cert_data *c, fk_err *err);

static const struct {
    const char *flag;
    const char *help;
    prf_exporter fn;
} formats[] = {
    {"--smt", "SMT-LIB 2 (QF_LRA) for an SMT solver, e.g. z3 OUT", prf_export_smt},
    {"--latex", "LaTeX appendix section (\\input it; needs longtable)",
     prf_export_latex},
    {"--latex-doc", "the same section as a complete LaTeX document",
     prf_export_latex_doc},
    {"--markdown", "Markdown appendix for a README or referee report",
     prf_export_markdown},
    {"--coq", "Coq proof (needs proofs/coq/FarkasCheck.v, see its header)",
     prf_export_coq},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

/* The command that writes the economic appendix of a case or mechanism
 * file, or NULL for an LP file.  `proof` sees only an LP and its
 * certificate; the economic words (types, priors, which row is whose
 * incentive constraint) live in the case's structures, which the case
 * hands the appendix writer while it solves (prf_econ), so a case file
 * here is sent to the command that has them instead of misread as MPS. */
static const char *econ_command(const char *model)
{
    static const struct {
        const char *ext, *cmd;
    } k[] = {{".mech", "farkas model FILE.mech --appendix"},
             {".nfg", "farkas case minmax FILE.nfg --appendix (or the case that reads it)"},
             {".bce", "farkas case bce FILE.bce --appendix"},
             {".tsp", "farkas case notrade FILE.tsp --appendix (or the case that reads it)"},
             {".dyn", "farkas case dynamic FILE.dyn --appendix"}};
    size_t n = strlen(model), j;
    for (j = 0; j < sizeof k / sizeof k[0]; j++) {
        size_t e = strlen(k[j].ext);
        if (n > e && strcmp(model + n - e, k[j].ext) == 0)
            return k[j].cmd;
    }
    return NULL;
}

static void usage(FILE *f)
{
    size_t k;
    fprintf(f, "usage: farkas proof MODEL CERT --FORMAT OUT [--FORMAT OUT ...]\n"
               "Export the certificate CERT of MODEL (not verified here: use "
               "`farkas check`).\n"
               "MODEL is an LP (MPS or LP format) and the appendix is the LP-level proof; a\n"
               "case's or mechanism file's appendix in economic words comes from\n"
               "`farkas case NAME ... --appendix` or `farkas model FILE.mech --appendix`.\n");
    for (k = 0; k < NFORMATS; k++)
        fprintf(f, "  %-10s OUT  %s\n", formats[k].flag, formats[k].help);
}

int prf_cmd_proof(int argc, char **argv)
{
    const char *model = NULL, *certpath = NULL;
    const char **out = NULL;    /* out[k]: the file for formats[k], or NULL */
    lp_model *lp = NULL;
    cert_data *c = NULL;
    char hex[65];
    fk_err err;
    size_t k;
    int i, any = 0, rc = 2;

    fk_err_clear(&err);
    out = calloc(NFORMATS, sizeof *out);
    if (out == NULL) {
        fprintf(stderr, "farkas: out of memory\n");
        return 2;
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            rc = 0;
            goto cleanup;
        }
        if (a[0] == '-' && a[1] == '-') {
            for (k = 0; k < NFORMATS && strcmp(a, formats[k].flag) != 0; k++)
                ;
            if (k == NFORMATS) {
                fprintf(stderr, "farkas proof: unknown option '%s'\n", a);
                usage(stderr);
                goto cleanup;
            }
            if (i + 1 >= argc) {
                fprintf(stderr, "farkas proof: %s needs a file name\n", a);
                goto cleanup;
            }
            if (out[k] != NULL) {
                fprintf(stderr, "farkas proof: %s given twice\n", a);
                goto cleanup;
            }
            out[k] = argv[++i];
            any = 1;
        } else if (model == NULL) {
            model = a;
        } else if (certpath == NULL) {
            certpath = a;
        } else {
            fprintf(stderr, "farkas proof: unexpected argument '%s'\n", a);
            usage(stderr);
            goto cleanup;
        }
    }
    if (model == NULL || certpath == NULL || !any) {
        usage(stderr);
        goto cleanup;
    }

    if (econ_command(model)) {
        fprintf(stderr, "farkas proof: '%s' is a case or mechanism file, not an LP; its appendix in "
                        "economic words is written by `%s` (proof reads an LP and its certificate "
                        "only, which do not say whose constraint each row is); for the LP-level "
                        "appendix, give the .mps that command wrote beside the certificate\n",
                model, econ_command(model));
        goto cleanup;
    }
    /* Read a MIP as its relaxation; the certificate must then say so. */
    if (lp_read_file_flags(&lp, model, LPIO_RELAX, &err) != FK_OK ||
        lp_finalize(lp, &err) != FK_OK) {
        fk_err_print(&err);
        goto cleanup;
    }
    if (cert_file_sha256(model, hex) != 0) {
        fk_fail(&err, FK_EIO, model, "cannot read: %s", strerror(errno));
        fk_err_print(&err);
        goto cleanup;
    }
    if (cert_read(&c, certpath, lp, &err) != FK_OK) {
        fk_err_print(&err);
        goto cleanup;
    }
    /* An export restates the certificate as a claim about MODEL; a
     * certificate written for other bytes would make that claim false. */
    if (strcmp(c->sha256, hex) != 0) {
        fk_fail(&err, FK_EINVAL, certpath,
                "model-sha256 %s does not match '%s' (sha256 %s)", c->sha256,
                model, hex);
        fk_err_print(&err);
        goto cleanup;
    }
    if (c->sense != lp->sense) {
        fk_fail(&err, FK_EINVAL, certpath,
                "certificate says sense %s but '%s' is a %s",
                c->sense == LP_MAX ? "max" : "min", model,
                lp->sense == LP_MAX ? "maximisation" : "minimisation");
        fk_err_print(&err);
        goto cleanup;
    }
    if (c->relaxation != (lp->nrelax > 0)) {
        fk_fail(&err, FK_EINVAL, certpath,
                c->relaxation ? "certificate is about an LP relaxation but '%s' has no integer variables"
                              : "'%s' is a mixed-integer program and the certificate does not say "
                                "it is about its LP relaxation",
                model);
        fk_err_print(&err);
        goto cleanup;
    }
    for (k = 0; k < NFORMATS; k++) {
        if (out[k] == NULL)
            continue;
        if (formats[k].fn(out[k], lp, c, &err) != FK_OK) {
            fk_err_print(&err);
            goto cleanup;
        }
    }
    rc = 0;

cleanup:
    cert_free(c);
    lp_free(lp);
    free(out);
    return rc;
}
