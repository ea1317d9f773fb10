/* par_model.c: the parametric model -- interpolation from instances,
 * evaluation at a point, the model file, and polynomial text (par.h). */
#include <stdlib.h>
#include <string.h>

#include "afile.h"
#include "par.h"
#include "rat.h"

static fmpq_poly_struct *polys_new(long k)
{
    fmpq_poly_struct *p = fk_calloc((size_t)(k > 0 ? k : 1), sizeof *p);
    long i;
    if (p)
        for (i = 0; i < k; i++)
            fmpq_poly_init(p + i);
    return p;
}

static void polys_free(fmpq_poly_struct *p, long k)
{
    long i;
    if (!p)
        return;
    for (i = 0; i < k; i++)
        fmpq_poly_clear(p + i);
    free(p);
}

static void names_free(char **s, long k)
{
    long i;
    if (!s)
        return;
    for (i = 0; i < k; i++)
        free(s[i]);
    free(s);
}

par_model *par_model_new(void)
{
    par_model *pm = fk_calloc(1, sizeof *pm);
    if (!pm)
        return NULL;
    mpq_init(pm->tlo);
    mpq_init(pm->thi);
    fmpq_poly_init(pm->objconst);
    pm->sense = LP_MIN;
    return pm;
}

void par_model_free(par_model *pm)
{
    if (!pm)
        return;
    free(pm->pname);
    free(pm->name);
    names_free(pm->rname, pm->m);
    names_free(pm->cname, pm->n);
    polys_free(pm->rlo, pm->m);
    polys_free(pm->rhi, pm->m);
    polys_free(pm->clo, pm->n);
    polys_free(pm->chi, pm->n);
    polys_free(pm->obj, pm->n);
    polys_free(pm->a, pm->nnz);
    free(pm->rlo_fin);
    free(pm->rhi_fin);
    free(pm->clo_fin);
    free(pm->chi_fin);
    free(pm->ai);
    free(pm->aj);
    fmpq_poly_clear(pm->objconst);
    mpq_clear(pm->tlo);
    mpq_clear(pm->thi);
    free(pm);
}

fk_status par_model_shape(par_model *pm, long m, long n, long nnz, fk_err *err)
{
    pm->m = m;
    pm->n = n;
    pm->nnz = nnz;
    pm->rname = fk_calloc((size_t)m + 1, sizeof(char *));
    pm->cname = fk_calloc((size_t)n + 1, sizeof(char *));
    pm->rlo = polys_new(m);
    pm->rhi = polys_new(m);
    pm->clo = polys_new(n);
    pm->chi = polys_new(n);
    pm->obj = polys_new(n);
    pm->a = polys_new(nnz);
    pm->rlo_fin = fk_calloc((size_t)m + 1, 1);
    pm->rhi_fin = fk_calloc((size_t)m + 1, 1);
    pm->clo_fin = fk_calloc((size_t)n + 1, 1);
    pm->chi_fin = fk_calloc((size_t)n + 1, 1);
    pm->ai = fk_calloc((size_t)nnz + 1, sizeof(long));
    pm->aj = fk_calloc((size_t)nnz + 1, sizeof(long));
    if (!pm->rname || !pm->cname || !pm->rlo || !pm->rhi || !pm->clo || !pm->chi ||
        !pm->obj || !pm->a || !pm->rlo_fin || !pm->rhi_fin || !pm->clo_fin ||
        !pm->chi_fin || !pm->ai || !pm->aj)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    return FK_OK;
}

/* ---- interpolation ----------------------------------------------------- */

/* p = the polynomial of degree <= d through (ts[k], v[k]), k = 0..d
 * (Newton's divided differences, exact), confirmed at k = d+1..N-1:
 * 1 if every value matches, 0 if not. */
