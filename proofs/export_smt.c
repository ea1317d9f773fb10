/* export_smt.c: SMT-LIB 2 (QF_LRA) export; see prf.h for what each
 * (check-sat) means and what answer it must give. */
#include "prf.h"

#include <stdio.h>

#include "afile.h"

/* |PREFIX NAME| with NAME percent-encoded.  Quoted symbols may hold any
 * printable byte but '|' and '\'; encoding '%' too makes the map from
 * names to symbols one-to-one, and encoding blanks and control bytes
 * keeps every symbol on one line.  The prefix ("ray ") contains a blank,
 * which no encoded name does, so ray symbols never clash with columns. */
static void put_sym(FILE *f, const char *prefix, const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    fprintf(f, "|%s", prefix);
    for (; *p; p++) {
        if (*p == '%' || *p == '|' || *p == '\\' || *p <= 0x20 || *p >= 0x7f)
            fprintf(f, "%%%02X", *p);
        else
            putc(*p, f);
    }
    putc('|', f);
}

/* Row names appear only in comments; same encoding, no bars. */
static void put_comment_name(FILE *f, const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    for (; *p; p++) {
        if (*p == '%' || *p <= 0x20 || *p >= 0x7f)
            fprintf(f, "%%%02X", *p);
        else
            putc(*p, f);
    }
}

/* An exact rational: 3, (- 3), (/ 3 4), (- (/ 3 4)).  SMT-LIB numerals
 * are unsigned, so the sign goes outside. */
static void put_q(FILE *f, const mpq_t q)
{
    int neg = mpq_sgn(q) < 0;
    int frac = mpz_cmp_ui(mpq_denref(q), 1) != 0;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, mpq_numref(q));
    if (neg)
        fputs("(- ", f);
    if (frac)
        fputs("(/ ", f);
    mpz_out_str(f, 10, a);
    if (frac) {
        putc(' ', f);
        mpz_out_str(f, 10, mpq_denref(q));
        putc(')', f);
    }
    if (neg)
        putc(')', f);
    mpz_clear(a);
}

/* a * sym; sym or (- sym) when a = +-1. */
static void put_term(FILE *f, const mpq_t a, const char *prefix,
                     const char *name)
{
    if (mpq_cmp_ui(a, 1, 1) == 0) {
        put_sym(f, prefix, name);
        return;
    }
    if (mpq_cmp_si(a, -1, 1) == 0) {
        fputs("(- ", f);
        put_sym(f, prefix, name);
        putc(')', f);
        return;
    }
    fputs("(* ", f);
    put_q(f, a);
    putc(' ', f);
    put_sym(f, prefix, name);
    putc(')', f);
}

/* Row i of A applied to the symbols with prefix. */
static void put_row(FILE *f, const lp_model *lp, long i, const char *prefix)
{
    long k, b = lp->rbeg[i], e = lp->rbeg[i + 1];
    if (e == b) {
        fputs("0", f);
        return;
    }
    if (e - b > 1)
        fputs("(+", f);
    for (k = b; k < e; k++) {
        if (e - b > 1)
            putc(' ', f);
        put_term(f, lp_rval(lp, k), prefix, lp->cname[lp->cidx[k]]);
    }
    if (e - b > 1)
        putc(')', f);
}

/* c^T x (+ c0 when with_c0) over the symbols with prefix. */
static void put_obj(FILE *f, const lp_model *lp, const char *prefix,
                    int with_c0)
{
    long j, nt = 0;
    int c0 = with_c0 && mpq_sgn(lp->objconst) != 0;
    for (j = 0; j < lp->n; j++)
        nt += mpq_sgn(lp->obj[j]) != 0;
    nt += c0;
    if (nt == 0) {
        fputs("0", f);
        return;
    }
    if (nt > 1)
        fputs("(+", f);
    for (j = 0; j < lp->n; j++) {
        if (mpq_sgn(lp->obj[j]) == 0)
            continue;
        if (nt > 1)
            putc(' ', f);
        put_term(f, lp->obj[j], prefix, lp->cname[j]);
    }
    if (c0) {
        if (nt > 1)
            putc(' ', f);
        put_q(f, lp->objconst);
    }
    if (nt > 1)
        putc(')', f);
}

