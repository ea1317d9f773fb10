/* pchk.c: the parametric checker -- its readers and its checks (pchk.h).
 *
 * Its own parser on purpose (as certify/check/ has): reject anything
 * unclear.  Numbers are integers or p/q in lowest terms with q > 1 and no
 * '+', exactly as the writers print them; polynomials are "[c0 c1 ...]"
 * with a nonzero last coefficient ("[]" is zero). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/chk.h"
#include "pchk.h"
#include "pchk_poly.h"

enum { LINE_MAX_ = 1 << 20 };

typedef struct {
    char name[256], param[256];
    mpq_t lo, hi;
    int sense;                 /* 1 min, -1 max */
    long m, n, nnz;
    char **rname, **cname;
    pq_poly *rlo, *rhi, *clo, *chi, *obj, *a, c0;
    unsigned char *rlf, *rhf, *clf, *chf;
    long *ai, *aj, na;
} pmodel;

typedef struct {
    const char *file;
    long line;
    char *buf;
    FILE *f;
} reader;

static int next_line(reader *r)
{
    size_t n;
    if (!fgets(r->buf, LINE_MAX_, r->f))
        return 0;
    r->line++;
    n = strlen(r->buf);
    if (n && r->buf[n - 1] == '\n')
        r->buf[--n] = '\0';
    return 1;
}

/* file:line:col: what (col: where at points in the line; the line's start
 * when at is NULL, for a line that is wrong as a whole) */
static int bad_at(const reader *r, const char *at, const char *what)
{
    fprintf(stderr, "%s:%ld:%ld: %s\n", r->file, r->line, at ? (long)(at - r->buf) + 1 : 1L, what);
    return 2;
}

static int bad(const reader *r, const char *what)
{
    return bad_at(r, NULL, what);
}

/* one number token at *s (advanced past it), strictly canonical */
static int get_num(mpq_t q, const char **s)
{
    char tok[4096], *back;
    size_t n = 0;
    const char *p = *s;
    int ok;
    while (*p == ' ')
        p++;
    while (p[n] && p[n] != ' ' && p[n] != ']' && n + 1 < sizeof tok) {
        char c = p[n];
        if (!((c >= '0' && c <= '9') || c == '-' || c == '/'))
            return 0;
        tok[n] = c;
        n++;
    }
    tok[n] = '\0';
    if (n == 0 || mpq_set_str(q, tok, 10) != 0 || mpz_sgn(mpq_denref(q)) == 0)
        return 0;
    back = mpq_get_str(NULL, 10, q);
    ok = strcmp(back, tok) == 0; /* lowest terms, no leading zeros, no "-0" */
    free(back);
    *s = p + n;
    return ok;
}

static int get_poly(pq_poly *p, const char **s)
{
    const char *q = *s;
    mpq_t c;
    while (*q == ' ')
        q++;
    if (*q != '[')
        return 0;
    q++;
    pq_zero(p);
    mpq_init(c);
    while (*q != ']') {
        if (!*q || !get_num(c, &q)) {
            mpq_clear(c);
            return 0;
        }
        pq_fit(p, p->len + 1);
        mpq_set(p->c[p->len - 1], c);
        while (*q == ' ')
            q++;
    }
    mpq_clear(c);
    *s = q + 1;
    if (p->len > 0 && mpq_sgn(p->c[p->len - 1]) == 0)
        return 0; /* not normalised: refuse rather than guess */
    return 1;
}

/* a side: "-inf" / "inf" (which one is allowed is given) or a polynomial */
static int get_side(pq_poly *p, unsigned char *fin, const char **s, const char *inf)
{
    const char *q = *s;
    size_t n = strlen(inf);
    while (*q == ' ')
        q++;
    if (strncmp(q, inf, n) == 0 && q[n] == ' ') {
        *fin = 0;
        *s = q + n;
        return 1;
    }
    *fin = 1;
    return get_poly(p, s);
}

static int get_long(long *v, const char **s, long lim)
{
    char *end;
    const char *q = *s;
    while (*q == ' ')
        q++;
    if (*q < '0' || *q > '9')
        return 0;
    *v = strtol(q, &end, 10);
    if (*v < 0 || *v >= lim)
        return 0;
    *s = end;
    return 1;
}

static int starts(const char *s, const char *key)
{
    size_t n = strlen(key);
    return strncmp(s, key, n) == 0;
}

static pq_poly *polys(long k)
{
    pq_poly *p = calloc((size_t)k + 1, sizeof *p);
    long i;
    if (!p)
        abort();
    for (i = 0; i <= k; i++)
        pq_init(&p[i]);
    return p;
}

static void polys_free(pq_poly *p, long k)
{
    long i;
    if (!p)
        return;
    for (i = 0; i <= k; i++)
        pq_clear(&p[i]);
    free(p);
}

static void model_clear(pmodel *pm)
{
    long k;
    for (k = 0; pm->rname && k < pm->m; k++)
        free(pm->rname[k]);
    for (k = 0; pm->cname && k < pm->n; k++)
        free(pm->cname[k]);
    free(pm->rname);
    free(pm->cname);
    polys_free(pm->rlo, pm->m);
    polys_free(pm->rhi, pm->m);
    polys_free(pm->clo, pm->n);
    polys_free(pm->chi, pm->n);
    polys_free(pm->obj, pm->n);
    polys_free(pm->a, pm->nnz);
    pq_clear(&pm->c0);
    free(pm->rlf);
    free(pm->rhf);
    free(pm->clf);
    free(pm->chf);
    free(pm->ai);
    free(pm->aj);
    mpq_clear(pm->lo);
    mpq_clear(pm->hi);
}

