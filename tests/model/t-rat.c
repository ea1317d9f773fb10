/* t-rat.c: exact parsing and printing of rationals (exact/model/rat.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>
#include <mpfr.h>

#include "rat.h"
#include "testlib.h"

/* z = random integer of up to `bits` bits (sign random if sgn). */
static void rand_mpz(mpz_t z, fk_rng *r, long bits, int sgn)
{
    long nw = (bits + 63) / 64, k;
    uint64_t w[64];
    if (nw > 64)
        nw = 64;
    for (k = 0; k < nw; k++)
        w[k] = fk_rng_next(r);
    mpz_import(z, (size_t)nw, -1, sizeof w[0], 0, 0, w);
    mpz_fdiv_r_2exp(z, z, (mp_bitcnt_t)fk_rng_range(r, 0, bits));
    if (sgn && (fk_rng_next(r) & 1))
        mpz_neg(z, z);
}

static void rand_mpq(mpq_t q, fk_rng *r, long bits)
{
    rand_mpz(mpq_numref(q), r, bits, 1);
    do
        rand_mpz(mpq_denref(q), r, bits > 0 ? bits : 1, 0);
    while (mpz_sgn(mpq_denref(q)) == 0);
    mpq_canonicalize(q);
}

static int check_parse(const char *s, const char *want)
{
    mpq_t q, w;
    int ok;
    size_t bad = 999;
    mpq_init(q);
    mpq_init(w);
    mpq_set_str(w, want, 10);
    mpq_canonicalize(w);
    ok = TL_CHECK(rat_set_str(q, s, strlen(s), &bad) == RAT_OK,
                  "'%s' rejected at %zu", s, bad) &&
         TL_CHECK(mpq_equal(q, w), "'%s' read as %s, want %s", s,
                  mpq_get_str(NULL, 10, q), want);
    mpq_clear(w);
    mpq_clear(q);
    return ok;
}

