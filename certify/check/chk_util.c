/* chk_util.c: file reading, errors, the model store, names and numbers of
 * the independent checker.  Intended duplication of what exact/ does (see
 * chk.h): written separately so that the two readings cross-check. */
#include "chk_int.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int chk_err(const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    if (line > 0)
        fprintf(stderr, "%s:%ld:%ld: ", file, line, col);
    else
        fprintf(stderr, "%s: ", file);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 2;
}

void *chk_alloc(void *p, size_t n, size_t size)
{
    void *q = (n && size > ((size_t)-1) / n) ? NULL : realloc(p, n * size + 1);
    if (!q) {
        fputs("farkas-check: out of memory\n", stderr);
        abort();
    }
    return q;
}

int chk_read_text(chk_text *t, const char *file)
{
    FILE *f = fopen(file, "rb");
    size_t cap = 1 << 16, got;
    t->file = file;
    t->buf = NULL;
    t->len = 0;
    if (!f)
        return chk_err(file, 0, 0, "cannot open: %s", strerror(errno));
    t->buf = chk_alloc(NULL, cap, 1);
    while ((got = fread(t->buf + t->len, 1, cap - t->len, f)) > 0) {
        t->len += got;
        if (t->len == cap)
            t->buf = chk_alloc(t->buf, cap *= 2, 1);
    }
    t->buf[t->len] = '\0';
    if (ferror(f)) {
        fclose(f);
        return chk_err(file, 0, 0, "read error");
    }
    fclose(f);
    /* A NUL byte would silently cut a line short: refuse the file. */
    if (strlen(t->buf) != t->len) {
        const char *p = t->buf, *nl = t->buf;
        long line = 1;
        for (; p < t->buf + strlen(t->buf); p++)
            if (*p == '\n')
                line++, nl = p + 1;
        return chk_err(file, line, (long)(p - nl) + 1, "NUL byte in file");
    }
    return 0;
}

int chk_split(char *s, chk_tok *tk, int max)
{
    char *line = s;
    int n = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\r')
            *s++ = '\0';
        if (!*s)
            return n;
        tk[n].s = s;
        tk[n].col = (long)(s - line) + 1;
        if (n++ == max)
            return n;
        while (*s && *s != ' ' && *s != '\t' && *s != '\r')
            s++;
    }
}

/* ---- names ---- */

static size_t hash(const char *s, size_t len)
{
    size_t h = 14695981039346656037u; /* FNV-1a */
    while (len--)
        h = (h ^ (unsigned char)*s++) * 1099511628211u;
    return h;
}

static chk_slot *slot(const chk_names *t, const char *s, size_t len)
{
    size_t i = hash(s, len) & (t->cap - 1);
    while (t->s[i].key && !(strncmp(t->s[i].key, s, len) == 0 &&
                             t->s[i].key[len] == '\0'))
        i = (i + 1) & (t->cap - 1);
    return &t->s[i];
}

long chk_names_find(const chk_names *t, const char *s, size_t len)
{
    chk_slot *e;
    if (!t->cap)
        return LONG_MIN;
    e = slot(t, s, len);
    return e->key ? e->idx : LONG_MIN;
}

int chk_names_add(chk_names *t, const char *s, size_t len, long idx,
                  const char **key)
{
    chk_slot *e;
    size_t i;
    if (2 * (t->n + 1) > t->cap) { /* keep the load under 1/2 */
        chk_names old = *t;
        t->cap = old.cap ? 2 * old.cap : 64;
        t->s = calloc(t->cap, sizeof *t->s);
        if (!t->s)
            chk_alloc(NULL, (size_t)-1, 2); /* reports OOM */
        for (i = 0; i < old.cap; i++)
            if (old.s[i].key)
                *slot(t, old.s[i].key, strlen(old.s[i].key)) = old.s[i];
        free(old.s);
    }
    e = slot(t, s, len);
    if (e->key)
        return -1;
    e->key = chk_alloc(NULL, len + 1, 1);
    memcpy(e->key, s, len);
    e->key[len] = '\0';
    e->idx = idx;
    t->n++;
    if (key)
        *key = e->key;
    return 0;
}

static void names_clear(chk_names *t)
{
    size_t i;
    for (i = 0; i < t->cap; i++)
        free(t->s[i].key);
    free(t->s);
    t->s = NULL;
    t->cap = t->n = 0;
}

/* ---- the model ---- */

void chk_model_init(chk_model *md)
{
    memset(md, 0, sizeof *md);
    md->sense = 1;
    mpq_init(md->c0);
}

