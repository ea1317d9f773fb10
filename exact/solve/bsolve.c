/* bsolve.c: Dixon p-adic lifting for square rational systems (bsolve.h). */
#include "bsolve.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fk.h"

/* Word-size prime arithmetic: primes below 2^62 with a 128-bit product
 * where the compiler has one (and digits fit an unsigned long, as GMP's
 * _ui functions need), else primes below 2^31. */
#if defined(__SIZEOF_INT128__) && ULONG_MAX >= 0xffffffffffffffffULL
__extension__ typedef unsigned __int128 bs_u128;
__extension__ typedef __int128 bs_i128;
#define BS_PBITS 62
#define BS_HAVE_WORD 1
#define BS_NORM_BITS 60
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t p)
{
    return (uint64_t)(((bs_u128)a * b) % p);
}
#else
#define BS_PBITS 31
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t p)
{
    return a * b % p;
}
#endif

/* Largest core accepted: BSOLVE_MAX_K (bsolve.h). */
#define BS_MAX_K BSOLVE_MAX_K
#define BS_PRIMES 3

struct bsolve {
    long k;
    mpz_t *sc;            /* k: row scale, lcm of the row's denominators */
    long *rp, *ci;        /* CSR of A' (scaled integer core), k+1 / nnz */
    mpz_t *av;            /* nnz */
    long nnz;
    double colbits, rowbits; /* log2 of the Hadamard column / row products */
#ifdef BS_HAVE_WORD
    int64_t *av64;        /* nnz: A' as words, when small_ok[] (else NULL) */
    int small_ok[2];      /* [trans]: every row (trans: column) 1-norm of
                           * A' below 2^BS_NORM_BITS, see lift() */
#endif
    uint64_t p;
    long *pr, *pc;        /* pivot row and column of step t */
    uint64_t *dinv;       /* inverse of the pivot of step t */
    long *ub, *uc;        /* U row of step t (off-pivot): ub[t]..ub[t+1] */
    uint64_t *uv;
    long *lb, *li;        /* L column of step t: rows li, multipliers lv */
    uint64_t *lv;
};

static uint64_t submod(uint64_t a, uint64_t b, uint64_t p)
{
    return a >= b ? a - b : a + p - b;
}

static uint64_t powmod(uint64_t a, uint64_t e, uint64_t p)
{
    uint64_t r = 1;
    while (e) {
        if (e & 1)
            r = mulmod(r, a, p);
        a = mulmod(a, a, p);
        e >>= 1;
    }
    return r;
}

static uint64_t prime_no(int t)
{
    mpz_t z;
    uint64_t p;
    mpz_init(z);
    mpz_ui_pow_ui(z, 2, BS_PBITS);
    mpz_sub_ui(z, z, 1000003UL * (unsigned long)(t + 1) * (BS_PBITS > 31 ? 4099UL : 1UL));
    mpz_nextprime(z, z);
    p = (uint64_t)mpz_get_ui(z);
    mpz_clear(z);
    return p;
}

static void free_lu(bsolve *bs)
{
    free(bs->pr);
    free(bs->pc);
    free(bs->dinv);
    free(bs->ub);
    free(bs->uc);
    free(bs->uv);
    free(bs->lb);
    free(bs->li);
    free(bs->lv);
    bs->pr = bs->pc = bs->ub = bs->uc = bs->lb = bs->li = NULL;
    bs->dinv = bs->uv = bs->lv = NULL;
}

void bsolve_free(bsolve *bs)
{
    long t;
    if (!bs)
        return;
    if (bs->sc) {
        for (t = 0; t < bs->k; t++)
            mpz_clear(bs->sc[t]);
        free(bs->sc);
    }
    if (bs->av) {
        for (t = 0; t < bs->nnz; t++)
            mpz_clear(bs->av[t]);
        free(bs->av);
    }
    free(bs->rp);
    free(bs->ci);
#ifdef BS_HAVE_WORD
    free(bs->av64);
#endif
    free_lu(bs);
    free(bs);
}

/* Append (idx, val) to a growing pair of arrays. */
static int push(long **idx, uint64_t **val, long *cnt, long *cap, long i, uint64_t v)
{
    if (*cnt >= *cap) {
        long nc = *cap ? 2 * *cap : 256;
        long *a = fk_realloc(*idx, (size_t)nc, sizeof *a);
        uint64_t *b;
        if (!a)
            return -1;
        *idx = a;
        b = fk_realloc(*val, (size_t)nc, sizeof *b);
        if (!b)
            return -1;
        *val = b;
        *cap = nc;
    }
    (*idx)[*cnt] = i;
    (*val)[*cnt] = v;
    (*cnt)++;
    return 0;
}

/* Working storage of the sparse elimination: the active rows (columns
 * and values, unordered) and, for every column, the list of active rows
 * holding a nonzero there (kept exact: an entry that cancels leaves its
 * column's list at once), with columns chained in buckets by that count. */
typedef struct {
    long k;
    long **rc, *rn, *rcap;   /* row i: columns rc[i][0..rn[i]-1] */
    uint64_t **rv;           /* and their values mod p */
    long **cl, *cn, *ccap;   /* column j: rows cl[j][0..cn[j]-1] */
    long *bhead, *bnext, *bprev; /* bucket of count c: columns chained */
    long *pos;               /* k: scatter of the row being updated, 1-based */
    long live;               /* entries held in rows, L and U together
                                (one too many per step: a bound) */
} bs_act;

