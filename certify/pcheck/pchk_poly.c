/* pchk_poly.c: the parametric checker's polynomials and Sturm counts
 * (pchk_poly.h).  Written plainly: the polynomials in certificates have
 * small degree, so schoolbook products and Euclid's remainders suffice. */
#include <stdlib.h>

#include "pchk_poly.h"

void pq_init(pq_poly *p)
{
    p->len = p->alloc = 0;
    p->c = NULL;
}

void pq_clear(pq_poly *p)
{
    long k;
    for (k = 0; k < p->alloc; k++)
        mpq_clear(p->c[k]);
    free(p->c);
    pq_init(p);
}

void pq_fit(pq_poly *p, long len)
{
    long k;
    if (len > p->alloc) {
        mpq_t *c = realloc(p->c, (size_t)len * sizeof *c);
        if (!c)
            abort(); /* as GMP does on a failed allocation */
        p->c = c;
        for (k = p->alloc; k < len; k++)
            mpq_init(p->c[k]);
        p->alloc = len;
    }
    for (k = p->len; k < len; k++)
        mpq_set_ui(p->c[k], 0, 1);
    if (len > p->len)
        p->len = len;
}

void pq_norm(pq_poly *p)
{
    while (p->len > 0 && mpq_sgn(p->c[p->len - 1]) == 0)
        p->len--;
}

void pq_zero(pq_poly *p)
{
    p->len = 0;
}

int pq_is_zero(const pq_poly *p)
{
    return p->len == 0;
}

void pq_set(pq_poly *r, const pq_poly *p)
{
    long k;
    if (r == p)
        return;
    r->len = 0;
    pq_fit(r, p->len);
    for (k = 0; k < p->len; k++)
        mpq_set(r->c[k], p->c[k]);
    r->len = p->len;
}

static void addsub(pq_poly *r, const pq_poly *p, const pq_poly *q, int sub)
{
    long n = p->len > q->len ? p->len : q->len, k;
    pq_poly t;
    pq_init(&t);
    pq_fit(&t, n);
    for (k = 0; k < n; k++) {
        if (k < p->len)
            mpq_set(t.c[k], p->c[k]);
        if (k < q->len) {
            if (sub)
                mpq_sub(t.c[k], t.c[k], q->c[k]);
            else
                mpq_add(t.c[k], t.c[k], q->c[k]);
        }
    }
    pq_norm(&t);
    pq_set(r, &t);
    pq_clear(&t);
}

void pq_add(pq_poly *r, const pq_poly *p, const pq_poly *q) { addsub(r, p, q, 0); }
void pq_sub(pq_poly *r, const pq_poly *p, const pq_poly *q) { addsub(r, p, q, 1); }

void pq_mul(pq_poly *r, const pq_poly *p, const pq_poly *q)
{
    long i, j;
    pq_poly t;
    mpq_t x;
    if (p->len == 0 || q->len == 0) {
        pq_zero(r);
        return;
    }
    pq_init(&t);
    mpq_init(x);
    pq_fit(&t, p->len + q->len - 1);
    for (i = 0; i < p->len; i++)
        for (j = 0; j < q->len; j++) {
            mpq_mul(x, p->c[i], q->c[j]);
            mpq_add(t.c[i + j], t.c[i + j], x);
        }
    pq_norm(&t);
    pq_set(r, &t);
    mpq_clear(x);
    pq_clear(&t);
}

void pq_neg(pq_poly *r, const pq_poly *p)
{
    long k;
    pq_set(r, p);
    for (k = 0; k < r->len; k++)
        mpq_neg(r->c[k], r->c[k]);
}

void pq_eval(mpq_t v, const pq_poly *p, const mpq_t t)
{
    long k;
    mpq_t acc;
    mpq_init(acc);
    for (k = p->len - 1; k >= 0; k--) {  /* Horner */
        mpq_mul(acc, acc, t);
        mpq_add(acc, acc, p->c[k]);
    }
    mpq_set(v, acc);
    mpq_clear(acc);
}

int pq_sign_at(const pq_poly *p, const mpq_t t)
{
    mpq_t v;
    int s;
    mpq_init(v);
    pq_eval(v, p, t);
    s = mpq_sgn(v);
    mpq_clear(v);
    return s;
}

/* q = p div d, r = p mod d (d != 0); q, r distinct from p, d */
static void divrem(pq_poly *q, pq_poly *r, const pq_poly *p, const pq_poly *d)
{
    long k, j;
    mpq_t f, x;
    mpq_init(f);
    mpq_init(x);
    pq_set(r, p);
    pq_zero(q);
    if (p->len >= d->len)
        pq_fit(q, p->len - d->len + 1);
    for (k = r->len - d->len; k >= 0; k--) {
        if (r->len - 1 != k + d->len - 1)
            continue; /* this power is already zero */
        mpq_div(f, r->c[r->len - 1], d->c[d->len - 1]);
        mpq_set(q->c[k], f);
        for (j = 0; j < d->len; j++) {
            mpq_mul(x, f, d->c[j]);
            mpq_sub(r->c[k + j], r->c[k + j], x);
        }
        pq_norm(r);
    }
    pq_norm(q);
    mpq_clear(x);
    mpq_clear(f);
}

