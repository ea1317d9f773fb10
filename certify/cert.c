/* cert.c: see cert.h and docs/certificate-format.md */
#include "cert.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "afile.h"
#include "check/chk.h"

static const char *const status_names[] = {"optimal", "infeasible",
                                           "unbounded", "feasible"};

const char *cert_status_str(cert_status s)
{
    return (unsigned)s < 4u ? status_names[s] : "?";
}

cert_data *cert_new(long m, long n)
{
    cert_data *c;
    if (m < 0 || n < 0)
        return NULL;
    c = fk_calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->m = m;
    c->n = n;
    c->sense = LP_MIN;
    c->status = CERT_OPTIMAL;
    mpq_init(c->objective);
    c->model_file = fk_strdup("");
    c->x = fk_qarr_new(n);
    c->y = fk_qarr_new(m);
    c->r = fk_qarr_new(n);
    if (c->model_file == NULL || c->x == NULL || c->y == NULL ||
        c->r == NULL) {
        cert_free(c);
        return NULL;
    }
    return c;
}

void cert_free(cert_data *c)
{
    if (c == NULL)
        return;
    fk_qarr_free(c->x, c->n);
    fk_qarr_free(c->y, c->m);
    fk_qarr_free(c->r, c->n);
    mpq_clear(c->objective);
    free(c->model_file);
    free(c);
}

/* ---- writing ---------------------------------------------------------- */

static void put_name(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++) {
        if (*p == '%' || *p <= 0x20 || *p >= 0x7f)
            fprintf(f, "%%%02X", *p);
        else
            putc(*p, f);
    }
}

/* The nonzero entries of v[0..k) in whichever of the two encodings of
 * version 2 has fewer digits: each entry as p/q in lowest terms, or a line
 * `denominator KEY D` with D the lcm of the denominators and then each
 * entry as the integer v_i * D.  The common form wins when the entries
 * share most of their denominator (an optimal basis's x and y over det B:
 * pilot87), the per-entry form when the denominators have little in
 * common and their lcm outgrows them (maros-r7).  The checker reads
 * either without a gcd (docs/certificate-format.md).  The digit counts
 * come from mpz_sizeinbase (exact or one too many), enough to choose. */
static void put_section(FILE *f, const char *key, char *const *names,
                        mpq_t *const v, long k)
{
    size_t per = 0, com, nd = 0;
    long i;
    mpz_t d, t;
    mpz_init_set_ui(d, 1);
    mpz_init(t);
    for (i = 0; i < k; i++)
        if (mpq_sgn(v[i]) != 0 && !mpz_divisible_p(d, mpq_denref(v[i])))
            mpz_lcm(d, d, mpq_denref(v[i]));
    com = 13 + strlen(key) + mpz_sizeinbase(d, 10); /* the denominator line */
    for (i = 0; i < k; i++) {
        size_t p = mpz_sizeinbase(mpq_numref(v[i]), 10);
        size_t q = mpz_sizeinbase(mpq_denref(v[i]), 10);
        if (mpq_sgn(v[i]) == 0)
            continue;
        per += p + (mpz_cmp_ui(mpq_denref(v[i]), 1) != 0 ? 1 + q : 0);
        com += p + mpz_sizeinbase(d, 10) - q;
        nd++;
    }
    if (nd > 0 && com < per) {
        fprintf(f, "denominator %s ", key);
        mpz_out_str(f, 10, d);
        putc('\n', f);
    }
    for (i = 0; i < k; i++) {
        if (mpq_sgn(v[i]) == 0)
            continue;
        fprintf(f, "%s ", key);
        put_name(f, names[i]);
        putc(' ', f);
        if (nd > 0 && com < per) {
            mpz_divexact(t, d, mpq_denref(v[i]));
            mpz_mul(t, t, mpq_numref(v[i]));
            mpz_out_str(f, 10, t);
        } else {
            mpq_out_str(f, 10, v[i]);
        }
        putc('\n', f);
    }
    mpz_clear(d);
    mpz_clear(t);
}