static void bk_add(bs_act *a, long j)
{
    long c = a->cn[j];
    a->bprev[j] = -1;
    a->bnext[j] = a->bhead[c];
    if (a->bhead[c] >= 0)
        a->bprev[a->bhead[c]] = j;
    a->bhead[c] = j;
}

static void bk_del(bs_act *a, long j, long c)
{
    if (a->bprev[j] >= 0)
        a->bnext[a->bprev[j]] = a->bnext[j];
    else
        a->bhead[c] = a->bnext[j];
    if (a->bnext[j] >= 0)
        a->bprev[a->bnext[j]] = a->bprev[j];
}

/* Grow a long array (and optionally its value twin) to hold one more. */
static int grow(long **idx, uint64_t **val, long n, long *cap)
{
    long nc;
    if (n < *cap)
        return 0;
    nc = *cap ? 2 * *cap : 4;
    {
        long *x = fk_realloc(*idx, (size_t)nc, sizeof *x);
        if (!x)
            return -1;
        *idx = x;
    }
    if (val) {
        uint64_t *v = fk_realloc(*val, (size_t)nc, sizeof *v);
        if (!v)
            return -1;
        *val = v;
    }
    *cap = nc;
    return 0;
}

static void col_drop(bs_act *a, long j, long i)
{
    long e;
    for (e = 0; e < a->cn[j]; e++)
        if (a->cl[j][e] == i) {
            a->cl[j][e] = a->cl[j][--a->cn[j]];
            return;
        }
}

static void act_free(bs_act *a)
{
    long i;
    for (i = 0; i < a->k; i++) {
        if (a->rc)
            free(a->rc[i]);
        if (a->rv)
            free(a->rv[i]);
        if (a->cl)
            free(a->cl[i]);
    }
    free(a->rc);
    free(a->rv);
    free(a->rn);
    free(a->rcap);
    free(a->cl);
    free(a->cn);
    free(a->ccap);
    free(a->bhead);
    free(a->bnext);
    free(a->bprev);
    free(a->pos);
}

/* Most entries (active rows, L and U) the elimination may hold: 16 bytes
 * each, 512 MB at the limit, as the dense elimination's k^2 words at the
 * old size limit.  Network cores (2 or 3 nonzeros per column) stay near
 * their nonzero count. */
#define BS_MAX_LIVE (1L << 25)

/* Pivot of the active matrix: among the (up to) BS_SEARCH nonempty columns
 * of least count, the entry of least Markowitz product (row count - 1)
 * (column count - 1); any nonzero mod p is numerically fine.  Returns the
 * column (row in *r), -1 when some active column is empty (singular mod p). */
#define BS_SEARCH 4
static long pick(const bs_act *a, long *r)
{
    long c, j, e, best = -1, seen = 0;
    double cost = 0;
    for (c = 0; c <= a->k; c++)
        for (j = a->bhead[c]; j >= 0; j = a->bnext[j]) {
            if (c == 0)
                return -1;
            for (e = 0; e < a->cn[j]; e++) {
                long i = a->cl[j][e];
                double mc = (double)(a->rn[i] - 1) * (double)(c - 1);
                if (best < 0 || mc < cost) {
                    best = j;
                    *r = i;
                    cost = mc;
                }
            }
            if (cost == 0 || ++seen >= BS_SEARCH)
                return best;
        }
    return best;
}

/* LU of A' mod p by sparse right-looking elimination (pivots by pick()),
 * recorded in the order of the steps: pivot row pr[t] and column pc[t],
 * U row t = the pivot row's other entries at step t, L column t = the
 * multipliers of the rows it was subtracted from.  0 ok, 1 singular mod
 * p, 2 more than BS_MAX_LIVE entries, -1 no memory. */