/* "KEY rest": copy rest (one word) into dst */
static int word_after(char *dst, size_t len, const char *line, const char *key)
{
    size_t n = strlen(key);
    if (strncmp(line, key, n) != 0 || line[n] != ' ' || strlen(line + n + 1) >= len ||
        !line[n + 1])
        return 0;
    strcpy(dst, line + n + 1);
    return 1;
}

static int read_model(pmodel *pm, reader *r)
{
    const char *s;
    char sense[16];
    long i, k, seen_r = 0, seen_c = 0;
    if (!next_line(r) || strcmp(r->buf, "farkas-pmodel 1") != 0)
        return bad(r, "not a parametric model (expected 'farkas-pmodel 1')");
    if (!next_line(r) || !word_after(pm->name, sizeof pm->name, r->buf, "name"))
        return bad(r, "expected 'name NAME'");
    if (!next_line(r) || !word_after(pm->param, sizeof pm->param, r->buf, "param"))
        return bad(r, "expected 'param NAME'");
    s = r->buf;
    if (!next_line(r) || !starts(r->buf, "interval ") || !(s = r->buf + 8, get_num(pm->lo, &s)) ||
        !get_num(pm->hi, &s) || *s || mpq_cmp(pm->lo, pm->hi) >= 0)
        return bad(r, "expected 'interval LO HI' with LO < HI");
    if (!next_line(r) || !word_after(sense, sizeof sense, r->buf, "sense") ||
        (strcmp(sense, "min") && strcmp(sense, "max")))
        return bad(r, "expected 'sense min|max'");
    pm->sense = sense[1] == 'i' ? 1 : -1;
    if (!next_line(r) || sscanf(r->buf, "size %ld %ld %ld", &pm->m, &pm->n, &pm->nnz) != 3 ||
        pm->m < 0 || pm->n < 0 || pm->nnz < 0 || pm->m > 1000000 || pm->n > 1000000 ||
        pm->nnz > 10000000)
        return bad(r, "expected 'size M N NNZ' within limits");
    pm->rname = calloc((size_t)pm->m + 1, sizeof(char *));
    pm->cname = calloc((size_t)pm->n + 1, sizeof(char *));
    pm->rlf = calloc((size_t)pm->m + 1, 1);
    pm->rhf = calloc((size_t)pm->m + 1, 1);
    pm->clf = calloc((size_t)pm->n + 1, 1);
    pm->chf = calloc((size_t)pm->n + 1, 1);
    pm->ai = calloc((size_t)pm->nnz + 1, sizeof(long));
    pm->aj = calloc((size_t)pm->nnz + 1, sizeof(long));
    if (!pm->rname || !pm->cname || !pm->rlf || !pm->rhf || !pm->clf || !pm->chf || !pm->ai ||
        !pm->aj)
        abort();
    pm->rlo = polys(pm->m);
    pm->rhi = polys(pm->m);
    pm->clo = polys(pm->n);
    pm->chi = polys(pm->n);
    pm->obj = polys(pm->n);
    pm->a = polys(pm->nnz);
    s = r->buf + 9;
    if (!next_line(r) || !starts(r->buf, "objconst ") || !(s = r->buf + 9, get_poly(&pm->c0, &s)) || *s)
        return bad(r, "expected 'objconst POLY'");
    for (;;) {
        if (!next_line(r))
            return bad(r, "missing 'end'");
        s = r->buf;
        if (strcmp(s, "end") == 0)
            break;
        if (starts(s, "row ")) {
            s += 4;
            if (!get_long(&i, &s, pm->m) || i != seen_r || !get_side(&pm->rlo[i], &pm->rlf[i], &s, "-inf") ||
                !get_side(&pm->rhi[i], &pm->rhf[i], &s, "inf") || *s != ' ' || !s[1])
                return bad(r, "expected 'row I LO HI NAME' for the next row");
            pm->rname[i] = strdup(s + 1);
            seen_r++;
        } else if (starts(s, "col ")) {
            s += 4;
            if (!get_long(&i, &s, pm->n) || i != seen_c || !get_side(&pm->clo[i], &pm->clf[i], &s, "-inf") ||
                !get_side(&pm->chi[i], &pm->chf[i], &s, "inf") || !get_poly(&pm->obj[i], &s) ||
                *s != ' ' || !s[1])
                return bad(r, "expected 'col J LO HI COST NAME' for the next column");
            pm->cname[i] = strdup(s + 1);
            seen_c++;
        } else if (starts(s, "a ")) {
            long ii, jj;
            s += 2;
            if (pm->na >= pm->nnz || !get_long(&ii, &s, pm->m) || !get_long(&jj, &s, pm->n) ||
                !get_poly(&pm->a[pm->na], &s) || *s || pm->a[pm->na].len == 0)
                return bad(r, "expected 'a I J POLY' (nonzero, at most NNZ of them)");
            for (k = 0; k < pm->na; k++)
                if (pm->ai[k] == ii && pm->aj[k] == jj)
                    return bad(r, "coefficient given twice");
            pm->ai[pm->na] = ii;
            pm->aj[pm->na++] = jj;
        } else {
            return bad(r, "unknown line");
        }
    }
    if (seen_r != pm->m || seen_c != pm->n)
        return bad(r, "fewer rows or columns than 'size' says");
    if (next_line(r))
        return bad(r, "text after 'end'");
    return 0;
}

/* ---- sign conditions on a piece ---------------------------------------- */

/* An algebraic end: the one root alpha of squarefree g in (lo, hi),
 * g(lo), g(hi) != 0 (checked when read). */
typedef struct {
    int alg;
    pq_poly g;
    mpq_t lo, hi;
} aend;

typedef struct {
    mpq_t a, b, mid;  /* an algebraic end: a = its lo, b = its hi (a < b then) */
    aend ea, eb;
    int ac, bc;
    long no;          /* 1-based, for messages */
} piece;

