/* par_alg.c: real algebraic breakpoints (par.h, par_alg): the root of an
 * irreducible g in Z[t] of degree >= 2 isolated in a rational interval.
 *
 * Such a root is never rational, so a rational r is never equal to it
 * and bisection at a rational midpoint never lands on it; every
 * comparison below terminates.  Two such roots are equal only if their
 * polynomials are (g is kept primitive with a positive leading
 * coefficient, so equal means identical) and one root of g lies in both
 * intervals. */
#include <stdlib.h>
#include <string.h>

#include <flint/fmpz_poly_factor.h>

#include "par.h"

void par_alg_init(par_alg *x)
{
    fmpz_poly_init(x->g);
    mpq_init(x->lo);
    mpq_init(x->hi);
}

void par_alg_clear(par_alg *x)
{
    fmpz_poly_clear(x->g);
    mpq_clear(x->lo);
    mpq_clear(x->hi);
}

void par_alg_set(par_alg *x, const par_alg *y)
{
    fmpz_poly_set(x->g, y->g);
    mpq_set(x->lo, y->lo);
    mpq_set(x->hi, y->hi);
}

par_alg *par_alg_dup(const par_alg *y)
{
    par_alg *x = malloc(sizeof *x);
    if (!x)
        return NULL;
    par_alg_init(x);
    par_alg_set(x, y);
    return x;
}

void par_alg_free(par_alg *x)
{
    if (x) {
        par_alg_clear(x);
        free(x);
    }
}

static int sgn_at(const fmpz_poly_t g, const mpq_t t)
{
    fmpq_poly_t p;
    mpq_t v;
    int s;
    fmpq_poly_init(p);
    mpq_init(v);
    fmpq_poly_set_fmpz_poly(p, g);
    fmpq_poly_evaluate_mpq(v, p, t);
    s = mpq_sgn(v);
    mpq_clear(v);
    fmpq_poly_clear(p);
    return s;
}

/* halve x's interval, keeping the root: g changes sign across it (a
 * simple root, g(lo), g(hi) != 0) */
static void halve(par_alg *x)
{
    mpq_t m;
    mpq_init(m);
    mpq_add(m, x->lo, x->hi);
    mpq_div_2exp(m, m, 1);
    if (sgn_at(x->g, m) == sgn_at(x->g, x->lo))
        mpq_set(x->lo, m);
    else
        mpq_set(x->hi, m);
    mpq_clear(m);
}

int par_alg_cmp_q(par_alg *x, const mpq_t r)
{
    if (mpq_cmp(r, x->lo) <= 0)
        return 1;
    if (mpq_cmp(r, x->hi) >= 0)
        return -1;
    /* r inside: it becomes an end (g(r) != 0, g has no rational root) */
    if (sgn_at(x->g, r) == sgn_at(x->g, x->lo)) {
        mpq_set(x->lo, r);
        return 1;
    }
    mpq_set(x->hi, r);
    return -1;
}

void par_alg_avoid(par_alg *x, const mpq_t r)
{
    (void)par_alg_cmp_q(x, r);
    while (mpq_equal(x->lo, r) || mpq_equal(x->hi, r))
        halve(x);
}

int par_alg_cmp(par_alg *x, par_alg *y)
{
    for (;;) {
        mpq_t L, H;
        int inside;
        if (mpq_cmp(x->hi, y->lo) <= 0)
            return -1;
        if (mpq_cmp(y->hi, x->lo) <= 0)
            return 1;
        if (fmpz_poly_equal(x->g, y->g)) {
            /* the same g: one root in both intervals means the same root */
            mpq_init(L);
            mpq_init(H);
            mpq_set(L, mpq_cmp(x->lo, y->lo) > 0 ? x->lo : y->lo);
            mpq_set(H, mpq_cmp(x->hi, y->hi) < 0 ? x->hi : y->hi);
            inside = sgn_at(x->g, L) != sgn_at(x->g, H);
            mpq_clear(L);
            mpq_clear(H);
            if (inside)
                return 0;
        }
        /* distinct roots: narrowing the wider interval separates them */
        {
            mpq_t wx, wy;
            mpq_init(wx);
            mpq_init(wy);
            mpq_sub(wx, x->hi, x->lo);
            mpq_sub(wy, y->hi, y->lo);
            halve(mpq_cmp(wx, wy) >= 0 ? x : y);
            mpq_clear(wx);
            mpq_clear(wy);
        }
    }
}

int par_alg_sign(const fmpq_poly_t p, par_alg *x)
{
    fmpz_poly_t num, gc, sq;
    int s = 0;
    if (fmpq_poly_is_zero(p))
        return 0;
    fmpz_poly_init(num);
    fmpz_poly_init(gc);
    fmpz_poly_init(sq);
    fmpq_poly_get_numerator(num, p);
    fmpz_poly_gcd(gc, num, x->g);
    if (fmpz_poly_degree(gc) < 1) {
        /* p(root) != 0: narrow until p has no root in the closed interval
         * (Sturm on p's squarefree part); it terminates as p is nonzero
         * near the root */
        fmpz_poly_derivative(sq, num);
        fmpz_poly_gcd(gc, num, sq);
        fmpz_poly_div(sq, num, gc);
        for (;;) {
            int sl = sgn_at(num, x->lo), sh = sgn_at(num, x->hi);
            if (sl != 0 && sl == sh && par_sturm_count(sq, x->lo, x->hi) == 0) {
                s = sl;
                break;
            }
            halve(x);
        }
    }
    fmpz_poly_clear(sq);
    fmpz_poly_clear(gc);
    fmpz_poly_clear(num);
    return s;
}

