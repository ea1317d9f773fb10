/* rat.c: exact parsing and printing of rationals (see rat.h).
 *
 * Parsing never goes through double: the mantissa digits become an mpz,
 * the decimal point and exponent become a power of ten in the numerator
 * or the denominator.  Printing to a fixed number of significant digits is
 * done exactly with mpz arithmetic (scale by a power of ten, round half to
 * even), which is what MPFR's round-to-nearest would give on the exact
 * value, without depending on a working precision being "large enough". */
#include "rat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* z = the decimal digits of s[0..n), skipping at most one '.' (the caller
 * has checked the syntax).  Returns 0, or -1 if a buffer could not be
 * allocated.  Short runs avoid the allocation altogether. */
static int digits_to_mpz(mpz_t z, const char *s, size_t n)
{
    char small[40];
    char *buf = small;
    size_t k = 0, i;
    if (n + 1 > sizeof small) {
        buf = malloc(n + 1);
        if (buf == NULL)
            return -1;
    }
    for (i = 0; i < n; i++)
        if (s[i] != '.')
            buf[k++] = s[i];
    buf[k] = '\0';
    if (k <= 9) { /* fits any unsigned long: the common case in MPS files */
        unsigned long v = 0;
        for (i = 0; i < k; i++)
            v = v * 10 + (unsigned long)(buf[i] - '0');
        mpz_set_ui(z, v);
    } else {
        mpz_set_str(z, buf, 10); /* digits only: cannot fail */
    }
    if (buf != small)
        free(buf);
    return 0;
}

int rat_set_str(mpq_t r, const char *s, size_t len, size_t *bad)
{
    size_t i = 0, d1, nint, nfrac = 0, epos = 0, mstart;
    long e = 0;
    int neg = 0, eneg = 0, ebig = 0, rc = RAT_OK;
    size_t badpos = 0;

    mpq_set_ui(r, 0, 1);
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    mstart = d1 = i;
    while (i < len && is_digit(s[i]))
        i++;
    nint = i - d1;

    if (i < len && s[i] == '/') {
        /* p/q: digits on both sides, nothing else */
        size_t d2 = i + 1, j = d2;
        if (nint == 0) {
            rc = RAT_ESYNTAX, badpos = i;
            goto done;
        }
        while (j < len && is_digit(s[j]))
            j++;
        if (j == d2 || j != len) {
            rc = RAT_ESYNTAX, badpos = j;
            goto done;
        }
        if (nint > (size_t)RAT_MAX_DIGITS) {
            rc = RAT_ELIMIT, badpos = d1;
            goto done;
        }
        if (len - d2 > (size_t)RAT_MAX_DIGITS) {
            rc = RAT_ELIMIT, badpos = d2;
            goto done;
        }
        if (digits_to_mpz(mpq_denref(r), s + d2, len - d2) != 0) {
            rc = RAT_ELIMIT, badpos = d2;
            goto done;
        }
        if (mpz_sgn(mpq_denref(r)) == 0) {
            mpz_set_ui(mpq_denref(r), 1);
            rc = RAT_EZERODIV, badpos = d2;
            goto done;
        }
        if (digits_to_mpz(mpq_numref(r), s + d1, nint) != 0) {
            mpq_set_ui(r, 0, 1);
            rc = RAT_ELIMIT, badpos = d1;
            goto done;
        }
        if (neg)
            mpz_neg(mpq_numref(r), mpq_numref(r));
        mpq_canonicalize(r);
        goto done;
    }

    if (i < len && s[i] == '.') {
        size_t f = ++i;
        while (i < len && is_digit(s[i]))
            i++;
        nfrac = i - f;
    }
    if (nint + nfrac == 0) {
        rc = RAT_ESYNTAX, badpos = i;
        goto done;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        size_t ed;
        epos = i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        ed = i;
        while (i < len && is_digit(s[i])) {
            /* saturate: the limit check below reports it */
            if (!ebig) {
                e = e * 10 + (s[i] - '0');
                if (e > RAT_MAX_EXP)
                    ebig = 1;
            }
            i++;
        }
        if (i == ed) {
            rc = RAT_ESYNTAX, badpos = i;
            goto done;
        }
    }
    if (i != len) {
        rc = RAT_ESYNTAX, badpos = i;
        goto done;
    }
    if (nint + nfrac > (size_t)RAT_MAX_DIGITS) {
        rc = RAT_ELIMIT, badpos = mstart;
        goto done;
    }
    if (ebig) {
        rc = RAT_ELIMIT, badpos = epos;
        goto done;
    }
    {
        /* value = mantissa * 10^(e - nfrac) */
        size_t mlen = nint + nfrac + (nfrac ? 1 : 0);
        long k = (eneg ? -e : e) - (long)nfrac;
        if (nint == 0)
            mlen = nfrac + 1; /* ".digits" */
        if (digits_to_mpz(mpq_numref(r), s + mstart, mlen) != 0) {
            rc = RAT_ELIMIT, badpos = mstart;
            goto done;
        }
        if (mpz_sgn(mpq_numref(r)) != 0 && k != 0) {
            if (k > 0) {
                mpz_t p;
                mpz_init(p);
                mpz_ui_pow_ui(p, 10, (unsigned long)k);
                mpz_mul(mpq_numref(r), mpq_numref(r), p);
                mpz_clear(p);
            } else {
                mpz_ui_pow_ui(mpq_denref(r), 10, (unsigned long)-k);
            }
        }
        if (neg)
            mpz_neg(mpq_numref(r), mpq_numref(r));
        mpq_canonicalize(r);
    }

done:
    if (rc != RAT_OK && bad != NULL)
        *bad = badpos;
    return rc;
}

