/* t-huge.c: certificates whose numbers have thousands of digits.
 *
 * A 3x3 system of equations with entries 10^e + p (e up to 1700) and free
 * columns has a unique optimal x and unique duals y, with numerators and
 * denominators of thousands of digits.  The solver's certificate must be
 * accepted by the checker, and changing the last digit of one number
 * (keeping it in lowest terms, so the file stays readable) must be
 * rejected: with a unique x and y no other value can be right. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cert.h"
#include "check/chk.h"
#include "lp.h"
#include "lp_io.h"
#include "answer.h"
#include "solve.h"
#include "testlib.h"

static lp_model *huge_lp(void)
{
    static const unsigned long e[3][3] = {
        {1500, 1200, 1000}, {1100, 1600, 1300}, {1400, 1000, 1700}};
    static const unsigned long p[3][3] = {{7, 11, 13}, {17, 19, 23}, {29, 31, 37}};
    static const char *const rn[3] = {"R1", "R2", "R3"};
    static const char *const cn[3] = {"X1", "X2", "X3"};
    lp_model *lp = lp_new();
    fk_err err;
    mpq_t v;
    long i, j, idx;
    if (lp == NULL)
        return NULL;
    mpq_init(v);
    for (i = 0; i < 3; i++)
        lp_add_row(lp, rn[i], &idx, &err);
    for (j = 0; j < 3; j++) {
        lp_add_col(lp, cn[j], &idx, &err);
        lp_set_col_lo(lp, j, NULL);
        lp_set_col_hi(lp, j, NULL);
        mpq_set_si(v, (long)j + 1, 1);
        lp_set_obj(lp, j, v);
    }
    for (i = 0; i < 3; i++) {
        for (j = 0; j < 3; j++) {
            mpz_ui_pow_ui(mpq_numref(v), 10, e[i][j]);
            mpz_add_ui(mpq_numref(v), mpq_numref(v), p[i][j]);
            mpz_set_ui(mpq_denref(v), 1);
            lp_add_coef(lp, i, j, v, &err);
        }
        /* b_i = (10^1200 + 3 + i) / 7 */
        mpz_ui_pow_ui(mpq_numref(v), 10, 1200);
        mpz_add_ui(mpq_numref(v), mpq_numref(v), 3 + (unsigned long)i);
        mpz_set_ui(mpq_denref(v), 7);
        mpq_canonicalize(v);
        lp_set_row_lo(lp, i, v);
        lp_set_row_hi(lp, i, v);
    }
    mpq_clear(v);
    if (lp_finalize(lp, &err) != FK_OK) {
        lp_free(lp);
        return NULL;
    }
    return lp;
}

/* Change the last digit of the value on the first line starting with key
 * so that the value stays in lowest terms.  0 on success. */
static int bump_last_digit(char *text, const char *key)
{
    char *line = strstr(text, key), *end, *val;
    int d;
    if (line == NULL)
        return -1;
    line++; /* past the '\n' the key starts with */
    end = strchr(line, '\n');
    if (end == NULL)
        return -1;
    for (val = end; val > line && val[-1] != ' '; val--)
        ;
    if (val == line)
        return -1;
    val--; /* at the blank before the value */
    for (d = 1; d <= 9; d++) {
        char keep = end[-1], *s;
        mpq_t q;
        int canon;
        end[-1] = (char)('0' + (keep - '0' + d) % 10);
        s = malloc((size_t)(end - val));
        memcpy(s, val + 1, (size_t)(end - val - 1));
        s[end - val - 1] = '\0';
        mpq_init(q);
        canon = mpq_set_str(q, s, 10) == 0 && mpz_sgn(mpq_denref(q)) != 0;
        if (canon) {
            mpz_t g;
            mpz_init(g);
            mpz_gcd(g, mpq_numref(q), mpq_denref(q));
            canon = mpz_cmp_ui(g, 1) == 0;
            mpz_clear(g);
        }
        mpq_clear(q);
        free(s);
        if (canon)
            return 0;
        end[-1] = keep;
    }
    return -1;
}

static char *slurp_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    long len;
    char *s;
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    s = malloc((size_t)len + 1);
    if (s != NULL && fread(s, 1, (size_t)len, f) == (size_t)len)
        s[len] = '\0';
    else {
        free(s);
        s = NULL;
    }
    fclose(f);
    return s;
}

int test_huge(fk_rng *r);
int test_huge(fk_rng *r)
{
    char dir[] = "/tmp/fk-t-huge.XXXXXX", model[128], cert[128], mut[128];
    lp_model *src = huge_lp(), *lp = NULL;
    lp_answer res;
    solve_opts o;
    fk_err e;
    size_t maxdig = 0;
    long j;
    int rc;
    (void)r;
    if (!TL_CHECK(mkdtemp(dir) != NULL && src != NULL, "setup"))
        return TL_FAIL;
    snprintf(model, sizeof model, "%s/huge.mps", dir);
    snprintf(cert, sizeof cert, "%s/huge.cert", dir);
    snprintf(mut, sizeof mut, "%s/mutant.cert", dir);
    lp_answer_init(&res);
    if (!TL_CHECK(lp_write_mps(src, model, &e) == FK_OK, "lp_write_mps: %s", e.msg) ||
        !TL_CHECK(lp_read_file(&lp, model, &e) == FK_OK, "read back: %s: %s", e.where,
                  e.msg))
        goto done;
    solve_opts_default(&o);
    if (!TL_CHECK(solve_lp(&res, lp, &o, NULL, &e) == FK_OK, "solve_lp: %s", e.msg) ||
        !TL_CHECK(res.status == LP_OPTIMAL, "status %s, want optimal",
                  lp_status_str(res.status)))
        goto done;
    for (j = 0; j < lp->n; j++) {
        size_t a = mpz_sizeinbase(mpq_numref(res.x[j]), 10);
        size_t b = mpz_sizeinbase(mpq_denref(res.x[j]), 10);
        if (a > maxdig) maxdig = a;
        if (b > maxdig) maxdig = b;
    }
    TL_CHECK(maxdig >= 1000, "x has only %zu digits", maxdig);
    if (!TL_CHECK(cert_write(cert, model, lp, &res, &e) == FK_OK, "cert_write: %s", e.msg))
        goto done;
    rc = chk_files(model, cert, 1);
    TL_CHECK(rc == 0, "checker exit %d on the huge certificate, want 0", rc);
    {
        static const char *const keys[3] = {"\nx X2 ", "\ny R3 ", "\nobjective "};
        int k;
        for (k = 0; k < 3; k++) {
            char *text = slurp_file(cert);
            FILE *f;
            if (!TL_CHECK(text != NULL && bump_last_digit(text, keys[k]) == 0,
                          "cannot mutate '%s'", keys[k] + 1)) {
                free(text);
                continue;
            }
            f = fopen(mut, "wb");
            fputs(text, f);
            fclose(f);
            rc = chk_files(model, mut, 1);
            TL_CHECK(rc == 1, "last digit of '%s' changed: checker exit %d, want 1",
                     keys[k] + 1, rc);
            free(text);
        }
    }
    tl_report("huge numbers", tl_failed_now() ? TL_FAIL : TL_PASS,
              "3x3, numbers up to %zu digits", maxdig);
done:
    lp_answer_clear(&res);
    lp_free(lp);
    lp_free(src);
    remove(model);
    remove(cert);
    remove(mut);
    rmdir(dir);
    return TL_RESULT();
}
