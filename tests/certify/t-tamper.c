/* t-tamper.c: the checker must say no.
 *
 * For valid certificates (made here by solve_lp + cert_write) we try
 * every single-entry corruption and require chk_files to reject each one
 * that makes the certificate wrong, and to accept each one that leaves it
 * right.  Right or wrong is decided by a small evaluator in this file
 * that restates the conditions of DESIGN.md / docs/certificate-format.md
 * directly in mpq on the solver's reading of the model, so the checker's
 * verdict is compared with an independent one, never with itself.
 *
 * Mutations: each listed x/y/r entry: numerator +1, numerator -1, sign
 * flip, line dropped; each unlisted entry: a line with 1 and with -1;
 * objective +-1; header: one sha256 hex digit, sense, status.  Nearby
 * models: the model with one coefficient, bound or cost changed by 1,
 * written to a temporary file: with the original certificate (the hash
 * must catch it) and with the hash recomputed for the nearby model (then
 * the mathematics must catch it whenever the certificate is wrong there,
 * and must not when it is still right). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cert.h"
#include "check/chk.h"
#include "lp.h"
#include "lp_io.h"
#include "answer.h"
#include "solve.h"
#include "testlib.h"

/* ---- the independent evaluator ---------------------------------------- */

static int sign_ok(const mpq_t v, int lo_fin, int hi_fin)
{
    int s = mpq_sgn(v);
    return !(s > 0 && !lo_fin) && !(s < 0 && !hi_fin);
}

/* act = A v (columns by CSC). */
static void mat_vec(mpq_t *act, const lp_model *lp, mpq_t *const v)
{
    long i, j, k;
    mpq_t t;
    mpq_init(t);
    for (i = 0; i < lp->m; i++)
        mpq_set_ui(act[i], 0, 1);
    for (j = 0; j < lp->n; j++) {
        if (mpq_sgn(v[j]) == 0)
            continue;
        for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++) {
            mpq_mul(t, lp->val[k], v[j]);
            mpq_add(act[lp->ridx[k]], act[lp->ridx[k]], t);
        }
    }
    mpq_clear(t);
}

static mpq_t *qv_new(long k)
{
    mpq_t *v = malloc((size_t)(k > 0 ? k : 1) * sizeof *v);
    long i;
    for (i = 0; i < k; i++)
        mpq_init(v[i]);
    return v;
}

static void qv_free(mpq_t *v, long k)
{
    long i;
    for (i = 0; i < k; i++)
        mpq_clear(v[i]);
    free(v);
}

/* x satisfies every row and bound. */
static int point_ok(const lp_model *lp, mpq_t *const x)
{
    mpq_t *act = qv_new(lp->m);
    long i, j;
    int ok = 1;
    mat_vec(act, lp, x);
    for (i = 0; i < lp->m && ok; i++)
        ok = (!lp->rlo_fin[i] || mpq_cmp(act[i], lp->rlo[i]) >= 0) &&
             (!lp->rhi_fin[i] || mpq_cmp(act[i], lp->rhi[i]) <= 0);
    for (j = 0; j < lp->n && ok; j++)
        ok = (!lp->clo_fin[j] || mpq_cmp(x[j], lp->clo[j]) >= 0) &&
             (!lp->chi_fin[j] || mpq_cmp(x[j], lp->chi[j]) <= 0);
    qv_free(act, lp->m);
    return ok;
}

/* s * c^T v (+ c0 if with_c0). */
static void obj_dot(mpq_t out, const lp_model *lp, mpq_t *const v, int s,
                    int with_c0)
{
    long j;
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(out, 0, 1);
    for (j = 0; j < lp->n; j++) {
        mpq_mul(t, lp->obj[j], v[j]);
        mpq_add(out, out, t);
    }
    if (s < 0)
        mpq_neg(out, out);
    if (with_c0)
        mpq_add(out, out, lp->objconst);
    mpq_clear(t);
}