static int interp(fmpq_poly_t p, const mpq_t *ts, mpq_t *v, int N, int d)
{
    mpq_t *c = fk_qarr_new(d + 1), num, den;
    fmpq_poly_t basis, term;
    int i, k, ok = 1;
    if (!c)
        return -1;
    mpq_init(num);
    mpq_init(den);
    fmpq_poly_init(basis);
    fmpq_poly_init(term);
    for (i = 0; i <= d; i++)
        mpq_set(c[i], v[i]);
    for (k = 1; k <= d; k++)
        for (i = d; i >= k; i--) {
            mpq_sub(num, c[i], c[i - 1]);
            mpq_sub(den, ts[i], ts[i - k]);
            mpq_div(c[i], num, den);
        }
    /* p = c0 + c1 (t - t0) + c2 (t - t0)(t - t1) + ... */
    fmpq_poly_zero(p);
    fmpq_poly_one(basis);
    for (i = 0; i <= d; i++) {
        fmpq_poly_scalar_mul_mpq(term, basis, c[i]);
        fmpq_poly_add(p, p, term);
        fmpq_poly_zero(term);
        fmpq_poly_set_coeff_ui(term, 1, 1);
        mpq_neg(num, ts[i]);
        fmpq_poly_set_coeff_mpq(term, 0, num);
        fmpq_poly_mul(basis, basis, term);
    }
    for (k = d + 1; k < N && ok; k++) {
        fmpq_poly_evaluate_mpq(num, p, ts[k]);
        ok = mpq_equal(num, v[k]);
    }
    fmpq_poly_clear(term);
    fmpq_poly_clear(basis);
    mpq_clear(den);
    mpq_clear(num);
    fk_qarr_free(c, d + 1);
    return ok;
}

/* value of entry (i, j) in a finalized lp, 0 when absent */
static void coef_at(mpq_t v, const lp_model *lp, long i, long j)
{
    long k;
    mpq_set_ui(v, 0, 1);
    for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++)
        if (lp->ridx[k] == i) {
            mpq_set(v, lp->val[k]);
            return;
        }
}

static int cmp_long(const void *x, const void *y)
{
    long a = *(const long *)x, b = *(const long *)y;
    return (a > b) - (a < b);
}