static int factor(bsolve *bs, uint64_t p)
{
    long k = bs->k, i, j, t, q, e, nu = 0, nl = 0, capu = 0, capl = 0;
    bs_act a;
    int rc = -1;

    free_lu(bs);
    bs->p = p;
    memset(&a, 0, sizeof a);
    a.k = k;
    a.rc = fk_calloc((size_t)k + 1, sizeof *a.rc);
    a.rv = fk_calloc((size_t)k + 1, sizeof *a.rv);
    a.rn = fk_calloc((size_t)k + 1, sizeof *a.rn);
    a.rcap = fk_calloc((size_t)k + 1, sizeof *a.rcap);
    a.cl = fk_calloc((size_t)k + 1, sizeof *a.cl);
    a.cn = fk_calloc((size_t)k + 1, sizeof *a.cn);
    a.ccap = fk_calloc((size_t)k + 1, sizeof *a.ccap);
    a.bhead = fk_calloc((size_t)k + 2, sizeof *a.bhead);
    a.bnext = fk_calloc((size_t)k + 1, sizeof *a.bnext);
    a.bprev = fk_calloc((size_t)k + 1, sizeof *a.bprev);
    a.pos = fk_calloc((size_t)k + 1, sizeof *a.pos);
    bs->pr = fk_calloc((size_t)k + 1, sizeof *bs->pr);
    bs->pc = fk_calloc((size_t)k + 1, sizeof *bs->pc);
    bs->dinv = fk_calloc((size_t)k + 1, sizeof *bs->dinv);
    bs->ub = fk_calloc((size_t)k + 1, sizeof *bs->ub);
    bs->lb = fk_calloc((size_t)k + 1, sizeof *bs->lb);
    if (!a.rc || !a.rv || !a.rn || !a.rcap || !a.cl || !a.cn || !a.ccap || !a.bhead ||
        !a.bnext || !a.bprev || !a.pos || !bs->pr || !bs->pc || !bs->dinv || !bs->ub ||
        !bs->lb)
        goto done;
    for (i = 0; i < k; i++)
        for (q = bs->rp[i]; q < bs->rp[i + 1]; q++) {
            uint64_t v = (uint64_t)mpz_fdiv_ui(bs->av[q], (unsigned long)p);
            if (!v)
                continue;
            j = bs->ci[q];
            if (grow(&a.rc[i], &a.rv[i], a.rn[i], &a.rcap[i]) ||
                grow(&a.cl[j], NULL, a.cn[j], &a.ccap[j]))
                goto done;
            a.rc[i][a.rn[i]] = j;
            a.rv[i][a.rn[i]++] = v;
            a.cl[j][a.cn[j]++] = i;
            a.live++;
        }
    for (j = 0; j <= k; j++)
        a.bhead[j] = -1;
    for (j = 0; j < k; j++)
        bk_add(&a, j);
    for (t = 0; t < k; t++) {
        long r = -1, c = pick(&a, &r), rn;
        long *rcol;
        uint64_t inv, *rval;
        if (c < 0) {
            rc = 1;
            goto done;
        }
        rn = a.rn[r];
        rcol = a.rc[r];
        rval = a.rv[r];
        for (e = 0; e < rn && rcol[e] != c; e++)
            ;
        inv = powmod(rval[e], p - 2, p);
        bs->pr[t] = r;
        bs->pc[t] = c;
        bs->dinv[t] = inv;
        /* the pivot row leaves the active matrix: its other entries are U
         * row t, and its columns lose it (and move bucket below) */
        bs->ub[t] = nu;
        for (e = 0; e < rn; e++) {
            j = rcol[e];
            if (j == c)
                continue;
            bk_del(&a, j, a.cn[j]);
            col_drop(&a, j, r);
            if (push(&bs->uc, &bs->uv, &nu, &capu, j, rval[e]))
                goto done;
        }
        bk_del(&a, c, a.cn[c]);
        /* eliminate column c from every other active row holding it */
        bs->lb[t] = nl;
        for (q = 0; q < a.cn[c]; q++) {
            long i2 = a.cl[c][q], n2, f_at = -1;
            uint64_t f;
            if (i2 == r)
                continue;
            n2 = a.rn[i2];
            for (e = 0; e < n2; e++) {
                a.pos[a.rc[i2][e]] = e + 1;
                if (a.rc[i2][e] == c)
                    f_at = e;
            }
            f = mulmod(a.rv[i2][f_at], inv, p);
            if (push(&bs->li, &bs->lv, &nl, &capl, i2, f))
                goto done;
            /* drop entry c (the last entry takes its place) */
            a.pos[c] = 0;
            n2--;
            if (f_at != n2) {
                a.rc[i2][f_at] = a.rc[i2][n2];
                a.rv[i2][f_at] = a.rv[i2][n2];
                a.pos[a.rc[i2][f_at]] = f_at + 1;
            }
            a.rn[i2] = n2;
            for (e = 0; e < rn; e++) {
                long jj = rcol[e], at;
                uint64_t d;
                if (jj == c)
                    continue;
                d = mulmod(f, rval[e], p);
                if (!d)
                    continue;
                at = a.pos[jj] - 1;
                if (at >= 0) {
                    uint64_t nw = submod(a.rv[i2][at], d, p);
                    if (nw) {
                        a.rv[i2][at] = nw;
                        continue;
                    }
                    /* exact cancellation (common on 0/+-1 network rows) */
                    a.pos[jj] = 0;
                    n2 = --a.rn[i2];
                    if (at != n2) {
                        a.rc[i2][at] = a.rc[i2][n2];
                        a.rv[i2][at] = a.rv[i2][n2];
                        a.pos[a.rc[i2][at]] = at + 1;
                    }
                    col_drop(&a, jj, i2);
                    a.live--;
                } else {
                    /* fill-in */
                    if (grow(&a.rc[i2], &a.rv[i2], a.rn[i2], &a.rcap[i2]) ||
                        grow(&a.cl[jj], NULL, a.cn[jj], &a.ccap[jj]))
                        goto done;
                    n2 = a.rn[i2]++;
                    a.rc[i2][n2] = jj;
                    a.rv[i2][n2] = p - d;
                    a.pos[jj] = n2 + 1;
                    a.cl[jj][a.cn[jj]++] = i2;
                    a.live++;
                }
            }
            for (e = 0; e < a.rn[i2]; e++)
                a.pos[a.rc[i2][e]] = 0;
        }
        if (a.live > BS_MAX_LIVE) {
            rc = 2;
            goto done;
        }
        for (e = 0; e < rn; e++)
            if (rcol[e] != c)
                bk_add(&a, rcol[e]);
        a.cn[c] = 0;
        free(a.rc[r]);
        free(a.rv[r]);
        a.rc[r] = NULL;
        a.rv[r] = NULL;
        a.rn[r] = a.rcap[r] = 0;
    }
    {
        long *x = fk_realloc(bs->ub, (size_t)k + 1, sizeof *x);
        if (!x)
            goto done;
        bs->ub = x;
        bs->ub[k] = nu;
        x = fk_realloc(bs->lb, (size_t)k + 1, sizeof *x);
        if (!x)
            goto done;
        bs->lb = x;
        bs->lb[k] = nl;
    }
    rc = 0;
done:
    act_free(&a);
    if (rc)
        free_lu(bs);
    return rc;
}