enum { REFINE_MAX = 20000 };

/* One bisection step on the root of g in (lo, hi), g(lo) != 0: m := the
 * middle; the half holding the root (where g changes sign) becomes
 * (lo, hi).  0 when g(m) = 0 (the root is m), else 1. */
static int halve(const pq_poly *g, mpq_t lo, mpq_t hi, mpq_t m)
{
    int sm;
    mpq_add(m, lo, hi);
    mpq_div_2exp(m, m, 1);
    if ((sm = pq_sign_at(g, m)) == 0)
        return 0;
    if (sm == pq_sign_at(g, lo))
        mpq_set(lo, m);
    else
        mpq_set(hi, m);
    return 1;
}

/* The roots of p (not 0) in (alpha, far) (side > 0) or (far, alpha)
 * (side < 0), alpha = e's root, far the isolating interval's hi (lo).
 * The interval is narrowed (a local copy) by bisection on g until p has
 * no root in it but perhaps alpha itself; then the roots between its
 * new end and far are counted by Sturm.  -1 if that takes more than
 * REFINE_MAX halvings (the piece is then rejected). */
static long roots_beside(const pq_poly *p, const aend *e, int side)
{
    pq_poly d;
    mpq_t lo, hi, m;
    long z, n = -1, it;
    pq_init(&d);
    mpq_inits(lo, hi, m, NULL);
    mpq_set(lo, e->lo);
    mpq_set(hi, e->hi);
    pq_gcd(&d, p, &e->g);   /* its roots in (lo, hi) are alpha or none */
    z = d.len > 1 && pq_roots_in(&d, lo, hi) > 0;
    for (it = 0; it < REFINE_MAX; it++) {
        if (pq_roots_in(p, lo, hi) == z) {
            /* nothing of p in (lo, hi) but alpha: count from the narrowed end */
            if (side > 0)
                n = mpq_cmp(hi, e->hi) < 0 ? pq_roots_in(p, hi, e->hi) + (pq_sign_at(p, hi) == 0) : 0;
            else
                n = mpq_cmp(lo, e->lo) > 0 ? pq_roots_in(p, e->lo, lo) + (pq_sign_at(p, lo) == 0) : 0;
            break;
        }
        if (!halve(&e->g, lo, hi, m)) {   /* alpha = m is rational after all */
            n = side > 0 ? pq_roots_in(p, m, e->hi) : pq_roots_in(p, e->lo, m);
            break;
        }
    }
    mpq_clears(lo, hi, m, NULL);
    pq_clear(&d);
    return n;
}

/* p(alpha) == 0 for e's root alpha: gcd(p, g) has a root in (lo, hi) */
static int zero_at(const pq_poly *p, const aend *e)
{
    pq_poly d;
    int z;
    pq_init(&d);
    pq_gcd(&d, p, &e->g);
    z = d.len > 1 && pq_roots_in(&d, e->lo, e->hi) > 0;
    pq_clear(&d);
    return z;
}

/* the distinct roots of p (not 0) inside the piece (a < b), or -1 */
static long roots_inside(const pq_poly *p, const piece *I)
{
    const mpq_t *L = I->ea.alg ? &I->ea.hi : &I->a, *R = I->eb.alg ? &I->eb.lo : &I->b;
    int lin = I->ea.alg && (I->eb.alg || mpq_cmp(*L, I->b) < 0);   /* L inside the piece */
    int rin = I->eb.alg && (I->ea.alg || mpq_cmp(*R, I->a) > 0);
    long n = 0, k;
    if (mpq_cmp(*L, *R) < 0)
        n += pq_roots_in(p, *L, *R);
    if (lin && pq_sign_at(p, *L) == 0)
        n++;
    if (rin && pq_sign_at(p, *R) == 0 && !(lin && mpq_equal(*L, *R)))
        n++;
    if (I->ea.alg) {
        if ((k = roots_beside(p, &I->ea, 1)) < 0)
            return -1;
        n += k;
    }
    if (I->eb.alg) {
        if ((k = roots_beside(p, &I->eb, -1)) < 0)
            return -1;
        n += k;
    }
    return n;
}

static int is_point(const piece *I)
{
    return !I->ea.alg && !I->eb.alg && mpq_equal(I->a, I->b);
}

/* The sign of p (not 0) inside the piece (a < b) where it is not 0:
 * at the middle, or, if that is one of p's finitely many roots, at
 * points halfway from there towards the left end's side. */
static int sign_inside(const pq_poly *p, const piece *I)
{
    mpq_t m, L;
    int s, k;
    mpq_inits(m, L, NULL);
    mpq_set(m, I->mid);
    mpq_set(L, I->ea.alg ? I->ea.hi : I->a);   /* m stays in (L, mid], inside */
    for (k = 0; (s = pq_sign_at(p, m)) == 0 && k <= p->len; k++) {
        mpq_add(m, m, L);
        mpq_div_2exp(m, m, 1);
    }
    mpq_clears(m, L, NULL);
    return s;
}

/* p >= 0 on the piece (pchk.h): p does not change sign inside, that is its
 * factors of odd multiplicity have no root there (a root of even multiplicity, where p
 * touches 0, is fine), and p is positive where it is not 0. */
static int ge0(const pq_poly *p, const piece *I)
{
    pq_poly o;
    int ok;
    if (pq_is_zero(p))
        return 1;
    if (is_point(I))
        return pq_sign_at(p, I->a) >= 0;
    pq_init(&o);
    pq_odd_part(&o, p);
    ok = (o.len == 1 || roots_inside(&o, I) == 0) && sign_inside(p, I) > 0;
    pq_clear(&o);
    return ok;
}

