/* par_solve.c: pieces of a parametric LP from optimal bases (par.h,
 * equations (1)-(7)). */
#include <stdlib.h>
#include <string.h>

#include <flint/fmpz_poly_factor.h>
#include <flint/fmpz_poly_mat.h>

#include "answer.h"
#include "par.h"
#include "solve.h"

enum { C_GE = 0, C_GT = 1, C_EQ = 2 };   /* p >= 0, p > 0, p == 0 */
enum { PAR_MAX_PIECES = 400 };

typedef struct {
    long n, alloc;
    fmpq_poly_struct *p;
    int *kind;
} conds;

static void conds_init(conds *c)
{
    memset(c, 0, sizeof *c);
}

static void conds_clear(conds *c)
{
    long k;
    for (k = 0; k < c->alloc; k++)
        fmpq_poly_clear(c->p + k);
    free(c->p);
    free(c->kind);
    memset(c, 0, sizeof *c);
}

/* add kind(p); a condition that holds identically is dropped */
static int conds_add(conds *c, const fmpq_poly_t p, int kind)
{
    if (fmpq_poly_is_zero(p) && kind != C_GT)
        return 0;
    if (c->n == c->alloc) {
        long na = c->alloc ? 2 * c->alloc : 32, k;
        fmpq_poly_struct *np = fk_realloc(c->p, (size_t)na, sizeof *np);
        int *nk;
        if (!np)
            return -1;
        c->p = np;
        nk = fk_realloc(c->kind, (size_t)na, sizeof *nk);
        if (!nk)
            return -1;
        c->kind = nk;
        for (k = c->alloc; k < na; k++)
            fmpq_poly_init(c->p + k);
        c->alloc = na;
    }
    fmpq_poly_set(c->p + c->n, p);
    c->kind[c->n++] = kind;
    return 0;
}

static int conds_hold(const conds *c, const mpq_t t)
{
    mpq_t v;
    long k;
    int ok = 1;
    mpq_init(v);
    for (k = 0; k < c->n && ok; k++) {
        int s;
        fmpq_poly_evaluate_mpq(v, c->p + k, t);
        s = mpq_sgn(v);
        ok = c->kind[k] == C_GE ? s >= 0 : c->kind[k] == C_GT ? s > 0 : s == 0;
    }
    mpq_clear(v);
    return ok;
}

/* ---- real roots --------------------------------------------------------- */

/* sign changes of the Sturm sequence of f at t */
static long sturm_var(const fmpq_poly_struct *seq, long len, const mpq_t t)
{
    mpq_t v;
    long k, var = 0;
    int last = 0;
    mpq_init(v);
    for (k = 0; k < len; k++) {
        int s;
        fmpq_poly_evaluate_mpq(v, seq + k, t);
        s = mpq_sgn(v);
        if (s && last && s != last)
            var++;
        if (s)
            last = s;
    }
    mpq_clear(v);
    return var;
}

/* distinct real roots of squarefree f (f(a), f(b) != 0) in (a, b) */
long par_sturm_count(const fmpz_poly_t fz, const mpq_t a, const mpq_t b)
{
    long deg = fmpz_poly_degree(fz), len = 0, k, r;
    fmpq_poly_struct *seq = fk_calloc((size_t)deg + 2, sizeof *seq);
    if (!seq)
        return -1;
    for (k = 0; k < deg + 2; k++)
        fmpq_poly_init(seq + k);
    fmpq_poly_set_fmpz_poly(seq + 0, fz);
    fmpq_poly_derivative(seq + 1, seq + 0);
    len = 2;
    while (len < deg + 2 && !fmpq_poly_is_zero(seq + len - 1)) {
        fmpq_poly_rem(seq + len, seq + len - 2, seq + len - 1);
        fmpq_poly_neg(seq + len, seq + len);
        len++;
    }
    if (fmpq_poly_is_zero(seq + len - 1))
        len--;
    r = sturm_var(seq, len, a) - sturm_var(seq, len, b);
    for (k = 0; k < deg + 2; k++)
        fmpq_poly_clear(seq + k);
    free(seq);
    return r;
}

typedef struct {
    long n, alloc;
    mpq_t *v;
} qlist;

static int qlist_add(qlist *q, const mpq_t x)
{
    long k;
    for (k = 0; k < q->n; k++)
        if (mpq_equal(q->v[k], x))
            return 0;
    if (q->n == q->alloc) {
        long na = q->alloc ? 2 * q->alloc : 16;
        mpq_t *nv = fk_realloc(q->v, (size_t)na, sizeof *nv);
        if (!nv)
            return -1;
        q->v = nv;
        for (k = q->alloc; k < na; k++)
            mpq_init(q->v[k]);
        q->alloc = na;
    }
    mpq_set(q->v[q->n++], x);
    return 0;
}

static void qlist_clear(qlist *q)
{
    long k;
    for (k = 0; k < q->alloc; k++)
        mpq_clear(q->v[k]);
    free(q->v);
    memset(q, 0, sizeof *q);
}

/* a list of algebraic points */
typedef struct {
    long n, alloc;
    par_alg **v;
} alist;

static int alist_add(alist *l, const fmpz_poly_t g, const mpq_t lo, const mpq_t hi)
{
    par_alg *x;
    if (l->n == l->alloc) {
        long na = l->alloc ? 2 * l->alloc : 8;
        par_alg **nv = fk_realloc(l->v, (size_t)na, sizeof *nv);
        if (!nv)
            return -1;
        l->v = nv;
        l->alloc = na;
    }
    if (!(x = malloc(sizeof *x)))
        return -1;
    par_alg_init(x);
    fmpz_poly_primitive_part(x->g, g);
    if (fmpz_sgn(fmpz_poly_lead(x->g)) < 0)
        fmpz_poly_neg(x->g, x->g);
    mpq_set(x->lo, lo);
    mpq_set(x->hi, hi);
    l->v[l->n++] = x;
    return 0;
}