/* log2 bound of the Euclidean norm of a vector of nnz integers of at most
 * maxbits bits. */
static double normbits(long nnz, size_t maxbits)
{
    return nnz ? (double)maxbits + 0.5 * log2((double)nnz) : 0.0;
}

#ifdef BS_HAVE_WORD
/* The 1-norms of A''s rows and columns, as doubles rounded up (a relative
 * error of 2^-50 per term cannot cross the margin below 2^62), and A' as
 * words when some of them all lie below 2^BS_NORM_BITS.  -1: no memory. */
static int small_norms(bsolve *bs)
{
    long i, q, k = bs->k;
    double lim = ldexp(1.0, BS_NORM_BITS), *cn;
    int rows_ok = 1, cols_ok = 1;
    cn = fk_calloc((size_t)k + 1, sizeof *cn);
    if (!cn)
        return -1;
    for (i = 0; i < k && (rows_ok || cols_ok); i++) {
        double rn = 0;
        for (q = bs->rp[i]; q < bs->rp[i + 1]; q++) {
            double a = fabs(mpz_get_d(bs->av[q])) * (1 + 0x1p-50) + 1;
            rn += a;
            cn[bs->ci[q]] += a;
        }
        if (!(rn < lim))
            rows_ok = 0;
    }
    for (i = 0; i < k && cols_ok; i++)
        if (!(cn[i] < lim))
            cols_ok = 0;
    free(cn);
    bs->small_ok[0] = rows_ok;
    bs->small_ok[1] = cols_ok;
    if (!rows_ok && !cols_ok)
        return 0;
    bs->av64 = fk_calloc((size_t)bs->nnz + 1, sizeof *bs->av64);
    if (!bs->av64)
        return -1;
    for (q = 0; q < bs->nnz; q++)
        bs->av64[q] = (int64_t)mpz_get_si(bs->av[q]);
    return 0;
}

/* p^-1 mod 2^128 (p odd) by Newton's iteration x <- x (2 - p x): each
 * step doubles the correct low bits, and x = p is right mod 8. */
static bs_u128 inv_2_128(uint64_t p)
{
    bs_u128 x = p;
    int t;
    for (t = 0; t < 7; t++)
        x *= 2 - (bs_u128)p * x;
    return x;
}

/* One step of the word residual (lift()): R <- (R - A' z) / p (trans:
 * A'^T z), R as words.  With |R| < 2^62 and every 1-norm below 2^60, the
 * sums lie below 2^62 + 2^60 2^62 < 2^127 and the quotients below
 * 2^62 / p + 2^60 < 2^62 again, so nothing overflows; the division is
 * exact (p divides R - A' z by the choice of z), so it is a product with
 * p^-1 mod 2^128.  Returns 1 when R is now 0. */
static int step_word(const bsolve *bs, int trans, int64_t *R, bs_i128 *acc, const uint64_t *z,
                     bs_u128 pinv)
{
    long k = bs->k, i, q;
    int zero = 1;
    for (i = 0; i < k; i++)
        acc[i] = R[i];
    for (i = 0; i < k; i++)
        for (q = bs->rp[i]; q < bs->rp[i + 1]; q++) {
            long j = bs->ci[q];
            if (!trans) {
                if (z[j])
                    acc[i] -= (bs_i128)bs->av64[q] * (bs_i128)z[j];
            } else if (z[i]) {
                acc[j] -= (bs_i128)bs->av64[q] * (bs_i128)z[i];
            }
        }
    for (i = 0; i < k; i++) {
        R[i] = (int64_t)(bs_i128)((bs_u128)acc[i] * pinv);
        if (R[i])
            zero = 0;
    }
    return zero;
}
#endif

