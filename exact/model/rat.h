/* rat.h: exact reading and printing of rationals.
 *
 * Decimals are parsed digit by digit into an mpq, never through double:
 * "0.1" is 1/10, "1e-3" is 1/1000, "-2.5E+2" is -250, "3/4" is 3/4.
 * Accepted syntax (the whole of s[0..len) must match, no white space):
 *     [+-] digits [ . digits ] [ (e|E) [+-] digits ]     at least one digit overall
 *     [+-] . digits [ exponent ]
 *     [+-] digits / digits                                nonzero denominator
 * The result is canonical.  Exponents beyond +-RAT_MAX_EXP and mantissas
 * longer than RAT_MAX_DIGITS digits are refused (RAT_ELIMIT), so a hostile
 * "1e999999999" cannot exhaust memory. */
#ifndef RAT_H
#define RAT_H

#include <stddef.h>
#include <gmp.h>

#define RAT_MAX_EXP 100000L
#define RAT_MAX_DIGITS 1000000L

enum {
    RAT_OK = 0,
    RAT_ESYNTAX = -1, /* not a number in the syntax above */
    RAT_EZERODIV = -2, /* p/0 */
    RAT_ELIMIT = -3 /* exponent or length over the limits */
};

/* r = value of s[0..len).  On error r is left 0 and a RAT_E* code is
 * returned; *bad (if not NULL) receives the offset of the first offending
 * character, for "file:line:col" messages. */
int rat_set_str(mpq_t r, const char *s, size_t len, size_t *bad);

/* A short English description of a RAT_E* code ("bad number", ...). */
const char *rat_strerror(int code);

/* Newly malloc'ed "p/q" (or "p" when q == 1).  NULL on allocation failure. */
char *rat_get_str(const mpq_t q);

/* Newly malloc'ed decimal rendering of q correctly rounded (exactly, in
 * mpz arithmetic, round half to even) to `digits` significant digits, in the form "-464.753" or
 * "1.2345e+20" for large/small magnitudes (%.*Rg style).  NULL on failure. */
char *rat_get_dec(const mpq_t q, int digits);

#endif