fk_status cert_write_data(const char *path, const lp_model *lp,
                          const cert_data *c, fk_err *err)
{
    afile a;
    fk_status st;
    cert_status s = c->status;
    if (c->m != lp->m || c->n != lp->n)
        return fk_fail(err, FK_EINVAL, path,
                       "certificate has %ld rows, %ld cols; model %ld, %ld",
                       c->m, c->n, lp->m, lp->n);
    if ((unsigned)s > (unsigned)CERT_FEASIBLE)
        return fk_fail(err, FK_EINVAL, path, "bad certificate status %d",
                       (int)s);
    st = afile_open(&a, path, err);
    if (st != FK_OK)
        return st;
    fprintf(a.f, "farkas-certificate 2\n");
    if (c->model_file != NULL && c->model_file[0] != '\0') {
        fprintf(a.f, "model-file ");
        put_name(a.f, c->model_file);
        putc('\n', a.f);
    }
    fprintf(a.f, "model-sha256 %s\n", c->sha256);
    fprintf(a.f, "sense %s\n", c->sense == LP_MAX ? "max" : "min");
    fprintf(a.f, "status %s\n", cert_status_str(s));
    fprintf(a.f, "rows %ld\ncols %ld\n", lp->m, lp->n);
    if (c->relaxation)
        fprintf(a.f, "relaxation lp\n");
    if (s == CERT_OPTIMAL) {
        fprintf(a.f, "objective ");
        mpq_out_str(a.f, 10, c->objective);
        putc('\n', a.f);
    }
    if (s != CERT_INFEASIBLE)
        put_section(a.f, "x", lp->cname, c->x, lp->n);
    if (s == CERT_OPTIMAL || s == CERT_INFEASIBLE)
        put_section(a.f, "y", lp->rname, c->y, lp->m);
    if (s == CERT_UNBOUNDED)
        put_section(a.f, "r", lp->cname, c->r, lp->n);
    fprintf(a.f, "end\n");
    return afile_commit(&a, err);
}

/* The informational model-file field: the last path component. */
static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int cert_file_sha256(const char *path, char hex[65])
{
    FILE *f = fopen(path, "rb");
    size_t n = 0, cap = 1 << 16, got;
    unsigned char *b = NULL, *nb;
    int bad;
    hex[0] = '\0';
    if (f == NULL)
        return -1;
    /* the whole file: chk_sha256 hashes one buffer */
    if (!(b = malloc(cap))) {
        fclose(f);
        errno = ENOMEM;
        return -1;
    }
    while ((got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n < cap)
            continue;
        if (!(nb = cap <= ((size_t)-1) / 2 ? realloc(b, cap * 2) : NULL)) {
            free(b);
            fclose(f);
            errno = ENOMEM;
            return -1;
        }
        b = nb;
        cap *= 2;
    }
    bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        free(b);
        return -1;
    }
    chk_sha256(b, n, hex);
    free(b);
    return 0;
}

/* A cert_data for lp with the header filled from model_path. */
static fk_status start(cert_data **out, const char *model_path,
                       const lp_model *lp, fk_err *err)
{
    cert_data *c = cert_new(lp->m, lp->n);
    *out = NULL;
    if (c == NULL)
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    if (cert_file_sha256(model_path, c->sha256) != 0) {
        int e = errno;
        cert_free(c);
        return fk_fail(err, FK_EIO, model_path, "cannot read model: %s",
                       strerror(e));
    }
    free(c->model_file);
    c->model_file = fk_strdup(base_name(model_path));
    if (c->model_file == NULL) {
        cert_free(c);
        return fk_fail(err, FK_ENOMEM, NULL, "out of memory");
    }
    c->sense = lp->sense == LP_MAX ? LP_MAX : LP_MIN;
    c->relaxation = lp->nrelax > 0;
    *out = c;
    return FK_OK;
}