int bsolve_new(bsolve **out, const lp_model *lp, const long *cols,
               const long *rowmap, long k)
{
    bsolve *bs;
    long i, j, q, t, m = lp->m;
    long *cnt = NULL;
    size_t *rmax = NULL;
    mpz_t g;
    int rc = -1;

    *out = NULL;
    if (k > BS_MAX_K)
        return 2;
    bs = fk_calloc(1, sizeof *bs);
    if (!bs)
        return -1;
    bs->k = k;
    mpz_init(g);
    cnt = fk_calloc((size_t)k + 1, sizeof *cnt);
    rmax = fk_calloc((size_t)k + 1, sizeof *rmax);
    bs->rp = fk_calloc((size_t)k + 2, sizeof *bs->rp);
    bs->sc = fk_calloc((size_t)k + 1, sizeof *bs->sc);
    if (!cnt || !rmax || !bs->rp || !bs->sc)
        goto done;
    for (i = 0; i < k; i++)
        mpz_init_set_ui(bs->sc[i], 1);
    /* count and row scales */
    for (t = 0; t < k; t++) {
        j = cols[t];
        for (q = lp->cbeg[j]; q < lp->cbeg[j + 1]; q++) {
            long r = lp->ridx[q];
            if (r < 0 || r >= m || rowmap[r] < 0 || !mpq_sgn(lp->val[q]))
                continue;
            cnt[rowmap[r]]++;
            mpz_lcm(bs->sc[rowmap[r]], bs->sc[rowmap[r]], mpq_denref(lp->val[q]));
            bs->nnz++;
        }
    }
    for (i = 0; i < k; i++)
        bs->rp[i + 1] = bs->rp[i] + cnt[i];
    bs->ci = fk_calloc((size_t)bs->nnz + 1, sizeof *bs->ci);
    bs->av = fk_calloc((size_t)bs->nnz + 1, sizeof *bs->av);
    if (!bs->ci || !bs->av) {
        free(bs->av);
        bs->av = NULL;
        bs->nnz = 0;
        goto done;
    }
    for (q = 0; q < bs->nnz; q++)
        mpz_init(bs->av[q]);
    for (i = 0; i < k; i++)
        cnt[i] = bs->rp[i];
    bs->colbits = 0;
    for (t = 0; t < k; t++) {
        size_t cmax = 0;
        long cn = 0;
        j = cols[t];
        for (q = lp->cbeg[j]; q < lp->cbeg[j + 1]; q++) {
            long r = lp->ridx[q], e;
            size_t b;
            if (r < 0 || r >= m || rowmap[r] < 0 || !mpq_sgn(lp->val[q]))
                continue;
            i = rowmap[r];
            e = cnt[i]++;
            bs->ci[e] = t;
            mpz_divexact(g, bs->sc[i], mpq_denref(lp->val[q]));
            mpz_mul(bs->av[e], g, mpq_numref(lp->val[q]));
            b = mpz_sizeinbase(bs->av[e], 2);
            if (b > cmax)
                cmax = b;
            if (b > rmax[i])
                rmax[i] = b;
            cn++;
        }
        bs->colbits += normbits(cn, cmax);
    }
    bs->rowbits = 0;
    for (i = 0; i < k; i++)
        bs->rowbits += normbits(bs->rp[i + 1] - bs->rp[i], rmax[i]);
#ifdef BS_HAVE_WORD
    if (small_norms(bs))
        goto done;
#endif
    for (t = 0; t < BS_PRIMES; t++) {
        rc = factor(bs, prime_no(t));
        if (rc != 1)
            break;
    }
done:
    mpz_clear(g);
    free(cnt);
    free(rmax);
    if (rc) {
        bsolve_free(bs);
        return rc;
    }
    *out = bs;
    return 0;
}

/* z = A'^{-1} b  (trans: A'^{-T} b) mod p; b is destroyed. */
static void solve_mod(const bsolve *bs, int trans, uint64_t *b, uint64_t *z)
{
    long k = bs->k, t, e;
    uint64_t p = bs->p;
    if (!trans) {
        for (t = 0; t < k; t++) {
            uint64_t br = b[bs->pr[t]];
            if (!br)
                continue;
            for (e = bs->lb[t]; e < bs->lb[t + 1]; e++)
                b[bs->li[e]] = submod(b[bs->li[e]], mulmod(bs->lv[e], br, p), p);
        }
        for (t = k - 1; t >= 0; t--) {
            uint64_t s = b[bs->pr[t]];
            for (e = bs->ub[t]; e < bs->ub[t + 1]; e++)
                if (z[bs->uc[e]])
                    s = submod(s, mulmod(bs->uv[e], z[bs->uc[e]], p), p);
            z[bs->pc[t]] = mulmod(s, bs->dinv[t], p);
        }
    } else {
        /* b by column; z by row */
        for (t = 0; t < k; t++) {
            uint64_t v = mulmod(b[bs->pc[t]], bs->dinv[t], p);
            z[bs->pr[t]] = v;
            if (!v)
                continue;
            for (e = bs->ub[t]; e < bs->ub[t + 1]; e++)
                b[bs->uc[e]] = submod(b[bs->uc[e]], mulmod(bs->uv[e], v, p), p);
        }
        for (t = k - 1; t >= 0; t--) {
            uint64_t s = z[bs->pr[t]];
            for (e = bs->lb[t]; e < bs->lb[t + 1]; e++)
                if (z[bs->li[e]])
                    s = submod(s, mulmod(bs->lv[e], z[bs->li[e]], p), p);
            z[bs->pr[t]] = s;
        }
    }
}

/* r -= A' z (trans: A'^T z) for a vector z of ulong digits. */
static void sub_matvec(const bsolve *bs, int trans, mpz_t *r, const uint64_t *z)
{
    long i, q;
    for (i = 0; i < bs->k; i++)
        for (q = bs->rp[i]; q < bs->rp[i + 1]; q++) {
            long j = bs->ci[q];
            if (!trans) {
                if (z[j])
                    mpz_submul_ui(r[i], bs->av[q], (unsigned long)z[j]);
            } else if (z[i]) {
                mpz_submul_ui(r[j], bs->av[q], (unsigned long)z[i]);
            }
        }
}

