/* fuzz_check_model.c: the checker's own model readers (certify/check/
 * chk_mps.c, chk_lp.c) on a fuzzed model with a fixed certificate.  The
 * first input byte picks the format (even: MPS, odd: LP), the rest is the
 * file.  When both the checker's and the solver's reader accept the file
 * they must agree on the number of columns and of rows (free rows, which
 * the checker drops, aside): two independent readings of one file. */
#include "fuzz.h"

#include "check/chk.h"
#include "lp.h"
#include "lp_io.h"

static const char fcm_cert[] =
    "farkas-certificate 1\n"
    "model-sha256 0000000000000000000000000000000000000000000000000000000000000000\n"
    "sense min\n"
    "status feasible\n"
    "rows 1\n"
    "cols 1\n"
    "x x 1\n"
    "end\n";

FUZZ_TARGET(check_model)
{
    char p[128], cp[128];
    const char *model, *cert;
    long rows, cols, nnz, k, free_rows = 0;
    lp_model *lp = NULL;
    fk_err err;
    int mps;
    if (size < 1)
        return 0;
    mps = !(data[0] & 1);
    model = fuzz_file(p, sizeof p, mps ? "cm.mps" : "cm.lp", data + 1, size - 1);
    cert = fuzz_file(cp, sizeof cp, "cm.cert", (const uint8_t *)fcm_cert,
                     sizeof fcm_cert - 1);
    if (!model || !cert)
        return 0;
    (void)chk_files(model, cert, 1);
    if (chk_model_counts(model, &rows, &cols, &nnz) != 0)
        return 0;
    fk_err_clear(&err);
    if (lp_read_file(&lp, model, &err) == FK_OK) {
        for (k = 0; k < lp->m; k++)
            free_rows += !lp->rlo_fin[k] && !lp->rhi_fin[k];
        if (lp->n != cols || lp->m - free_rows != rows)
            FUZZ_BUG("readers disagree: exact %ld rows (%ld free) %ld cols, "
                     "checker %ld rows %ld cols", lp->m, free_rows, lp->n, rows, cols);
    }
    lp_free(lp);
    return 0;
}