/* p(e) != 0 at the end e (a or b) */
static int nonzero_at_end(const pq_poly *p, const piece *I, int e)
{
    const aend *x = e ? &I->eb : &I->ea;
    if (x->alg)
        return !zero_at(p, x);
    return pq_sign_at(p, e ? I->b : I->a) != 0;
}

/* p > 0 on the piece: no root inside at all, positive, and not 0 at a
 * closed end */
static int gt0(const pq_poly *p, const piece *I)
{
    if (pq_is_zero(p))
        return 0;
    if (is_point(I))
        return pq_sign_at(p, I->a) > 0;
    return roots_inside(p, I) == 0 && pq_sign_at(p, I->mid) > 0 && (!I->ac || nonzero_at_end(p, I, 0)) &&
           (!I->bc || nonzero_at_end(p, I, 1));
}

/* p == q on the piece */
static int same(const pq_poly *p, const pq_poly *q, const piece *I)
{
    pq_poly d;
    int ok;
    pq_init(&d);
    pq_sub(&d, p, q);
    ok = pq_is_zero(&d) || (is_point(I) && pq_sign_at(&d, I->a) == 0);
    pq_clear(&d);
    return ok;
}

static int reject(const piece *I, const char *what, const char *name)
{
    /* an algebraic end is shown by its isolating interval */
    printf("rejected: piece %ld %s", I->no, I->ac ? "[" : "(");
    if (I->ea.alg)
        gmp_printf("root in (%Qd, %Qd)", I->ea.lo, I->ea.hi);
    else
        gmp_printf("%Qd", I->a);
    printf(", ");
    if (I->eb.alg)
        gmp_printf("root in (%Qd, %Qd)", I->eb.lo, I->eb.hi);
    else
        gmp_printf("%Qd", I->b);
    printf("%s: %s%s%s\n", I->bc ? "]" : ")", what, name ? " " : "", name ? name : "");
    return 1;
}

/* The sign rule for a multiplier w on a constraint with sides lo / hi:
 * the side of w's sign at the piece's middle, which must be finite, w of
 * that sign on all of the piece; acc += w * side.  0 ok, 1 rejected. */
static int side_term(pq_poly *acc, const pq_poly *w, const pq_poly *lo, int lf, const pq_poly *hi,
                     int hf, const piece *I, const char *what, const char *name)
{
    pq_poly t;
    int sg;
    if (pq_is_zero(w))
        return 0;
    sg = is_point(I) ? pq_sign_at(w, I->a) : sign_inside(w, I);
    if (sg == 0)
        return 0;   /* a point piece: w is 0 there and adds nothing */
    pq_init(&t);
    if (lf && hf && same(lo, hi, I)) {
        pq_mul(&t, w, lo);   /* an equality: either sign */
    } else if (sg > 0 && lf && ge0(w, I)) {
        pq_mul(&t, w, lo);
    } else if (sg < 0 && hf) {
        pq_neg(&t, w);
        if (!ge0(&t, I)) {
            pq_clear(&t);
            return reject(I, what, name);
        }
        pq_mul(&t, w, hi);
    } else {
        pq_clear(&t);
        return reject(I, what, name);
    }
    pq_add(acc, acc, &t);
    pq_clear(&t);
    return 0;
}

static long find_entry(const pmodel *pm, long i, long j)
{
    long k;
    for (k = 0; k < pm->na; k++)
        if (pm->ai[k] == i && pm->aj[k] == j)
            return k;
    return -1;
}

/* ---- one piece ----------------------------------------------------------- */

typedef struct {
    int optimal, unbounded;
    pq_poly xden, yden, vnum, vden, rden;
    pq_poly *X, *Y, *R;
} pcert;

/* x = X / D satisfies every row and bound of the model on the piece
 * (times D > 0): lo D <= a_i^T X <= hi D, l D <= X <= u D.  cone = 1: the
 * same with every finite side and bound taken as 0 (r = X / D is a
 * direction of the feasible set: a_i^T r >= 0 where lo_i is finite, and
 * so on).  0 ok, 1 rejected. */
static int holds(const pmodel *pm, const pq_poly *X, const pq_poly *D, const piece *I, int cone)
{
    pq_poly t, acc, zero;
    long i, j, k;
    int rc = 0;
    const char *what[4] = {"row below its lower side:", "row above its upper side:",
                           "column below its lower bound:", "column above its upper bound:"};
    const char *rwhat[4] = {"ray leaves a row's lower side:", "ray leaves a row's upper side:",
                            "ray leaves a column's lower bound:", "ray leaves a column's upper bound:"};
    const char **w = cone ? rwhat : what;
    pq_init(&t);
    pq_init(&acc);
    pq_init(&zero);
    for (i = 0; i < pm->m && !rc; i++) {
        pq_zero(&acc);
        for (k = 0; k < pm->na; k++)
            if (pm->ai[k] == i) {
                pq_mul(&t, &pm->a[k], &X[pm->aj[k]]);
                pq_add(&acc, &acc, &t);
            }
        if (pm->rlf[i]) {
            pq_mul(&t, cone ? &zero : &pm->rlo[i], D);
            pq_sub(&t, &acc, &t);
            if (!ge0(&t, I))
                rc = reject(I, w[0], pm->rname[i]);
        }
        if (!rc && pm->rhf[i]) {
            pq_mul(&t, cone ? &zero : &pm->rhi[i], D);
            pq_sub(&t, &t, &acc);
            if (!ge0(&t, I))
                rc = reject(I, w[1], pm->rname[i]);
        }
    }
    for (j = 0; j < pm->n && !rc; j++) {
        if (pm->clf[j]) {
            pq_mul(&t, cone ? &zero : &pm->clo[j], D);
            pq_sub(&t, &X[j], &t);
            if (!ge0(&t, I))
                rc = reject(I, w[2], pm->cname[j]);
        }
        if (!rc && pm->chf[j]) {
            pq_mul(&t, cone ? &zero : &pm->chi[j], D);
            pq_sub(&t, &t, &X[j]);
            if (!ge0(&t, I))
                rc = reject(I, w[3], pm->cname[j]);
        }
    }
    pq_clear(&t);
    pq_clear(&acc);
    pq_clear(&zero);
    return rc;
}