void chk_vec_free(mpq_t *v, long n)
{
    long k;
    for (k = 0; k < n; k++)
        mpq_clear(v[k]);
    free(v);
}

void chk_model_clear(chk_model *md)
{
    chk_vec_free(md->rlo, md->ralloc);
    chk_vec_free(md->rhi, md->ralloc);
    chk_vec_free(md->c, md->calloc_);
    chk_vec_free(md->clo, md->calloc_);
    chk_vec_free(md->chi, md->calloc_);
    chk_vec_free(md->tv, md->talloc);
    free(md->rname), free(md->cname), free(md->ti), free(md->tj);
    free(md->rlo_fin), free(md->rhi_fin), free(md->clo_fin), free(md->chi_fin);
    mpq_clear(md->c0);
    names_clear(&md->rows);
    names_clear(&md->cols);
    memset(md, 0, sizeof *md);
}

/* Grow an array of mpq_t from old to n entries, initialising the new ones.
 * Moving initialised mpq_t with realloc is safe: GMP keeps no pointers
 * back to the struct. */
static mpq_t *grow_q(mpq_t *v, long old, long n)
{
    v = chk_alloc(v, (size_t)n, sizeof *v);
    for (; old < n; old++)
        mpq_init(v[old]);
    return v;
}

mpq_t *chk_vec(long n) { return grow_q(NULL, 0, n); }

chk_frac *chk_fracs(long n)
{
    chk_frac *v = chk_alloc(NULL, (size_t)n, sizeof *v);
    long k;
    for (k = 0; k < n; k++)
        mpz_init(v[k].n), mpz_init_set_ui(v[k].e, 1);
    return v;
}

void chk_fracs_free(chk_frac *v, long n)
{
    long k;
    for (k = 0; k < n; k++)
        mpz_clear(v[k].n), mpz_clear(v[k].e);
    free(v);
}

long chk_add_row(chk_model *md, const char *name, size_t len)
{
    long i = md->m, a = md->ralloc;
    const char *key;
    if (chk_names_add(&md->rows, name, len, i, &key) < 0)
        return -1;
    if (i == a) {
        a = a ? 2 * a : 16;
        md->rname = chk_alloc(md->rname, (size_t)a, sizeof *md->rname);
        md->rlo_fin = chk_alloc(md->rlo_fin, (size_t)a, 1);
        md->rhi_fin = chk_alloc(md->rhi_fin, (size_t)a, 1);
        md->rlo = grow_q(md->rlo, md->ralloc, a);
        md->rhi = grow_q(md->rhi, md->ralloc, a);
        md->ralloc = a;
    }
    md->rname[i] = key;
    md->rlo_fin[i] = md->rhi_fin[i] = 0;
    return md->m++;
}

long chk_add_col(chk_model *md, const char *name, size_t len)
{
    long j = md->n, a = md->calloc_;
    const char *key;
    if (chk_names_add(&md->cols, name, len, j, &key) < 0)
        return -1;
    if (j == a) {
        a = a ? 2 * a : 16;
        md->cname = chk_alloc(md->cname, (size_t)a, sizeof *md->cname);
        md->clo_fin = chk_alloc(md->clo_fin, (size_t)a, 1);
        md->chi_fin = chk_alloc(md->chi_fin, (size_t)a, 1);
        md->c = grow_q(md->c, md->calloc_, a);
        md->clo = grow_q(md->clo, md->calloc_, a);
        md->chi = grow_q(md->chi, md->calloc_, a);
        md->calloc_ = a;
    }
    md->cname[j] = key;
    md->clo_fin[j] = 1; /* [0, +inf): clo[j] is already 0 */
    md->chi_fin[j] = 0;
    return md->n++;
}

void chk_add_coef(chk_model *md, long i, long j, const mpq_t v)
{
    long t = md->nnz, a = md->talloc;
    if (t == a) {
        a = a ? 2 * a : 64;
        md->ti = chk_alloc(md->ti, (size_t)a, sizeof *md->ti);
        md->tj = chk_alloc(md->tj, (size_t)a, sizeof *md->tj);
        md->tv = grow_q(md->tv, md->talloc, a);
        md->talloc = a;
    }
    md->ti[t] = i;
    md->tj[t] = j;
    mpq_set(md->tv[t], v);
    md->nnz++;
}

/* ---- numbers: [+-]digits[.[digits]][exp], [+-].digits[exp], [+-]digits/digits ---- */

#define MAX_EXP 100000L
#define MAX_DIGITS 1000000L