static void alist_clear(alist *l)
{
    long k;
    for (k = 0; k < l->n; k++)
        par_alg_free(l->v[k]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Isolate the cnt roots of irreducible g (degree >= 2, so no rational
 * root) in (lo, hi) by bisection, each into al with its interval. */
static int isolate(alist *al, const fmpz_poly_t g, const mpq_t lo, const mpq_t hi, long cnt)
{
    mpq_t mid;
    long c1;
    int rc = 0;
    if (cnt <= 0)
        return 0;
    if (cnt == 1)
        return alist_add(al, g, lo, hi);
    mpq_init(mid);
    mpq_add(mid, lo, hi);
    mpq_div_2exp(mid, mid, 1);
    c1 = par_sturm_count(g, lo, mid);
    rc = c1 < 0 || isolate(al, g, lo, mid, c1) || isolate(al, g, mid, hi, cnt - c1);
    mpq_clear(mid);
    return rc;
}

/* The real roots in [a, b] of every condition: the rational ones into q,
 * the others (roots of irreducible factors of degree >= 2) into al. */
static fk_status cond_roots(qlist *q, alist *al, const conds *c, const mpq_t a, const mpq_t b,
                            fk_err *err)
{
    fmpz_poly_t num;
    fmpz_poly_factor_t fac;
    mpq_t r;
    long k, f;
    fk_status st = FK_OK;
    fmpz_poly_init(num);
    mpq_init(r);
    for (k = 0; k < c->n && !st; k++) {
        if (fmpq_poly_degree(c->p + k) < 1)
            continue;
        fmpq_poly_get_numerator(num, c->p + k);
        fmpz_poly_factor_init(fac);
        fmpz_poly_factor(fac, num);
        for (f = 0; f < fac->num && !st; f++) {
            const fmpz_poly_struct *g = fac->p + f;
            if (fmpz_poly_degree(g) == 1) {
                fmpz_get_mpz(mpq_numref(r), g->coeffs + 0);
                fmpz_get_mpz(mpq_denref(r), g->coeffs + 1);
                mpz_neg(mpq_numref(r), mpq_numref(r));
                if (mpz_sgn(mpq_denref(r)) < 0) {
                    mpz_neg(mpq_numref(r), mpq_numref(r));
                    mpz_neg(mpq_denref(r), mpq_denref(r));
                }
                mpq_canonicalize(r);
                if (mpq_cmp(r, a) >= 0 && mpq_cmp(r, b) <= 0 && qlist_add(q, r))
                    st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            } else if (fmpz_poly_degree(g) >= 2) {
                long cnt = par_sturm_count(g, a, b);
                if (cnt < 0 || isolate(al, g, a, b, cnt))
                    st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            }
        }
        fmpz_poly_factor_clear(fac);
    }
    mpq_clear(r);
    fmpz_poly_clear(num);
    return st;
}

/* ---- points that are rational or algebraic ---------------------------------- */

/* sign of (a, aa) - (b, ab), each end rational (aa NULL: the value a) or
 * algebraic; refines the intervals */
static int end_cmp(const mpq_t a, par_alg *aa, const mpq_t b, par_alg *ab)
{
    if (!aa && !ab)
        return mpq_cmp(a, b);
    if (aa && !ab)
        return par_alg_cmp_q(aa, b);
    if (!aa)
        return -par_alg_cmp_q(ab, a);
    return par_alg_cmp(aa, ab);
}

int par_end_cmp(const par_piece *pc, int e, const mpq_t t)
{
    const par_alg *x = e ? pc->ab : pc->aa;
    par_alg cp;
    int c;
    if (!x)
        return mpq_cmp(e ? pc->b : pc->a, t);
    par_alg_init(&cp);
    par_alg_set(&cp, x);
    c = par_alg_cmp_q(&cp, t);
    par_alg_clear(&cp);
    return c;
}

/* set the end (q, *qa) to (v, va): a copy; 0, or -1 on OOM */
static int end_set(mpq_t q, par_alg **qa, const mpq_t v, const par_alg *va)
{
    par_alg_free(*qa);
    *qa = NULL;
    if (va) {
        if (!(*qa = par_alg_dup(va)))
            return -1;
        mpq_add(q, va->lo, va->hi);   /* a rational inside, for drawing */
        mpq_div_2exp(q, q, 1);
    } else {
        mpq_set(q, v);
    }
    return 0;
}

/* a rational strictly between the ends a < b */
static void between(mpq_t t, const mpq_t a, par_alg *aa, const mpq_t b, par_alg *ab)
{
    (void)end_cmp(a, aa, b, ab);   /* refined apart */
    if (aa && !ab)
        par_alg_avoid(aa, b);      /* hi < b: the midpoint is inside */
    if (ab && !aa)
        par_alg_avoid(ab, a);
    mpq_add(t, aa ? aa->hi : a, ab ? ab->lo : b);
    mpq_div_2exp(t, t, 1);
}

static int conds_hold_alg(const conds *c, par_alg *x)
{
    long k;
    int ok = 1;
    for (k = 0; k < c->n && ok; k++) {
        int s = par_alg_sign(c->p + k, x);
        ok = c->kind[k] == C_GE ? s >= 0 : c->kind[k] == C_GT ? s > 0 : s == 0;
    }
    return ok;
}

/* ---- one basis over Q(t) ------------------------------------------------ */

/* entries of column v of [A, -I] */
typedef struct {
    const par_model *M;
    long *cstart;   /* n+1: the entries of column j are a[cstart[j] .. cstart[j+1]) */
} colview;

static fk_status colview_init(colview *cv, const par_model *M, fk_err *err)
{
    long k;
    cv->M = M;
    cv->cstart = fk_calloc((size_t)M->n + 2, sizeof(long));
    if (!cv->cstart)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (k = 0; k < M->nnz; k++)
        cv->cstart[M->aj[k] + 1]++;
    for (k = 0; k < M->n; k++)
        cv->cstart[k + 1] += cv->cstart[k];
    return FK_OK;
}

/* Solve the m x m system sum_p E[i][p] w_p = r_i over Q[t] (E, r with
 * rational polynomial entries): W / den, den != 0.  Each row is scaled by
 * the lcm of its denominators to reach Z[t].  0 if singular. */
static int solve_qt(fmpq_poly_struct *W, fmpq_poly_t den, fmpq_poly_struct *E,
                    fmpq_poly_struct *r, long m)
{
    fmpz_poly_mat_t A, B, X;
    fmpz_poly_t d;
    fmpz_t L;
    fmpq_poly_t tmp;
    long i, p;
    int ok;
    fmpz_poly_mat_init(A, m, m);
    fmpz_poly_mat_init(B, m, 1);
    fmpz_poly_mat_init(X, m, 1);
    fmpz_poly_init(d);
    fmpz_init(L);
    fmpq_poly_init(tmp);
    for (i = 0; i < m; i++) {
        fmpz_set(L, fmpq_poly_denref(r + i));
        for (p = 0; p < m; p++)
            fmpz_lcm(L, L, fmpq_poly_denref(E + i * m + p));
        for (p = 0; p < m; p++) {
            fmpq_poly_scalar_mul_fmpz(tmp, E + i * m + p, L);
            fmpq_poly_get_numerator(fmpz_poly_mat_entry(A, i, p), tmp);
        }
        fmpq_poly_scalar_mul_fmpz(tmp, r + i, L);
        fmpq_poly_get_numerator(fmpz_poly_mat_entry(B, i, 0), tmp);
    }
    ok = m == 0 ? 1 : fmpz_poly_mat_solve(X, d, A, B);
    if (m == 0)
        fmpz_poly_set_ui(d, 1);
    if (ok) {
        fmpq_poly_set_fmpz_poly(den, d);
        for (p = 0; p < m; p++)
            fmpq_poly_set_fmpz_poly(W + p, fmpz_poly_mat_entry(X, p, 0));
    }
    fmpq_poly_clear(tmp);
    fmpz_clear(L);
    fmpz_poly_clear(d);
    fmpz_poly_mat_clear(X);
    fmpz_poly_mat_clear(B);
    fmpz_poly_mat_clear(A);
    return ok;
}

/* the value of nonbasic variable v (n + i for the logical of row i) */
static const fmpq_poly_struct *nb_value(const par_model *M, long v, int stat)
{
    if (v < M->n)
        return stat == LP_AT_LO ? M->clo + v : stat == LP_AT_UP ? M->chi + v : NULL;
    return stat == LP_AT_LO ? M->rlo + (v - M->n) : stat == LP_AT_UP ? M->rhi + (v - M->n) : NULL;
}

/* make den > 0 at t0, negating the numerators with it */
static void positive_at(fmpq_poly_t den, fmpq_poly_struct *W, long k, const mpq_t t0)
{
    mpq_t v;
    long i;
    mpq_init(v);
    fmpq_poly_evaluate_mpq(v, den, t0);
    if (mpq_sgn(v) < 0) {
        fmpq_poly_neg(den, den);
        for (i = 0; i < k; i++)
            fmpq_poly_neg(W + i, W + i);
    }
    mpq_clear(v);
}

/* X (n structurals) / Dx and Y (m rows) / Dy of basis bs of M, eqs (1)-(2);
 * signs made positive at t0. */
static fk_status basis_params(const par_model *M, const colview *cv, const lp_basis *bs,
                              fmpq_poly_struct *X, fmpq_poly_t Dx, fmpq_poly_struct *Y,
                              fmpq_poly_t Dy, const mpq_t t0, fk_err *err)
{
    long m = M->m, n = M->n, p, j, k;
    fmpq_poly_struct *E = NULL, *r = NULL, *W = NULL;
    fmpq_poly_t tmp;
    fk_status st = FK_OK;
    fmpq_poly_init(tmp);
    E = fk_calloc((size_t)(m * m + 1), sizeof *E);
    r = fk_calloc((size_t)m + 1, sizeof *r);
    W = fk_calloc((size_t)m + 1, sizeof *W);
    if (!E || !r || !W) {
        free(E);
        free(r);
        free(W);
        fmpq_poly_clear(tmp);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    for (k = 0; k < m * m; k++)
        fmpq_poly_init(E + k);
    for (k = 0; k < m; k++) {
        fmpq_poly_init(r + k);
        fmpq_poly_init(W + k);
    }
    /* (1): B x_B = -N x_N, B's column p = column head[p] of [A, -I] */
    for (p = 0; p < m; p++) {
        long v = bs->head[p];
        if (v < n) {
            for (k = cv->cstart[v]; k < cv->cstart[v + 1]; k++)
                fmpq_poly_set(E + M->ai[k] * m + p, M->a + k);
        } else {
            fmpq_poly_set_si(E + (v - n) * m + p, -1);
        }
    }
    for (j = 0; j < n + m; j++) {
        const fmpq_poly_struct *xv;
        if (bs->stat[j] == LP_BASIC || !(xv = nb_value(M, j, bs->stat[j])))
            continue;
        if (j < n) {
            for (k = cv->cstart[j]; k < cv->cstart[j + 1]; k++) {
                fmpq_poly_mul(tmp, M->a + k, xv);
                fmpq_poly_sub(r + M->ai[k], r + M->ai[k], tmp);
            }
        } else {
            fmpq_poly_add(r + (j - n), r + (j - n), xv);
        }
    }
    if (!solve_qt(W, Dx, E, r, m)) {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: the solver's basis is singular over Q(t)", M->name);
        goto done;
    }
    for (j = 0; j < n; j++)
        fmpq_poly_zero(X + j);
    for (p = 0; p < m; p++)
        if (bs->head[p] < n)
            fmpq_poly_set(X + bs->head[p], W + p);
    for (j = 0; j < n; j++) {
        const fmpq_poly_struct *xv;
        if (bs->stat[j] != LP_BASIC && (xv = nb_value(M, j, bs->stat[j])))
            fmpq_poly_mul(X + j, xv, Dx);
    }
    positive_at(Dx, X, n, t0);
    /* (2): B^T y = c_B: row p of B^T is column head[p] */
    for (k = 0; k < m * m; k++)
        fmpq_poly_zero(E + k);
    for (p = 0; p < m; p++) {
        long v = bs->head[p];
        fmpq_poly_zero(r + p);
        if (v < n) {
            for (k = cv->cstart[v]; k < cv->cstart[v + 1]; k++)
                fmpq_poly_set(E + p * m + M->ai[k], M->a + k);
            fmpq_poly_scalar_mul_si(r + p, M->obj + v, M->sense);
        } else {
            fmpq_poly_set_si(E + p * m + (v - n), -1);
        }
    }
    if (!solve_qt(Y, Dy, E, r, m)) {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: the solver's basis is singular over Q(t)", M->name);
        goto done;
    }
    positive_at(Dy, Y, m, t0);
done:
    for (k = 0; k < m * m; k++)
        fmpq_poly_clear(E + k);
    for (k = 0; k < m; k++) {
        fmpq_poly_clear(r + k);
        fmpq_poly_clear(W + k);
    }
    free(E);
    free(r);
    free(W);
    fmpq_poly_clear(tmp);
    return st;
}

/* Z_j = c_j Dy - a_j^T Y for the structurals (c = sense * obj) */
static void reduced(fmpq_poly_struct *Z, const par_model *M, const colview *cv,
                    const fmpq_poly_struct *Y, const fmpq_poly_t Dy, int with_cost)
{
    fmpq_poly_t tmp;
    long j, k;
    fmpq_poly_init(tmp);
    for (j = 0; j < M->n; j++) {
        fmpq_poly_zero(Z + j);
        if (with_cost) {
            fmpq_poly_mul(Z + j, M->obj + j, Dy);
            fmpq_poly_scalar_mul_si(Z + j, Z + j, M->sense);
        }
        for (k = cv->cstart[j]; k < cv->cstart[j + 1]; k++) {
            fmpq_poly_mul(tmp, M->a + k, Y + M->ai[k]);
            fmpq_poly_sub(Z + j, Z + j, tmp);
        }
    }
    fmpq_poly_clear(tmp);
}

/* (6) for variable v with reduced-cost numerator d: the sign its status
 * asks for; the bound it multiplies in b(y) + sum z bound goes to *side */
static int dual_cond(conds *c, const par_model *M, long v, int stat, const fmpq_poly_t d,
                     const fmpq_poly_struct **side)
{
    const fmpq_poly_struct *lo = v < M->n ? M->clo + v : M->rlo + (v - M->n);
    const fmpq_poly_struct *hi = v < M->n ? M->chi + v : M->rhi + (v - M->n);
    int lf = v < M->n ? M->clo_fin[v] : M->rlo_fin[v - M->n];
    int hf = v < M->n ? M->chi_fin[v] : M->rhi_fin[v - M->n];
    fmpq_poly_t neg;
    int rc = 0;
    *side = NULL;
    if (stat == LP_BASIC)
        return conds_add(c, d, C_EQ);
    if (stat == LP_AT_ZERO)
        return conds_add(c, d, C_EQ);
    *side = stat == LP_AT_LO ? lo : hi;
    if (lf && hf && fmpq_poly_equal(lo, hi))
        return 0; /* fixed: either sign */
    if (stat == LP_AT_LO)
        return conds_add(c, d, C_GE);
    fmpq_poly_init(neg);
    fmpq_poly_neg(neg, d);
    rc = conds_add(c, neg, C_GE);
    fmpq_poly_clear(neg);
    return rc;
}

/* ---- pieces ------------------------------------------------------------- */

void par_result_init(par_result *r)
{
    memset(r, 0, sizeof *r);
}

static void piece_clear(par_piece *pc, long n, long m)
{
    long k;
    mpq_clear(pc->a);
    mpq_clear(pc->b);
    for (k = 0; k < n; k++)
        fmpq_poly_clear(pc->X + k);
    for (k = 0; k < m; k++)
        fmpq_poly_clear(pc->Y + k);
    for (k = 0; k < n; k++)
        fmpq_poly_clear(pc->R + k);
    free(pc->X);
    free(pc->Y);
    free(pc->R);
    par_alg_free(pc->aa);
    par_alg_free(pc->ab);
    fmpq_poly_clear(pc->Dr);
    fmpq_poly_clear(pc->Dx);
    fmpq_poly_clear(pc->Dy);
    fmpz_poly_q_clear(pc->value);
}

void par_result_clear(par_result *r)
{
    int k;
    for (k = 0; k < r->np; k++)
        piece_clear(r->p + k, r->n, r->m);
    free(r->p);
    memset(r, 0, sizeof *r);
}

static par_piece *piece_new(par_result *r)
{
    par_piece *pc;
    long k;
    if (r->np == r->alloc) {
        int na = r->alloc ? 2 * r->alloc : 8;
        par_piece *np = fk_realloc(r->p, (size_t)na, sizeof *np);
        if (!np)
            return NULL;
        r->p = np;
        r->alloc = na;
    }
    pc = r->p + r->np;
    memset(pc, 0, sizeof *pc);
    pc->X = fk_calloc((size_t)r->n + 1, sizeof *pc->X);
    pc->Y = fk_calloc((size_t)r->m + 1, sizeof *pc->Y);
    pc->R = fk_calloc((size_t)r->n + 1, sizeof *pc->R);
    if (!pc->X || !pc->Y || !pc->R) {
        free(pc->X);
        free(pc->Y);
        free(pc->R);
        return NULL;
    }
    mpq_init(pc->a);
    mpq_init(pc->b);
    for (k = 0; k < r->n; k++) {
        fmpq_poly_init(pc->X + k);
        fmpq_poly_init(pc->R + k);
    }
    fmpq_poly_init(pc->Dr);
    for (k = 0; k < r->m; k++)
        fmpq_poly_init(pc->Y + k);
    fmpq_poly_init(pc->Dx);
    fmpq_poly_init(pc->Dy);
    fmpz_poly_q_init(pc->value);
    r->np++;
    return pc;
}

/* the auxiliary LP of par.h: columns p_i (+1), n_i (-1) for every row
 * with a finite side, cost 1, the original costs dropped, minimised */
static fk_status aux_model(par_model **out, const par_model *pm, fk_err *err)
{
    par_model *ax = par_model_new();
    long m = pm->m, n = pm->n, i, j, k, na = 0, nn, nnz;
    fk_status st = FK_OK;
    *out = NULL;
    if (!ax)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < m; i++)
        if (pm->rlo_fin[i] || pm->rhi_fin[i])
            na++;
    nn = n + 2 * na;
    nnz = pm->nnz + 2 * na;
    ax->name = fk_strdup(pm->name);
    ax->pname = fk_strdup(pm->pname);
    if ((st = par_model_shape(ax, m, nn, nnz, err)) || !ax->name || !ax->pname) {
        par_model_free(ax);
        return st ? st : fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    ax->sense = LP_MIN;
    for (i = 0; i < m && !st; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "r%ld", i);
        if (!(ax->rname[i] = fk_strdup(buf)))
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        fmpq_poly_set(ax->rlo + i, pm->rlo + i);
        fmpq_poly_set(ax->rhi + i, pm->rhi + i);
        ax->rlo_fin[i] = pm->rlo_fin[i];
        ax->rhi_fin[i] = pm->rhi_fin[i];
    }
    for (j = 0; j < nn && !st; j++) {
        char buf[64];
        snprintf(buf, sizeof buf, "c%ld", j);
        if (!(ax->cname[j] = fk_strdup(buf)))
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        if (j < n) {
            fmpq_poly_set(ax->clo + j, pm->clo + j);
            fmpq_poly_set(ax->chi + j, pm->chi + j);
            ax->clo_fin[j] = pm->clo_fin[j];
            ax->chi_fin[j] = pm->chi_fin[j];
        } else {
            ax->clo_fin[j] = 1;
            fmpq_poly_one(ax->obj + j);
        }
    }
    for (k = 0; k < pm->nnz; k++) {
        ax->ai[k] = pm->ai[k];
        ax->aj[k] = pm->aj[k];
        fmpq_poly_set(ax->a + k, pm->a + k);
    }
    for (i = 0, j = n; i < m; i++) {
        if (!(pm->rlo_fin[i] || pm->rhi_fin[i]))
            continue;
        ax->ai[k] = i;
        ax->aj[k] = j++;
        fmpq_poly_one(ax->a + k++);
        ax->ai[k] = i;
        ax->aj[k] = j++;
        fmpq_poly_set_si(ax->a + k++, -1);
    }
    if (st) {
        par_model_free(ax);
        return st;
    }
    *out = ax;
    return FK_OK;
}

/* the x and y of the solver's answer must be the basis's at t0: a check
 * that the basis was read with the solver's conventions */
static int agrees(const fmpq_poly_struct *W, const fmpq_poly_t den, mpq_t *want, long k,
                  const mpq_t t0)
{
    mpq_t v, d;
    long i;
    int ok = 1;
    mpq_init(v);
    mpq_init(d);
    fmpq_poly_evaluate_mpq(d, den, t0);
    for (i = 0; i < k && ok; i++) {
        fmpq_poly_evaluate_mpq(v, W + i, t0);
        mpq_div(v, v, d);
        ok = mpq_equal(v, want[i]);
    }
    mpq_clear(d);
    mpq_clear(v);
    return ok;
}

/* (4) and (5) for x = X / Dx in M: Dx > 0, every finite row side and
 * column bound holds (times Dx) */
static fk_status primal_conds(conds *c, const par_model *M, const fmpq_poly_struct *X,
                              const fmpq_poly_t Dx, fk_err *err)
{
    fmpq_poly_t tmp;
    fmpq_poly_struct *acc;
    long i, j, k;
    int bad = conds_add(c, Dx, C_GT);
    /* all row sums a_i^T X in one pass over the nonzeros, each added to
     * its row's sum (in the order of k, as a scan per row would): m * nnz
     * steps per piece before, which on a mechanism LP with hundreds of
     * rows was most of this function */
    if (!(acc = fk_calloc((size_t)(M->m > 0 ? M->m : 1), sizeof *acc)))
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    fmpq_poly_init(tmp);
    for (i = 0; i < M->m; i++)
        fmpq_poly_init(acc + i);
    for (k = 0; k < M->nnz; k++) {
        fmpq_poly_mul(tmp, M->a + k, X + M->aj[k]);
        fmpq_poly_add(acc + M->ai[k], acc + M->ai[k], tmp);
    }
    for (j = 0; j < M->n; j++) {
        if (M->clo_fin[j]) {
            fmpq_poly_mul(tmp, M->clo + j, Dx);
            fmpq_poly_sub(tmp, X + j, tmp);
            bad |= conds_add(c, tmp, C_GE);
        }
        if (M->chi_fin[j]) {
            fmpq_poly_mul(tmp, M->chi + j, Dx);
            fmpq_poly_sub(tmp, tmp, X + j);
            bad |= conds_add(c, tmp, C_GE);
        }
    }
    for (i = 0; i < M->m; i++) {
        if (M->rlo_fin[i]) {
            fmpq_poly_mul(tmp, M->rlo + i, Dx);
            fmpq_poly_sub(tmp, acc + i, tmp);
            bad |= conds_add(c, tmp, C_GE);
        }
        if (M->rhi_fin[i]) {
            fmpq_poly_mul(tmp, M->rhi + i, Dx);
            fmpq_poly_sub(tmp, tmp, acc + i);
            bad |= conds_add(c, tmp, C_GE);
        }
    }
    for (i = 0; i < M->m; i++)
        fmpq_poly_clear(acc + i);
    free(acc);
    fmpq_poly_clear(tmp);
    return bad ? fk_fail(err, FK_ENOMEM, NULL, "out of memory") : FK_OK;
}

/* The two LPs an unbounded piece is made of (par.h (8)): ray = 0, pm
 * with its objective dropped (a feasible point); ray = 1, the cone of
 * directions (every finite side and bound replaced by 0) with the row
 * 'norm': sense c^T r >= -1, minimising sense c^T r (a ray).  Entries
 * stay sorted by column, row (norm is the last row). */
static fk_status derived_model(par_model **out, const par_model *pm, int ray, fk_err *err)
{
    par_model *d = par_model_new();
    long m = pm->m + (ray ? 1 : 0), n = pm->n, i, j, k, kk = 0, nnz = pm->nnz;
    fk_status st;
    *out = NULL;
    if (!d)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    if (ray)
        for (j = 0; j < n; j++)
            nnz += !fmpq_poly_is_zero(pm->obj + j);
    d->name = fk_strdup(pm->name);
    d->pname = fk_strdup(pm->pname);
    if ((st = par_model_shape(d, m, n, nnz, err)) || !d->name || !d->pname) {
        par_model_free(d);
        return st ? st : fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    d->sense = ray ? LP_MIN : pm->sense;
    for (i = 0; i < m; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "r%ld", i);
        d->rname[i] = fk_strdup(buf);
        if (i == pm->m) {   /* norm */
            d->rlo_fin[i] = 1;
            fmpq_poly_set_si(d->rlo + i, -1);
            continue;
        }
        d->rlo_fin[i] = pm->rlo_fin[i];
        d->rhi_fin[i] = pm->rhi_fin[i];
        if (!ray) {
            fmpq_poly_set(d->rlo + i, pm->rlo + i);
            fmpq_poly_set(d->rhi + i, pm->rhi + i);
        }
    }
    for (j = 0; j < n; j++) {
        char buf[64];
        snprintf(buf, sizeof buf, "c%ld", j);
        d->cname[j] = fk_strdup(buf);
        d->clo_fin[j] = pm->clo_fin[j];
        d->chi_fin[j] = pm->chi_fin[j];
        if (!ray) {
            fmpq_poly_set(d->clo + j, pm->clo + j);
            fmpq_poly_set(d->chi + j, pm->chi + j);
        } else {
            fmpq_poly_scalar_mul_si(d->obj + j, pm->obj + j, pm->sense);
        }
    }
    for (j = 0, k = 0; j < n; j++) {
        for (; k < pm->nnz && pm->aj[k] == j; k++, kk++) {
            d->ai[kk] = pm->ai[k];
            d->aj[kk] = j;
            fmpq_poly_set(d->a + kk, pm->a + k);
        }
        if (ray && !fmpq_poly_is_zero(pm->obj + j)) {
            d->ai[kk] = pm->m;
            d->aj[kk] = j;
            fmpq_poly_set(d->a + kk++, d->obj + j);
        }
    }
    for (i = 0; i < m; i++)
        if (!d->rname[i])
            st = FK_ENOMEM;
    for (j = 0; j < n; j++)
        if (!d->cname[j])
            st = FK_ENOMEM;
    if (st || kk != nnz) {
        par_model_free(d);
        return st ? fk_fail(err, FK_ENOMEM, NULL, "out of memory")
                  : fk_fail(err, FK_EINVAL, NULL, "%s: entries not sorted by column", pm->name);
    }
    *out = d;
    return FK_OK;
}

/* x = X / D from the optimal basis of M at t0 (M's duals unused). */
static fk_status point_of(fmpq_poly_struct *X, fmpq_poly_t D, const par_model *M, const mpq_t t0,
                          int *nsolves, fk_err *err)
{
    lp_model *lp = NULL;
    lp_answer res;
    solve_opts opts;
    colview cv = {NULL, NULL};
    fmpq_poly_struct *Y = fk_calloc((size_t)M->m + 1, sizeof *Y);
    fmpq_poly_t Dy;
    fk_status st;
    long i;
    if (!Y)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < M->m; i++)
        fmpq_poly_init(Y + i);
    fmpq_poly_init(Dy);
    lp_answer_init(&res);
    solve_opts_default(&opts);
    /* the pieces follow the optimal basis solve_lp hands back; without the
     * presolve (pre.h) that basis, and so the pieces, stay as they were */
    opts.no_presolve = 1;
    if ((st = par_model_eval(&lp, M, t0, err)) || (st = solve_lp(&res, lp, &opts, NULL, err)))
        goto done;
    ++*nsolves;
    if (res.status != LP_OPTIMAL) {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: unbounded, but its feasibility or ray LP is %s",
                     M->name, lp_status_str(res.status));
        goto done;
    }
    if ((st = colview_init(&cv, M, err)) ||
        (st = basis_params(M, &cv, &res.basis, X, D, Y, Dy, t0, err)))
        goto done;
    if (!agrees(X, D, res.x, M->n, t0))
        st = fk_fail(err, FK_EINVAL, NULL, "%s: the basis does not reproduce the solver's "
                     "solution at the sample point", M->name);
done:
    free(cv.cstart);
    for (i = 0; i < M->m; i++)
        fmpq_poly_clear(Y + i);
    free(Y);
    fmpq_poly_clear(Dy);
    lp_answer_clear(&res);
    lp_free(lp);
    return st;
}