/* Wang's rational reconstruction of u mod P with |n| <= N, 0 < d <= N. */
static int ratrecon(mpq_t out, const mpz_t u, const mpz_t P, const mpz_t N, mpz_t *tmp)
{
    mpz_t *r0 = &tmp[0], *r1 = &tmp[1], *t0 = &tmp[2], *t1 = &tmp[3], *qq = &tmp[4],
          *x = &tmp[5];
    mpz_set(*r0, P);
    mpz_mod(*r1, u, P);
    mpz_set_ui(*t0, 0);
    mpz_set_ui(*t1, 1);
    while (mpz_cmp(*r1, N) > 0) {
        mpz_fdiv_qr(*qq, *x, *r0, *r1);
        mpz_swap(*r0, *r1);
        mpz_swap(*r1, *x);       /* r1 = r0_old - q r1_old */
        mpz_mul(*x, *qq, *t1);
        mpz_sub(*x, *t0, *x);
        mpz_swap(*t0, *t1);
        mpz_swap(*t1, *x);       /* t1 = t0_old - q t1_old */
    }
    if (!mpz_sgn(*t1) || mpz_cmpabs(*t1, N) > 0)
        return 0;
    mpz_gcd(*x, *r1, *t1);
    if (mpz_cmp_ui(*x, 1) != 0)
        return 0;
    if (mpz_sgn(*t1) < 0) {
        mpz_neg(*t1, *t1);
        mpz_neg(*r1, *r1);
    }
    mpz_set(mpq_numref(out), *r1);
    mpz_set(mpq_denref(out), *t1);
    return 1;
}

/* Rationals x with x == X mod P by one running common denominator; then
 * the exact check A' x == b (trans: A'^T x == b).  1 = done.  The x are
 * left unreduced (x_i = n_i / D_i, D_i the running denominator when entry
 * i was reached): solve_any canonicalises once after unscaling, and a gcd
 * of two numbers of size(P)/2 per entry and attempt was most of an
 * attempt's cost (maros-r7: 55,000-bit solutions). */
static int reconstruct(const bsolve *bs, int trans, mpz_t *X, const mpz_t P,
                       mpz_t *b, mpq_t *x, mpz_t *tmp, long *fail_at)
{
    long k = bs->k, i, q;
    mpz_t N, Dacc, half, u;
    int ok = 1;
    mpz_inits(N, Dacc, half, u, NULL);
    mpz_fdiv_q_2exp(N, P, 1);
    mpz_sqrt(N, N);
    mpz_fdiv_q_2exp(half, P, 1);
    mpz_set_ui(Dacc, 1);
    for (i = 0; i < k && ok; i++) {
        mpz_mul(u, X[i], Dacc);
        mpz_mod(u, u, P);
        if (mpz_cmp(u, half) > 0)
            mpz_sub(u, u, P);
        if (mpz_cmpabs(u, N) <= 0) {
            mpz_set(mpq_numref(x[i]), u);
            mpz_set(mpq_denref(x[i]), Dacc);
            continue;
        }
        if (!ratrecon(x[i], u, P, N, tmp)) {
            ok = 0;
            *fail_at = i;
            break;
        }
        mpz_mul(Dacc, Dacc, mpq_denref(x[i]));
        mpz_set(mpq_denref(x[i]), Dacc);
        if (mpz_cmp(Dacc, N) > 0)
            ok = 0;
    }
    if (ok) {
        /* exact check with the common denominator Dacc: num = x Dacc */
        mpz_t *num = tmp + 6, *acc = tmp + 6 + k;
        for (i = 0; i < k; i++) {
            if (mpz_cmp(Dacc, mpq_denref(x[i])) == 0) /* the usual case, once Dacc is complete */
                mpz_set(num[i], mpq_numref(x[i]));
            else {
                mpz_divexact(u, Dacc, mpq_denref(x[i]));
                mpz_mul(num[i], u, mpq_numref(x[i]));
            }
            mpz_mul(acc[i], Dacc, b[i]);
        }
        for (i = 0; i < k; i++)
            for (q = bs->rp[i]; q < bs->rp[i + 1]; q++) {
                long j = bs->ci[q];
                if (!trans)
                    mpz_submul(acc[i], bs->av[q], num[j]);
                else
                    mpz_submul(acc[j], bs->av[q], num[i]);
            }
        for (i = 0; i < k && ok; i++)
            if (mpz_sgn(acc[i]))
                ok = 0;
    }
    mpz_clears(N, Dacc, half, u, NULL);
    return ok;
}

/* The p-adic digits of the steps since the last join are kept (step-major,
 * k words a step) and joined into X = sum_s z_s p^s only when a
 * reconstruction is tried: for each entry, the chunk's c digits are
 * composed by halves, C = C_lo + p^h C_hi (h the largest power of two
 * below c, p^h from a table of p^(2^j)), and X += P C.  Cost O(M(c) log c)
 * per entry and chunk; since tries are geometric (every s/4 steps), the
 * whole lifting costs O(M(S) log S) per entry for S steps.  Adding every
 * digit (or every block of 16) to X directly is quadratic in S: maros-r7
 * needs S = 891 steps (55,000-bit solutions) and spent more time joining
 * digits than solving.  CHUNK_WORDS bounds the digit store; past it a join
 * happens without a try. */
