/* lp_write.c: exact CPLEX LP and free MPS writers (see lp_io.h and
 * docs/model-formats.md).
 *
 * Both write every number as an exact rational ("p/q"), so reading the file
 * back gives the same model, and both refuse names the format cannot carry
 * rather than rename them silently.  The file is written to a temporary
 * name beside the target and renamed into place at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "afile.h"
#include "lp_io.h"
#include "rat.h"

#define TERMS_PER_LINE 8

typedef struct {
    FILE *f;        /* a.f while open */
    afile a;        /* all-or-nothing output (afile.h) */
    fk_err *err;
    const char *path;
    int bad; /* an output error happened */
} out_t;

static void put(out_t *o, const char *s)
{
    if (fputs(s, o->f) < 0)
        o->bad = 1;
}

/* u's decimal digits, ending at end (exclusive); returns the first. */
static char *udigits(char *end, unsigned long u)
{
    do
        *--end = (char)('0' + u % 10);
    while (u /= 10);
    return end;
}

/* q as "p/q" or "p" in buf[0..48) when numerator and denominator fit a
 * word, as the mechanism LPs' small fractions do; NULL otherwise (then
 * rat_get_str).  Saves a malloc and a base conversion per entry: a 61 x 61
 * M-S LP has 900,000 of them. */
static const char *word_q(char buf[48], const mpq_t q)
{
    const mpz_srcptr n = mpq_numref(q), d = mpq_denref(q);
    char *p = buf + 47;
    unsigned long un;
    if (!mpz_fits_ulong_p(d) || mpz_sizeinbase(n, 2) > 63)
        return NULL;
    un = mpz_get_ui(n); /* |n| */
    *p = '\0';
    if (mpz_cmp_ui(d, 1) != 0) {
        p = udigits(p, mpz_get_ui(d));
        *--p = '/';
    }
    p = udigits(p, un);
    if (mpz_sgn(n) < 0)
        *--p = '-';
    return p;
}

/* Write q exactly as "p/q" or "p". */
static void put_q(out_t *o, const mpq_t q)
{
    char buf[48], *s;
    const char *w = word_q(buf, q);
    if (w) {
        put(o, w);
        return;
    }
    s = rat_get_str(q);
    if (s == NULL) {
        o->bad = 1;
        return;
    }
    put(o, s);
    free(s);
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int lp_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c != 0 && strchr("_!\"#$%&()/,.;?@'{}|~[]", c) != NULL);
}

/* A name lp_read.c reads back as one name token (reserved words aside). */
static int lp_name_chars_ok(const char *s)
{
    size_t i, n = strlen(s);
    if (n == 0 || n > LPIO_MAX_NAME || !lp_name_start((unsigned char)s[0]))
        return 0;
    if (s[0] == '.' && is_digit((unsigned char)s[1]))
        return 0;
    for (i = 1; i < n; i++)
        if (!lp_name_start((unsigned char)s[i]) &&
            !is_digit((unsigned char)s[i]))
            return 0;
    return 1;
}

static int mps_name_ok(const char *s)
{
    size_t i, n = strlen(s);
    if (n == 0 || n > LPIO_MAX_NAME || strcmp(s, "'MARKER'") == 0)
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= 0x20 || c == 0x7f)
            return 0;
    }
    return 1;
}

