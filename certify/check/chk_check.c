/* chk_check.c: the checks of shared/DESIGN.md, in its order, each one
 * function named after its condition, all in exact rationals.
 *
 * Intended duplication (see chk.h): nothing here comes from exact/ or from
 * the certificate writer.  Everything is recomputed from the model and the
 * certificate's primary vectors x, y, r: A x, z = c' - A^T y, b(y), the
 * objective and the box maximum M.  The stated objective is only compared.
 * c' = c for min and -c for max (the certificate speaks about a
 * minimisation).  Infinite bounds are explicit cases on the *_fin flags.
 * Each check returns 0 when it holds, else prints "rejected: ..." (unless
 * quiet) and returns 1.
 *
 * Why the arithmetic is organised as it is: summing p/q term by term with
 * mpq_add puts a gcd into every term, and with the thousand-digit
 * denominators of a large basic solution those gcds made the check slower
 * than the solve.  Here a vector is first written over one common
 * denominator, v = V/d with V integer (vec_common; for a basic solution
 * d divides det B: bounded by the basis, not by the number of entries),
 * and every sum of q_k * V_k (q_k the model's rational data) is
 * accumulated in integers:
 * the running n/e keeps e = the lcm of the q_k's denominators seen so far
 * (for a row of A: the row's integer scaling), so a term costs one exact
 * division by a small number and one mpz_addmul.  A sum stays the exact
 * fraction n/(e d), never reduced: a sign is the sign of n and a comparison
 * with a bound is one cross-multiplication (frac_cmp).  Only the few values
 * that are printed or compared with mpq_equal are canonicalised (frac_q).
 * For the same reason the reader (chk_cert.c) takes no gcd on version 2:
 * an entry n/e need not be in lowest terms for any of this, and a section
 * written over one denominator D arrives as V/D already. */