void pq_deriv(pq_poly *r, const pq_poly *p)
{
    long k;
    mpq_t kq;
    mpq_init(kq);
    pq_zero(r);
    if (p->len > 1)
        pq_fit(r, p->len - 1);
    for (k = 1; k < p->len; k++) {
        mpq_set_ui(kq, (unsigned long)k, 1);
        mpq_mul(r->c[k - 1], p->c[k], kq);
    }
    pq_norm(r);
    mpq_clear(kq);
}

/* g = gcd(p, q), p != 0 (up to a constant factor) */
void pq_gcd(pq_poly *g, const pq_poly *p, const pq_poly *q)
{
    pq_poly a, b, qq, r;
    pq_init(&a);
    pq_init(&b);
    pq_init(&qq);
    pq_init(&r);
    pq_set(&a, p);
    pq_set(&b, q);
    while (!pq_is_zero(&b)) {
        divrem(&qq, &r, &a, &b);
        pq_set(&a, &b);
        pq_set(&b, &r);
    }
    pq_set(g, &a);
    pq_clear(&a);
    pq_clear(&b);
    pq_clear(&qq);
    pq_clear(&r);
}

void pq_odd_part(pq_poly *o, const pq_poly *p)
{
    /* Yun: with a0 = gcd(p, p'), b = p / a0, d = p'/a0 - b', each step
     * a = gcd(b, d) is the product of the factors of multiplicity i
     * (i = 1, 2, ...), b /= a, d = d / a - b' */
    pq_poly a, b, d, t, r, db;
    long i;
    pq_init(&a);
    pq_init(&b);
    pq_init(&d);
    pq_init(&t);
    pq_init(&r);
    pq_init(&db);
    pq_zero(o);
    pq_fit(o, 1);
    mpq_set_ui(o->c[0], 1, 1);
    o->len = 1;
    pq_deriv(&t, p);
    pq_gcd(&a, p, &t);
    divrem(&b, &r, p, &a);
    divrem(&d, &r, &t, &a);
    pq_deriv(&db, &b);
    pq_sub(&d, &d, &db);
    for (i = 1; b.len > 1; i++) {
        pq_gcd(&a, &b, &d);   /* b != 0 */
        if (i % 2)
            pq_mul(o, o, &a);
        divrem(&t, &r, &b, &a);
        pq_set(&b, &t);
        divrem(&t, &r, &d, &a);
        pq_deriv(&db, &b);
        pq_sub(&d, &t, &db);
    }
    pq_clear(&a);
    pq_clear(&b);
    pq_clear(&d);
    pq_clear(&t);
    pq_clear(&r);
    pq_clear(&db);
}

/* p = p / (t - a) while a is a root */
static void drop_root(pq_poly *p, const mpq_t a)
{
    pq_poly d, q, r;
    pq_init(&d);
    pq_init(&q);
    pq_init(&r);
    pq_fit(&d, 2);
    mpq_neg(d.c[0], a);
    mpq_set_ui(d.c[1], 1, 1);
    pq_norm(&d);
    while (p->len > 1 && pq_sign_at(p, a) == 0) {
        divrem(&q, &r, p, &d);
        pq_set(p, &q);
    }
    pq_clear(&d);
    pq_clear(&q);
    pq_clear(&r);
}

/* sign variations of the sequence s[0..n) at t, zeros skipped */
static long variations(const pq_poly *s, long n, const mpq_t t)
{
    long k, v = 0;
    int last = 0;
    for (k = 0; k < n; k++) {
        int sg = pq_sign_at(&s[k], t);
        if (sg && last && sg != last)
            v++;
        if (sg)
            last = sg;
    }
    return v;
}

long pq_roots_in(const pq_poly *p, const mpq_t a, const mpq_t b)
{
    pq_poly f, d, g, q, r, *s;
    long n = 0, k, count;
    pq_init(&f);
    pq_init(&d);
    pq_init(&g);
    pq_init(&q);
    pq_init(&r);
    /* f = the squarefree part p / gcd(p, p'), then without roots at a, b:
     * Sturm's theorem counts the distinct roots in (a, b) as V(a) - V(b)
     * when neither end is a root */
    pq_deriv(&d, p);
    pq_gcd(&g, p, &d);
    divrem(&f, &r, p, &g);
    drop_root(&f, a);
    drop_root(&f, b);
    s = calloc((size_t)f.len + 2, sizeof *s);
    if (!s)
        abort();
    for (k = 0; k < f.len + 2; k++)
        pq_init(&s[k]);
    pq_set(&s[0], &f);
    pq_deriv(&s[1], &f);
    n = 2;
    while (!pq_is_zero(&s[n - 1]) && n < f.len + 2) {
        divrem(&q, &r, &s[n - 2], &s[n - 1]);
        pq_neg(&s[n], &r);
        n++;
    }
    if (pq_is_zero(&s[n - 1]))
        n--;
    count = variations(s, n, a) - variations(s, n, b);
    for (k = 0; k < f.len + 2; k++)
        pq_clear(&s[k]);
    free(s);
    pq_clear(&f);
    pq_clear(&d);
    pq_clear(&g);
    pq_clear(&q);
    pq_clear(&r);
    return count;
}