fk_status par_model_interpolate(par_model **out, lp_model *const *lps,
                                const mpq_t *ts, int N, int d, const char *pname,
                                const mpq_t tlo, const mpq_t thi, fk_err *err)
{
    const lp_model *l0 = lps[0];
    par_model *pm = par_model_new();
    mpq_t *v = fk_qarr_new(N);
    long *rows = NULL, i, j, k, nnz = 0, cap = 0;
    long *ai = NULL, *aj = NULL;
    fk_status st = FK_OK;
    int s;
    *out = NULL;
    if (!pm || !v) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    if (N < d + 3 || d < 0) {
        st = fk_fail(err, FK_EINVAL, NULL, "interpolation needs at least d+3 instances");
        goto done;
    }
    for (s = 0; s < N; s++) {
        const lp_model *l = lps[s];
        if ((st = lp_finalize((lp_model *)l, err)))
            goto done;
        if (l->m != l0->m || l->n != l0->n || l->sense != l0->sense) {
            st = fk_fail(err, FK_EINVAL, NULL,
                         "%s: the LP's shape changes with the parameter (%ld x %ld at one point, "
                         "%ld x %ld at another): no parametric model", l0->name, l0->m, l0->n, l->m, l->n);
            goto done;
        }
        for (i = 0; i < l->m && !st; i++)
            if (strcmp(l->rname[i], l0->rname[i]) || l->rlo_fin[i] != l0->rlo_fin[i] ||
                l->rhi_fin[i] != l0->rhi_fin[i])
                st = fk_fail(err, FK_EINVAL, NULL,
                             "%s: row '%s' changes its name or finite sides with the parameter",
                             l0->name, l0->rname[i]);
        for (j = 0; j < l->n && !st; j++)
            if (strcmp(l->cname[j], l0->cname[j]) || l->clo_fin[j] != l0->clo_fin[j] ||
                l->chi_fin[j] != l0->chi_fin[j])
                st = fk_fail(err, FK_EINVAL, NULL,
                             "%s: column '%s' changes its name or finite bounds with the parameter",
                             l0->name, l0->cname[j]);
        if (st)
            goto done;
    }
    /* the union of the nonzero positions, column by column */
    for (j = 0; j < l0->n; j++) {
        long nr = 0, tot = 0, r;
        for (s = 0; s < N; s++)
            tot += lps[s]->cbeg[j + 1] - lps[s]->cbeg[j];
        free(rows);
        rows = fk_calloc((size_t)tot + 1, sizeof(long));
        if (!rows) {
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
            goto done;
        }
        for (s = 0; s < N; s++)
            for (k = lps[s]->cbeg[j]; k < lps[s]->cbeg[j + 1]; k++)
                rows[nr++] = lps[s]->ridx[k];
        qsort(rows, (size_t)nr, sizeof(long), cmp_long);
        for (r = 0; r < nr; r++) {
            if (r > 0 && rows[r] == rows[r - 1])
                continue;
            if (nnz == cap) {
                long *na, *nb;
                cap = cap ? 2 * cap : 64;
                na = fk_realloc(ai, (size_t)cap, sizeof(long));
                if (na)
                    ai = na;
                nb = fk_realloc(aj, (size_t)cap, sizeof(long));
                if (nb)
                    aj = nb;
                if (!na || !nb) {
                    st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                    goto done;
                }
            }
            ai[nnz] = rows[r];
            aj[nnz++] = j;
        }
    }
    if ((st = par_model_shape(pm, l0->m, l0->n, nnz, err)))
        goto done;
    pm->pname = fk_strdup(pname);
    pm->name = fk_strdup(l0->name);
    if (!pm->pname || !pm->name) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    mpq_set(pm->tlo, tlo);
    mpq_set(pm->thi, thi);
    pm->sense = l0->sense;
    memcpy(pm->ai, ai, (size_t)nnz * sizeof(long));
    memcpy(pm->aj, aj, (size_t)nnz * sizeof(long));
    memcpy(pm->rlo_fin, l0->rlo_fin, (size_t)l0->m);
    memcpy(pm->rhi_fin, l0->rhi_fin, (size_t)l0->m);
    memcpy(pm->clo_fin, l0->clo_fin, (size_t)l0->n);
    memcpy(pm->chi_fin, l0->chi_fin, (size_t)l0->n);
    for (i = 0; i < l0->m; i++)
        if (!(pm->rname[i] = fk_strdup(l0->rname[i])))
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    for (j = 0; j < l0->n; j++)
        if (!(pm->cname[j] = fk_strdup(l0->cname[j])))
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    if (st)
        goto done;
/* interpolate one entry given by EXPR(lps[s]) into DST, WHAT naming it */
#define ENTRY(DST, EXPR, ...)                                                          \
    do {                                                                               \
        int ok_;                                                                       \
        for (s = 0; s < N; s++)                                                        \
            mpq_set(v[s], EXPR);                                                       \
        ok_ = interp(DST, ts, v, N, d);                                                \
        if (ok_ < 0) {                                                                 \
            st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");                       \
            goto done;                                                                 \
        }                                                                              \
        if (!ok_) {                                                                    \
            st = fk_fail(err, FK_EINVAL, NULL, __VA_ARGS__);                           \
            goto done;                                                                 \
        }                                                                              \
    } while (0)
    for (i = 0; i < l0->m; i++) {
        if (l0->rlo_fin[i])
            ENTRY(pm->rlo + i, lps[s]->rlo[i], "%s: the lower side of row '%s' is not a polynomial of "
                  "degree <= %d in %s (try a larger --degree)", l0->name, l0->rname[i], d, pname);
        if (l0->rhi_fin[i])
            ENTRY(pm->rhi + i, lps[s]->rhi[i], "%s: the upper side of row '%s' is not a polynomial of "
                  "degree <= %d in %s (try a larger --degree)", l0->name, l0->rname[i], d, pname);
    }
    for (j = 0; j < l0->n; j++) {
        if (l0->clo_fin[j])
            ENTRY(pm->clo + j, lps[s]->clo[j], "%s: the lower bound of column '%s' is not a polynomial "
                  "of degree <= %d in %s (try a larger --degree)", l0->name, l0->cname[j], d, pname);
        if (l0->chi_fin[j])
            ENTRY(pm->chi + j, lps[s]->chi[j], "%s: the upper bound of column '%s' is not a polynomial "
                  "of degree <= %d in %s (try a larger --degree)", l0->name, l0->cname[j], d, pname);
        ENTRY(pm->obj + j, lps[s]->obj[j], "%s: the cost of column '%s' is not a polynomial of "
              "degree <= %d in %s (try a larger --degree)", l0->name, l0->cname[j], d, pname);
    }
    ENTRY(pm->objconst, lps[s]->objconst, "%s: the objective constant is not a polynomial of "
          "degree <= %d in %s (try a larger --degree)", l0->name, d, pname);
    for (k = 0; k < nnz; k++) {
        for (s = 0; s < N; s++)
            coef_at(v[s], lps[s], ai[k], aj[k]);
        s = interp(pm->a + k, ts, v, N, d);
        if (s <= 0) {
            st = s < 0 ? fk_fail(err, FK_ENOMEM, NULL, "out of memory")
                       : fk_fail(err, FK_EINVAL, NULL,
                                 "%s: the coefficient of '%s' in row '%s' is not a polynomial of "
                                 "degree <= %d in %s (try a larger --degree)",
                                 l0->name, l0->cname[aj[k]], l0->rname[ai[k]], d, pname);
            goto done;
        }
    }
#undef ENTRY
    *out = pm;
    pm = NULL;
done:
    free(rows);
    free(ai);
    free(aj);
    fk_qarr_free(v, N);
    par_model_free(pm);
    return st;
}

/* ---- evaluation -------------------------------------------------------- */

fk_status par_model_eval(lp_model **out, const par_model *pm, const mpq_t t,
                         fk_err *err)
{
    lp_model *lp = lp_new();
    fk_status st = FK_OK;
    long i, j, k, idx;
    mpq_t v;
    *out = NULL;
    if (!lp)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    mpq_init(v);
    lp->sense = pm->sense;
    if ((st = lp_set_name(lp, pm->name, err)))
        goto done;
    for (i = 0; i < pm->m && !st; i++) {
        if ((st = lp_add_row(lp, pm->rname[i], &idx, err)))
            break;
        fmpq_poly_evaluate_mpq(v, pm->rlo + i, t);
        lp_set_row_lo(lp, i, pm->rlo_fin[i] ? v : NULL);
        fmpq_poly_evaluate_mpq(v, pm->rhi + i, t);
        lp_set_row_hi(lp, i, pm->rhi_fin[i] ? v : NULL);
    }
    for (j = 0; j < pm->n && !st; j++) {
        if ((st = lp_add_col(lp, pm->cname[j], &idx, err)))
            break;
        fmpq_poly_evaluate_mpq(v, pm->clo + j, t);
        lp_set_col_lo(lp, j, pm->clo_fin[j] ? v : NULL);
        fmpq_poly_evaluate_mpq(v, pm->chi + j, t);
        lp_set_col_hi(lp, j, pm->chi_fin[j] ? v : NULL);
        fmpq_poly_evaluate_mpq(v, pm->obj + j, t);
        lp_set_obj(lp, j, v);
    }
    for (k = 0; k < pm->nnz && !st; k++) {
        fmpq_poly_evaluate_mpq(v, pm->a + k, t);
        st = lp_add_coef(lp, pm->ai[k], pm->aj[k], v, err);
    }
    if (!st) {
        fmpq_poly_evaluate_mpq(lp->objconst, pm->objconst, t);
        st = lp_finalize(lp, err);
    }
done:
    mpq_clear(v);
    if (st)
        lp_free(lp);
    else
        *out = lp;
    return st;
}

/* ---- text -------------------------------------------------------------- */

/* "[c0 c1 ... cd]" with exact rational coefficients, "[]" for zero */
static void put_poly(FILE *f, const fmpq_poly_t p)
{
    slong k, len = fmpq_poly_length(p);
    mpq_t c;
    mpq_init(c);
    fputc('[', f);
    for (k = 0; k < len; k++) {
        fmpq_poly_get_coeff_mpq(c, p, k);
        gmp_fprintf(f, k ? " %Qd" : "%Qd", c);
    }
    fputc(']', f);
    mpq_clear(c);
}

void par_put_poly(FILE *f, const fmpq_poly_t p) { put_poly(f, p); }

fk_status par_model_write(const par_model *pm, const char *path, fk_err *err)
{
    afile af;
    fk_status st;
    long i, j, k;
    if ((st = afile_open(&af, path, err)))
        return st;
    fprintf(af.f, "farkas-pmodel 1\nname %s\nparam %s\n", pm->name, pm->pname);
    gmp_fprintf(af.f, "interval %Qd %Qd\nsense %s\nsize %ld %ld %ld\n", pm->tlo, pm->thi,
                pm->sense == LP_MAX ? "max" : "min", pm->m, pm->n, pm->nnz);
    fprintf(af.f, "objconst ");
    put_poly(af.f, pm->objconst);
    fputc('\n', af.f);
    for (i = 0; i < pm->m; i++) {
        fprintf(af.f, "row %ld ", i);
        if (pm->rlo_fin[i])
            put_poly(af.f, pm->rlo + i);
        else
            fputs("-inf", af.f);
        fputc(' ', af.f);
        if (pm->rhi_fin[i])
            put_poly(af.f, pm->rhi + i);
        else
            fputs("inf", af.f);
        fprintf(af.f, " %s\n", pm->rname[i]);
    }
    for (j = 0; j < pm->n; j++) {
        fprintf(af.f, "col %ld ", j);
        if (pm->clo_fin[j])
            put_poly(af.f, pm->clo + j);
        else
            fputs("-inf", af.f);
        fputc(' ', af.f);
        if (pm->chi_fin[j])
            put_poly(af.f, pm->chi + j);
        else
            fputs("inf", af.f);
        fputc(' ', af.f);
        put_poly(af.f, pm->obj + j);
        fprintf(af.f, " %s\n", pm->cname[j]);
    }
    for (k = 0; k < pm->nnz; k++) {
        if (fmpq_poly_is_zero(pm->a + k))
            continue;
        fprintf(af.f, "a %ld %ld ", pm->ai[k], pm->aj[k]);
        put_poly(af.f, pm->a + k);
        fputc('\n', af.f);
    }
    fprintf(af.f, "end\n");
    return afile_commit(&af, err);
}

/* A growing string for the closed forms. */
typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} pbuf;

static void pb_add(pbuf *b, const char *x)
{
    size_t n = strlen(x);
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->oom = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, x, n + 1);
    b->len += n;
}