/* b(y) = sum_i y_i * (y_i > 0 ? lo_i : hi_i), for y obeying the sign rule. */
static void b_of_y(mpq_t out, const lp_model *lp, mpq_t *const y)
{
    long i;
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(out, 0, 1);
    for (i = 0; i < lp->m; i++) {
        int s = mpq_sgn(y[i]);
        if (s == 0)
            continue;
        mpq_mul(t, y[i], s > 0 ? lp->rlo[i] : lp->rhi[i]);
        mpq_add(out, out, t);
    }
    mpq_clear(t);
}

/* g = A^T y (by columns). */
static void mat_tvec(mpq_t *g, const lp_model *lp, mpq_t *const y)
{
    long j, k;
    mpq_t t;
    mpq_init(t);
    for (j = 0; j < lp->n; j++) {
        mpq_set_ui(g[j], 0, 1);
        for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++) {
            mpq_mul(t, lp->val[k], y[lp->ridx[k]]);
            mpq_add(g[j], g[j], t);
        }
    }
    mpq_clear(t);
}

/* Is c a right certificate for lp (its header aside)? */
static int ev_valid(const lp_model *lp, const cert_data *c)
{
    int s = lp->sense == LP_MAX ? -1 : 1, ok = 1;
    long i, j;
    mpq_t *g = qv_new(lp->n), *act = qv_new(lp->m);
    mpq_t a, b, t;
    mpq_inits(a, b, t, NULL);
    if (c->sense != lp->sense)
        ok = 0;
    else if (c->status == CERT_FEASIBLE) {
        ok = point_ok(lp, c->x);
    } else if (c->status == CERT_OPTIMAL) {
        ok = c->has_objective && point_ok(lp, c->x);
        for (i = 0; i < lp->m && ok; i++)
            ok = sign_ok(c->y[i], lp->rlo_fin[i], lp->rhi_fin[i]);
        if (ok) {
            /* z = c' - A^T y; c'^T x == b(y) + sum z_j * bound_j */
            mat_tvec(g, lp, c->y);
            b_of_y(b, lp, c->y);
            for (j = 0; j < lp->n && ok; j++) {
                mpq_set(t, lp->obj[j]);
                if (s < 0)
                    mpq_neg(t, t);
                mpq_sub(g[j], t, g[j]);
                ok = sign_ok(g[j], lp->clo_fin[j], lp->chi_fin[j]);
                if (ok && mpq_sgn(g[j]) != 0) {
                    mpq_mul(t, g[j], mpq_sgn(g[j]) > 0 ? lp->clo[j] : lp->chi[j]);
                    mpq_add(b, b, t);
                }
            }
        }
        if (ok) {
            obj_dot(a, lp, c->x, s, 0);
            ok = mpq_equal(a, b);
        }
        if (ok) {
            obj_dot(a, lp, c->x, 1, 1);
            ok = mpq_equal(a, c->objective);
        }
    } else if (c->status == CERT_INFEASIBLE) {
        for (i = 0; i < lp->m && ok; i++)
            ok = sign_ok(c->y[i], lp->rlo_fin[i], lp->rhi_fin[i]);
        if (ok) {
            mat_tvec(g, lp, c->y);
            mpq_set_ui(a, 0, 1); /* M */
            for (j = 0; j < lp->n && ok; j++) {
                int sg = mpq_sgn(g[j]);
                if (sg > 0)
                    ok = lp->chi_fin[j];
                else if (sg < 0)
                    ok = lp->clo_fin[j];
                if (ok && sg != 0) {
                    mpq_mul(t, g[j], sg > 0 ? lp->chi[j] : lp->clo[j]);
                    mpq_add(a, a, t);
                }
            }
            b_of_y(b, lp, c->y);
            ok = ok && mpq_cmp(a, b) < 0;
        }
    } else { /* unbounded */
        ok = point_ok(lp, c->x);
        if (ok) {
            mat_vec(act, lp, c->r);
            for (i = 0; i < lp->m && ok; i++)
                ok = (!lp->rlo_fin[i] || mpq_sgn(act[i]) >= 0) &&
                     (!lp->rhi_fin[i] || mpq_sgn(act[i]) <= 0);
            for (j = 0; j < lp->n && ok; j++)
                ok = (!lp->clo_fin[j] || mpq_sgn(c->r[j]) >= 0) &&
                     (!lp->chi_fin[j] || mpq_sgn(c->r[j]) <= 0);
        }
        if (ok) {
            obj_dot(a, lp, c->r, s, 0);
            ok = mpq_sgn(a) < 0;
        }
    }
    mpq_clears(a, b, t, NULL);
    qv_free(g, lp->n);
    qv_free(act, lp->m);
    return ok;
}