static int check_optimal(const pmodel *pm, const pcert *c, const piece *I)
{
    pq_poly t, u, acc, b, cx;
    long i, j, k;
    int rc = 0;
    pq_init(&t);
    pq_init(&u);
    pq_init(&acc);
    pq_init(&b);
    pq_init(&cx);
    if (!gt0(&c->xden, I) || !gt0(&c->yden, I)) {
        rc = reject(I, "a denominator is not positive on the piece", NULL);
        goto done;
    }
    rc = holds(pm, c->X, &c->xden, I, 0);
    /* sign rule for y, b(y); z = c Dy - A^T Y and its bound terms */
    pq_zero(&b);
    for (i = 0; i < pm->m && !rc; i++)
        rc = side_term(&b, &c->Y[i], &pm->rlo[i], pm->rlf[i], &pm->rhi[i], pm->rhf[i], I,
                       "dual y breaks the sign rule on row", pm->rname[i]);
    pq_zero(&cx);
    for (j = 0; j < pm->n && !rc; j++) {
        pq_mul(&acc, &pm->obj[j], &c->yden);
        if (pm->sense < 0)
            pq_neg(&acc, &acc);
        for (i = 0; i < pm->m; i++)
            if ((k = find_entry(pm, i, j)) >= 0) {
                pq_mul(&t, &pm->a[k], &c->Y[i]);
                pq_sub(&acc, &acc, &t);
            }
        rc = side_term(&b, &acc, &pm->clo[j], pm->clf[j], &pm->chi[j], pm->chf[j], I,
                       "reduced cost breaks the sign rule on column", pm->cname[j]);
        pq_mul(&t, &pm->obj[j], &c->X[j]);
        pq_add(&cx, &cx, &t);
    }
    if (rc)
        goto done;
    /* weak duality with equality: sense c^T X Dy == (b(Y) + sum Z bound) Dx */
    pq_mul(&t, &cx, &c->yden);
    if (pm->sense < 0)
        pq_neg(&t, &t);
    pq_mul(&u, &b, &c->xden);
    if (!same(&t, &u, I)) {
        rc = reject(I, "primal and dual objectives differ", NULL);
        goto done;
    }
    /* the stated value: num / den == (c^T X + c0 Dx) / Dx */
    pq_neg(&t, &c->vden);
    if (!gt0(&c->vden, I) && !gt0(&t, I)) {
        rc = reject(I, "the value's denominator vanishes on the piece", NULL);
        goto done;
    }
    pq_mul(&t, &pm->c0, &c->xden);
    pq_add(&t, &t, &cx);
    pq_mul(&t, &t, &c->vden);
    pq_mul(&u, &c->vnum, &c->xden);
    if (!same(&t, &u, I))
        rc = reject(I, "the stated value is not the objective of x", NULL);
done:
    pq_clear(&t);
    pq_clear(&u);
    pq_clear(&acc);
    pq_clear(&b);
    pq_clear(&cx);
    return rc;
}

/* An unbounded piece: x = X / xden feasible, r = R / rden a direction of
 * the feasible set, and sense c^T R < 0 on the piece: the objective
 * improves without bound along x + s r, s >= 0, at every t of it. */
static int check_unbounded(const pmodel *pm, const pcert *c, const piece *I)
{
    pq_poly cr, t;
    long j;
    int rc = 0;
    if (!gt0(&c->xden, I) || !gt0(&c->rden, I))
        return reject(I, "a denominator is not positive on the piece", NULL);
    if ((rc = holds(pm, c->X, &c->xden, I, 0)) || (rc = holds(pm, c->R, &c->rden, I, 1)))
        return rc;
    pq_init(&cr);
    pq_init(&t);
    for (j = 0; j < pm->n; j++) {
        pq_mul(&t, &pm->obj[j], &c->R[j]);
        pq_add(&cr, &cr, &t);
    }
    if (pm->sense > 0)
        pq_neg(&cr, &cr);   /* -sense c^T R */
    if (!gt0(&cr, I))
        rc = reject(I, "the ray does not improve the objective everywhere on the piece", NULL);
    pq_clear(&cr);
    pq_clear(&t);
    return rc;
}

static int check_farkas(const pmodel *pm, const pcert *c, const piece *I)
{
    pq_poly g, t, bm;
    long i, j, k;
    int rc = 0;
    pq_init(&g);
    pq_init(&t);
    pq_init(&bm);
    /* b(Y) - max over the box of (A^T Y)^T x > 0 */
    for (i = 0; i < pm->m && !rc; i++)
        rc = side_term(&bm, &c->Y[i], &pm->rlo[i], pm->rlf[i], &pm->rhi[i], pm->rhf[i], I,
                       "Farkas y breaks the sign rule on row", pm->rname[i]);
    for (j = 0; j < pm->n && !rc; j++) {
        pq_zero(&g);
        for (i = 0; i < pm->m; i++)
            if ((k = find_entry(pm, i, j)) >= 0) {
                pq_mul(&t, &pm->a[k], &c->Y[i]);
                pq_sub(&g, &g, &t);   /* -g: its bound term has the sign of a reduced cost */
            }
        rc = side_term(&bm, &g, &pm->clo[j], pm->clf[j], &pm->chi[j], pm->chf[j], I,
                       "A^T y has no finite bound of its sign on column", pm->cname[j]);
    }
    if (!rc && !gt0(&bm, I))
        rc = reject(I, "the Farkas bound b(y) > max (A^T y)^T x fails", NULL);
    pq_clear(&g);
    pq_clear(&t);
    pq_clear(&bm);
    return rc;
}