/* (8): an unbounded piece at t0, a feasible point X / Dx (the LP without
 * its objective) and a ray R / Dr (the cone LP of derived_model), both
 * from optimal bases; conditions (4), (5) for each, in pm and in the
 * cone, and -sense c^T R > 0. */
static fk_status unbounded_at(par_piece *pc, conds *c, const par_model *pm, const mpq_t t0,
                              int *nsolves, fk_err *err)
{
    par_model *fm = NULL, *rm = NULL;
    fmpq_poly_t acc, tmp;
    fk_status st;
    long j;
    fmpq_poly_init(acc);
    fmpq_poly_init(tmp);
    if ((st = derived_model(&fm, pm, 0, err)) || (st = point_of(pc->X, pc->Dx, fm, t0, nsolves, err)) ||
        (st = primal_conds(c, pm, pc->X, pc->Dx, err)) || (st = derived_model(&rm, pm, 1, err)) ||
        (st = point_of(pc->R, pc->Dr, rm, t0, nsolves, err)) ||
        (st = primal_conds(c, rm, pc->R, pc->Dr, err)))
        goto done;
    for (j = 0; j < pm->n; j++) {
        fmpq_poly_mul(tmp, rm->obj + j, pc->R + j);   /* rm->obj = sense c */
        fmpq_poly_sub(acc, acc, tmp);
    }
    if (conds_add(c, acc, C_GT)) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    pc->verdict = PAR_UNBOUNDED;
    fmpq_poly_one(pc->Dy);
done:
    par_model_free(fm);
    par_model_free(rm);
    fmpq_poly_clear(acc);
    fmpq_poly_clear(tmp);
    return st;
}

