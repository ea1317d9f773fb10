/* fuzz_cert.c: the solver-side certificate reader (certify/cert.c,
 * cert_read) against the fixed model of fuzz_fixed.h.  A certificate that
 * reads is written back with cert_write_data, read again and written
 * again: the two written files must be byte-identical. */
#include "fuzz_fixed.h"

#include "cert.h"
#include "lp.h"
#include "lp_io.h"

static lp_model *fc_model(void)
{
    static lp_model *lp;
    fk_err err;
    if (!lp && lp_read_lp(&lp, fuzz_fixed_path(), &err) != FK_OK) {
        fprintf(stderr, "%s: %s\n", err.where, err.msg);
        abort();
    }
    return lp;
}

/* The whole file at path in a malloc'ed buffer (NULL on failure). */
static char *fc_slurp(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    char *b = NULL;
    long n = 0, cap = 0;
    size_t got;
    if (!f)
        return NULL;
    do {
        char *nb;
        cap = cap ? 2 * cap : 4096;
        nb = realloc(b, (size_t)cap);
        if (!nb) {
            free(b);
            fclose(f);
            return NULL;
        }
        b = nb;
        got = fread(b + n, 1, (size_t)(cap - n), f);
        n += (long)got;
    } while (n == cap);
    fclose(f);
    *len = n;
    return b;
}

FUZZ_TARGET(cert)
{
    char p[128], w1[128], w2[128];
    const char *path = fuzz_file(p, sizeof p, "in.cert", data, size);
    lp_model *lp = fc_model();
    cert_data *c = NULL, *c2 = NULL;
    fk_err err;
    char *b1 = NULL, *b2 = NULL;
    long n1 = 0, n2 = 0;
    if (!path)
        return 0;
    fk_err_clear(&err);
    if (cert_read(&c, path, lp, &err) != FK_OK)
        return 0;
    fuzz_path(w1, sizeof w1, "w1.cert");
    fuzz_path(w2, sizeof w2, "w2.cert");
    if (cert_write_data(w1, lp, c, &err) != FK_OK)
        FUZZ_BUG("cannot write back a certificate read: %s", err.msg);
    else if (cert_read(&c2, w1, lp, &err) != FK_OK)
        FUZZ_BUG("cannot re-read a written certificate: %s: %s", err.where, err.msg);
    else if (cert_write_data(w2, lp, c2, &err) != FK_OK)
        FUZZ_BUG("cannot write a re-read certificate: %s", err.msg);
    else if (!(b1 = fc_slurp(w1, &n1)) || !(b2 = fc_slurp(w2, &n2)) ||
             n1 != n2 || memcmp(b1, b2, (size_t)n1))
        FUZZ_BUG("certificate write/read/write is not stable");
    free(b1);
    free(b2);
    cert_free(c);
    cert_free(c2);
    unlink(w1);
    unlink(w2);
    return 0;
}