/* Every row lo <= a_i^T x <= hi and every bound l <= x <= u. */
static void put_constraints(FILE *f, const lp_model *lp)
{
    long i, j;
    fputs("; rows: lo <= a_i^T x <= hi\n", f);
    for (i = 0; i < lp->m; i++) {
        int lo = lp->rlo_fin[i], hi = lp->rhi_fin[i];
        fputs("; row ", f);
        put_comment_name(f, lp->rname[i]);
        if (!lo && !hi) {
            fputs(" (free, no constraint)\n", f);
            continue;
        }
        putc('\n', f);
        if (lo && hi && mpq_equal(lp->rlo[i], lp->rhi[i])) {
            fputs("(assert (= ", f);
            put_row(f, lp, i, "");
            putc(' ', f);
            put_q(f, lp->rlo[i]);
            fputs("))\n", f);
            continue;
        }
        if (lo) {
            fputs("(assert (>= ", f);
            put_row(f, lp, i, "");
            putc(' ', f);
            put_q(f, lp->rlo[i]);
            fputs("))\n", f);
        }
        if (hi) {
            fputs("(assert (<= ", f);
            put_row(f, lp, i, "");
            putc(' ', f);
            put_q(f, lp->rhi[i]);
            fputs("))\n", f);
        }
    }
    fputs("; bounds: l <= x <= u\n", f);
    for (j = 0; j < lp->n; j++) {
        int lo = lp->clo_fin[j], hi = lp->chi_fin[j];
        if (lo && hi && mpq_equal(lp->clo[j], lp->chi[j])) {
            fputs("(assert (= ", f);
            put_sym(f, "", lp->cname[j]);
            putc(' ', f);
            put_q(f, lp->clo[j]);
            fputs("))\n", f);
            continue;
        }
        if (lo) {
            fputs("(assert (>= ", f);
            put_sym(f, "", lp->cname[j]);
            putc(' ', f);
            put_q(f, lp->clo[j]);
            fputs("))\n", f);
        }
        if (hi) {
            fputs("(assert (<= ", f);
            put_sym(f, "", lp->cname[j]);
            putc(' ', f);
            put_q(f, lp->chi[j]);
            fputs("))\n", f);
        }
    }
}

/* x_j = v_j for every column, with the symbols of prefix. */
static void put_fix(FILE *f, const lp_model *lp, const char *prefix,
                    mpq_t *const v)
{
    long j;
    for (j = 0; j < lp->n; j++) {
        fputs("(assert (= ", f);
        put_sym(f, prefix, lp->cname[j]);
        putc(' ', f);
        put_q(f, v[j]);
        fputs("))\n", f);
    }
}

/* The recession cone: a_i^T r >= 0 where lo_i is finite, <= 0 where hi_i
 * is finite; r_j >= 0 where l_j is finite, <= 0 where u_j is finite. */
static void put_ray_cone(FILE *f, const lp_model *lp)
{
    long i, j;
    fputs("; ray conditions: the rows and bounds made homogeneous\n", f);
    for (i = 0; i < lp->m; i++) {
        if (lp->rlo_fin[i]) {
            fputs("(assert (>= ", f);
            put_row(f, lp, i, "ray ");
            fputs(" 0))\n", f);
        }
        if (lp->rhi_fin[i]) {
            fputs("(assert (<= ", f);
            put_row(f, lp, i, "ray ");
            fputs(" 0))\n", f);
        }
    }
    for (j = 0; j < lp->n; j++) {
        if (lp->clo_fin[j]) {
            fputs("(assert (>= ", f);
            put_sym(f, "ray ", lp->cname[j]);
            fputs(" 0))\n", f);
        }
        if (lp->chi_fin[j]) {
            fputs("(assert (<= ", f);
            put_sym(f, "ray ", lp->cname[j]);
            fputs(" 0))\n", f);
        }
    }
}

static void declare(FILE *f, const lp_model *lp, const char *prefix)
{
    long j;
    for (j = 0; j < lp->n; j++) {
        fputs("(declare-fun ", f);
        put_sym(f, prefix, lp->cname[j]);
        fputs(" () Real)\n", f);
    }
}