/* ---- plumbing ---------------------------------------------------------- */

typedef struct {
    char dir[64];
    char mut[128];     /* mutant certificate */
    char near[128];    /* nearby model (extension appended) */
    long tried, rejected, valid, bad;
    long common;       /* lines of common-denominator sections edited */
    int quiet_fd;      /* saved stderr while the checker runs */
} ctx;

/* chk_files with its stderr (exit-2 messages) silenced: the mutants are
 * meant to be bad, and our own messages say what went wrong. */
static int check(ctx *t, const char *model, const char *cert)
{
    int rc;
    fflush(stderr);
    t->quiet_fd = dup(2);
    if (t->quiet_fd >= 0) {
        FILE *nul = freopen("/dev/null", "w", stderr);
        (void)nul;
    }
    rc = chk_files(model, cert, 1);
    if (t->quiet_fd >= 0) {
        fflush(stderr);
        dup2(t->quiet_fd, 2);
        close(t->quiet_fd);
        clearerr(stderr);
    }
    return rc;
}

/* Record one mutant: want 0 (valid) or 1 (wrong); want -1 means "any
 * nonzero" (header damage may be a reject or an unreadable file). */
static void verdict(ctx *t, const char *model, const char *cert, int want,
                    const char *what)
{
    int got = check(t, model, cert);
    int good = want < 0 ? got != 0 : got == want;
    t->tried++;
    if (got == 0)
        t->valid++;
    else
        t->rejected++;
    if (!good) {
        t->bad++;
        if (t->bad <= 20)
            tl_failf(__FILE__, __LINE__, "%s: %s: checker exit %d, want %s",
                     model, what, got, want < 0 ? "nonzero" : want ? "1" : "0");
    }
}

static cert_data *clone(const cert_data *c)
{
    cert_data *d = cert_new(c->m, c->n);
    long i;
    d->status = c->status;
    d->sense = c->sense;
    memcpy(d->sha256, c->sha256, sizeof d->sha256);
    free(d->model_file);
    d->model_file = fk_strdup(c->model_file);
    d->has_objective = c->has_objective;
    mpq_set(d->objective, c->objective);
    for (i = 0; i < c->n; i++) {
        mpq_set(d->x[i], c->x[i]);
        mpq_set(d->r[i], c->r[i]);
    }
    for (i = 0; i < c->m; i++)
        mpq_set(d->y[i], c->y[i]);
    return d;
}

/* Write mut, check it against model, compare with the evaluator on lp. */
static void value_mutant(ctx *t, const char *model, const lp_model *lp,
                         const cert_data *mut, const char *what)
{
    fk_err e;
    if (cert_write_data(t->mut, lp, mut, &e) != FK_OK) {
        tl_failf(__FILE__, __LINE__, "cert_write_data: %s", e.msg);
        t->bad++;
        return;
    }
    verdict(t, model, t->mut, ev_valid(lp, mut) ? 0 : 1, what);
}