#define CHUNK_WORDS (1L << 23) /* 64 MB of digits */
#define COMPOSE_LEAF 8

/* r = sum_{t < n} d[t * stride] p^t. */
static void compose(mpz_t r, const uint64_t *d, long stride, long n, uint64_t p,
                    mpz_t *pw, mpz_t *tmp)
{
    long h = 1, t;
    int j = 0;
    if (n <= COMPOSE_LEAF) {
        mpz_set_ui(r, (unsigned long)d[(n - 1) * stride]);
        for (t = n - 2; t >= 0; t--) {
            mpz_mul_ui(r, r, (unsigned long)p);
            mpz_add_ui(r, r, (unsigned long)d[t * stride]);
        }
        return;
    }
    while (2 * h < n)
        h *= 2, j++;
    compose(r, d, stride, h, p, pw, tmp + 1);
    compose(tmp[0], d + h * stride, stride, n - h, p, pw, tmp + 1);
    mpz_addmul(r, tmp[0], pw[j]);
}

/* Solve A' x = b (trans: A'^T x = b) over the integers b; x rational. */
static int lift(bsolve *bs, int trans, mpz_t *b, mpq_t *x)
{
    long k = bs->k, i, s, smax, next_try = 2, ntmp = 6 + 2 * k, fail_at = -1;
    long c = 0, ccap = 0, cmax;
    uint64_t *bm = NULL, *z = NULL, *D = NULL;
    mpz_t *R = NULL, *X = NULL, *tmp = NULL;
#ifdef BS_HAVE_WORD
    int64_t *R64 = NULL; /* the residual as words, once it fits (below) */
    bs_i128 *acc = NULL;
    bs_u128 pinv = 0;
#endif
    mpz_t P, Pc, C, pw[64], ct[64];
    size_t bmax = 0;
    double hb;
    int rc = -1, j;

    bm = fk_calloc((size_t)k + 1, sizeof *bm);
    z = fk_calloc((size_t)k + 1, sizeof *z);
    R = fk_calloc((size_t)k + 1, sizeof *R);
    X = fk_calloc((size_t)k + 1, sizeof *X);
    tmp = fk_calloc((size_t)ntmp, sizeof *tmp);
    if (!bm || !z || !R || !X || !tmp) {
        free(bm);
        free(z);
        free(R);
        free(X);
        free(tmp);
        return -1;
    }
    mpz_init_set_ui(P, 1);
    mpz_init(Pc);
    mpz_init(C);
    mpz_init_set_ui(pw[0], (unsigned long)bs->p);
    for (j = 1; j < 64; j++)
        mpz_init(pw[j]);
    for (j = 0; j < 64; j++)
        mpz_init(ct[j]);
    for (i = 0; i < k; i++) {
        size_t bb = mpz_sizeinbase(b[i], 2);
        mpz_init_set(R[i], b[i]);
        mpz_init(X[i]);
        if (bb > bmax)
            bmax = bb;
    }
    for (i = 0; i < ntmp; i++)
        mpz_init(tmp[i]);
    /* Hadamard: |det|, and every Cramer numerator, <= 2^hb */
    hb = (trans ? bs->rowbits : bs->colbits) + normbits(k, bmax) + 1.0;
    smax = (long)ceil((2.0 * hb + 2.0) / (BS_PBITS - 1)) + 2;
    cmax = CHUNK_WORDS / k > 1 ? CHUNK_WORDS / k : 1;
    for (s = 0;; ) {
        int zero = 1;
#ifdef BS_HAVE_WORD
        if (R64)
            for (i = 0; i < k; i++) {
                int64_t v = R64[i] % (int64_t)bs->p;
                bm[i] = (uint64_t)(v < 0 ? v + (int64_t)bs->p : v);
                z[i] = 0;
            }
        else
#endif
        for (i = 0; i < k; i++) {
            bm[i] = (uint64_t)mpz_fdiv_ui(R[i], (unsigned long)bs->p);
            z[i] = 0;
        }
        solve_mod(bs, trans, bm, z);
        if (c == ccap) {
            long nc = ccap ? 2 * ccap : 8;
            uint64_t *nd;
            if (nc > cmax)
                nc = cmax;
            if (!(nd = fk_realloc(D, (size_t)nc * (size_t)k, sizeof *D)))
                break; /* rc = -1 */
            D = nd;
            ccap = nc;
        }
        memcpy(D + c * k, z, (size_t)k * sizeof *z);
        c++;
#ifdef BS_HAVE_WORD
        if (R64) {
            zero = step_word(bs, trans, R64, acc, z, pinv);
        } else
#endif
        {
            int fits = 1;
            sub_matvec(bs, trans, R, z);
            for (i = 0; i < k; i++) {
                mpz_divexact_ui(R[i], R[i], (unsigned long)bs->p);
                if (mpz_sgn(R[i]))
                    zero = 0;
                if (mpz_sizeinbase(R[i], 2) > 62)
                    fits = 0;
            }
#ifdef BS_HAVE_WORD
            /* the residual shrinks to about the 1-norms within a few
             * steps (|R'| < |R| / p + norm); from then on it is words,
             * and a step costs one 128-bit product per nonzero instead of
             * a GMP call (mpz_submul_ui on numbers of a limb or two was
             * most of the residual's time: maros-r7 0.39 s of 1.9 a solve) */
            if (fits && !zero && bs->small_ok[trans]) {
                R64 = fk_calloc((size_t)k + 1, sizeof *R64);
                acc = fk_calloc((size_t)k + 1, sizeof *acc);
                if (!R64 || !acc)
                    break; /* rc = -1 */
                for (i = 0; i < k; i++)
                    R64[i] = (int64_t)mpz_get_si(R[i]);
                pinv = inv_2_128(bs->p);
            }
#else
            (void)fits;
#endif
        }
        s++;
        if (zero || s >= next_try || s >= smax || c == cmax) {
            /* join the chunk: X += P * sum_t D[t] p^t, P *= p^c */
            for (j = 1; j < 64 && (1L << j) < c; j++)
                if (!mpz_sgn(pw[j]))
                    mpz_mul(pw[j], pw[j - 1], pw[j - 1]);
            for (i = 0; i < k; i++) {
                compose(C, D + i, k, c, bs->p, pw, ct);
                if (mpz_sgn(C))
                    mpz_addmul(X[i], P, C);
            }
            mpz_ui_pow_ui(Pc, (unsigned long)bs->p, (unsigned long)c);
            mpz_mul(P, P, Pc);
            c = 0;
        }
        if (zero) {
            /* X is an exact integer solution */
            for (i = 0; i < k; i++)
                mpq_set_z(x[i], X[i]);
            rc = 0;
            break;
        }
        if (s >= next_try || s >= smax) {
            /* a full attempt costs a pass over every entry: first try
             * the entry that stopped the last one, alone */
            int ready = 1;
            if (s < smax && fail_at >= 0) {
                mpz_t N1, u1;
                mpq_t q1;
                mpz_inits(N1, u1, NULL);
                mpq_init(q1);
                mpz_fdiv_q_2exp(N1, P, 1);
                mpz_sqrt(N1, N1);
                mpz_mod(u1, X[fail_at], P);
                ready = ratrecon(q1, u1, P, N1, tmp);
                mpq_clear(q1);
                mpz_clears(N1, u1, NULL);
            }
            if (!ready) {
                next_try = s + (s / 4 > 2 ? s / 4 : 2);
                continue;
            }
            if (reconstruct(bs, trans, X, P, b, x, tmp, &fail_at)) {
                rc = 0;
                break;
            }
            if (s >= smax) {
                rc = 1; /* cannot happen for a nonsingular core */
                break;
            }
            next_try = s + (s / 4 > 2 ? s / 4 : 2);
        }
    }
    for (i = 0; i < k; i++) {
        mpz_clear(R[i]);
        mpz_clear(X[i]);
    }
    for (i = 0; i < ntmp; i++)
        mpz_clear(tmp[i]);
    for (j = 0; j < 64; j++) {
        mpz_clear(pw[j]);
        mpz_clear(ct[j]);
    }
    mpz_clear(P);
    mpz_clear(Pc);
    mpz_clear(C);
    free(bm);
    free(z);
    free(D);
    free(R);
    free(X);
    free(tmp);
#ifdef BS_HAVE_WORD
    free(R64);
    free(acc);
#endif
    return rc;
}