fk_status prf_export_smt(const char *path, const lp_model *lp,
                         const cert_data *c, fk_err *err)
{
    afile a;
    FILE *f;
    fk_status st;
    int max = lp->sense == LP_MAX;
    const char *expect;
    if (!lp->finalized)
        return fk_fail(err, FK_EINVAL, NULL, "model not finalized");
    if (c->m != lp->m || c->n != lp->n)
        return fk_fail(err, FK_EINVAL, NULL,
                       "certificate (%ld rows, %ld cols) does not fit the "
                       "model (%ld, %ld)", c->m, c->n, lp->m, lp->n);
    switch (c->status) {
    case CERT_OPTIMAL: expect = "unsat sat"; break;
    case CERT_INFEASIBLE: expect = "unsat"; break;
    case CERT_UNBOUNDED: expect = "sat sat"; break;
    case CERT_FEASIBLE: expect = "sat"; break;
    default:
        return fk_fail(err, FK_EINVAL, NULL, "bad certificate status");
    }
    st = afile_open(&a, path, err);
    if (st != FK_OK)
        return st;
    f = a.f;
    fprintf(f, "; farkas SMT-LIB 2 export of a certificate, status %s\n",
            cert_status_str(c->status));
    fputs("; model-file ", f);
    put_comment_name(f, c->model_file ? c->model_file : "");
    fprintf(f, "\n; model-sha256 %s\n; sense %s, %ld rows, %ld columns\n",
            c->sha256, max ? "max" : "min", lp->m, lp->n);
    if (lp->nrelax) /* what is proved is about the relaxation only */
        fprintf(f, "; LP relaxation: integrality of %ld columns dropped\n", lp->nrelax);
    fprintf(f, "; expect: %s\n", expect);
    fputs("; Column NAME is the Real |NAME|, NAME percent-encoded ('%', '|', "
          "'\\',\n; blanks, control and non-ASCII bytes as %XX).\n", f);
    switch (c->status) {
    case CERT_OPTIMAL:
        fputs("; check 1 must be unsat: no feasible x has an objective "
              "better than v\n; check 2 must be sat: the certified x is "
              "feasible and its objective is v\n", f);
        fputs("; together: v is the optimal value\n", f);
        break;
    case CERT_INFEASIBLE:
        fputs("; check 1 must be unsat: no x satisfies the rows and bounds\n",
              f);
        break;
    case CERT_UNBOUNDED:
        fputs("; check 1 must be sat: the certified x is feasible\n"
              "; check 2 must be sat: the certified ray r keeps every row "
              "and bound and\n; improves the objective, so x + t*r is "
              "feasible for all t >= 0 and unbounded\n", f);
        break;
    default:
        fputs("; check 1 must be sat: the certified x is feasible\n", f);
        break;
    }
    fputs("(set-logic QF_LRA)\n", f);
    declare(f, lp, "");
    if (c->status == CERT_UNBOUNDED)
        declare(f, lp, "ray ");

    if (c->status == CERT_INFEASIBLE) {
        put_constraints(f, lp);
        fputs("; check 1: expect unsat\n(check-sat)\n", f);
    } else if (c->status == CERT_OPTIMAL) {
        put_constraints(f, lp);
        fputs("; check 1: expect unsat\n(push 1)\n(assert (", f);
        fputs(max ? ">" : "<", f);
        putc(' ', f);
        put_obj(f, lp, "", 1);
        putc(' ', f);
        put_q(f, c->objective);
        fputs("))\n(check-sat)\n(pop 1)\n", f);
        fputs("; check 2: expect sat\n(push 1)\n", f);
        put_fix(f, lp, "", c->x);
        fputs("(assert (= ", f);
        put_obj(f, lp, "", 1);
        putc(' ', f);
        put_q(f, c->objective);
        fputs("))\n(check-sat)\n(pop 1)\n", f);
    } else if (c->status == CERT_UNBOUNDED) {
        fputs("; check 1: expect sat\n(push 1)\n", f);
        put_constraints(f, lp);
        put_fix(f, lp, "", c->x);
        fputs("(check-sat)\n(pop 1)\n", f);
        fputs("; check 2: expect sat\n(push 1)\n", f);
        put_ray_cone(f, lp);
        put_fix(f, lp, "ray ", c->r);
        fprintf(f, "; c'^T r < 0 with c' = %sc\n(assert (%s ", max ? "-" : "",
                max ? ">" : "<");
        put_obj(f, lp, "ray ", 0);
        fputs(" 0))\n(check-sat)\n(pop 1)\n", f);
    } else {
        put_constraints(f, lp);
        fputs("; check 1: expect sat\n(push 1)\n", f);
        put_fix(f, lp, "", c->x);
        fputs("(check-sat)\n(pop 1)\n", f);
    }
    fputs("(exit)\n", f);
    return afile_commit(&a, err);
}