static void poly_text(pbuf *b, const fmpq_poly_t p, const char *var)
{
    slong k, len = fmpq_poly_length(p);
    int first = 1;
    mpq_t c;
    char buf[64];
    if (len == 0) {
        pb_add(b, "0");
        return;
    }
    mpq_init(c);
    for (k = len - 1; k >= 0; k--) {
        char *cs;
        fmpq_poly_get_coeff_mpq(c, p, k);
        if (mpq_sgn(c) == 0)
            continue;
        if (!first)
            pb_add(b, mpq_sgn(c) < 0 ? " - " : " + ");
        else if (mpq_sgn(c) < 0)
            pb_add(b, "-");
        mpq_abs(c, c);
        if (k == 0 || mpq_cmp_ui(c, 1, 1) != 0) {
            cs = rat_get_str(c);
            if (!cs) {
                b->oom = 1;
                break;
            }
            pb_add(b, cs);
            free(cs);
            if (k > 0)
                pb_add(b, "*");
        }
        if (k > 0)
            pb_add(b, var);
        if (k > 1) {
            snprintf(buf, sizeof buf, "^%ld", (long)k);
            pb_add(b, buf);
        }
        first = 0;
    }
    mpq_clear(c);
}

char *par_poly_str(const fmpq_poly_t p, const char *var)
{
    pbuf b = {NULL, 0, 0, 0};
    poly_text(&b, p, var);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

char *par_ratfun_str(const fmpz_poly_q_t f, const char *var)
{
    pbuf b = {NULL, 0, 0, 0};
    fmpq_poly_t num, den;
    fmpq_poly_init(num);
    fmpq_poly_init(den);
    fmpq_poly_set_fmpz_poly(num, fmpz_poly_q_numref(f));
    fmpq_poly_set_fmpz_poly(den, fmpz_poly_q_denref(f));
    if (fmpq_poly_degree(den) <= 0) {
        /* a polynomial: divide by the constant denominator */
        mpq_t c;
        mpq_init(c);
        fmpq_poly_get_coeff_mpq(c, den, 0);
        fmpq_poly_scalar_div_mpq(num, num, c);
        mpq_clear(c);
        poly_text(&b, num, var);
    } else {
        pb_add(&b, "(");
        poly_text(&b, num, var);
        pb_add(&b, ")/(");
        poly_text(&b, den, var);
        pb_add(&b, ")");
    }
    fmpq_poly_clear(num);
    fmpq_poly_clear(den);
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

char *par_piece_str(const par_piece *pc, const char *var)
{
    pbuf b = {NULL, 0, 0, 0};
    char *s;
    pb_add(&b, "piece ");
    pb_add(&b, pc->ac ? "[" : "(");
    s = pc->aa ? par_alg_str(pc->aa, var) : rat_get_str(pc->a);
    pb_add(&b, s ? s : "?");
    free(s);
    pb_add(&b, ", ");
    s = pc->ab ? par_alg_str(pc->ab, var) : rat_get_str(pc->b);
    pb_add(&b, s ? s : "?");
    free(s);
    pb_add(&b, pc->bc ? "]: " : "): ");
    if (pc->verdict == PAR_INFEASIBLE) {
        pb_add(&b, "infeasible");
    } else if (pc->verdict == PAR_UNBOUNDED) {
        pb_add(&b, "unbounded");
    } else if (pc->zero_obj) {
        pb_add(&b, "feasible");
    } else if (!pc->aa && !pc->ab && mpq_equal(pc->a, pc->b)) {
        /* a point: the number itself says more than a formula there */
        mpq_t v;
        mpq_init(v);
        fmpz_poly_q_evaluate(v, pc->value, pc->a);
        s = rat_get_str(v);
        pb_add(&b, "optimal ");
        pb_add(&b, s ? s : "?");
        free(s);
        mpq_clear(v);
    } else {
        pb_add(&b, "optimal ");
        s = par_ratfun_str(pc->value, var);
        pb_add(&b, s ? s : "?");
        free(s);
    }
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
