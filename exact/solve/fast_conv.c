/* fast_conv.c: mpq -> binary128 (fk_mpq_get_q, see fast.h), the input
 * conversion of the binary128 float phase (fast_q.c: R_GET in fast.c).
 *
 * Mathematics: numerator and denominator are each truncated to their
 * leading 150 bits (a shift by a power of two, remembered) and read as
 * three 50-bit digits, each exact in a double, by Horner's rule in
 * binary128 (113-bit rounding); the quotient of the two is within a few
 * ulps of the rational, and the shifts come back as multiplications by
 * powers of two, exact in binary floating point. */
#include "fast.h"

#include <gmp.h>

/* mpq -> binary128, correctly truncated to 113 bits of each of numerator
 * and denominator (their quotient is then within a few ulps): digits
 * taken 50 bits at a time, each exact in a double. */
static __float128 z_get_q(const mpz_t z, long *e)
{
    mpz_t t, c;
    long sh = (long)mpz_sizeinbase(z, 2) - 150;
    __float128 r = 0;
    int k;
    mpz_inits(t, c, NULL);
    if (sh > 0)
        mpz_tdiv_q_2exp(t, z, (mp_bitcnt_t)sh);
    else
        mpz_set(t, z);
    if (sh < 0)
        sh = 0;
    for (k = 2; k >= 0; k--) {
        mpz_tdiv_q_2exp(c, t, (mp_bitcnt_t)(50 * k));
        mpz_tdiv_r_2exp(c, c, 50);
        if (mpz_sgn(t) < 0)
            mpz_neg(c, c), mpz_tdiv_r_2exp(c, c, 50), mpz_neg(c, c);
        r = r * 1125899906842624.0 /* 2^50 */ + (__float128)mpz_get_d(c);
    }
    mpz_clears(t, c, NULL);
    *e = sh;
    return r;
}

__float128 fk_mpq_get_q(const mpq_t v)
{
    long en, ed, e;
    __float128 r;
    if (!mpq_sgn(v))
        return 0;
    r = z_get_q(mpq_numref(v), &en) / z_get_q(mpq_denref(v), &ed);
    for (e = en - ed; e > 0; e -= e > 60 ? 60 : e)
        r *= (__float128)(double)(1ULL << (e > 60 ? 60 : e));
    for (e = ed - en; e > 0; e -= e > 60 ? 60 : e)
        r /= (__float128)(double)(1ULL << (e > 60 ? 60 : e));
    return r;
}