/* ---- the certificate ------------------------------------------------------ */

/* A piece's end at *s: a number, or "root POLY LO HI" with POLY
 * squarefree, LO < HI, POLY(LO), POLY(HI) != 0 and exactly one root of
 * POLY in (LO, HI).  q is the number, or LO (end 0) / HI (end 1). */
static int get_end(mpq_t q, aend *e, int which, const char **s)
{
    const char *p = *s;
    pq_poly d, g;
    int ok;
    while (*p == ' ')
        p++;
    if (strncmp(p, "root ", 5) != 0) {
        e->alg = 0;
        return get_num(q, s);
    }
    p += 5;
    e->alg = 1;
    if (!get_poly(&e->g, &p) || !get_num(e->lo, &p) || !get_num(e->hi, &p))
        return 0;
    *s = p;
    if (e->g.len < 2 || mpq_cmp(e->lo, e->hi) >= 0 || pq_sign_at(&e->g, e->lo) == 0 ||
        pq_sign_at(&e->g, e->hi) == 0 || pq_roots_in(&e->g, e->lo, e->hi) != 1)
        return 0;
    pq_init(&d);
    pq_init(&g);
    pq_deriv(&d, &e->g);
    pq_gcd(&g, &e->g, &d);
    ok = g.len == 1;   /* squarefree */
    pq_clear(&d);
    pq_clear(&g);
    mpq_set(q, which ? e->hi : e->lo);
    return ok;
}

/* I->mid: a rational inside the piece (its middle for rational ends).
 * An algebraic end whose interval touches the other, rational, end is
 * narrowed (a local copy) until it does not, so the point is inside. */
static void interior(piece *I)
{
    mpq_t lo, hi, m;
    mpq_inits(lo, hi, m, NULL);
    mpq_set(lo, I->ea.alg ? I->ea.hi : I->a);
    mpq_set(hi, I->eb.alg ? I->eb.lo : I->b);
    if (mpq_equal(lo, hi) && I->ea.alg != I->eb.alg) {
        const aend *e = I->ea.alg ? &I->ea : &I->eb;
        mpq_t l, h;
        int k;
        mpq_inits(l, h, NULL);
        mpq_set(l, e->lo);
        mpq_set(h, e->hi);
        /* the root is not the rational end (checked apart from it), so the
         * touching end of the interval moves away within a few halvings */
        for (k = 0; k < REFINE_MAX && (I->ea.alg ? mpq_equal(h, hi) : mpq_equal(l, lo)); k++) {
            if (!halve(&e->g, l, h, m))
                break;   /* the root is m itself: rational, and inside */
        }
        if (I->ea.alg)
            mpq_set(lo, h);
        else
            mpq_set(hi, l);
        mpq_clears(l, h, NULL);
    }
    mpq_add(I->mid, lo, hi);
    mpq_div_2exp(I->mid, I->mid, 1);
    mpq_clears(lo, hi, m, NULL);
}

/* the same end, written the same way */
static int same_end(const mpq_t p, const aend *pe, const mpq_t q, const aend *qe)
{
    long k;
    if (pe->alg != qe->alg)
        return 0;
    if (!pe->alg)
        return mpq_equal(p, q);
    if (pe->g.len != qe->g.len || !mpq_equal(pe->lo, qe->lo) || !mpq_equal(pe->hi, qe->hi))
        return 0;
    for (k = 0; k < pe->g.len; k++)
        if (!mpq_equal(pe->g.c[k], qe->g.c[k]))
            return 0;
    return 1;
}

static void aend_init(aend *e)
{
    e->alg = 0;
    pq_init(&e->g);
    mpq_init(e->lo);
    mpq_init(e->hi);
}

static void aend_clear(aend *e)
{
    pq_clear(&e->g);
    mpq_clear(e->lo);
    mpq_clear(e->hi);
}

static void aend_set(aend *e, const aend *f)
{
    e->alg = f->alg;
    pq_set(&e->g, &f->g);
    mpq_set(e->lo, f->lo);
    mpq_set(e->hi, f->hi);
}