#include "chk.h"
#include "chk_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reject(int quiet, const char *fmt, ...)
{
    va_list ap;
    if (quiet)
        return 1;
    fputs("rejected: ", stdout);
    va_start(ap, fmt);
    gmp_vprintf(fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    return 1;
}

/* t = f in lowest terms; returns t (for printing) */
static mpq_ptr frac_q(mpq_t t, const chk_frac *f)
{
    mpz_set(mpq_numref(t), f->n);
    mpz_set(mpq_denref(t), f->e);
    mpq_canonicalize(t);
    return t;
}

/* the sign of f - q */
static int frac_cmp(const chk_frac *f, const mpq_t q)
{
    mpz_t l, r;
    int s;
    mpz_init(l), mpz_init(r);
    mpz_mul(l, f->n, mpq_denref(q));
    mpz_mul(r, mpq_numref(q), f->e);
    s = mpz_cmp(l, r);
    mpz_clear(l), mpz_clear(r);
    return s;
}

/* v[0..n) = V / d: d the lcm of the denominators, V integer (n entries). */
static mpz_t *vec_common(mpz_t d, const chk_frac *v, long n)
{
    mpz_t *V = chk_alloc(NULL, (size_t)n + 1, sizeof *V);
    long j;
    mpz_set_ui(d, 1);
    for (j = 0; j < n; j++)
        if (mpz_sgn(v[j].n) && !mpz_divisible_p(d, v[j].e))
            mpz_lcm(d, d, v[j].e);
    for (j = 0; j < n; j++) {
        mpz_init(V[j]);
        mpz_divexact(V[j], d, v[j].e);
        mpz_mul(V[j], V[j], v[j].n);
    }
    return V;
}

static void zfree(mpz_t *V, long n)
{
    long j;
    for (j = 0; j < n; j++)
        mpz_clear(V[j]);
    free(V);
}

/* a += q * z; t is scratch */
static void acc_add(chk_frac *a, const mpq_t q, const mpz_t z, mpz_t t)
{
    if (!mpz_divisible_p(a->e, mpq_denref(q))) { /* e = lcm(e, den q) */
        mpz_gcd(t, a->e, mpq_denref(q));
        mpz_divexact(t, mpq_denref(q), t);
        mpz_mul(a->n, a->n, t);
        mpz_mul(a->e, a->e, t);
    }
    mpz_divexact(t, a->e, mpq_denref(q));
    mpz_mul(t, t, mpq_numref(q));
    mpz_addmul(a->n, t, z);
}

/* A v (m entries), or A^T v (n entries) when tr; the caller frees it */
static chk_frac *mul_a(const chk_model *md, const chk_frac *v, int tr)
{
    long k, nout = tr ? md->n : md->m, *to = tr ? md->tj : md->ti, *from = tr ? md->ti : md->tj;
    chk_frac *out = chk_fracs(nout);
    mpz_t d, t, *V;
    mpz_init(d), mpz_init(t);
    V = vec_common(d, v, tr ? md->m : md->n);
    for (k = 0; k < md->nnz; k++)
        acc_add(&out[to[k]], md->tv[k], V[from[k]], t);
    for (k = 0; k < nout; k++)
        mpz_mul(out[k].e, out[k].e, d);
    zfree(V, tr ? md->m : md->n);
    mpz_clear(d), mpz_clear(t);
    return out;
}

/* out = sum_k w_k * (w_k > 0 ? pos_k : neg_k) over n entries.  Returns
 * the first k whose needed side is infinite (out is then 0), else -1;
 * NULL flags: every side is finite. */
static long side_sum(mpq_t out, const chk_frac *w, long n, const unsigned char *pos_fin,
                     mpq_t *pos, const unsigned char *neg_fin, mpq_t *neg)
{
    chk_frac *a = chk_fracs(1);
    mpz_t d, t, *W;
    long k, bad = -1;
    mpz_init(d), mpz_init(t);
    W = vec_common(d, w, n);
    for (k = 0; k < n && bad < 0; k++) {
        int s = mpz_sgn(W[k]);
        if (s && pos_fin && !(s > 0 ? pos_fin[k] : neg_fin[k]))
            bad = k;
        else if (s)
            acc_add(a, s > 0 ? pos[k] : neg[k], W[k], t);
    }
    mpz_mul(a->e, a->e, d);
    frac_q(out, a);
    if (bad >= 0)
        mpq_set_ui(out, 0, 1);
    zfree(W, n);
    chk_fracs_free(a, 1);
    mpz_clear(d), mpz_clear(t);
    return bad;
}

/* out = c'^T v (scale 1: c^T v in the model's own sense) */
static void cdot(mpq_t out, const chk_model *md, const chk_frac *v, int scale)
{
    side_sum(out, v, md->n, NULL, md->c, NULL, md->c);
    if (scale < 0)
        mpq_neg(out, out);
}

static const char *sense_name(int sense) { return sense > 0 ? "min" : "max"; }

int chk_header(const chk_cert *ct, const chk_model *md, const char *model_sha, int quiet)
{
    if (strcmp(ct->sha, model_sha) != 0)
        return reject(quiet, "model-sha256 %s is not the model file's %s", ct->sha, model_sha);
    if (ct->sense != md->sense)
        return reject(quiet, "sense %s is not the model's %s", sense_name(ct->sense), sense_name(md->sense));
    if (ct->rows != md->m)
        return reject(quiet, "rows %ld is not the model's %ld", ct->rows, md->m);
    if (ct->cols != md->n)
        return reject(quiet, "cols %ld is not the model's %ld", ct->cols, md->n);
    return 0;
}

/* lo_i <= a_i^T x <= hi_i for every row */
static int chk_rows_hold(const chk_model *md, const chk_frac *x, int quiet)
{
    chk_frac *ax = mul_a(md, x, 0);
    long i;
    int rc = 0;
    mpq_t t;
    mpq_init(t);
    for (i = 0; i < md->m && !rc; i++) {
        if (md->rlo_fin[i] && frac_cmp(&ax[i], md->rlo[i]) < 0)
            rc = reject(quiet, "row '%s' violated: a^T x = %Qd < lo = %Qd", md->rname[i], frac_q(t, &ax[i]), md->rlo[i]);
        else if (md->rhi_fin[i] && frac_cmp(&ax[i], md->rhi[i]) > 0)
            rc = reject(quiet, "row '%s' violated: a^T x = %Qd > hi = %Qd", md->rname[i], frac_q(t, &ax[i]), md->rhi[i]);
    }
    chk_fracs_free(ax, md->m);
    mpq_clear(t);
    return rc;
}

/* l_j <= x_j <= u_j for every column */
static int chk_bounds_hold(const chk_model *md, const chk_frac *x, int quiet)
{
    long j;
    int rc = 0;
    mpq_t t;
    mpq_init(t);
    for (j = 0; j < md->n && !rc; j++) {
        if (md->clo_fin[j] && frac_cmp(&x[j], md->clo[j]) < 0)
            rc = reject(quiet, "column '%s' violated: x = %Qd < l = %Qd", md->cname[j], frac_q(t, &x[j]), md->clo[j]);
        else if (md->chi_fin[j] && frac_cmp(&x[j], md->chi[j]) > 0)
            rc = reject(quiet, "column '%s' violated: x = %Qd > u = %Qd", md->cname[j], frac_q(t, &x[j]), md->chi[j]);
    }
    mpq_clear(t);
    return rc;
}

/* y_i > 0 only if lo_i is finite, y_i < 0 only if hi_i is finite */
static int chk_sign_rule_rows(const chk_model *md, const chk_frac *y, int quiet)
{
    long i;
    int rc = 0;
    mpq_t t;
    mpq_init(t);
    for (i = 0; i < md->m && !rc; i++) {
        if (mpz_sgn(y[i].n) > 0 && !md->rlo_fin[i])
            rc = reject(quiet, "sign rule: row '%s' has y = %Qd > 0 but lo = -inf", md->rname[i], frac_q(t, &y[i]));
        else if (mpz_sgn(y[i].n) < 0 && !md->rhi_fin[i])
            rc = reject(quiet, "sign rule: row '%s' has y = %Qd < 0 but hi = +inf", md->rname[i], frac_q(t, &y[i]));
    }
    mpq_clear(t);
    return rc;
}

/* z = c' - A^T y; z_j > 0 only if l_j finite, z_j < 0 only if u_j finite.
 * On success z is left in *zout (n entries). */
static int chk_reduced_cost_signs(const chk_model *md, const chk_frac *y, chk_frac **zout, int quiet)
{
    chk_frac *z = mul_a(md, y, 1);
    long j;
    int rc = 0;
    mpq_t t;
    mpq_init(t);
    for (j = 0; j < md->n && !rc; j++) {
        /* z_j = c'_j - g_j/e_j = (c'_j e_j - g_j) / e_j, c'_j = p/q */
        mpz_mul(z[j].n, z[j].n, mpq_denref(md->c[j]));
        if (md->sense > 0)
            mpz_submul(z[j].n, mpq_numref(md->c[j]), z[j].e);
        else
            mpz_addmul(z[j].n, mpq_numref(md->c[j]), z[j].e);
        mpz_neg(z[j].n, z[j].n);
        mpz_mul(z[j].e, z[j].e, mpq_denref(md->c[j]));
        if (mpz_sgn(z[j].n) > 0 && !md->clo_fin[j])
            rc = reject(quiet, "reduced cost: column '%s' has z = %Qd > 0 but l = -inf", md->cname[j], frac_q(t, &z[j]));
        else if (mpz_sgn(z[j].n) < 0 && !md->chi_fin[j])
            rc = reject(quiet, "reduced cost: column '%s' has z = %Qd < 0 but u = +inf", md->cname[j], frac_q(t, &z[j]));
    }
    mpq_clear(t);
    *zout = z;
    return rc;
}

/* c'^T x == b(y) + sum_j z_j * (z_j > 0 ? l_j : u_j)  (weak duality makes
 * equality a proof that x is optimal) */
static int chk_duality_gap_zero(const chk_model *md, const chk_frac *x, const chk_frac *y,
                                const chk_frac *z, int quiet)
{
    mpq_t p, d, e;
    long j;
    int rc = 0;
    mpq_init(p), mpq_init(d), mpq_init(e);
    cdot(p, md, x, md->sense);
    if (side_sum(d, y, md->m, md->rlo_fin, md->rlo, md->rhi_fin, md->rhi) >= 0)
        rc = reject(quiet, "b(y) needs an infinite row bound");
    else if ((j = side_sum(e, z, md->n, md->clo_fin, md->clo, md->chi_fin, md->chi)) >= 0)
        rc = reject(quiet, "dual bound needs an infinite bound of column '%s'", md->cname[j]);
    mpq_add(d, d, e);
    if (!rc && !mpq_equal(p, d))
        rc = reject(quiet, "duality gap: c'^T x = %Qd but b(y) + sum z_j*bound_j = %Qd (min form)", p, d);
    mpq_clear(p), mpq_clear(d), mpq_clear(e);
    return rc;
}

/* the stated objective == c^T x + c0 (the model's own sense) */
static int chk_objective_value(const chk_model *md, const chk_cert *ct, int quiet)
{
    mpq_t v;
    int rc = 0;
    mpq_init(v);
    cdot(v, md, ct->x, 1);
    mpq_add(v, v, md->c0);
    if (!mpq_equal(v, ct->obj))
        rc = reject(quiet, "objective: stated %Qd but c^T x + c0 = %Qd", ct->obj, v);
    mpq_clear(v);
    return rc;
}

/* With g = A^T y: M = sum_j g_j * (g_j > 0 ? u_j : l_j) is finite and
 * M < b(y), so no x in the box satisfies g^T x >= b(y), which every
 * feasible x would.  Leaves M and b(y) in m, b. */
static int chk_farkas_bound(const chk_model *md, const chk_frac *y, mpq_t m, mpq_t b, int quiet)
{
    chk_frac *g = mul_a(md, y, 1);
    long j;
    int rc = 0;
    mpq_t t;
    mpq_init(t);
    if ((j = side_sum(m, g, md->n, md->chi_fin, md->chi, md->clo_fin, md->clo)) >= 0)
        rc = reject(quiet, "Farkas: column '%s' has (A^T y)_j = %Qd but the bound it needs is infinite",
                    md->cname[j], frac_q(t, &g[j]));
    if (!rc && side_sum(b, y, md->m, md->rlo_fin, md->rlo, md->rhi_fin, md->rhi) >= 0)
        rc = reject(quiet, "Farkas: b(y) needs an infinite row bound");
    if (!rc && mpq_cmp(m, b) >= 0)
        rc = reject(quiet, "Farkas: max over the box of (A^T y)^T x = %Qd is not < b(y) = %Qd", m, b);
    chk_fracs_free(g, md->n);
    mpq_clear(t);
    return rc;
}

/* a_i^T r >= 0 where lo_i finite, <= 0 where hi_i finite; r_j >= 0 where
 * l_j finite, <= 0 where u_j finite; c'^T r < 0.  Leaves c^T r in cr. */
static int chk_ray(const chk_model *md, const chk_frac *r, mpq_t cr, int quiet)
{
    chk_frac *ar = mul_a(md, r, 0);
    long i, j;
    int rc = 0;
    mpq_t t;
    mpq_init(t);
    for (i = 0; i < md->m && !rc; i++) {
        if (md->rlo_fin[i] && mpz_sgn(ar[i].n) < 0)
            rc = reject(quiet, "ray: row '%s' has a^T r = %Qd < 0 but lo = %Qd is finite", md->rname[i],
                        frac_q(t, &ar[i]), md->rlo[i]);
        else if (md->rhi_fin[i] && mpz_sgn(ar[i].n) > 0)
            rc = reject(quiet, "ray: row '%s' has a^T r = %Qd > 0 but hi = %Qd is finite", md->rname[i],
                        frac_q(t, &ar[i]), md->rhi[i]);
    }
    for (j = 0; j < md->n && !rc; j++) {
        if (md->clo_fin[j] && mpz_sgn(r[j].n) < 0)
            rc = reject(quiet, "ray: column '%s' has r = %Qd < 0 but l = %Qd is finite", md->cname[j],
                        frac_q(t, &r[j]), md->clo[j]);
        else if (md->chi_fin[j] && mpz_sgn(r[j].n) > 0)
            rc = reject(quiet, "ray: column '%s' has r = %Qd > 0 but u = %Qd is finite", md->cname[j],
                        frac_q(t, &r[j]), md->chi[j]);
    }
    cdot(cr, md, r, 1);
    if (!rc && mpq_sgn(cr) * md->sense >= 0)
        rc = reject(quiet, "ray: c^T r = %Qd does not improve the objective (%s)", cr, sense_name(md->sense));
    chk_fracs_free(ar, md->m);
    mpq_clear(t);
    return rc;
}

/* The checks of DESIGN.md for the certificate's status, in its order. */
static int verify(const chk_model *md, const chk_cert *ct, int quiet)
{
    chk_frac *z = NULL;
    mpq_t a, b;
    int rc;
    mpq_init(a), mpq_init(b);
    switch (ct->status) {
    case CHK_OPTIMAL:
        rc = chk_rows_hold(md, ct->x, quiet) || chk_bounds_hold(md, ct->x, quiet) ||
             chk_sign_rule_rows(md, ct->y, quiet) ||
             chk_reduced_cost_signs(md, ct->y, &z, quiet) ||
             chk_duality_gap_zero(md, ct->x, ct->y, z, quiet) ||
             chk_objective_value(md, ct, quiet);
        if (!rc && !quiet)
            gmp_printf("accepted: optimal, objective %Qd (%s)\n", ct->obj, sense_name(md->sense));
        break;
    case CHK_INFEASIBLE:
        rc = chk_sign_rule_rows(md, ct->y, quiet) || chk_farkas_bound(md, ct->y, a, b, quiet);
        if (!rc && !quiet)
            gmp_printf("accepted: infeasible, Farkas: max over the box of (A^T y)^T x = %Qd < b(y) = %Qd\n", a, b);
        break;
    case CHK_UNBOUNDED:
        rc = chk_rows_hold(md, ct->x, quiet) || chk_bounds_hold(md, ct->x, quiet) ||
             chk_ray(md, ct->r, a, quiet);
        if (!rc && !quiet)
            gmp_printf("accepted: unbounded, feasible x and a ray r with c^T r = %Qd (%s)\n", a, sense_name(md->sense));
        break;
    default:
        rc = chk_rows_hold(md, ct->x, quiet) || chk_bounds_hold(md, ct->x, quiet);
        if (!rc && !quiet)
            printf("accepted: feasible, x satisfies all %ld rows and %ld column bounds\n", md->m, md->n);
    }
    if (z)
        chk_fracs_free(z, md->n);
    mpq_clear(a), mpq_clear(b);
    return rc;
}

/* Does file end in ext (any case)? */
static int ends(const char *file, const char *ext)
{
    size_t n = strlen(file), k = strlen(ext);
    while (k > 0 && n > 1 && (file[n - 1] | 0x20) == ext[k - 1])
        n--, k--;
    return k == 0;
}

/* Read the model file named by its suffix; sha gets its SHA-256. */
static int read_model(chk_model *md, chk_text *t, const char *file, char sha[65])
{
    int rc = chk_read_text(t, file);
    if (rc)
        return rc;
    chk_sha256((const unsigned char *)t->buf, t->len, sha);
    if (ends(file, ".mps"))
        return chk_read_mps(md, t);
    if (ends(file, ".lp"))
        return chk_read_lp(md, t);
    return chk_err(file, 0, 0, "unknown model format (the name must end in .mps or .lp)");
}

int chk_files(const char *model, const char *cert, int quiet)
{
    chk_model md;
    chk_cert ct;
    chk_text tm, tc = {NULL, NULL, 0};
    char sha[65];
    int rc;
    chk_model_init(&md);
    md.relax = (quiet & CHK_RELAX) != 0, quiet &= ~CHK_RELAX;
    rc = read_model(&md, &tm, model, sha);
    if (!rc) {
        chk_cert_init(&ct, &md);
        rc = chk_read_text(&tc, cert);
        if (!rc)
            rc = chk_read_cert(&ct, &tc, &md, sha, quiet);
        if (!rc)
            rc = verify(&md, &ct, quiet);
        if (!rc && !quiet && md.nrelax)
            printf("note: of the LP relaxation (integrality of %ld columns ignored), not of the MIP\n", md.nrelax);
        chk_cert_clear(&ct, &md);
    }
    fflush(stdout);
    free(tm.buf);
    free(tc.buf);
    chk_model_clear(&md);
    return rc;
}

int chk_model_counts(const char *model, long *rows, long *cols, long *nnz)
{
    chk_model md;
    chk_text t;
    char sha[65];
    int rc;
    chk_model_init(&md);
    rc = read_model(&md, &t, model, sha);
    *rows = md.m, *cols = md.n, *nnz = md.nnz;
    free(t.buf);
    chk_model_clear(&md);
    return rc;
}

int chk_sha256_file(const char *path, char hex[65])
{
    chk_text t;
    int rc = chk_read_text(&t, path);
    if (!rc)
        chk_sha256((const unsigned char *)t.buf, t.len, hex);
    free(t.buf);
    return rc;
}

int chk_main(int argc, char **argv)
{
    const char *f[2] = {NULL, NULL};
    int k, nf = 0, quiet = 0;
    for (k = 1; k < argc; k++) {
        if (strcmp(argv[k], "--quiet") == 0 || strcmp(argv[k], "--relax") == 0)
            quiet |= argv[k][2] == 'q' ? 1 : CHK_RELAX;
        else if (nf < 2 && argv[k][0] != '-')
            f[nf++] = argv[k];
        else
            nf = 3;
    }
    if (nf != 2) {
        fprintf(stderr, "usage: %s MODEL.mps|MODEL.lp CERTIFICATE [--quiet] [--relax]\n"
                "exit 0 accepted, 1 rejected, 2 unreadable or usage\n", argc > 0 ? argv[0] : "check");
        return 2;
    }
    return chk_files(f[0], f[1], quiet);
}