int test_rat_parse(fk_rng *r);
int test_rat_parse(fk_rng *r)
{
    static const char *const cases[][2] = {
        {"0.1", "1/10"},        {"1e-3", "1/1000"},   {"-2.5E+2", "-250"},
        {"3/4", "3/4"},         {".5", "1/2"},         {"5.", "5"},
        {"-.5e1", "-5"},        {"+7", "7"},           {"0", "0"},
        {"-0", "0"},            {"00012.500", "25/2"}, {"6/4", "3/2"},
        {"-6/4", "-3/2"},       {"0/5", "0"},          {"1E0", "1"},
        {"123456789012345678901234567890", "123456789012345678901234567890"},
        {"0.000000000000000000001", "1/1000000000000000000000"},
        {"1.5e-1", "3/20"},     {"2e+2", "200"},       {"+.25", "1/4"},
        {"12345678.9", "123456789/10"}, {"0e5", "0"},  {"1e100", "1" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000" "0000000000"},
    };
    size_t k;
    (void)r;
    for (k = 0; k < sizeof cases / sizeof *cases; k++)
        check_parse(cases[k][0], cases[k][1]);
    /* only s[0..len) is read */
    {
        mpq_t q;
        mpq_init(q);
        TL_CHECK(rat_set_str(q, "2.5xyz", 3, NULL) == RAT_OK &&
                     mpq_cmp_si(q, 5, 2) == 0,
                 "prefix '2.5' of '2.5xyz'");
        mpq_clear(q);
    }
    return TL_RESULT();
}

int test_rat_errors(fk_rng *r);
int test_rat_errors(fk_rng *r)
{
    static const struct {
        const char *s;
        int code;
        size_t bad;
    } cases[] = {
        {"", RAT_ESYNTAX, 0},      {"+", RAT_ESYNTAX, 1},
        {"-", RAT_ESYNTAX, 1},     {".", RAT_ESYNTAX, 1},
        {"1.2.3", RAT_ESYNTAX, 3}, {"1e", RAT_ESYNTAX, 2},
        {"1e+", RAT_ESYNTAX, 3},   {"--3", RAT_ESYNTAX, 1},
        {"3/0", RAT_EZERODIV, 2},  {"3/00", RAT_EZERODIV, 2},
        {"3/", RAT_ESYNTAX, 2},    {"/3", RAT_ESYNTAX, 0},
        {"1.5/2", RAT_ESYNTAX, 3}, {"3/-4", RAT_ESYNTAX, 2},
        {"3/4/5", RAT_ESYNTAX, 3}, {"inf", RAT_ESYNTAX, 0},
        {"nan", RAT_ESYNTAX, 0},   {"0x10", RAT_ESYNTAX, 1},
        {" 1", RAT_ESYNTAX, 0},    {"1 ", RAT_ESYNTAX, 1},
        {"1e5.5", RAT_ESYNTAX, 3}, {"e5", RAT_ESYNTAX, 0},
        {"1d5", RAT_ESYNTAX, 1},   {"1,5", RAT_ESYNTAX, 1},
        {"1e999999999", RAT_ELIMIT, 1},
        {"-2.5e-100001", RAT_ELIMIT, 4},
        {"1e99999999999999999999999999", RAT_ELIMIT, 1},
    };
    size_t k;
    mpq_t q;
    (void)r;
    mpq_init(q);
    for (k = 0; k < sizeof cases / sizeof *cases; k++) {
        size_t bad = 999;
        int rc;
        mpq_set_ui(q, 7, 1);
        rc = rat_set_str(q, cases[k].s, strlen(cases[k].s), &bad);
        TL_CHECK(rc == cases[k].code, "'%s': code %d, want %d", cases[k].s,
                 rc, cases[k].code);
        TL_CHECK(bad == cases[k].bad, "'%s': offset %zu, want %zu",
                 cases[k].s, bad, cases[k].bad);
        TL_CHECK(mpq_sgn(q) == 0, "'%s': r not left 0", cases[k].s);
    }
    TL_CHECK(strcmp(rat_strerror(RAT_ESYNTAX), "bad number") == 0,
             "rat_strerror");
    mpq_clear(q);
    return TL_RESULT();
}

int test_rat_limits(fk_rng *r);
int test_rat_limits(fk_rng *r)
{
    mpq_t q;
    size_t n = (size_t)RAT_MAX_DIGITS + 1, bad = 0;
    char *s = malloc(n + 8);
    char e[32];
    (void)r;
    mpq_init(q);
    /* exponents at the limit are fine, one past is refused */
    TL_CHECK(rat_set_str(q, "1e100000", 8, NULL) == RAT_OK &&
                 mpz_sizeinbase(mpq_numref(q), 10) == 100001,
             "1e100000");
    TL_CHECK(rat_set_str(q, "1e-100000", 9, NULL) == RAT_OK &&
                 mpz_sizeinbase(mpq_denref(q), 10) == 100001,
             "1e-100000");
    snprintf(e, sizeof e, "1e%ld", RAT_MAX_EXP + 1);
    TL_CHECK(rat_set_str(q, e, strlen(e), &bad) == RAT_ELIMIT && bad == 1,
             "%s", e);
    /* mantissa of exactly RAT_MAX_DIGITS digits is fine, one more is not */
    memset(s, '9', n + 2);
    TL_CHECK(rat_set_str(q, s, n - 1, NULL) == RAT_OK &&
                 mpz_sizeinbase(mpq_numref(q), 10) >= n - 1,
             "%ld nines", RAT_MAX_DIGITS);
    TL_CHECK(rat_set_str(q, s, n, &bad) == RAT_ELIMIT && bad == 0,
             "%zu nines", n);
    s[0] = '-';
    s[5] = '.';
    TL_CHECK(rat_set_str(q, s, n + 2, &bad) == RAT_ELIMIT && bad == 1,
             "-999.99... over the limit");
    /* a long denominator alone is refused too */
    memset(s, '7', n + 2);
    s[0] = '1';
    s[1] = '/';
    TL_CHECK(rat_set_str(q, s, n + 2, &bad) == RAT_ELIMIT && bad == 2,
             "1/777... over the limit");
    free(s);
    mpq_clear(q);
    return TL_RESULT();
}

int test_rat_roundtrip(fk_rng *r);
int test_rat_roundtrip(fk_rng *r)
{
    long it, iters = 2000 * tl_mult();
    mpq_t q, back, p10;
    mpz_t m;
    mpq_init(q);
    mpq_init(back);
    mpq_init(p10);
    mpz_init(m);
    for (it = 0; it < iters && !tl_failed_now(); it++) {
        long bits = it % 10 == 0 ? fk_rng_range(r, 100, 4000)
                                 : fk_rng_range(r, 0, 70);
        char *s;
        rand_mpq(q, r, bits);
        s = rat_get_str(q);
        if (!TL_CHECK(s != NULL, "rat_get_str NULL"))
            break;
        {
            char *g = mpq_get_str(NULL, 10, q); /* "p/q" or "p", like GMP */
            TL_CHECK(strcmp(s, g) == 0, "format of %s (GMP: %s)", s, g);
            free(g);
        }
        TL_CHECK(rat_set_str(back, s, strlen(s), NULL) == RAT_OK &&
                     mpq_equal(back, q),
                 "round trip of %s (seed %llu)", s,
                 (unsigned long long)tl_seed());
        free(s);
    }
    /* decimals: mantissa digits, a point somewhere, an exponent */
    for (it = 0; it < iters && !tl_failed_now(); it++) {
        char *ds, *str;
        long k = fk_rng_range(r, -40, 40), point, len;
        rand_mpz(m, r, fk_rng_range(r, 1, 200), 1);
        ds = mpz_get_str(NULL, 10, m);
        len = (long)strlen(ds);
        str = malloc((size_t)len + 40);
        /* insert a '.' at `point` digits from the end, adjust exponent */
        point = fk_rng_range(r, 0, len - (ds[0] == '-'));
        memcpy(str, ds, (size_t)(len - point));
        str[len - point] = '.';
        memcpy(str + len - point + 1, ds + len - point, (size_t)point);
        sprintf(str + len + 1, "%s%ld", (it & 1) ? "e" : "E", k + point);
        /* value = m * 10^k */
        mpz_ui_pow_ui(mpq_numref(p10), 10, (unsigned long)(k < 0 ? -k : k));
        mpz_set_ui(mpq_denref(p10), 1);
        if (k < 0)
            mpq_inv(p10, p10);
        mpq_set_z(q, m);
        mpq_mul(q, q, p10);
        TL_CHECK(rat_set_str(back, str, strlen(str), NULL) == RAT_OK &&
                     mpq_equal(back, q),
                 "decimal '%s' (seed %llu)", str,
                 (unsigned long long)tl_seed());
        free(str);
        free(ds);
    }
    mpz_clear(m);
    mpq_clear(p10);
    mpq_clear(back);
    mpq_clear(q);
    return TL_RESULT();
}

static int check_dec(const char *q_str, int digits, const char *want)
{
    mpq_t q;
    char *s;
    int ok;
    mpq_init(q);
    mpq_set_str(q, q_str, 10);
    mpq_canonicalize(q);
    s = rat_get_dec(q, digits);
    ok = TL_CHECK(s && strcmp(s, want) == 0, "rat_get_dec(%s, %d) = %s, want %s",
                  q_str, digits, s ? s : "NULL", want);
    free(s);
    mpq_clear(q);
    return ok;
}

int test_rat_dec(fk_rng *r);
int test_rat_dec(fk_rng *r)
{
    long it, iters = 3000 * tl_mult();
    mpq_t q;
    mpfr_t f;
    /* exact expectations, %g layout */
    check_dec("0", 6, "0");
    check_dec("-406659/875", 6, "-464.753");
    check_dec("-406659/875", 20, "-464.75314285714285714");
    check_dec("1/3", 6, "0.333333");
    check_dec("2/3", 6, "0.666667");
    check_dec("-2/3", 3, "-0.667");
    check_dec("1/8", 2, "0.12");      /* tie to even */
    check_dec("3/8", 2, "0.38");      /* tie to even */
    check_dec("5/2", 1, "2");
    check_dec("7/2", 1, "4");
    check_dec("-5/2", 1, "-2");
    check_dec("1104819737216889/20", 15, "55240986860844.4"); /* exact tie */
    check_dec("1104819737216891/20", 15, "55240986860844.6"); /* exact tie */
    check_dec("999999/1000000", 3, "1");  /* carry 0.999999 -> 1.00 */
    check_dec("999999/1000", 3, "1e+03"); /* carry 999.999 -> 1.00e3 */
    check_dec("9995/10", 3, "1e+03"); /* 999.5 -> 1.00e3 (tie, 999 odd) */
    check_dec("9985/10", 3, "998");   /* 998.5 -> 998 (tie to even) */
    check_dec("123456789", 4, "1.235e+08");
    check_dec("123456", 6, "123456");
    check_dec("1234567", 6, "1.23457e+06");
    check_dec("1/10000", 6, "0.0001");
    check_dec("1/100000", 6, "1e-05");
    check_dec("12345/1000000000", 3, "1.23e-05");
    check_dec("100", 1, "1e+02");
    check_dec("100", 3, "100");
    check_dec("1/2", 0, "0.5");
    check_dec("100000000000000000000000000000000000000000000000000000000000"
              "00000000000000000000000000000000000000000000000000000000000000"
              "000000000000000000000000000000000000000000000000000000000000",
              3, "1e+181");
    check_dec("5000000000000000000000000000001/10000000000000000000000000000000",
              1, "0.5");
    check_dec("15000000000000000000000000000001/10000000000000000000000000000000",
              1, "2"); /* just above the tie 1.5 */
    check_dec("14999999999999999999999999999999/10000000000000000000000000000000",
              1, "1"); /* just below */

    /* random: agree with MPFR on values it holds exactly (dyadic, so ties
     * occur) and on others at a precision far beyond any near-tie */
    mpq_init(q);
    mpfr_init2(f, 4096);
    for (it = 0; it < iters && !tl_failed_now(); it++) {
        int d = (int)fk_rng_range(r, 1, 30);
        char *mine, *ref = NULL;
        if (it & 1) {
            rand_mpz(mpq_numref(q), r, fk_rng_range(r, 1, 80), 1);
            mpz_set_ui(mpq_denref(q), 1);
            mpz_mul_2exp(mpq_denref(q), mpq_denref(q),
                         (mp_bitcnt_t)fk_rng_range(r, 0, 40));
            mpq_canonicalize(q);
        } else {
            /* a denominator with a prime other than 2 and 5 has no exact
             * decimal tie, which MPFR's binary rounding could misjudge */
            mpz_t den;
            mpz_init(den);
            do {
                rand_mpq(q, r, fk_rng_range(r, 1, 200));
                mpz_set(den, mpq_denref(q));
                while (mpz_divisible_ui_p(den, 2))
                    mpz_divexact_ui(den, den, 2);
                while (mpz_divisible_ui_p(den, 5))
                    mpz_divexact_ui(den, den, 5);
            } while (mpz_cmp_ui(den, 1) == 0);
            mpz_clear(den);
        }
        mpfr_set_q(f, q, MPFR_RNDN);
        if (mpfr_asprintf(&ref, "%.*Rg", d, f) < 0)
            break;
        mine = rat_get_dec(q, d);
        TL_CHECK(mine && strcmp(mine, ref) == 0,
                 "rat_get_dec(%s, %d) = %s, MPFR says %s (seed %llu)",
                 mpq_get_str(NULL, 10, q), d, mine ? mine : "NULL", ref,
                 (unsigned long long)tl_seed());
        free(mine);
        mpfr_free_str(ref);
    }
    mpfr_clear(f);
    mpq_clear(q);
    return TL_RESULT();
}