fk_status cert_write(const char *path, const char *model_path,
                     const lp_model *lp, const lp_answer *res, fk_err *err)
{
    cert_data *c;
    fk_status st;
    long j, i;
    if (res->status != LP_OPTIMAL && res->status != LP_INFEASIBLE &&
        res->status != LP_UNBOUNDED)
        return fk_fail(err, FK_EINVAL, path,
                       "no certificate for solver status '%s'",
                       lp_status_str(res->status));
    if (res->m != lp->m || res->n != lp->n)
        return fk_fail(err, FK_EINVAL, path,
                       "result is for %ld rows, %ld cols; model has %ld, %ld",
                       res->m, res->n, lp->m, lp->n);
    st = start(&c, model_path, lp, err);
    if (st != FK_OK)
        return st;
    /* The copies cost little next to writing the numbers out, and keep a
     * single writer for every kind of certificate. */
    switch (res->status) {
    case LP_OPTIMAL:
        c->status = CERT_OPTIMAL;
        mpq_set(c->objective, res->objval);
        c->has_objective = 1;
        for (j = 0; j < lp->n; j++)
            mpq_set(c->x[j], res->x[j]);
        for (i = 0; i < lp->m; i++)
            mpq_set(c->y[i], res->y[i]);
        break;
    case LP_INFEASIBLE:
        c->status = CERT_INFEASIBLE;
        for (i = 0; i < lp->m; i++)
            mpq_set(c->y[i], res->y[i]);
        break;
    default:
        c->status = CERT_UNBOUNDED;
        for (j = 0; j < lp->n; j++) {
            mpq_set(c->x[j], res->x[j]);
            mpq_set(c->r[j], res->ray[j]);
        }
        break;
    }
    st = cert_write_data(path, lp, c, err);
    cert_free(c);
    return st;
}

fk_status cert_write_feasible(const char *path, const char *model_path,
                              const lp_model *lp, mpq_t *const x,
                              fk_err *err)
{
    cert_data *c;
    fk_status st = start(&c, model_path, lp, err);
    long j;
    if (st != FK_OK)
        return st;
    c->status = CERT_FEASIBLE;
    for (j = 0; j < lp->n; j++)
        mpq_set(c->x[j], x[j]);
    st = cert_write_data(path, lp, c, err);
    cert_free(c);
    return st;
}

/* ---- reading ---------------------------------------------------------- */

/* Keys in the order the format requires them. */
enum { K_MAGIC, K_FILE, K_SHA, K_SENSE, K_STATUS, K_ROWS, K_COLS, K_RELAX,
       K_OBJ, K_X, K_Y, K_R, K_END, K_NKEYS };
static const char *const keys[K_NKEYS] = {
    "farkas-certificate", "model-file", "model-sha256", "sense", "status",
    "rows", "cols", "relaxation", "objective", "x", "y", "r", "end"};

#define MAXF 4
typedef struct {
    const char *path;
    long line;
    int nf;
    char *f[MAXF];   /* fields, NUL-terminated inside the line buffer */
    long col[MAXF];  /* 1-based columns of the fields */
    fk_err *err;
} rd;

static fk_status perr(rd *r, int field, const char *fmt, const char *arg)
{
    char where[256];
    long col = field >= 0 && field < r->nf ? r->col[field] : 1;
    snprintf(where, sizeof where, "%s:%ld:%ld", r->path, r->line, col);
    return fk_fail(r->err, FK_EPARSE, where, fmt, arg);
}

/* Split s (modified in place) at blanks and tabs.  Returns the number of
 * fields, or MAXF + 1 if there are more than MAXF. */
static int split(rd *r, char *s)
{
    char *p = s;
    int nf = 0;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0')
            break;
        if (nf == MAXF)
            return MAXF + 1;
        r->f[nf] = p;
        r->col[nf] = (long)(p - s) + 1;
        nf++;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
    }
    return nf;
}

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
}

/* Decode %XX in place.  -1 on a malformed escape or a raw byte that the
 * format says must be escaped. */
static int decode(char *s)
{
    unsigned char *p = (unsigned char *)s, *q = p;
    for (; *p; p++) {
        if (*p == '%') {
            int hi = hexval(p[1]), lo = hi < 0 ? -1 : hexval(p[2]);
            if (hi < 0 || lo < 0)
                return -1;
            *q++ = (unsigned char)(hi * 16 + lo);
            p += 2;
        } else if (*p <= 0x20 || *p >= 0x7f) {
            return -1;
        } else {
            *q++ = *p;
        }
    }
    *q = '\0';
    return 0;
}