/* ---- text ------------------------------------------------------------------ */

/* a sqrt(d) with a square factor k^2 of d (trial division, small k) moved
 * out: d = k^2 d' */
static void sqrt_split(mpz_t k, mpz_t d)
{
    unsigned long f;
    mpz_t f2, r;
    mpz_init(f2);
    mpz_init(r);
    mpz_set_ui(k, 1);
    for (f = 2; f < 2000; f++) {
        mpz_set_ui(f2, f * f);
        if (mpz_cmp(f2, d) > 0)
            break;
        while (mpz_divisible_p(d, f2)) {
            mpz_divexact(d, d, f2);
            mpz_mul_ui(k, k, f);
        }
    }
    if (mpz_perfect_square_p(d)) {   /* cannot be: g is irreducible */
        mpz_sqrt(r, d);
        mpz_mul(k, k, r);
        mpz_set_ui(d, 1);
    }
    mpz_clear(f2);
    mpz_clear(r);
}

char *par_alg_str(const par_alg *x, const char *var)
{
    char *out = NULL;
    if (fmpz_poly_degree(x->g) == 2) {
        /* (-b +- sqrt(D)) / (2a), the sign that of the root's side of -b/(2a) */
        mpz_t a, b, c, D, k;
        mpq_t u, w;
        char *su, *sw, *sd;
        int plus;
        mpz_inits(a, b, c, D, k, NULL);
        mpq_inits(u, w, NULL);
        fmpz_poly_get_coeff_mpz(c, x->g, 0);
        fmpz_poly_get_coeff_mpz(b, x->g, 1);
        fmpz_poly_get_coeff_mpz(a, x->g, 2);
        mpz_mul(D, b, b);
        mpz_mul(k, a, c);
        mpz_submul_ui(D, k, 4);
        sqrt_split(k, D);
        mpq_set_z(u, b);
        mpq_neg(u, u);
        mpz_mul_ui(mpq_denref(u), a, 2);   /* a > 0 */
        mpq_canonicalize(u);               /* -b/(2a) */
        mpq_set_z(w, k);
        mpz_mul_ui(mpq_denref(w), a, 2);
        mpq_canonicalize(w);               /* k/(2a): root = u +- w sqrt(D') */
        {
            par_alg cp;                    /* which side of the centre -b/(2a): exactly */
            par_alg_init(&cp);
            par_alg_set(&cp, x);
            plus = par_alg_cmp_q(&cp, u) > 0;
            par_alg_clear(&cp);
        }
        su = mpq_get_str(NULL, 10, u);
        sw = mpq_get_str(NULL, 10, w);
        sd = mpz_get_str(NULL, 10, D);
        if (su && sw && sd) {
            size_t len = strlen(su) + strlen(sw) + strlen(sd) + 32;
            /* wpart as long as out: a discriminant of any size is printed whole */
            char *wpart = malloc(len);
            if (wpart && (out = malloc(len))) {
                int one = mpq_cmp_ui(w, 1, 1) == 0;
                if (one)
                    snprintf(wpart, len, "sqrt(%s)", sd);
                else if (mpz_cmp_ui(mpq_numref(w), 1) == 0)
                    snprintf(wpart, len, "sqrt(%s)/%s", sd, strchr(sw, '/') + 1);
                else
                    snprintf(wpart, len, "%s*sqrt(%s)", sw, sd);
                if (mpq_sgn(u) == 0)
                    snprintf(out, len, "%s%s", plus ? "" : "-", wpart);
                else
                    snprintf(out, len, "%s %s %s", su, plus ? "+" : "-", wpart);
            }
            free(wpart);
        }
        free(su);
        free(sw);
        free(sd);
        mpq_clears(u, w, NULL);
        mpz_clears(a, b, c, D, k, NULL);
        (void)var;
        return out;
    }
    {
        fmpq_poly_t p;
        char *sp, *sl, *sh;
        fmpq_poly_init(p);
        fmpq_poly_set_fmpz_poly(p, x->g);
        sp = par_poly_str(p, var);
        sl = mpq_get_str(NULL, 10, x->lo);
        sh = mpq_get_str(NULL, 10, x->hi);
        if (sp && sl && sh) {
            size_t len = strlen(sp) + strlen(sl) + strlen(sh) + 40;
            if ((out = malloc(len)))
                snprintf(out, len, "root of %s in (%s, %s)", sp, sl, sh);
        }
        free(sp);
        free(sl);
        free(sh);
        fmpq_poly_clear(p);
        return out;
    }
}