const char *rat_strerror(int code)
{
    switch (code) {
    case RAT_OK:
        return "ok";
    case RAT_ESYNTAX:
        return "bad number";
    case RAT_EZERODIV:
        return "division by zero";
    case RAT_ELIMIT:
        return "number too large";
    default:
        return "unknown number error";
    }
}

char *rat_get_str(const mpq_t q)
{
    /* sizeinbase may overshoot by one; +3 for sign, '/' and NUL */
    size_t n = mpz_sizeinbase(mpq_numref(q), 10) +
               mpz_sizeinbase(mpq_denref(q), 10) + 3;
    char *s = malloc(n);
    if (s == NULL)
        return NULL;
    mpq_get_str(s, 10, q);
    return s;
}

/* The digit string of N (exactly `digits` characters) in %g layout with
 * decimal exponent x (value = 0.d1d2... * 10^(x+1)). */
static char *format_g(int neg, const char *dig, int digits, long x)
{
    /* room for sign, "0.", up to 4 leading zeros, digits, exponent */
    size_t cap = (size_t)digits + 32;
    char *out = malloc(cap);
    char *p = out;
    int k, last;
    if (out == NULL)
        return NULL;
    if (neg)
        *p++ = '-';
    /* significant digits after trailing zeros are stripped (no '#' flag) */
    last = digits - 1;
    while (last > 0 && dig[last] == '0')
        last--;
    if (x < digits && x >= -4) {
        if (x >= 0) {
            for (k = 0; k <= x; k++)
                *p++ = dig[k];
            if (last > x) {
                *p++ = '.';
                for (k = (int)x + 1; k <= last; k++)
                    *p++ = dig[k];
            }
        } else {
            *p++ = '0';
            *p++ = '.';
            for (k = 0; k < -x - 1; k++)
                *p++ = '0';
            for (k = 0; k <= last; k++)
                *p++ = dig[k];
        }
        *p = '\0';
    } else {
        *p++ = dig[0];
        if (last > 0) {
            *p++ = '.';
            for (k = 1; k <= last; k++)
                *p++ = dig[k];
        }
        snprintf(p, cap - (size_t)(p - out), "e%c%02ld", x < 0 ? '-' : '+',
                 x < 0 ? -x : x);
    }
    return out;
}

char *rat_get_dec(const mpq_t q, int digits)
{
    mpq_t t, lim;
    mpz_t n, rem, p10;
    long x;
    char *dig = NULL, *out = NULL;
    int cmp;

    if (digits < 1)
        digits = 1;
    if (mpq_sgn(q) == 0)
        return format_g(0, "0", 1, 0);

    mpq_init(t);
    mpq_init(lim);
    mpz_init(n);
    mpz_init(rem);
    mpz_init(p10);

    /* x estimates floor(log10 |q|) to within a couple; fixed up below */
    x = (long)mpz_sizeinbase(mpq_numref(q), 10) -
        (long)mpz_sizeinbase(mpq_denref(q), 10);

    /* t = |q| * 10^(digits-1-x), brought into [10^(digits-1), 10^digits) */
    mpq_abs(t, q);
    {
        long k = digits - 1 - x;
        mpz_ui_pow_ui(p10, 10, (unsigned long)(k < 0 ? -k : k));
        if (k >= 0)
            mpz_mul(mpq_numref(t), mpq_numref(t), p10);
        else
            mpz_mul(mpq_denref(t), mpq_denref(t), p10);
        mpq_canonicalize(t);
    }
    mpz_ui_pow_ui(mpq_numref(lim), 10, (unsigned long)digits);
    mpz_set_ui(mpq_denref(lim), 1);
    while (mpq_cmp(t, lim) >= 0) {
        mpz_mul_ui(mpq_denref(t), mpq_denref(t), 10);
        mpq_canonicalize(t);
        x++;
    }
    mpz_divexact_ui(mpq_numref(lim), mpq_numref(lim), 10);
    while (mpq_cmp(t, lim) < 0) {
        mpz_mul_ui(mpq_numref(t), mpq_numref(t), 10);
        mpq_canonicalize(t);
        x--;
    }

    /* n = t rounded to nearest, ties to even */
    mpz_fdiv_qr(n, rem, mpq_numref(t), mpq_denref(t));
    mpz_mul_2exp(rem, rem, 1);
    cmp = mpz_cmp(rem, mpq_denref(t));
    if (cmp > 0 || (cmp == 0 && mpz_odd_p(n)))
        mpz_add_ui(n, n, 1);
    mpz_mul_ui(p10, mpq_numref(lim), 10);
    if (mpz_cmp(n, p10) == 0) { /* 9.99.. rounded up to 10.0.. */
        mpz_set(n, mpq_numref(lim));
        x++;
    }

    dig = malloc((size_t)digits + 2);
    if (dig == NULL)
        goto cleanup;
    mpz_get_str(dig, 10, n);
    out = format_g(mpq_sgn(q) < 0, dig, digits, x);

cleanup:
    free(dig);
    mpz_clear(p10);
    mpz_clear(rem);
    mpz_clear(n);
    mpq_clear(lim);
    mpq_clear(t);
    return out;
}