static int eq_ci(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* The reserved words of docs/model-formats.md, which are never names. */
static int lp_reserved(const char *s)
{
    static const char *const kw[] = {
        "minimize", "minimum", "min",      "maximize", "maximum", "max",
        "st",       "s.t.",    "st.",      "subject",  "such",    "bounds",
        "general",  "generals", "gen",     "integer",  "binary",  "binaries",
        "bin",      "semi",    "sec",      "sos",      "end",     "free",
        "inf",      "infinity"};
    size_t k;
    for (k = 0; k < sizeof kw / sizeof *kw; k++)
        if (eq_ci(s, kw[k]))
            return 1;
    return 0;
}

static int lp_name_ok(const char *s)
{
    return lp_name_chars_ok(s) && !lp_reserved(s);
}

static fk_status check_names(const lp_model *lp, int (*ok)(const char *),
                             const char *fmt, fk_err *err)
{
    long i;
    for (i = 0; i < lp->m; i++)
        if (!ok(lp->rname[i]))
            return fk_fail(err, FK_EINVAL, NULL,
                           "row name '%s' cannot be written in %s format",
                           lp->rname[i], fmt);
    for (i = 0; i < lp->n; i++)
        if (!ok(lp->cname[i]))
            return fk_fail(err, FK_EINVAL, NULL,
                           "column name '%s' cannot be written in %s format",
                           lp->cname[i], fmt);
    return FK_OK;
}

/* Neither format has free rows (MPS would turn them into N rows, which
 * readers drop): refuse rather than change the model. */
static fk_status check_free_rows(const lp_model *lp, const char *fmt,
                                 fk_err *err)
{
    long i;
    for (i = 0; i < lp->m; i++)
        if (!lp->rlo_fin[i] && !lp->rhi_fin[i])
            return fk_fail(err, FK_EINVAL, NULL,
                           "row '%s' is free (no finite bound): %s format "
                           "cannot express it",
                           lp->rname[i], fmt);
    return FK_OK;
}

/* Open the all-or-nothing output; *tmp is set to a non-NULL marker so
 * that the caller knows to close it. */
static fk_status open_tmp(out_t *o, char **tmp, const char *path, fk_err *err)
{
    fk_status st = afile_open(&o->a, path, err);
    o->err = err;
    o->path = path;
    o->bad = 0;
    if (st != FK_OK)
        return st;
    o->f = o->a.f;
    *tmp = o->a.tmp;
    return FK_OK;
}

/* Commit (rename into place), or remove the temporary file on any error. */
static fk_status close_tmp(out_t *o, char *tmp, fk_status st)
{
    (void)tmp;
    o->f = NULL;
    if (st == FK_OK && o->bad) {
        afile_abort(&o->a);
        return fk_fail(o->err, FK_EIO, o->path, "cannot write '%s'", o->path);
    }
    if (st != FK_OK) {
        afile_abort(&o->a);
        return st;
    }
    return afile_commit(&o->a, o->err);
}

/* A finalized view of lp: lp itself, or a finalized copy in *own. */
static fk_status finalized(const lp_model *lp, const lp_model **use,
                           lp_model **own, fk_err *err)
{
    *own = NULL;
    *use = lp;
    if (lp->finalized)
        return FK_OK;
    *own = lp_copy(lp);
    if (*own == NULL)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    *use = *own;
    return lp_finalize(*own, err);
}

/* ---- CPLEX LP ---- */

/* One term " + q name" (or "q name" / "- q name" when first). */
static void lp_term(out_t *o, const mpq_t q, const char *name, int first,
                    mpq_t tmp)
{
    if (mpq_sgn(q) < 0) {
        put(o, first ? "- " : " - ");
        mpq_neg(tmp, q);
        put_q(o, tmp);
    } else {
        if (!first)
            put(o, " + ");
        put_q(o, q);
    }
    if (name != NULL) {
        put(o, " ");
        put(o, name);
    }
}

static void lp_value(out_t *o, const mpq_t q)
{
    put_q(o, q);
}

fk_status lp_write_lp(const lp_model *lp0, const char *path, fk_err *err)
{
    const lp_model *lp;
    lp_model *own = NULL;
    out_t o;
    char *tmp = NULL;
    fk_status st;
    long i, j, k;
    mpq_t t;

    mpq_init(t);
    memset(&o, 0, sizeof o);
    if ((st = finalized(lp0, &lp, &own, err)) != FK_OK)
        goto done;
    if ((st = check_names(lp, lp_name_ok, "LP", err)) != FK_OK ||
        (st = check_free_rows(lp, "LP", err)) != FK_OK)
        goto done;
    if (lp->objname[0] && !lp_name_ok(lp->objname)) {
        st = fk_fail(err, FK_EINVAL, NULL,
                     "objective name '%s' cannot be written in LP format",
                     lp->objname);
        goto done;
    }
    for (i = 0; i < lp->m; i++)
        if (lp->rbeg[i] == lp->rbeg[i + 1] && lp->n == 0) {
            st = fk_fail(err, FK_EINVAL, NULL,
                         "row '%s' has no entries and the model no column "
                         "to write it with in LP format",
                         lp->rname[i]);
            goto done;
        }
    if ((st = open_tmp(&o, &tmp, path, err)) != FK_OK)
        goto done;

    put(&o, "\\ written by farkas (exact rationals)\n");
    if (lp->name[0] && strchr(lp->name, '\n') == NULL) {
        put(&o, "\\ problem ");
        put(&o, lp->name);
        put(&o, "\n");
    }
    put(&o, lp->sense == LP_MAX ? "Maximize\n" : "Minimize\n");
    put(&o, " ");
    if (lp->objname[0]) {
        put(&o, lp->objname);
        put(&o, ": ");
    }
    /* every column, in order, so reading back creates them in order */
    k = 0;
    if (mpq_sgn(lp->objconst) != 0)
        lp_term(&o, lp->objconst, NULL, k++ == 0, t);
    for (j = 0; j < lp->n; j++) {
        if (k > 0 && k % TERMS_PER_LINE == 0)
            put(&o, "\n  ");
        lp_term(&o, lp->obj[j], lp->cname[j], k++ == 0, t);
    }
    put(&o, "\n");

    put(&o, "Subject To\n");
    for (i = 0; i < lp->m; i++) {
        int lf = lp->rlo_fin[i], hf = lp->rhi_fin[i];
        int ranged = lf && hf && !mpq_equal(lp->rlo[i], lp->rhi[i]);
        put(&o, " ");
        put(&o, lp->rname[i]);
        put(&o, ": ");
        if (ranged) {
            lp_value(&o, lp->rlo[i]);
            put(&o, " <= ");
        }
        k = 0;
        for (j = lp->rbeg[i]; j < lp->rbeg[i + 1]; j++) {
            if (k > 0 && k % TERMS_PER_LINE == 0)
                put(&o, "\n  ");
            lp_term(&o, lp_rval(lp, j), lp->cname[lp->cidx[j]], k++ == 0, t);
        }
        if (k == 0) { /* an empty row still needs a term */
            mpq_set_ui(t, 0, 1);
            lp_term(&o, t, lp->cname[0], 1, t);
        }
        if (ranged) {
            put(&o, " <= ");
            lp_value(&o, lp->rhi[i]);
        } else if (lf && hf) {
            put(&o, " = ");
            lp_value(&o, lp->rlo[i]);
        } else if (lf) {
            put(&o, " >= ");
            lp_value(&o, lp->rlo[i]);
        } else {
            put(&o, " <= ");
            lp_value(&o, lp->rhi[i]);
        }
        put(&o, "\n");
    }

    put(&o, "Bounds\n");
    for (j = 0; j < lp->n; j++) {
        int lf = lp->clo_fin[j], uf = lp->chi_fin[j];
        const char *nm = lp->cname[j];
        if (lf && uf && mpq_equal(lp->clo[j], lp->chi[j])) {
            put(&o, " ");
            put(&o, nm);
            put(&o, " = ");
            lp_value(&o, lp->clo[j]);
        } else if (!lf && !uf) {
            put(&o, " ");
            put(&o, nm);
            put(&o, " free");
        } else if (lf && !uf) {
            if (mpq_sgn(lp->clo[j]) == 0)
                continue; /* the default [0, +inf) */
            put(&o, " ");
            put(&o, nm);
            put(&o, " >= ");
            lp_value(&o, lp->clo[j]);
        } else if (!lf && uf) {
            put(&o, " -inf <= ");
            put(&o, nm);
            put(&o, " <= ");
            lp_value(&o, lp->chi[j]);
        } else if (mpq_sgn(lp->clo[j]) == 0) {
            put(&o, " ");
            put(&o, nm);
            put(&o, " <= ");
            lp_value(&o, lp->chi[j]);
        } else {
            put(&o, " ");
            lp_value(&o, lp->clo[j]);
            put(&o, " <= ");
            put(&o, nm);
            put(&o, " <= ");
            lp_value(&o, lp->chi[j]);
        }
        put(&o, "\n");
    }
    put(&o, "End\n");
    st = FK_OK;

done:
    if (tmp != NULL)
        st = close_tmp(&o, tmp, st);
    lp_free(own);
    mpq_clear(t);
    return st;
}

/* ---- free MPS ---- */

static void mps_field(out_t *o, const char *a, const char *b, const mpq_t q)
{
    char line[256], buf[48];
    const char *w = word_q(buf, q);
    size_t la = strlen(a), lb = strlen(b), lw = w ? strlen(w) : 0;
    /* the common line (short names, a word-size number) in one write */
    if (w && la + lb + lw + 8 <= sizeof line) {
        memcpy(line, "    ", 4);
        memcpy(line + 4, a, la);
        line[4 + la] = ' ';
        memcpy(line + 5 + la, b, lb);
        line[5 + la + lb] = ' ';
        memcpy(line + 6 + la + lb, w, lw);
        line[6 + la + lb + lw] = '\n';
        if (fwrite(line, 1, 7 + la + lb + lw, o->f) != 7 + la + lb + lw)
            o->bad = 1;
        return;
    }
    put(o, "    ");
    put(o, a);
    put(o, " ");
    put(o, b);
    put(o, " ");
    put_q(o, q);
    put(o, "\n");
}

/* An objective row name that is not a row name. */
static char *obj_name(const lp_model *lp)
{
    char *s;
    long k;
    if (lp->objname[0] && mps_name_ok(lp->objname) &&
        lp_find_row(lp, lp->objname) < 0)
        return fk_strdup(lp->objname);
    s = malloc(32);
    if (s == NULL)
        return NULL;
    strcpy(s, "obj");
    for (k = 1; lp_find_row(lp, s) >= 0; k++)
        snprintf(s, 32, "obj_%ld", k);
    return s;
}

fk_status lp_write_mps(const lp_model *lp0, const char *path, fk_err *err)
{
    const lp_model *lp;
    lp_model *own = NULL;
    out_t o;
    char *tmp = NULL, *obj = NULL;
    fk_status st;
    long i, j, k;
    mpq_t t;

    mpq_init(t);
    memset(&o, 0, sizeof o);
    if ((st = finalized(lp0, &lp, &own, err)) != FK_OK)
        goto done;
    if ((st = check_names(lp, mps_name_ok, "MPS", err)) != FK_OK ||
        (st = check_free_rows(lp, "MPS", err)) != FK_OK)
        goto done;
    if (lp->name[0] && !mps_name_ok(lp->name)) {
        st = fk_fail(err, FK_EINVAL, NULL,
                     "problem name '%s' cannot be written in MPS format",
                     lp->name);
        goto done;
    }
    for (i = 0; i < lp->m; i++)
        if (lp->rlo_fin[i] && lp->rhi_fin[i] &&
            mpq_cmp(lp->rlo[i], lp->rhi[i]) > 0) {
            st = fk_fail(err, FK_EINVAL, NULL,
                         "row '%s' has lower bound above its upper bound, "
                         "which MPS cannot express",
                         lp->rname[i]);
            goto done;
        }
    obj = obj_name(lp);
    if (obj == NULL) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto done;
    }
    if ((st = open_tmp(&o, &tmp, path, err)) != FK_OK)
        goto done;

    put(&o, "* written by farkas (exact rationals; free MPS)\n");
    put(&o, "NAME");
    if (lp->name[0]) {
        put(&o, " ");
        put(&o, lp->name);
    }
    put(&o, "\n");
    if (lp->sense == LP_MAX)
        put(&o, "OBJSENSE\n    MAX\n");
    put(&o, "ROWS\n N ");
    put(&o, obj);
    put(&o, "\n");
    for (i = 0; i < lp->m; i++) {
        int lf = lp->rlo_fin[i], hf = lp->rhi_fin[i];
        /* ranged rows are G rows with a range */
        put(&o, lf && hf && mpq_equal(lp->rlo[i], lp->rhi[i]) ? " E "
                : lf                                          ? " G "
                                                              : " L ");
        put(&o, lp->rname[i]);
        put(&o, "\n");
    }

    put(&o, "COLUMNS\n");
    for (j = 0; j < lp->n; j++) {
        int any = 0;
        if (mpq_sgn(lp->obj[j]) != 0) {
            mps_field(&o, lp->cname[j], obj, lp->obj[j]);
            any = 1;
        }
        for (k = lp->cbeg[j]; k < lp->cbeg[j + 1]; k++) {
            mps_field(&o, lp->cname[j], lp->rname[lp->ridx[k]], lp->val[k]);
            any = 1;
        }
        if (!any) /* declare the column all the same */
            mps_field(&o, lp->cname[j], obj, lp->obj[j]);
    }

    put(&o, "RHS\n");
    if (mpq_sgn(lp->objconst) != 0) {
        mpq_neg(t, lp->objconst);
        mps_field(&o, "RHS", obj, t);
    }
    for (i = 0; i < lp->m; i++) {
        mpq_srcptr r = lp->rlo_fin[i] ? lp->rlo[i] : lp->rhi[i];
        if (!lp->rlo_fin[i] && !lp->rhi_fin[i])
            continue;
        if (mpq_sgn(r) != 0)
            mps_field(&o, "RHS", lp->rname[i], r);
    }

    for (i = k = 0; i < lp->m; i++) {
        if (!lp->rlo_fin[i] || !lp->rhi_fin[i] ||
            mpq_equal(lp->rlo[i], lp->rhi[i]))
            continue;
        if (k++ == 0)
            put(&o, "RANGES\n");
        mpq_sub(t, lp->rhi[i], lp->rlo[i]);
        mps_field(&o, "RNG", lp->rname[i], t);
    }

    for (j = k = 0; j < lp->n; j++) {
        int lf = lp->clo_fin[j], uf = lp->chi_fin[j];
        const char *nm = lp->cname[j];
        if (lf && !uf && mpq_sgn(lp->clo[j]) == 0)
            continue; /* the default */
        if (k++ == 0)
            put(&o, "BOUNDS\n");
        if (lf && uf && mpq_equal(lp->clo[j], lp->chi[j])) {
            put(&o, " FX");
            mps_field(&o, "BND", nm, lp->clo[j]);
            continue;
        }
        if (!lf && !uf) {
            put(&o, " FR    BND ");
            put(&o, nm);
            put(&o, "\n");
            continue;
        }
        /* the lower bound first: a negative UP with no lower bound given
         * would otherwise make the lower bound -inf (CPLEX's rule) */
        if (!lf) {
            put(&o, " MI    BND ");
            put(&o, nm);
            put(&o, "\n");
        } else if (mpq_sgn(lp->clo[j]) != 0 ||
                   (uf && mpq_sgn(lp->chi[j]) < 0)) {
            put(&o, " LO");
            mps_field(&o, "BND", nm, lp->clo[j]);
        }
        if (uf) {
            put(&o, " UP");
            mps_field(&o, "BND", nm, lp->chi[j]);
        }
    }
    put(&o, "ENDATA\n");
    st = FK_OK;

done:
    if (tmp != NULL)
        st = close_tmp(&o, tmp, st);
    free(obj);
    lp_free(own);
    mpq_clear(t);
    return st;
}
