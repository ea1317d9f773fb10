/* pchk_poly.h: dense polynomials in t with mpq coefficients, for the
 * parametric checker only (see pchk.h for why not FLINT).
 *
 * c[0..len) are the coefficients of t^0 .. t^(len-1); len is kept so that
 * c[len-1] != 0 (len == 0 is the zero polynomial).  alloc entries are
 * mpq_init'ed.  Outputs come first and may not alias inputs unless said. */
#ifndef PCHK_POLY_H
#define PCHK_POLY_H

#include <gmp.h>

typedef struct {
    long len, alloc;
    mpq_t *c;
} pq_poly;

void pq_init(pq_poly *p);
void pq_clear(pq_poly *p);
void pq_fit(pq_poly *p, long len);          /* at least len entries, new ones 0 */
void pq_norm(pq_poly *p);                   /* drop leading zeros */
void pq_set(pq_poly *r, const pq_poly *p);  /* r may be p */
void pq_zero(pq_poly *p);
int pq_is_zero(const pq_poly *p);
void pq_add(pq_poly *r, const pq_poly *p, const pq_poly *q);  /* r may alias */
void pq_sub(pq_poly *r, const pq_poly *p, const pq_poly *q);  /* r may alias */
void pq_mul(pq_poly *r, const pq_poly *p, const pq_poly *q);  /* r may alias */
void pq_neg(pq_poly *r, const pq_poly *p);                    /* r may be p */
void pq_eval(mpq_t v, const pq_poly *p, const mpq_t t);
int pq_sign_at(const pq_poly *p, const mpq_t t);

void pq_deriv(pq_poly *r, const pq_poly *p);
void pq_gcd(pq_poly *g, const pq_poly *p, const pq_poly *q);   /* p != 0; up to a constant */

/* o = the product of p's irreducible factors of odd multiplicity (p != 0;
 * up to a constant): p changes sign exactly at o's real roots. */
void pq_odd_part(pq_poly *o, const pq_poly *p);

/* The number of distinct real roots of p (not 0) in the open interval
 * (a, b), a < b. */
long pq_roots_in(const pq_poly *p, const mpq_t a, const mpq_t b);

#endif