/* Common part of both solves: scale the rational rhs to integers (row
 * scales first for A x = b), lift, unscale. */
static int solve_any(bsolve *bs, int trans, mpq_t *out, mpq_t *rhs)
{
    long k = bs->k, i;
    mpz_t *b, s, g;
    mpq_t *tq;
    int rc;
    if (k == 0)
        return 0;
    b = fk_calloc((size_t)k, sizeof *b);
    tq = fk_qarr_new(k);
    if (!b || !tq) {
        free(b);
        fk_qarr_free(tq, k);
        return -1;
    }
    mpz_init_set_ui(s, 1);
    mpz_init(g);
    for (i = 0; i < k; i++) {
        mpq_set(tq[i], rhs[i]);
        if (!trans) {
            mpz_mul(mpq_numref(tq[i]), mpq_numref(tq[i]), bs->sc[i]);
            mpq_canonicalize(tq[i]);
        }
        mpz_lcm(s, s, mpq_denref(tq[i]));
    }
    for (i = 0; i < k; i++) {
        mpz_init(b[i]);
        mpz_divexact(g, s, mpq_denref(tq[i]));
        mpz_mul(b[i], g, mpq_numref(tq[i]));
    }
    rc = lift(bs, trans, b, out);
    if (rc == 0)
        for (i = 0; i < k; i++) {
            /* x = x' / s; y = D_r y' / s */
            if (trans)
                mpz_mul(mpq_numref(out[i]), mpq_numref(out[i]), bs->sc[i]);
            mpz_mul(mpq_denref(out[i]), mpq_denref(out[i]), s);
            mpq_canonicalize(out[i]);
        }
    for (i = 0; i < k; i++)
        mpz_clear(b[i]);
    free(b);
    fk_qarr_free(tq, k);
    mpz_clear(s);
    mpz_clear(g);
    return rc;
}

int bsolve_solve(bsolve *bs, mpq_t *x, mpq_t *b)
{
    return solve_any(bs, 0, x, b);
}

int bsolve_solve_t(bsolve *bs, mpq_t *y, mpq_t *c)
{
    return solve_any(bs, 1, y, c);
}