/* The single-entry changes of entry v (named for messages). */
static void mutate_entry(ctx *t, const char *model, const lp_model *lp,
                         cert_data *mut, mpq_t v, const char *what)
{
    mpq_t keep;
    char msg[400];
    mpq_init(keep);
    mpq_set(keep, v);
    if (mpq_sgn(keep) != 0) {
        static const char *const op[4] = {"numerator+1", "numerator-1",
                                          "sign flip", "dropped"};
        int k;
        for (k = 0; k < 4; k++) {
            mpq_set(v, keep);
            if (k < 2) {
                if (k == 0)
                    mpz_add_ui(mpq_numref(v), mpq_numref(v), 1);
                else
                    mpz_sub_ui(mpq_numref(v), mpq_numref(v), 1);
                mpq_canonicalize(v);
            } else if (k == 2) {
                mpq_neg(v, v);
            } else {
                mpq_set_ui(v, 0, 1);
            }
            snprintf(msg, sizeof msg, "%s %s", what, op[k]);
            value_mutant(t, model, lp, mut, msg);
        }
    } else {
        mpq_set_si(v, 1, 1);
        snprintf(msg, sizeof msg, "%s added as 1", what);
        value_mutant(t, model, lp, mut, msg);
        mpq_set_si(v, -1, 1);
        snprintf(msg, sizeof msg, "%s added as -1", what);
        value_mutant(t, model, lp, mut, msg);
    }
    mpq_set(v, keep);
    mpq_clear(keep);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *s;
    long len;
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    s = malloc((size_t)len + 1);
    if (s && fread(s, 1, (size_t)len, f) != (size_t)len) {
        free(s);
        s = NULL;
    }
    if (s)
        s[len] = '\0';
    fclose(f);
    return s;
}

static void spit(const char *path, const char *s)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(s, f);
        fclose(f);
    }
}

/* Header damage, done on the text: every variant must be refused. */
static void header_mutants(ctx *t, const char *model, const char *certpath,
                           const cert_data *c)
{
    static const char *const st[4] = {"optimal", "infeasible", "unbounded",
                                      "feasible"};
    char *text = slurp(certpath), *p;
    int k;
    if (text == NULL) {
        tl_failf(__FILE__, __LINE__, "cannot read %s", certpath);
        return;
    }
    /* one hex digit of the hash, at three places */
    p = strstr(text, "model-sha256 ");
    if (p) {
        static const int pos[3] = {0, 31, 63};
        for (k = 0; k < 3; k++) {
            char *d = p + 13 + pos[k], keep = *d;
            *d = keep == '0' ? '1' : '0';
            spit(t->mut, text);
            verdict(t, model, t->mut, -1, "model-sha256 digit changed");
            *d = keep;
        }
    }
    p = strstr(text, "\nsense ");
    if (p) {
        char *q = malloc(strlen(text) + 8);
        size_t head = (size_t)(p - text) + 7;
        memcpy(q, text, head);
        strcpy(q + head, c->sense == LP_MAX ? "min" : "max");
        strcat(q, p + 7 + 3);
        spit(t->mut, q);
        verdict(t, model, t->mut, -1, "sense flipped");
        free(q);
    }
    p = strstr(text, "\nstatus ");
    if (p) {
        const char *old = st[c->status];
        for (k = 0; k < 4; k++) {
            char *q;
            size_t head = (size_t)(p - text) + 8;
            if (k == (int)c->status)
                continue;
            q = malloc(strlen(text) + 16);
            memcpy(q, text, head);
            strcpy(q + head, st[k]);
            strcat(q, p + 8 + strlen(old));
            spit(t->mut, q);
            verdict(t, model, t->mut, -1, "status changed");
            free(q);
        }
    }
    free(text);
}

/* Hand edits of the common-denominator encoding of version 2: the
 * `denominator S D` line's D +-1 and each integer numerator of its section
 * +-1, on the text.  The wanted verdict comes from the solver's own reader
 * (cert_read, not the checker's) and the evaluator above; a text that
 * reader refuses must not be accepted either.  Returns the number of
 * lines so edited (a certificate without a denominator line has none). */