size_t chk_digits(const char *s)
{
    size_t k = 0;
    while (s[k] >= '0' && s[k] <= '9')
        k++;
    return k;
}

size_t chk_numlen(const char *s)
{
    size_t p = (*s == '+' || *s == '-'), ni = chk_digits(s + p), nf = 0, ne;
    p += ni;
    if (ni && s[p] == '/' && chk_digits(s + p + 1))
        return p + 1 + chk_digits(s + p + 1);
    if (s[p] == '.') {
        nf = chk_digits(s + p + 1);
        if (ni + nf)
            p += 1 + nf;
    }
    if (ni + nf == 0)
        return 0;
    if (s[p] == 'e' || s[p] == 'E') {
        size_t q = p + 1 + (s[p + 1] == '+' || s[p + 1] == '-');
        if ((ne = chk_digits(s + q)) > 0)
            p = q + ne;
    }
    return p;
}

/* z = the decimal digits s[0..n) (n may be 0: z = 0). */
static void set_digits(mpz_t z, const char *s, size_t n)
{
    char *tmp = chk_alloc(NULL, n + 1, 1);
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    if (n)
        mpz_set_str(z, tmp, 10);
    else
        mpz_set_ui(z, 0);
    free(tmp);
}

/* *w = the digits a[0..na) then b[0..nb) as one integer; 0 if that overflows */
static int word(unsigned long *w, const char *a, size_t na, const char *b, size_t nb)
{
    size_t k;
    for (*w = 0, k = 0; k < na + nb && *w <= (ULONG_MAX - 9) / 10; k++)
        *w = *w * 10 + (unsigned long)((k < na ? a[k] : b[k - na]) - '0');
    return k == na + nb;
}

int chk_num(mpq_t q, const char *s, size_t len)
{
    size_t p = (*s == '+' || *s == '-'), i0 = p, ni, nf = 0, f0 = 0;
    long e = 0, x;
    unsigned long m, w;
    int neg = *s == '-';
    mpz_t t;
    if (len == 0 || chk_numlen(s) != len)
        return -1;
    ni = chk_digits(s + p);
    p += ni;
    if (s[p] == '/') {
        if (ni > MAX_DIGITS || len - p - 1 > MAX_DIGITS)
            return -1;
        set_digits(mpq_numref(q), s + i0, ni);
        set_digits(mpq_denref(q), s + p + 1, len - p - 1);
        if (mpz_sgn(mpq_denref(q)) == 0) {
            mpq_set_ui(q, 0, 1);
            return -1;
        }
    } else {
        if (s[p] == '.')
            f0 = p + 1, nf = chk_digits(s + f0), p = f0 + nf;
        if (p < len) { /* exponent: at most 6 digits are read */
            size_t k = p + 1 + (s[p + 1] == '+' || s[p + 1] == '-');
            while (k + 1 < len && s[k] == '0')
                k++;
            if (len - k > 6)
                return -1;
            for (; k < len; k++)
                e = 10 * e + (s[k] - '0');
            if (s[p + 1] == '-')
                e = -e;
        }
        if (e > MAX_EXP || e < -MAX_EXP || ni + nf > MAX_DIGITS)
            return -1;
        /* value = (int digits . frac digits) * 10^e = mantissa * 10^(e - nf);
         * most model numbers fit a machine word, and then so does 10^|e - nf| */
        e -= (long)nf;
        for (x = e < 0 ? -e : e, w = 1; x > 0 && w <= ULONG_MAX / 10; x--)
            w *= 10;
        if (x == 0 && word(&m, s + i0, ni, s + f0, nf) && (e <= 0 || m <= ULONG_MAX / w)) {
            mpq_set_ui(q, e <= 0 ? m : m * w, e <= 0 ? w : 1);
            goto done;
        }
        mpz_init(t);
        set_digits(mpq_numref(q), s + i0, ni);
        set_digits(t, s + f0, nf);
        mpz_ui_pow_ui(mpq_denref(q), 10, (unsigned long)nf);
        mpz_mul(mpq_numref(q), mpq_numref(q), mpq_denref(q));
        mpz_add(mpq_numref(q), mpq_numref(q), t);
        mpz_ui_pow_ui(t, 10, (unsigned long)(e < 0 ? -e : e));
        mpz_set_ui(mpq_denref(q), 1);
        if (e < 0)
            mpz_set(mpq_denref(q), t);
        else
            mpz_mul(mpq_numref(q), mpq_numref(q), t);
        mpz_clear(t);
    }
done:
    mpq_canonicalize(q);
    if (neg)
        mpq_neg(q, q);
    return 0;
}