static int all_digits(const char *s, size_t len)
{
    size_t i;
    if (len == 0)
        return 0;
    for (i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* v = the VALUE in field k: [-]digits or [-]digits/digits with a positive
 * denominator, in lowest terms if lowest (version 1; version 2 allows any
 * p/q and v is then canonicalised). */
static fk_status get_value(rd *r, int k, mpq_t v, int lowest)
{
    const char *s = r->f[k], *num = s[0] == '-' ? s + 1 : s;
    const char *slash = strchr(num, '/');
    size_t nlen = slash ? (size_t)(slash - num) : strlen(num);
    mpq_t t;
    int ok;
    if (!all_digits(num, nlen) || (slash && !all_digits(slash + 1, strlen(slash + 1))))
        return perr(r, k, "bad value '%s' (want [-]digits or [-]p/q)", s);
    if (mpq_set_str(v, s, 10) != 0)
        return perr(r, k, "bad value '%s'", s);
    if (mpz_sgn(mpq_denref(v)) == 0) {
        mpq_set_ui(v, 0, 1);
        return perr(r, k, "zero denominator in '%s'", s);
    }
    /* Lowest terms, positive denominator, and no "-0": the printed form
     * must be the canonical one. */
    mpq_init(t);
    mpq_set(t, v);
    mpq_canonicalize(t);
    ok = mpq_equal(t, v) && mpz_cmp(mpq_numref(t), mpq_numref(v)) == 0 &&
         mpz_cmp(mpq_denref(t), mpq_denref(v)) == 0 &&
         !(s[0] == '-' && mpq_sgn(t) == 0);
    if (!lowest) /* 2/4 reads as 1/2 */
        ok = !(s[0] == '-' && mpq_sgn(t) == 0);
    mpq_swap(v, t);
    mpq_clear(t);
    if (!ok)
        return perr(r, k, "value '%s' is not in lowest terms", s);
    return FK_OK;
}

static fk_status get_long(rd *r, int k, long *out)
{
    const char *s = r->f[k];
    char *end;
    long v;
    if (!all_digits(s, strlen(s)))
        return perr(r, k, "bad count '%s'", s);
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0')
        return perr(r, k, "bad count '%s'", s);
    *out = v;
    return FK_OK;
}

/* Read one line of any length into *buf.  Returns its length without the
 * line ending (a trailing CR is dropped too), or -1 at end of file. */
static long get_line(FILE *f, char **buf, size_t *cap)
{
    ssize_t k = getline(buf, cap, f);
    if (k < 0)
        return -1;
    if (k > 0 && (*buf)[k - 1] == '\n')
        (*buf)[--k] = '\0';
    if (k > 0 && (*buf)[k - 1] == '\r')
        (*buf)[--k] = '\0';
    return (long)k;
}

fk_status cert_read(cert_data **out, const char *path, const lp_model *lp,
                    fk_err *err)
{
    rd r;
    FILE *f;
    char *buf = NULL;
    size_t cap = 0;
    long len;
    int last = -1, seen[K_NKEYS] = {0};
    unsigned char *used[3] = {NULL, NULL, NULL};  /* x, y, r: names seen */
    int version = 0, common = 0; /* common: the open section's `denominator` */
    mpz_t den;
    cert_data *c = NULL;
    fk_status st = FK_OK;

    *out = NULL;
    mpz_init(den);
    r.path = path;
    r.line = 0;
    r.err = err;
    f = fopen(path, "rb");
    if (f == NULL) {
        mpz_clear(den);
        return fk_fail(err, FK_EIO, path, "cannot open certificate: %s",
                       strerror(errno));
    }
    c = cert_new(lp->m, lp->n);
    used[0] = fk_calloc((size_t)lp->n + 1, 1);
    used[1] = fk_calloc((size_t)lp->m + 1, 1);
    used[2] = fk_calloc((size_t)lp->n + 1, 1);
    if (c == NULL || !used[0] || !used[1] || !used[2]) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto cleanup;
    }

    while ((len = get_line(f, &buf, &cap)) >= 0) {
        int k, want, i, isden;
        r.line++;
        if ((long)strlen(buf) != len) {
            r.nf = 0;
            st = perr(&r, -1, "NUL byte in line%s", "");
            goto cleanup;
        }
        if (buf[0] == '#')
            continue;
        r.nf = split(&r, buf);
        if (r.nf == 0)
            continue;
        if (r.nf > MAXF) {
            r.nf = 0;
            st = perr(&r, -1, "too many fields%s", "");
            goto cleanup;
        }
        if (seen[K_END]) {
            st = perr(&r, 0, "'%s' after 'end'", r.f[0]);
            goto cleanup;
        }
        /* version 2: `denominator S D` opens section S (x, y or r) and
         * is checked in its place, as the first line of S */
        isden = version == 2 && r.nf == 3 && strcmp(r.f[0], "denominator") == 0;
        for (k = 0; k < K_NKEYS && strcmp(r.f[isden], keys[k]) != 0; k++)
            ;
        if (isden && (k < K_X || k > K_R)) {
            st = perr(&r, 1, "bad section '%s' (want x, y or r)", r.f[1]);
            goto cleanup;
        }
        if (k == K_NKEYS) {
            st = perr(&r, 0, "unknown key '%s'", r.f[0]);
            goto cleanup;
        }
        /* Order: strictly increasing for header lines, and x/y/r lines
         * grouped in that order.  No required header line may be skipped. */
        if (k < last || (k == last && (k < K_X || isden))) {
            st = perr(&r, 0, seen[k] ? "repeated '%s' line"
                                     : "'%s' line out of order", r.f[0]);
            goto cleanup;
        }
        for (i = 0; i < k && i <= K_OBJ; i++) {
            int required = i != K_FILE && i != K_RELAX && !(i == K_OBJ &&
                                            c->status != CERT_OPTIMAL);
            if (required && !seen[i]) {
                st = perr(&r, 0, "missing '%s' line before this one", keys[i]);
                goto cleanup;
            }
        }
        want = k == K_END ? 1 : k >= K_X ? 3 : 2;
        if (r.nf != want) {
            st = perr(&r, 0, want == 1 ? "'%s' takes no fields"
                             : want == 2 ? "'%s' takes one field"
                                         : "'%s' takes a name and a value",
                      r.f[0]);
            goto cleanup;
        }
        if (k != last)
            common = 0;
        seen[k] = 1;
        last = k;
        switch (k) {
        case K_MAGIC:
            version = !strcmp(r.f[1], "1") ? 1 : !strcmp(r.f[1], "2") ? 2 : 0;
            if (version == 0) {
                st = perr(&r, 1, "unsupported certificate version '%s'", r.f[1]);
                goto cleanup;
            }
            break;
        case K_FILE:
            if (decode(r.f[1]) != 0) {
                st = perr(&r, 1, "bad percent-encoding in '%s'", r.f[1]);
                goto cleanup;
            }
            free(c->model_file);
            c->model_file = fk_strdup(r.f[1]);
            if (c->model_file == NULL) {
                st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
                goto cleanup;
            }
            break;
        case K_SHA:
            for (i = 0; r.f[1][i]; i++)
                if (!((r.f[1][i] >= '0' && r.f[1][i] <= '9') ||
                      (r.f[1][i] >= 'a' && r.f[1][i] <= 'f')))
                    break;
            if (i != 64 || r.f[1][i] != '\0') {
                st = perr(&r, 1, "model-sha256 '%s' is not 64 lower-case hex digits",
                          r.f[1]);
                goto cleanup;
            }
            memcpy(c->sha256, r.f[1], 65);
            break;
        case K_SENSE:
            if (strcmp(r.f[1], "min") == 0)
                c->sense = LP_MIN;
            else if (strcmp(r.f[1], "max") == 0)
                c->sense = LP_MAX;
            else {
                st = perr(&r, 1, "sense '%s' is not min or max", r.f[1]);
                goto cleanup;
            }
            break;
        case K_STATUS:
            for (i = 0; i < 4 && strcmp(r.f[1], status_names[i]) != 0; i++)
                ;
            if (i == 4) {
                st = perr(&r, 1, "unknown status '%s'", r.f[1]);
                goto cleanup;
            }
            c->status = (cert_status)i;
            break;
        case K_ROWS:
        case K_COLS: {
            long v = 0, want_v = k == K_ROWS ? lp->m : lp->n;
            if ((st = get_long(&r, 1, &v)) != FK_OK)
                goto cleanup;
            if (v != want_v) {
                char msg[96];
                snprintf(msg, sizeof msg, "%ld but the model has %ld", v, want_v);
                st = perr(&r, 1, k == K_ROWS ? "rows %s" : "cols %s", msg);
                goto cleanup;
            }
            break;
        }
        case K_RELAX:
            if (strcmp(r.f[1], "lp") != 0) {
                st = perr(&r, 1, "relaxation '%s' is not 'lp'", r.f[1]);
                goto cleanup;
            }
            c->relaxation = 1;
            break;
        case K_OBJ:
            if (c->status != CERT_OPTIMAL) {
                st = perr(&r, 0, "'objective' with status %s",
                          cert_status_str(c->status));
                goto cleanup;
            }
            if ((st = get_value(&r, 1, c->objective, version == 1)) != FK_OK)
                goto cleanup;
            c->has_objective = 1;
            break;
        case K_X:
        case K_Y:
        case K_R: {
            int sec = k - K_X;
            int isrow = k == K_Y;
            int allowed = k == K_X ? c->status != CERT_INFEASIBLE
                        : k == K_Y ? c->status == CERT_OPTIMAL ||
                                         c->status == CERT_INFEASIBLE
                                   : c->status == CERT_UNBOUNDED;
            long idx;
            mpq_t *vec = k == K_X ? c->x : k == K_Y ? c->y : c->r;
            if (!allowed) {
                st = perr(&r, isden, "'%s' lines do not belong to this status",
                          r.f[isden]);
                goto cleanup;
            }
            if (isden) {
                if (!all_digits(r.f[2], strlen(r.f[2])) || r.f[2][0] == '0') {
                    st = perr(&r, 2, "bad denominator '%s' (want a positive integer)", r.f[2]);
                    goto cleanup;
                }
                mpz_set_str(den, r.f[2], 10);
                common = 1;
                break;
            }
            if (decode(r.f[1]) != 0) {
                st = perr(&r, 1, "bad percent-encoding in name '%s'", r.f[1]);
                goto cleanup;
            }
            idx = isrow ? lp_find_row(lp, r.f[1]) : lp_find_col(lp, r.f[1]);
            if (idx < 0) {
                st = perr(&r, 1, isrow ? "the model has no row '%s'"
                                       : "the model has no column '%s'",
                          r.f[1]);
                goto cleanup;
            }
            if (used[sec][idx]) {
                st = perr(&r, 1, "name '%s' listed twice", r.f[1]);
                goto cleanup;
            }
            used[sec][idx] = 1;
            if ((st = get_value(&r, 2, vec[idx], version == 1)) != FK_OK)
                goto cleanup;
            if (common && strchr(r.f[2], '/')) {
                st = perr(&r, 2, "value '%s' is not an integer numerator (the section has a denominator line)",
                          r.f[2]);
                goto cleanup;
            }
            if (common) {
                mpz_set(mpq_denref(vec[idx]), den);
                mpq_canonicalize(vec[idx]);
            }
            break;
        }
        default: /* K_END */
            break;
        }
    }
    if (ferror(f)) {
        st = fk_fail(err, FK_EIO, path, "read error: %s", strerror(errno));
        goto cleanup;
    }
    if (!seen[K_END]) {
        char where[256];
        snprintf(where, sizeof where, "%s:%ld:1", path, r.line + 1);
        st = fk_fail(err, FK_EPARSE, where,
                     "missing 'end' (truncated certificate?)");
        goto cleanup;
    }
    if (c->status == CERT_OPTIMAL && !c->has_objective) {
        st = fk_fail(err, FK_EPARSE, path, "status optimal needs an 'objective' line");
        goto cleanup;
    }

cleanup:
    mpz_clear(den);
    free(used[0]);
    free(used[1]);
    free(used[2]);
    free(buf);
    fclose(f);
    if (st != FK_OK)
        cert_free(c);
    else
        *out = c;
    return st;
}