static long common_mutants(ctx *t, const char *model, const lp_model *lp,
                           const char *certpath)
{
    char *text = slurp(certpath), *line, *end, *q, *digits;
    char sec[4] = "";
    long edited = 0;
    mpz_t v;
    if (text == NULL)
        return 0;
    mpz_init(v);
    for (line = text; *line; line = *end ? end + 1 : end) {
        int d, isden = strncmp(line, "denominator ", 12) == 0;
        const char *val;
        end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        if (isden)
            snprintf(sec, sizeof sec, "%c ", line[12]);
        else if (!sec[0] || strncmp(line, sec, 2) != 0) {
            sec[0] = '\0'; /* left the section (or never in one) */
            continue;
        }
        for (val = end; val > line && val[-1] != ' '; val--)
            ;
        digits = malloc((size_t)(end - val) + 1);
        memcpy(digits, val, (size_t)(end - val));
        digits[end - val] = '\0';
        if (mpz_set_str(v, digits, 10) != 0) {
            tl_failf(__FILE__, __LINE__, "%s: '%s' is no integer in a common section", certpath, digits);
            t->bad++;
            free(digits);
            continue;
        }
        free(digits);
        edited++;
        for (d = -1; d <= 1; d += 2) {
            cert_data *c = NULL;
            fk_err e;
            char what[64];
            d < 0 ? mpz_sub_ui(v, v, 1) : mpz_add_ui(v, v, 1);
            q = malloc(strlen(text) + mpz_sizeinbase(v, 10) + 3);
            memcpy(q, text, (size_t)(val - text));
            mpz_get_str(q + (val - text), 10, v);
            strcat(q, end);
            spit(t->mut, q);
            snprintf(what, sizeof what, "%s text %+d", isden ? "denominator" : "numerator", d);
            if (cert_read(&c, t->mut, lp, &e) != FK_OK)
                verdict(t, model, t->mut, -1, what);
            else
                verdict(t, model, t->mut, ev_valid(lp, c) ? 0 : 1, what);
            cert_free(c);
            free(q);
            d < 0 ? mpz_add_ui(v, v, 1) : mpz_sub_ui(v, v, 1);
        }
    }
    mpz_clear(v);
    free(text);
    return edited;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* One nearby model: write it, read it back (the evaluator judges against
 * what the checker will read), then check c with the old hash (must be
 * refused) and with the new hash (must agree with the evaluator). */
static void nearby(ctx *t, const lp_model *lpn_src, const char *ext,
                   const char *certpath, const cert_data *c, const char *what)
{
    lp_model *lpn = NULL;
    cert_data *d;
    fk_err e;
    fk_status st;
    char msg[300];
    snprintf(t->near, sizeof t->near, "%s/near%s", t->dir, ext);
    st = strcmp(ext, ".mps") == 0 ? lp_write_mps(lpn_src, t->near, &e)
                                  : lp_write_lp(lpn_src, t->near, &e);
    if (st != FK_OK) {
        tl_failf(__FILE__, __LINE__, "writing nearby model (%s): %s", what, e.msg);
        t->bad++;
        return;
    }
    if (lp_read_file(&lpn, t->near, &e) != FK_OK) {
        tl_failf(__FILE__, __LINE__, "reading nearby model (%s): %s: %s", what,
                 e.where, e.msg);
        t->bad++;
        return;
    }
    if (lpn->m != c->m || lpn->n != c->n) {
        lp_free(lpn);
        return; /* not comparable (cannot happen for our changes) */
    }
    snprintf(msg, sizeof msg, "nearby model (%s), old hash", what);
    verdict(t, t->near, certpath, -1, msg);
    d = clone(c);
    cert_file_sha256(t->near, d->sha256);
    snprintf(msg, sizeof msg, "nearby model (%s), hash recomputed", what);
    value_mutant(t, t->near, lpn, d, msg);
    cert_free(d);
    lp_free(lpn);
}

static void nearby_models(ctx *t, fk_rng *r, const char *model,
                          const lp_model *lp, const char *certpath,
                          const cert_data *c)
{
    const char *ext = ends_with(model, ".lp") ? ".lp" : ".mps";
    long k, i, j, tries;
    int q = tl_quick();
    mpq_t one, v;
    fk_err e;
    char what[300];
    mpq_init(one);
    mpq_init(v);
    mpq_set_ui(one, 1, 1);

    /* Coefficients: entries that touch the certificate (x_j, r_j or y_i
     * nonzero) are where a change matters; a few others must pass. */
    for (tries = 0, k = 0; tries < 400 && k < (q ? 3 : 8) && lp->nnz > 0; tries++) {
        long p = fk_rng_range(r, 0, lp->nnz - 1), jj;
        lp_model *cp;
        i = lp->ridx[p];
        for (jj = 0; jj < lp->n && lp->cbeg[jj + 1] <= p; jj++)
            ;
        if (k < (q ? 2 : 6) && mpq_sgn(c->x[jj]) == 0 && mpq_sgn(c->r[jj]) == 0 &&
            mpq_sgn(c->y[i]) == 0)
            continue;
        cp = lp_copy(lp);
        lp_add_coef(cp, i, jj, one, &e);
        lp_finalize(cp, &e);
        snprintf(what, sizeof what, "a[%s,%s] += 1", lp->rname[i], lp->cname[jj]);
        nearby(t, cp, ext, certpath, c, what);
        lp_free(cp);
        k++;
    }
    /* Row bounds: an equation moves both sides; otherwise one side moves
     * by +-1 if the row stays non-empty. */
    for (tries = 0, k = 0; tries < 400 && k < (q ? 2 : 6) && lp->m > 0; tries++) {
        long d = fk_rng_next(r) & 1 ? 1 : -1;
        lp_model *cp;
        int lo;
        i = fk_rng_range(r, 0, lp->m - 1);
        if (!lp->rlo_fin[i] && !lp->rhi_fin[i])
            continue;
        if (k < (q ? 1 : 4) && mpq_sgn(c->y[i]) == 0)
            continue;
        lo = lp->rlo_fin[i] && (!lp->rhi_fin[i] || (fk_rng_next(r) & 1));
        cp = lp_copy(lp);
        if (lp->rlo_fin[i] && lp->rhi_fin[i] && mpq_equal(lp->rlo[i], lp->rhi[i])) {
            mpq_set_si(v, d, 1);
            mpq_add(v, v, lp->rlo[i]);
            lp_set_row_lo(cp, i, v);
            lp_set_row_hi(cp, i, v);
            snprintf(what, sizeof what, "row %s: rhs %+ld", lp->rname[i], d);
        } else {
            mpq_set_si(v, d, 1);
            mpq_add(v, v, lo ? lp->rlo[i] : lp->rhi[i]);
            if (lo && lp->rhi_fin[i] && mpq_cmp(v, lp->rhi[i]) > 0)
                mpq_set(v, lp->rhi[i]);
            if (!lo && lp->rlo_fin[i] && mpq_cmp(v, lp->rlo[i]) < 0)
                mpq_set(v, lp->rlo[i]);
            (lo ? lp_set_row_lo : lp_set_row_hi)(cp, i, v);
            snprintf(what, sizeof what, "row %s: %s %+ld", lp->rname[i],
                     lo ? "lo" : "hi", d);
        }
        lp_finalize(cp, &e);
        nearby(t, cp, ext, certpath, c, what);
        lp_free(cp);
        k++;
    }
    /* Column bounds, preferring columns at a bound or on the ray. */
    for (tries = 0, k = 0; tries < 400 && k < (q ? 2 : 5) && lp->n > 0; tries++) {
        long d = fk_rng_next(r) & 1 ? 1 : -1;
        lp_model *cp;
        int lo;
        j = fk_rng_range(r, 0, lp->n - 1);
        if (!lp->clo_fin[j] && !lp->chi_fin[j])
            continue;
        lo = lp->clo_fin[j] && (!lp->chi_fin[j] || (fk_rng_next(r) & 1));
        if (k < (q ? 1 : 3) && mpq_sgn(c->r[j]) == 0 &&
            !mpq_equal(c->x[j], lo ? lp->clo[j] : lp->chi[j]))
            continue;
        cp = lp_copy(lp);
        mpq_set_si(v, d, 1);
        mpq_add(v, v, lo ? lp->clo[j] : lp->chi[j]);
        if (lo && lp->chi_fin[j] && mpq_cmp(v, lp->chi[j]) > 0)
            mpq_set(v, lp->chi[j]);
        if (!lo && lp->clo_fin[j] && mpq_cmp(v, lp->clo[j]) < 0)
            mpq_set(v, lp->clo[j]);
        (lo ? lp_set_col_lo : lp_set_col_hi)(cp, j, v);
        lp_finalize(cp, &e);
        snprintf(what, sizeof what, "col %s: %s %+ld", lp->cname[j], lo ? "l" : "u", d);
        nearby(t, cp, ext, certpath, c, what);
        lp_free(cp);
        k++;
    }
    /* Costs (they matter for optimal and unbounded certificates). */
    for (tries = 0, k = 0; tries < 400 && k < (q ? 1 : 3) && lp->n > 0 &&
                           c->status != CERT_INFEASIBLE && c->status != CERT_FEASIBLE;
         tries++) {
        lp_model *cp;
        j = fk_rng_range(r, 0, lp->n - 1);
        if (mpq_sgn(c->x[j]) == 0 && mpq_sgn(c->r[j]) == 0 && mpq_sgn(lp->obj[j]) == 0)
            continue;
        cp = lp_copy(lp);
        mpq_add(v, lp->obj[j], one);
        lp_set_obj(cp, j, v);
        lp_finalize(cp, &e);
        snprintf(what, sizeof what, "cost of %s += 1", lp->cname[j]);
        nearby(t, cp, ext, certpath, c, what);
        lp_free(cp);
        k++;
    }
    mpq_clear(one);
    mpq_clear(v);
    remove(t->near);
}

/* Every single-entry change of the certificate c for model. */
static void value_mutants(ctx *t, const char *model, const lp_model *lp,
                          const cert_data *c)
{
    cert_data *mut = clone(c);
    long i, j, step = tl_quick() ? 7 : 1;
    char what[300];
    cert_status s = c->status;
    if (s != CERT_INFEASIBLE)
        for (j = 0; j < lp->n; j += step) {
            snprintf(what, sizeof what, "x %s", lp->cname[j]);
            mutate_entry(t, model, lp, mut, mut->x[j], what);
        }
    if (s == CERT_OPTIMAL || s == CERT_INFEASIBLE)
        for (i = 0; i < lp->m; i += step) {
            snprintf(what, sizeof what, "y %s", lp->rname[i]);
            mutate_entry(t, model, lp, mut, mut->y[i], what);
        }
    if (s == CERT_UNBOUNDED)
        for (j = 0; j < lp->n; j += step) {
            snprintf(what, sizeof what, "r %s", lp->cname[j]);
            mutate_entry(t, model, lp, mut, mut->r[j], what);
        }
    if (s == CERT_OPTIMAL) {
        /* objective +-1, and the same four changes as any listed value */
        mpq_t one;
        mpq_init(one);
        mpq_set_ui(one, 1, 1);
        mpq_add(mut->objective, c->objective, one);
        value_mutant(t, model, lp, mut, "objective + 1");
        mpq_sub(mut->objective, c->objective, one);
        value_mutant(t, model, lp, mut, "objective - 1");
        mpq_set(mut->objective, c->objective);
        mutate_entry(t, model, lp, mut, mut->objective, "objective");
        mpq_clear(one);
    }
    cert_free(mut);
}

/* All the mutants of one valid certificate. */
static void all_mutants(ctx *t, fk_rng *r, const char *model,
                        const lp_model *lp, const char *certpath)
{
    cert_data *c = NULL;
    fk_err e;
    int rc;
    if (cert_read(&c, certpath, lp, &e) != FK_OK) {
        tl_failf(__FILE__, __LINE__, "%s: %s", e.where, e.msg);
        t->bad++;
        return;
    }
    rc = check(t, model, certpath);
    if (rc != 0 || !ev_valid(lp, c)) {
        tl_failf(__FILE__, __LINE__,
                 "%s: the unmutated %s certificate: checker exit %d, evaluator %d",
                 model, cert_status_str(c->status), rc, ev_valid(lp, c));
        t->bad++;
        cert_free(c);
        return;
    }
    header_mutants(t, model, certpath, c);
    t->common += common_mutants(t, model, lp, certpath);
    value_mutants(t, model, lp, c);
    nearby_models(t, r, model, lp, certpath, c);
    cert_free(c);
}

static const char *const shared_models[] = {
    "netlib/afiro.mps", "netlib/sc50a.mps", "netlib/sc50b.mps", "netlib/kb2.mps",
    "netlib-infeas/galenet.mps", "netlib-infeas/woodinfe.mps",
    "netlib-infeas/forest6.mps"};
static const char *const local_models[] = {
    "tests/data/max_ranged.lp", "tests/data/unb_min.lp", "tests/data/unb_max.lp",
    "tests/data/infeas_box.lp", "tests/data/degen.lp"};

int test_tamper(fk_rng *r);
int test_tamper(fk_rng *r)
{
    ctx t;
    size_t k, nshared = sizeof shared_models / sizeof shared_models[0];
    size_t nall = nshared + sizeof local_models / sizeof local_models[0];
    long tried = 0, rejected = 0, valid = 0, bad = 0;
    char base[160], model[1024];
    memset(&t, 0, sizeof t);
    /* Thousands of small atomic writes, each fsync'ed: on tmpfs that costs
     * nothing, on a disk it dominates the run time. */
    snprintf(t.dir, sizeof t.dir, "%s/fk-t-tamper.XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    if (!TL_CHECK(mkdtemp(t.dir) != NULL, "mkdtemp"))
        return TL_FAIL;
    snprintf(t.mut, sizeof t.mut, "%s/mutant.cert", t.dir);
    snprintf(base, sizeof base, "%s/base.cert", t.dir);
    for (k = 0; k < nall; k++) {
        lp_model *lp = NULL;
        lp_answer res;
        solve_opts o;
        fk_err e;
        const char *name;
        if (k < nshared) {
            snprintf(model, sizeof model, "%s/data/%s", tl_shared(), shared_models[k]);
            name = shared_models[k];
        } else {
            snprintf(model, sizeof model, "%s", local_models[k - nshared]);
            name = local_models[k - nshared];
        }
        if (access(model, R_OK) != 0) {
            tl_report(name, TL_SKIP, "%s not found", model);
            continue;
        }
        t.tried = t.rejected = t.valid = t.bad = 0;
        if (lp_read_file(&lp, model, &e) != FK_OK) {
            tl_report(name, TL_FAIL, "%s: %s", e.where, e.msg);
            continue;
        }
        lp_answer_init(&res);
        solve_opts_default(&o);
        if (solve_lp(&res, lp, &o, NULL, &e) != FK_OK) {
            tl_report(name, TL_FAIL, "solve_lp: %s", e.msg);
        } else if (cert_write(base, model, lp, &res, &e) != FK_OK) {
            tl_report(name, TL_FAIL, "cert_write (%s): %s",
                      lp_status_str(res.status), e.msg);
        } else {
            all_mutants(&t, r, model, lp, base);
            /* A feasible certificate too, from the optimal point. */
            if (res.status == LP_OPTIMAL && strstr(model, "degen") != NULL) {
                if (cert_write_feasible(base, model, lp, res.x, &e) == FK_OK)
                    all_mutants(&t, r, model, lp, base);
                else
                    t.bad++;
            }
            tl_report(name, t.bad ? TL_FAIL : TL_PASS,
                      "%s: %ld mutants, %ld rejected, %ld accepted as valid%s",
                      lp_status_str(res.status), t.tried, t.rejected, t.valid,
                      t.bad ? " (verdicts disagree, see above)" : "");
            tried += t.tried;
            rejected += t.rejected;
            valid += t.valid;
            bad += t.bad;
        }
        lp_answer_clear(&res);
        lp_free(lp);
    }
    remove(base);
    remove(t.mut);
    rmdir(t.dir);
    tl_report("tamper total", bad ? TL_FAIL : TL_PASS,
              "%ld mutants, %ld rejected, %ld accepted as valid, %ld wrong verdicts",
              tried, rejected, valid, bad);
    /* sc50a and kb2 are written with denominator lines (format 2) */
    snprintf(model, sizeof model, "%s/data/netlib/kb2.mps", tl_shared());
    TL_CHECK(t.common > 0 || access(model, R_OK) != 0, "no certificate used the common-denominator form");
    return TL_RESULT();
}