/* One basis at t0: its conditions into c, its certificate into pc. */
static fk_status basis_at(par_piece *pc, conds *c, const par_model *pm, const mpq_t t0,
                          int *nsolves, fk_err *err)
{
    lp_model *lp = NULL;
    par_model *ax = NULL;
    const par_model *M = pm;
    lp_answer res;
    solve_opts opts;
    colview cv = {NULL, NULL};
    fmpq_poly_struct *Xa = NULL, *Z = NULL;
    fmpq_poly_t tmp, acc;
    fk_status st;
    long i, j, n = pm->n, m = pm->m;
    lp_answer_init(&res);
    fmpq_poly_init(tmp);
    fmpq_poly_init(acc);
    solve_opts_default(&opts);
    opts.no_presolve = 1; /* as above: the pieces follow the basis */
    if ((st = par_model_eval(&lp, pm, t0, err)) || (st = solve_lp(&res, lp, &opts, NULL, err)))
        goto done;
    ++*nsolves;
    if (res.status == LP_UNBOUNDED) {
        st = unbounded_at(pc, c, pm, t0, nsolves, err);
        goto done;
    }
    if (res.status == LP_INFEASIBLE) {
        lp_model *al = NULL;
        if ((st = aux_model(&ax, pm, err)) || (st = par_model_eval(&al, ax, t0, err)))
            goto done;
        lp_answer_clear(&res);
        lp_answer_init(&res);
        st = solve_lp(&res, al, &opts, NULL, err);
        lp_free(al);
        ++*nsolves;
        if (st)
            goto done;
        if (res.status != LP_OPTIMAL || mpq_sgn(res.objval) <= 0) {
            st = fk_fail(err, FK_EINVAL, NULL, "%s: infeasible, but its auxiliary LP is not "
                         "optimal with a positive value", pm->name);
            goto done;
        }
        M = ax;
    } else if (res.status != LP_OPTIMAL) {
        st = fk_fail(err, FK_ELIMIT, NULL, "%s: the solver stopped without a verdict (%s)",
                     pm->name, lp_status_str(res.status));
        goto done;
    }
    Xa = fk_calloc((size_t)M->n + 1, sizeof *Xa);
    Z = fk_calloc((size_t)M->n + 1, sizeof *Z);
    if (!Xa || !Z) {
        free(Xa);
        free(Z);
        Xa = Z = NULL;
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (j = 0; j < M->n; j++) {
        fmpq_poly_init(Xa + j);
        fmpq_poly_init(Z + j);
    }
    if ((st = colview_init(&cv, M, err)) ||
        (st = basis_params(M, &cv, &res.basis, Xa, pc->Dx, pc->Y, pc->Dy, t0, err)))
        goto done;
    if (!agrees(pc->Y, pc->Dy, res.y, m, t0) || (M == pm && !agrees(Xa, pc->Dx, res.x, n, t0))) {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: the basis does not reproduce the solver's "
                     "solution at the sample point", pm->name);
        goto done;
    }
    reduced(Z, M, &cv, pc->Y, pc->Dy, M == pm);
    /* (6), and b(y) + sum z bound into acc */
    fmpq_poly_zero(acc);
    for (i = 0; i < m; i++) {
        const fmpq_poly_struct *side;
        if (dual_cond(c, pm, n + i, res.basis.stat[M->n + i], pc->Y + i, &side)) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        if (side) {
            fmpq_poly_mul(tmp, pc->Y + i, side);
            fmpq_poly_add(acc, acc, tmp);
        }
    }
    for (j = 0; j < n; j++) {
        const fmpq_poly_struct *side;
        if (dual_cond(c, pm, j, res.basis.stat[j], Z + j, &side)) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        if (side) {
            fmpq_poly_mul(tmp, Z + j, side);
            fmpq_poly_add(acc, acc, tmp);
        }
    }
    if (M != pm) {
        /* (7): the Farkas bound is strict */
        pc->verdict = PAR_INFEASIBLE;
        fmpq_poly_one(pc->Dx);
        fmpq_poly_one(pc->Dy);
        if (conds_add(c, acc, C_GT))
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    pc->verdict = PAR_OPTIMAL;
    for (j = 0; j < n; j++)
        fmpq_poly_swap(pc->X + j, Xa + j);
    /* (4), (5) */
    if (conds_add(c, pc->Dy, C_GT)) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    if ((st = primal_conds(c, pm, pc->X, pc->Dx, err)))
        goto done;
    /* the value (c^T X + c0 Dx) / Dx */
    pc->zero_obj = fmpq_poly_is_zero(pm->objconst);
    fmpq_poly_mul(acc, pm->objconst, pc->Dx);
    for (j = 0; j < n; j++) {
        if (!fmpq_poly_is_zero(pm->obj + j))
            pc->zero_obj = 0;
        fmpq_poly_mul(tmp, pm->obj + j, pc->X + j);
        fmpq_poly_add(acc, acc, tmp);
    }
    {
        fmpz_t dd;
        fmpz_init(dd);
        /* acc / Dx with both made integral by the product of their denominators */
        fmpz_mul(dd, fmpq_poly_denref(acc), fmpq_poly_denref(pc->Dx));
        fmpq_poly_scalar_mul_fmpz(tmp, acc, dd);
        fmpq_poly_get_numerator(fmpz_poly_q_numref(pc->value), tmp);
        fmpq_poly_scalar_mul_fmpz(tmp, pc->Dx, dd);
        fmpq_poly_get_numerator(fmpz_poly_q_denref(pc->value), tmp);
        fmpz_poly_q_canonicalise(pc->value);
        fmpz_clear(dd);
    }
done:
    if (Xa)
        for (j = 0; j < M->n; j++) {
            fmpq_poly_clear(Xa + j);
            fmpq_poly_clear(Z + j);
        }
    free(Xa);
    free(Z);
    free(cv.cstart);
    par_model_free(ax);
    fmpq_poly_clear(acc);
    fmpq_poly_clear(tmp);
    lp_answer_clear(&res);
    lp_free(lp);
    return st;
}

/* an interval [a, b] of the parameter, ac / bc = closed ends, an end
 * algebraic where aa / ab is set */
typedef struct {
    mpq_t a, b;
    par_alg *aa, *ab;
    int ac, bc;
} iv;

static iv *iv_new(void)
{
    iv *v = fk_calloc(1, sizeof *v);
    if (v) {
        mpq_init(v->a);
        mpq_init(v->b);
    }
    return v;
}

static void iv_free(iv *v)
{
    if (!v)
        return;
    mpq_clear(v->a);
    mpq_clear(v->b);
    par_alg_free(v->aa);
    par_alg_free(v->ab);
    free(v);
}

static int iv_empty(iv *v)
{
    int c = end_cmp(v->a, v->aa, v->b, v->ab);
    return c > 0 || (c == 0 && !(v->ac && v->bc));
}

/* a point of the cell decomposition */
typedef struct {
    mpq_srcptr q;   /* rational (al NULL) */
    par_alg *al;
} pt;

static int cmp_pt(const void *x, const void *y)
{
    const pt *u = x, *v = y;
    return end_cmp(u->q, u->al, v->q, v->al);
}

/* The run of valid cells around t0 (par.h): into pc's ends. */
static fk_status component(par_piece *pc, const conds *c, const par_model *pm, const mpq_t t0,
                           fk_err *err)
{
    qlist q = {0, 0, NULL};
    alist al = {0, 0, NULL};
    long P = 0, ncell, k, j, c0 = -1, L, R;
    fk_status st;
    mpq_t mid;
    int *valid = NULL;
    pt *pts = NULL;
    mpq_init(mid);
    if ((st = cond_roots(&q, &al, c, pm->tlo, pm->thi, err)))
        goto done;
    if (qlist_add(&q, pm->tlo) || qlist_add(&q, pm->thi) || qlist_add(&q, t0)) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    /* every algebraic interval made free of the rational points and of
     * the other algebraic points (a repeated root is dropped), so that an
     * open cell has a rational inside between the intervals */
    for (k = 0; k < al.n; k++) {
        for (j = 0; j < q.n; j++)
            (void)par_alg_cmp_q(al.v[k], q.v[j]);
        for (j = 0; j < k; j++)
            if (al.v[j] && par_alg_cmp(al.v[k], al.v[j]) == 0) {
                par_alg_free(al.v[k]);
                al.v[k] = NULL;
                break;
            }
    }
    pts = fk_calloc((size_t)(q.n + al.n) + 1, sizeof *pts);
    if (!pts) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (k = 0; k < q.n; k++)
        pts[P++].q = q.v[k];
    for (k = 0; k < al.n; k++)
        if (al.v[k]) {
            pts[P].q = pm->tlo;   /* unused */
            pts[P++].al = al.v[k];
        }
    qsort(pts, (size_t)P, sizeof *pts, cmp_pt);
    ncell = 2 * P - 1;
    valid = fk_calloc((size_t)ncell, sizeof *valid);
    if (!valid) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    for (k = 0; k < ncell; k++) {
        const pt *x = pts + k / 2;
        if (k % 2 == 0) {
            valid[k] = x->al ? conds_hold_alg(c, x->al) : conds_hold(c, x->q);
            if (!x->al && mpq_equal(x->q, t0))
                c0 = k;
        } else {
            between(mid, x->q, x->al, x[1].q, x[1].al);
            valid[k] = conds_hold(c, mid);
        }
    }
    if (c0 < 0 || !valid[c0]) {
        st = fk_fail(err, FK_EINVAL, NULL, "%s: the solver's basis fails its own conditions at "
                     "the sample point", pm->name);
        goto done;
    }
    for (L = c0; L > 0 && valid[L - 1]; L--)
        ;
    for (R = c0; R < ncell - 1 && valid[R + 1]; R++)
        ;
    if (end_set(pc->a, &pc->aa, pts[L / 2].q, pts[L / 2].al) ||
        end_set(pc->b, &pc->ab, pts[(R + 1) / 2].q, pts[(R + 1) / 2].al)) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    pc->ac = L % 2 == 0;
    pc->bc = R % 2 == 0;
done:
    free(pts);
    free(valid);
    mpq_clear(mid);
    qlist_clear(&q);
    alist_clear(&al);
    return st;
}

/* The ends the certificate writes: equal ends of neighbouring pieces
 * with one representation, and a piece's two ends with intervals apart
 * (the checker asks for both, docs/parametric.md). */
static fk_status share_ends(par_result *r, fk_err *err)
{
    int k;
    for (k = 0; k < r->np; k++) {
        par_piece *pc = r->p + k;
        if (end_cmp(pc->a, pc->aa, pc->b, pc->ab) > 0)
            return fk_fail(err, FK_EINVAL, NULL, "piece %d has its ends in the wrong order", k + 1);
        if (k + 1 < r->np && (pc->ab || r->p[k + 1].aa) &&
            (end_cmp(pc->b, pc->ab, r->p[k + 1].a, r->p[k + 1].aa) != 0 ||
             end_set(r->p[k + 1].a, &r->p[k + 1].aa, pc->b, pc->ab)))
            return fk_fail(err, FK_EINVAL, NULL, "pieces %d and %d do not meet", k + 1, k + 2);
    }
    /* the later copies are the narrower intervals: back to the earlier ends */
    for (k = r->np - 2; k >= 0; k--)
        if (r->p[k + 1].aa && end_set(r->p[k].b, &r->p[k].ab, r->p[k + 1].a, r->p[k + 1].aa))
            return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    return FK_OK;
}

fk_status par_solve(par_result *r, const par_model *pm, fk_err *err)
{
    iv **work = NULL, *u = NULL;
    int nw = 0, cap = 0, k;
    fk_status st = FK_OK;
    mpq_t t0;
    par_result_clear(r);
    r->n = pm->n;
    r->m = pm->m;
    if (mpq_cmp(pm->tlo, pm->thi) >= 0)
        return fk_fail(err, FK_EINVAL, NULL, "the interval of %s is empty", pm->pname);
    mpq_init(t0);
    cap = 16;
    work = fk_calloc((size_t)cap, sizeof *work);
    if (!work || !(work[0] = iv_new())) {
        free(work);
        mpq_clear(t0);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    mpq_set(work[0]->a, pm->tlo);
    mpq_set(work[0]->b, pm->thi);
    work[0]->ac = work[0]->bc = 1;
    nw = 1;
    while (nw > 0 && !st) {
        par_piece *pc;
        conds c;
        iv *left = NULL, *right = NULL;
        int cs, ce;
        u = work[--nw];
        if (r->np >= PAR_MAX_PIECES) {
            /* u is the last gap tried: pieces creep towards a breakpoint from both sides */
            st = fk_fail(err, FK_ELIMIT, NULL, "%s: more than %d pieces, the last ones closing in on "
                         "%s = %.12g", pm->name, PAR_MAX_PIECES, pm->pname, mpq_get_d(u->a));
            break;
        }
        if (end_cmp(u->a, u->aa, u->b, u->ab) == 0) {
            if (u->aa || u->ab) {
                char *s = par_alg_str(u->aa ? u->aa : u->ab, pm->pname);
                st = fk_fail(err, FK_ELIMIT, NULL, "%s: no basis of a neighbouring piece holds at "
                             "%s = %s, and the LP cannot be solved at an irrational point",
                             pm->name, pm->pname, s ? s : "?");
                free(s);
                break;
            }
            mpq_set(t0, u->a);
        } else {
            between(t0, u->a, u->aa, u->b, u->ab);
        }
        if (!(pc = piece_new(r))) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            break;
        }
        conds_init(&c);
        st = basis_at(pc, &c, pm, t0, &r->nsolves, err);
        if (!st)
            st = component(pc, &c, pm, t0, err);
        conds_clear(&c);
        if (st)
            break;
        /* clip to u, queue what is left on either side */
        cs = end_cmp(pc->a, pc->aa, u->a, u->aa);
        if ((cs < 0 || (cs == 0 && !u->ac)) && end_set(pc->a, &pc->aa, u->a, u->aa))
            st = FK_ENOMEM;
        if (cs < 0 || (cs == 0 && !u->ac))
            pc->ac = u->ac;
        ce = end_cmp(pc->b, pc->ab, u->b, u->ab);
        if ((ce > 0 || (ce == 0 && !u->bc)) && end_set(pc->b, &pc->ab, u->b, u->ab))
            st = FK_ENOMEM;
        if (ce > 0 || (ce == 0 && !u->bc))
            pc->bc = u->bc;
        if (!st && nw + 2 > cap) {
            iv **nwk = fk_realloc(work, (size_t)(2 * cap), sizeof *nwk);
            if (!nwk)
                st = FK_ENOMEM;
            else {
                work = nwk;
                cap *= 2;
            }
        }
        if (!st && (!(left = iv_new()) || !(right = iv_new())))
            st = FK_ENOMEM;
        if (!st && (end_set(left->a, &left->aa, u->a, u->aa) || end_set(left->b, &left->ab, pc->a, pc->aa) ||
                    end_set(right->a, &right->aa, pc->b, pc->ab) || end_set(right->b, &right->ab, u->b, u->ab)))
            st = FK_ENOMEM;
        if (st) {
            iv_free(left);
            iv_free(right);
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            break;
        }
        left->ac = u->ac;
        left->bc = !pc->ac;
        right->ac = !pc->bc;
        right->bc = u->bc;
        if (!iv_empty(left))
            work[nw++] = left;
        else
            iv_free(left);
        if (!iv_empty(right))
            work[nw++] = right;
        else
            iv_free(right);
        iv_free(u);
        u = NULL;
    }
    iv_free(u);
    for (k = 0; k < nw; k++)
        iv_free(work[k]);
    free(work);
    mpq_clear(t0);
    if (!st) {
        /* sort the pieces by their left ends (a tie: the closed end first) */
        int i, j;
        for (i = 1; i < r->np; i++)
            for (j = i; j > 0; j--) {
                par_piece *x = r->p + j - 1, *y = r->p + j;
                int cmp = end_cmp(x->a, x->aa, y->a, y->aa);
                if (cmp < 0 || (cmp == 0 && x->ac >= y->ac))
                    break;
                {
                    par_piece tmp = *x;
                    *x = *y;
                    *y = tmp;
                }
            }
        st = share_ends(r, err);
    }
    return st;
}