static int read_and_check(const pmodel *pm, reader *r, const char *model_sha, int *unbound)
{
    char buf[512];
    long np = 0, k, idx;
    int rc = 0, closed_prev = 0, version; /* closed_prev: as if a piece ended open at LO */
    mpq_t prev;
    aend preve;
    piece I;
    pcert c;
    unsigned char *seen;
    const char *s;
    mpq_init(prev);
    aend_init(&preve);
    aend_init(&I.ea);
    aend_init(&I.eb);
    mpq_init(I.a);
    mpq_init(I.b);
    mpq_init(I.mid);
    pq_init(&c.xden);
    pq_init(&c.yden);
    pq_init(&c.vnum);
    pq_init(&c.vden);
    pq_init(&c.rden);
    c.X = polys(pm->n);
    c.Y = polys(pm->m);
    c.R = polys(pm->n);
    seen = calloc((size_t)(2 * pm->n + pm->m) + 1, 1);
    if (!seen)
        abort();
    mpq_set(prev, pm->lo);
    /* Version 2 (2026-12-03) added model-sha256 (required), unbounded
     * pieces and algebraic ends.  A version 1 file has none of them and is
     * still a proof about the model it is checked against (every condition
     * is recomputed from that model), so it is read; only the binding to
     * the model's bytes is missing, and the acceptance line says so. */
    if (!next_line(r) || !starts(r->buf, "farkas-pcert ") ||
        (strcmp(r->buf + 13, "1") != 0 && strcmp(r->buf + 13, "2") != 0)) {
        rc = starts(r->buf, "farkas-pcert ")
                 ? bad_at(r, r->buf + 13, "unknown farkas-pcert version (this checker reads 2 and 1)")
                 : bad(r, "not a parametric certificate (expected 'farkas-pcert 2')");
        goto done;
    }
    version = r->buf[13] - '0';
    if (!next_line(r) || !starts(r->buf, "model ")) {
        rc = bad(r, "expected 'model FILE'");
        goto done;
    }
    if (!next_line(r)) {
        rc = bad(r, "expected 'model-sha256 HEX'");
        goto done;
    }
    if (starts(r->buf, "model-sha256 ") || version == 2) {
        if (!word_after(buf, sizeof buf, r->buf, "model-sha256") || strlen(buf) != 64 ||
            strspn(buf, "0123456789abcdef") != 64) {
            rc = bad(r, version == 2 ? "expected 'model-sha256 HEX' (64 lower-case hex digits; "
                                       "required in farkas-pcert 2)"
                                     : "expected 'model-sha256 HEX' (64 lower-case hex digits)");
            goto done;
        }
        /* bound to the model's bytes: a certificate of another model (even one
         * with the same name, parameter and interval) is not checked against it */
        if (strcmp(buf, model_sha) != 0) {
            printf("rejected: model-sha256 %s is not the model file's %s\n", buf, model_sha);
            rc = 1;
            goto done;
        }
        if (!next_line(r)) {
            rc = bad(r, "expected 'name NAME' of this model");
            goto done;
        }
    } else {
        *unbound = 1;  /* version 1 as first written: no hash */
    }
    if (!word_after(buf, sizeof buf, r->buf, "name") || strcmp(buf, pm->name) != 0) {
        rc = bad(r, "expected 'name NAME' of this model");
        goto done;
    }
    if (!next_line(r) || !word_after(buf, sizeof buf, r->buf, "param") || strcmp(buf, pm->param) != 0) {
        rc = bad(r, "expected the model's 'param NAME'");
        goto done;
    }
    if (!next_line(r) || !starts(r->buf, "interval ") || !(s = r->buf + 9, get_num(I.a, &s)) ||
        !get_num(I.b, &s) || *s || !mpq_equal(I.a, pm->lo) || !mpq_equal(I.b, pm->hi)) {
        rc = bad(r, "expected the model's 'interval LO HI'");
        goto done;
    }
    if (!next_line(r) || sscanf(r->buf, "pieces %ld", &np) != 1 || np < 1 || np > 100000) {
        rc = bad(r, "expected 'pieces K'");
        goto done;
    }
    if (!next_line(r)) {
        rc = bad(r, "missing the first piece");
        goto done;
    }
    for (I.no = 1; I.no <= np && !rc; I.no++) {
        char ob, cb, verdict[16];
        int n1;
        s = r->buf;
        if (!starts(s, "piece ") || (s[6] != '[' && s[6] != '(') || s[7] != ' ' ||
            !(s += 8, get_end(I.a, &I.ea, 0, &s)) || !get_end(I.b, &I.eb, 1, &s) || s[0] != ' ' ||
            (s[1] != ']' && s[1] != ')') || sscanf(s + 2, " %15s%n", verdict, &n1) != 1 ||
            s[2 + n1] || (strcmp(verdict, "optimal") && strcmp(verdict, "infeasible") &&
                          strcmp(verdict, "unbounded"))) {
            rc = bad(r, "expected 'piece [|( A B ]|) optimal|infeasible|unbounded' (an end a number or "
                        "'root POLY LO HI' with one root of squarefree POLY in (LO, HI))");
            break;
        }
        /* what version 2 added is unreadable in a version 1 file: such a
         * file was written by a farkas of 2026-12-03 before the version
         * was raised, and is written again by running farkas once more */
        if (version == 1 && (verdict[0] == 'u' || I.ea.alg || I.eb.alg)) {
            rc = verdict[0] == 'u'
                     ? bad_at(r, strstr(r->buf, " unbounded") + 1,
                              "'unbounded' pieces need farkas-pcert 2 (version 1 has none)")
                     : bad_at(r, strstr(r->buf, "root "),
                              "algebraic ends ('root POLY LO HI') need farkas-pcert 2 (version 1 has none)");
            break;
        }
        ob = r->buf[6];
        cb = s[1];
        I.ac = ob == '[';
        I.bc = cb == ']';
        c.optimal = verdict[0] == 'o';
        c.unbounded = verdict[0] == 'u';
        /* the tiling: start where the last piece ended, with the opposite end */
        if (!same_end(I.a, &I.ea, prev, &preve) || I.ac == closed_prev ||
            mpq_cmp(I.a, I.b) > 0 || (is_point(&I) && !(I.ac && I.bc))) {
            rc = reject(&I, "the pieces do not tile the interval here", NULL);
            break;
        }
        /* an algebraic end must have its interval apart from the other end */
        if ((I.ea.alg || I.eb.alg) &&
            mpq_cmp(I.ea.alg ? I.ea.hi : I.a, I.eb.alg ? I.eb.lo : I.b) > 0) {
            rc = reject(&I, "an end's isolating interval overlaps the other end", NULL);
            break;
        }
        interior(&I);
        pq_zero(&c.xden);
        pq_zero(&c.yden);
        pq_zero(&c.vnum);
        pq_zero(&c.vden);
        pq_zero(&c.rden);
        for (k = 0; k < pm->n; k++) {
            pq_zero(&c.X[k]);
            pq_zero(&c.R[k]);
        }
        for (k = 0; k < pm->m; k++)
            pq_zero(&c.Y[k]);
        memset(seen, 0, (size_t)(2 * pm->n + pm->m) + 1);
        for (;;) {
            if (!next_line(r)) {
                rc = bad(r, "missing 'end'");
                break;
            }
            s = r->buf;
            if (starts(s, "piece ") || strcmp(s, "end") == 0)
                break;
            if ((c.optimal || c.unbounded) && starts(s, "xden ")) {
                s += 5;
                if (!get_poly(&c.xden, &s) || *s)
                    rc = bad(r, "bad 'xden POLY'");
            } else if (c.optimal && starts(s, "yden ")) {
                s += 5;
                if (!get_poly(&c.yden, &s) || *s)
                    rc = bad(r, "bad 'yden POLY'");
            } else if (c.unbounded && starts(s, "rden ")) {
                s += 5;
                if (!get_poly(&c.rden, &s) || *s)
                    rc = bad(r, "bad 'rden POLY'");
            } else if (c.unbounded && starts(s, "r ")) {
                s += 2;
                if (!get_long(&idx, &s, pm->n) || seen[pm->n + pm->m + idx] || !get_poly(&c.R[idx], &s) || *s)
                    rc = bad(r, "bad or repeated 'r J POLY'");
                else
                    seen[pm->n + pm->m + idx] = 1;
            } else if ((c.optimal || c.unbounded) && starts(s, "x ")) {
                s += 2;
                if (!get_long(&idx, &s, pm->n) || seen[idx] || !get_poly(&c.X[idx], &s) || *s)
                    rc = bad(r, "bad or repeated 'x J POLY'");
                else
                    seen[idx] = 1;
            } else if (!c.unbounded && starts(s, "y ")) {
                s += 2;
                if (!get_long(&idx, &s, pm->m) || seen[pm->n + idx] || !get_poly(&c.Y[idx], &s) || *s)
                    rc = bad(r, "bad or repeated 'y I POLY'");
                else
                    seen[pm->n + idx] = 1;
            } else if (c.optimal && starts(s, "value ")) {
                s += 6;
                if (!get_poly(&c.vnum, &s) || !get_poly(&c.vden, &s) || *s)
                    rc = bad(r, "bad 'value NUM DEN'");
            } else {
                rc = bad(r, "unknown line in a piece");
            }
            if (rc)
                break;
        }
        if (rc)
            break;
        rc = c.optimal ? check_optimal(pm, &c, &I) : c.unbounded ? check_unbounded(pm, &c, &I)
                                                   : check_farkas(pm, &c, &I);
        mpq_set(prev, I.b);
        aend_set(&preve, &I.eb);
        closed_prev = I.bc;
        if (!rc && I.no == np && strcmp(r->buf, "end") != 0)
            rc = bad(r, "more pieces than 'pieces' says");
        if (!rc && I.no < np && strcmp(r->buf, "end") == 0)
            rc = bad(r, "fewer pieces than 'pieces' says");
    }
    if (!rc && (preve.alg || !mpq_equal(prev, pm->hi) || !closed_prev)) {
        gmp_printf("rejected: the pieces end at %Qd%s, not at %Qd]\n", prev, closed_prev ? "]" : ")", pm->hi);
        rc = 1;
    }
    if (!rc && next_line(r))
        rc = bad(r, "text after 'end'");
done:
    free(seen);
    polys_free(c.X, pm->n);
    polys_free(c.Y, pm->m);
    polys_free(c.R, pm->n);
    pq_clear(&c.rden);
    pq_clear(&c.xden);
    pq_clear(&c.yden);
    pq_clear(&c.vnum);
    pq_clear(&c.vden);
    aend_clear(&preve);
    aend_clear(&I.ea);
    aend_clear(&I.eb);
    mpq_clear(I.a);
    mpq_clear(I.b);
    mpq_clear(I.mid);
    mpq_clear(prev);
    return rc;
}

int pchk_files(const char *model, const char *cert, int quiet)
{
    char sha[65];
    pmodel pm;
    reader r;
    int rc, unbound = 0;
    memset(&pm, 0, sizeof pm);
    mpq_init(pm.lo);
    mpq_init(pm.hi);
    pq_init(&pm.c0);
    r.buf = malloc(LINE_MAX_);
    if (!r.buf)
        abort();
    r.file = model;
    r.line = 0;
    if (!(r.f = fopen(model, "r"))) {
        fprintf(stderr, "%s: cannot open\n", model);
        rc = 2;
    } else {
        rc = read_model(&pm, &r);
        fclose(r.f);
    }
    if (rc == 0)
        rc = chk_sha256_file(model, sha);
    if (rc == 0) {
        r.file = cert;
        r.line = 0;
        if (!(r.f = fopen(cert, "r"))) {
            fprintf(stderr, "%s: cannot open\n", cert);
            rc = 2;
        } else {
            rc = read_and_check(&pm, &r, sha, &unbound);
            fclose(r.f);
        }
    }
    if (rc == 0 && !quiet)
        printf("accepted: %s, every piece of [%s] checked%s\n", pm.name, pm.param,
               unbound ? " (farkas-pcert 1 without model-sha256: checked against this model, "
                         "not bound to its bytes)" : "");
    free(r.buf);
    model_clear(&pm);
    return rc;
}

int pchk_main(int argc, char **argv)
{
    const char *f[2] = {NULL, NULL};
    int k, nf = 0, quiet = 0;
    for (k = 1; k < argc; k++) {
        if (strcmp(argv[k], "--quiet") == 0)
            quiet = 1;
        else if (nf < 2 && argv[k][0] != '-')
            f[nf++] = argv[k];
        else
            nf = 3;
    }
    if (nf != 2) {
        fprintf(stderr, "usage: %s MODEL.pmodel CERT.pcert [--quiet]\n", argc > 0 ? argv[0] : "check");
        return 2;
    }
    return pchk_files(f[0], f[1], quiet);
}
