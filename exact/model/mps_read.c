/* mps_read.c: the solver's MPS reader (docs/model-formats.md, "MPS").
 *
 * The file is read whole; each line is split in place into at most
 * MAX_FIELDS NUL-terminated fields, so names and numbers need no
 * allocation of their own.  Rows are looked up with lp_find_row; N rows
 * (the objective and the dropped extra ones) live in a small hash set of
 * their own, since they are not rows of the model.  Right-hand sides and
 * ranges are collected per row and turned into [lo, hi] at ENDATA, where
 * every rule of the spec is applied in one place.
 *
 * Fixed or free (docs/model-formats.md, "Fixed or free"): a first pass
 * over the lines decides once for the whole file.  If every data line
 * keeps to the fixed layout (blanks between the six fields of columns
 * 2-3, 5-12, 15-22, 25-36, 40-47, 50-61, nothing after 61, no tab), the
 * fields are cut at those columns, so names may hold blanks and an empty
 * name field in COLUMNS means the column of the line before; otherwise
 * they are split at white space.  A file that fits both layouts reads the
 * same either way unless a field holds a blank or is empty, and then only
 * the fixed reading is what the layout says.
 *
 * Integrality (MARKER lines, BV LI UI SC bounds) is refused unless the
 * caller passed LPIO_RELAX; then it is dropped, the columns it concerned
 * are counted in lp->nrelax, and the model is the LP relaxation. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp_io.h"
#include "rat.h"

#define MAX_FIELDS 7

/* The fixed layout: first and last column (1-based) of fields 1..6. */
static const int FIX_LO[6] = {2, 5, 15, 25, 40, 50};
static const int FIX_HI[6] = {3, 12, 22, 36, 47, 61};

enum { S_NONE, S_NAME, S_OBJSENSE, S_ROWS, S_COLUMNS, S_RHS, S_RANGES,
       S_BOUNDS, S_ENDATA };
static const char *const sec_name[] = {"", "NAME", "OBJSENSE", "ROWS",
                                       "COLUMNS", "RHS", "RANGES", "BOUNDS",
                                       "ENDATA"};

typedef struct {
    char *s;
    size_t n;
    long col;
} field;

/* Names of the N rows: index 0 is the objective, the others are dropped. */
typedef struct {
    char **name;  /* pointers into the file buffer */
    long n, alloc;
    long *slot;   /* open addressing: index+1, 0 = empty */
    size_t nslot; /* power of two */
} nset;

typedef struct {
    const char *path;
    fk_err *err;
    lp_model *lp;
    long line;
    field f[MAX_FIELDS];
    int nf;
    long extra_col;      /* column of a field beyond MAX_FIELDS, or 0 */

    int sec;             /* current section */
    long sense_line;     /* line of an OBJSENSE header still owing a sense */
    int sense_set;
    char *rtype;         /* 'E' 'L' 'G' per model row */
    long rtype_alloc;
    nset ns;

    /* from COLUMNS on (m is fixed by then) */
    long m;
    long *mark;          /* mark[i] = j+1: entry (i, j) seen */
    long *nmark;         /* per N row: column+1 of its last COLUMNS entry */
    unsigned char *nrhs; /* per N row: RHS entry seen */
    mpq_t *rhs, *rng;    /* m each, initialised */
    unsigned char *has_rhs, *has_rng;
    long cur;            /* current column, -1 before the first */
    int have_rhs_arrays;

    char *rhs_set, *rng_set, *bnd_set; /* the one set name of each section */
    unsigned char *lo_set;             /* per column: lower bound given */
    long lo_set_alloc;
    int flags;           /* LPIO_RELAX */
    int fixed;           /* cut data lines at the fixed columns */
    int in_int;          /* between MARKER INTORG and INTEND */
    mpq_t v;
} mps;

/* lo_set bits besides 1 (lower bound given) */
#define COL_RELAXED 2 /* integrality of this column dropped */
#define COL_SEMI 4    /* SC bound: relaxed to [min(l, 0), u] at ENDATA */

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211u;
    return h;
}

/* Index of name in the N-row set, or -1. */
static long nset_find(const nset *ns, const char *name)
{
    size_t k;
    if (ns->nslot == 0)
        return -1;
    for (k = hash_str(name) & (ns->nslot - 1); ns->slot[k];
         k = (k + 1) & (ns->nslot - 1))
        if (strcmp(ns->name[ns->slot[k] - 1], name) == 0)
            return ns->slot[k] - 1;
    return -1;
}

static int nset_add(nset *ns, char *name)
{
    size_t k;
    if ((size_t)(ns->n + 1) * 2 > ns->nslot) {
        size_t nn = ns->nslot ? ns->nslot * 2 : 16, i;
        long *slot = fk_calloc(nn, sizeof *slot);
        if (slot == NULL)
            return -1;
        for (i = 0; i < ns->nslot; i++)
            if (ns->slot[i]) {
                for (k = hash_str(ns->name[ns->slot[i] - 1]) & (nn - 1);
                     slot[k]; k = (k + 1) & (nn - 1))
                    ;
                slot[k] = ns->slot[i];
            }
        free(ns->slot);
        ns->slot = slot;
        ns->nslot = nn;
    }
    if (ns->n == ns->alloc) {
        long na = ns->alloc ? ns->alloc * 2 : 8;
        char **nm = fk_realloc(ns->name, (size_t)na, sizeof *nm);
        if (nm == NULL)
            return -1;
        ns->name = nm;
        ns->alloc = na;
    }
    ns->name[ns->n++] = name;
    for (k = hash_str(name) & (ns->nslot - 1); ns->slot[k];
         k = (k + 1) & (ns->nslot - 1))
        ;
    ns->slot[k] = ns->n;
    return 0;
}

static fk_status fail_at(mps *p, long col, fk_status code, const char *fmt,
                         const char *arg)
{
    return lpio_fail(p->err, code, p->path, p->line, col, fmt, arg);
}

#define SHOW(buf, fld) lpio_show(buf, (fld).s, (fld).n)

static fk_status check_name(mps *p, const field *fl)
{
    char b[48];
    if (fl->n > LPIO_MAX_NAME)
        return lpio_fail(p->err, FK_ELIMIT, p->path, p->line, fl->col,
                         "name '%s' too long (%zu characters, at most %d)",
                         SHOW(b, *fl), fl->n, LPIO_MAX_NAME);
    return FK_OK;
}

/* A number; Fortran's exponent letter D (1.5D3) is read as E.  The
 * field is edited in place and restored if it is no number either way. */
static fk_status number(mps *p, mpq_t r, const field *fl)
{
    char *d = strpbrk(fl->s, "dD");
    if (d != NULL) {
        char c = *d;
        *d = 'E';
        if (rat_set_str(r, fl->s, fl->n, NULL) == RAT_OK)
            return FK_OK;
        *d = c;
    }
    return lpio_number(r, fl->s, fl->n, p->path, p->line, fl->col, p->err);
}

/* Integrality met: an error naming --relax, or (LPIO_RELAX) dropped and
 * column j (if >= 0) counted once in lp->nrelax. */
static fk_status relax(mps *p, long col, long j, const char *what)
{
    if (!(p->flags & LPIO_RELAX))
        return lpio_fail(p->err, FK_EPARSE, p->path, p->line, col,
                         "%s: this is a mixed-integer program and farkas "
                         "solves LPs (--relax solves its LP relaxation)",
                         what);
    if (j >= 0 && !(p->lo_set[j] & COL_RELAXED)) {
        p->lo_set[j] |= COL_RELAXED;
        p->lp->nrelax++;
    }
    return FK_OK;
}

static int is_number_like(const field *fl)
{
    mpq_t t;
    int ok;
    mpq_init(t);
    ok = rat_set_str(t, fl->s, fl->n, NULL) == RAT_OK;
    mpq_clear(t);
    return ok;
}

/* Row of a name given in COLUMNS/RHS/RANGES: >= 0 a model row, -2 - k
 * the N row k of p->ns (k = 0: the objective); -1 with err filled if
 * undeclared. */
static long find_row(mps *p, const field *fl)
{
    char b[48];
    long i = lp_find_row(p->lp, fl->s);
    if (i >= 0)
        return i;
    i = nset_find(&p->ns, fl->s);
    if (i >= 0)
        return -2 - i;
    fail_at(p, fl->col, FK_EPARSE, "row '%s' not declared in ROWS",
            SHOW(b, *fl));
    return -1;
}

/* Remember the one set name allowed per section; fl NULL is a line
 * without a set name, which belongs to the set "" (so mixing lines with
 * and without a set name is an error, as docs/model-formats.md decides). */
static fk_status set_name(mps *p, char **slot, const field *fl)
{
    char b[48], b2[48], msg[200];
    char *name = fl ? fl->s : "";
    fk_status st;
    if (fl && (st = check_name(p, fl)) != FK_OK)
        return st;
    if (*slot == NULL) {
        *slot = name;
        return FK_OK;
    }
    if (strcmp(*slot, name) == 0)
        return FK_OK;
    if (fl == NULL)
        snprintf(msg, sizeof msg,
                 "%s line without a set name after set '%s' (only one set "
                 "is allowed)",
                 sec_name[p->sec], lpio_show(b2, *slot, strlen(*slot)));
    else
        snprintf(msg, sizeof msg,
                 "second %s set '%s' (only one set is allowed)",
                 sec_name[p->sec], SHOW(b, *fl));
    return lpio_fail(p->err, FK_EPARSE, p->path, p->line,
                     fl ? fl->col : p->f[0].col, "%s", msg);
}

static int blank(int c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Check the characters of line s[0..n). */
static fk_status check_chars(mps *p, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && !blank(c)) || c == 0x7f)
            return lpio_fail(p->err, FK_EPARSE, p->path, p->line,
                             (long)i + 1, "invalid character 0x%02X", c);
    }
    return FK_OK;
}

/* Add field s[a..b) (b > a) to p->f; -1 if there are too many. */
static int add_field(mps *p, char *s, size_t a, size_t b)
{
    if (p->nf == MAX_FIELDS) {
        p->extra_col = (long)a + 1;
        return -1;
    }
    p->f[p->nf].s = s + a;
    p->f[p->nf].n = b - a;
    p->f[p->nf].col = (long)a + 1;
    p->nf++;
    return 0;
}

/* Split a free line s[0..n) at white space.  In a data line a field that
 * starts with '$' after the first two ends the line (a comment). */
static void split_free(mps *p, char *s, size_t n)
{
    size_t i = 0, a;
    int data = n > 0 && blank((unsigned char)s[0]);
    while (i < n) {
        if (blank((unsigned char)s[i])) {
            s[i++] = '\0';
            continue;
        }
        if (data && p->nf >= 2 && s[i] == '$')
            break;
        for (a = i; i < n && !blank((unsigned char)s[i]); i++)
            ;
        if (add_field(p, s, a, i) != 0)
            break;
    }
}

/* Cut a fixed data line s[0..n) at the columns of FIX_LO/FIX_HI, trim
 * each field's blanks, and keep the non-empty ones.  A field 3 or 5 that
 * starts with '$' ends the line.  In COLUMNS an empty field 2 means the
 * column of the line before (its name is substituted), unless the line
 * holds nothing else (then it is blank). */
static fk_status split_fixed(mps *p, char *s, size_t n)
{
    size_t a[6], b[6];
    int k;
    for (k = 0; k < 6; k++) {
        a[k] = (size_t)FIX_LO[k] - 1;
        b[k] = (size_t)FIX_HI[k] < n ? (size_t)FIX_HI[k] : n;
        while (a[k] < b[k] && blank((unsigned char)s[a[k]]))
            a[k]++;
        while (b[k] > a[k] && blank((unsigned char)s[b[k] - 1]))
            b[k]--;
        if ((k == 2 || k == 4) && a[k] < b[k] && s[a[k]] == '$')
            break;
    }
    for (; k < 6; k++)
        a[k] = b[k] = 0;
    for (k = 0; k < 6; k++)
        if (a[k] < b[k])
            s[b[k]] = '\0';
    for (k = 0; k < 6; k++) {
        if (k == 1 && a[1] == b[1] && p->sec == S_COLUMNS &&
            (a[0] < b[0] || a[2] < b[2] || a[3] < b[3] || a[4] < b[4] ||
             a[5] < b[5])) {
            if (p->cur < 0)
                return lpio_fail(p->err, FK_EPARSE, p->path, p->line, 5,
                                 "empty column name and no column before");
            p->f[p->nf].s = p->lp->cname[p->cur];
            p->f[p->nf].n = strlen(p->lp->cname[p->cur]);
            p->f[p->nf].col = 5;
            p->nf++;
        } else if (a[k] < b[k]) {
            add_field(p, s, a[k], b[k]);
        }
    }
    return FK_OK;
}

/* Split line s[0..n) into fields (s[n] becomes NUL). */
static fk_status split(mps *p, char *s, size_t n)
{
    fk_status st = check_chars(p, s, n);
    p->nf = 0;
    p->extra_col = 0;
    if (st != FK_OK)
        return st;
    s[n] = '\0'; /* n is the newline (or the buffer's NUL) */
    if (p->fixed && n > 0 && blank((unsigned char)s[0]) && p->sec != S_OBJSENSE)
        return split_fixed(p, s, n);
    split_free(p, s, n);
    return FK_OK;
}

/* Does data line s[0..n) keep to the fixed layout? */
static int fits_fixed(const char *s, size_t n)
{
    size_t i;
    int k = 0, seen = 0;
    for (i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        while (k < 6 && (long)i + 1 > FIX_HI[k])
            k++, seen = 0;
        if (c == '\t')
            return 0;
        if (c == ' ' || c == '\r')
            continue;
        if (k == 6 || (long)i + 1 < FIX_LO[k])
            return 0;
        if ((k == 2 || k == 4) && c == '$' && !seen)
            return 1; /* a comment runs to the end of the line */
        seen = 1;
    }
    return 1;
}

/* The first pass: fixed iff every data line before ENDATA fits. */
static int file_is_fixed(const char *buf, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        const char *s = buf + pos, *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + 1;
        if (n == 0 || s[0] == '*')
            continue;
        if (!blank((unsigned char)s[0])) {
            if (n >= 6 && memcmp(s, "ENDATA", 6) == 0)
                break;
            continue;
        }
        if (!fits_fixed(s, n))
            return 0;
    }
    return 1;
}

static fk_status unexpected(mps *p, int k)
{
    char b[48];
    return fail_at(p, p->f[k].col, FK_EPARSE, "unexpected field '%s'",
                   SHOW(b, p->f[k]));
}

static fk_status too_few(mps *p, const char *what)
{
    return lpio_fail(p->err, FK_EPARSE, p->path, p->line, p->f[0].col,
                     "too few fields in %s line", what);
}

static fk_status grow_rtype(mps *p)
{
    if (p->lp->m >= p->rtype_alloc) {
        long na = p->rtype_alloc ? p->rtype_alloc * 2 : 64;
        char *t = fk_realloc(p->rtype, (size_t)na, 1);
        if (t == NULL)
            return fk_fail(p->err, FK_ENOMEM, NULL, "out of memory");
        p->rtype = t;
        p->rtype_alloc = na;
    }
    return FK_OK;
}

static fk_status do_rows(mps *p)
{
    char b[48];
    field *t = &p->f[0], *nm = &p->f[1];
    fk_status st;
    long idx;
    char ty;
    if (p->nf < 2)
        return too_few(p, "ROWS");
    if (p->nf > 2)
        return unexpected(p, 2);
    if (t->n != 1 || strchr("NELG", t->s[0]) == NULL)
        return fail_at(p, t->col, FK_EPARSE, "unknown row type '%s'",
                       SHOW(b, *t));
    if ((st = check_name(p, nm)) != FK_OK)
        return st;
    ty = t->s[0];
    if (lp_find_row(p->lp, nm->s) >= 0 || nset_find(&p->ns, nm->s) >= 0)
        return fail_at(p, nm->col, FK_EPARSE, "duplicate row name '%s'",
                       SHOW(b, *nm));
    if (ty == 'N') {
        if (nset_add(&p->ns, nm->s) != 0)
            return fk_fail(p->err, FK_ENOMEM, NULL, "out of memory");
        if (p->ns.n == 1 &&
            (st = lp_set_objname(p->lp, nm->s, p->err)) != FK_OK)
            return st;
        return FK_OK;
    }
    if ((st = grow_rtype(p)) != FK_OK)
        return st;
    if ((st = lp_add_row(p->lp, nm->s, &idx, p->err)) != FK_OK)
        return st;
    p->rtype[idx] = ty;
    return FK_OK;
}

/* Entering COLUMNS: the rows are final, size the per-row arrays. */
static fk_status start_columns(mps *p)
{
    long i;
    p->m = p->lp->m;
    p->mark = fk_calloc((size_t)p->m, sizeof *p->mark);
    p->rhs = fk_calloc((size_t)p->m, sizeof *p->rhs);
    p->rng = fk_calloc((size_t)p->m, sizeof *p->rng);
    p->has_rhs = fk_calloc((size_t)p->m, 1);
    p->has_rng = fk_calloc((size_t)p->m, 1);
    p->nmark = fk_calloc((size_t)p->ns.n, sizeof *p->nmark);
    p->nrhs = fk_calloc((size_t)p->ns.n, 1);
    if (!p->mark || !p->rhs || !p->rng || !p->has_rhs || !p->has_rng ||
        !p->nmark || !p->nrhs)
        return fk_fail(p->err, FK_ENOMEM, NULL, "out of memory");
    for (i = 0; i < p->m; i++) {
        mpq_init(p->rhs[i]);
        mpq_init(p->rng[i]);
    }
    p->have_rhs_arrays = 1;
    p->cur = -1;
    return FK_OK;
}

static fk_status do_columns(mps *p)
{
    char b[48];
    fk_status st;
    int k;
    for (k = 0; k < p->nf; k++)
        if (strcmp(p->f[k].s, "'MARKER'") == 0) {
            int org = p->nf == 3 && k == 1 &&
                      strcmp(p->f[2].s, "'INTORG'") == 0,
                end = p->nf == 3 && k == 1 &&
                      strcmp(p->f[2].s, "'INTEND'") == 0;
            if ((st = relax(p, p->f[k].col, -1, "integer MARKER")) != FK_OK)
                return st;
            if (!(org && !p->in_int) && !(end && p->in_int))
                return fail_at(p, p->f[0].col, FK_EPARSE, "%s",
                               p->nf != 3 || k != 1 || !(org || end)
                                   ? "bad MARKER line (want: name 'MARKER' "
                                     "'INTORG' or 'INTEND')"
                                   : org ? "'INTORG' inside an integer block"
                                         : "'INTEND' without 'INTORG'");
            p->in_int = org;
            return FK_OK;
        }
    if (p->nf < 3 || p->nf == 4)
        return too_few(p, "COLUMNS");
    if (p->nf > 5)
        return unexpected(p, 5);
    if ((st = check_name(p, &p->f[0])) != FK_OK)
        return st;
    if (p->cur < 0 || strcmp(p->lp->cname[p->cur], p->f[0].s) != 0) {
        long j;
        if (lp_find_col(p->lp, p->f[0].s) >= 0)
            return fail_at(p, p->f[0].col, FK_EPARSE,
                           "entries of column '%s' are split into two "
                           "blocks",
                           SHOW(b, p->f[0]));
        if ((st = lp_add_col(p->lp, p->f[0].s, &j, p->err)) != FK_OK)
            return st;
        if ((st = lpio_grow_bytes(&p->lo_set, &p->lo_set_alloc, j,
                                  p->err)) != FK_OK)
            return st;
        p->cur = j;
        if (p->in_int && (st = relax(p, p->f[0].col, j, "")) != FK_OK)
            return st;
    }
    for (k = 1; k + 1 < p->nf; k += 2) {
        long i = find_row(p, &p->f[k]), *mk;
        if (i == -1)
            return p->err->code;
        mk = i >= 0 ? &p->mark[i] : &p->nmark[-2 - i];
        if ((st = number(p, p->v, &p->f[k + 1])) != FK_OK)
            return st;
        if (*mk == p->cur + 1)
            return fail_at(p, p->f[k].col, FK_EPARSE,
                           "duplicate entry for row '%s' in this column",
                           SHOW(b, p->f[k]));
        *mk = p->cur + 1;
        if (i < -2)
            continue; /* a dropped N row: checked, then ignored */
        if (i == -2) {
            lp_set_obj(p->lp, p->cur, p->v);
        } else {
            if ((st = lp_add_coef(p->lp, i, p->cur, p->v, p->err)) != FK_OK)
                return st;
        }
    }
    return FK_OK;
}

/* RHS and RANGES lines: [set] row value [row value]. */
static fk_status do_rhs_ranges(mps *p)
{
    char b[48];
    fk_status st;
    int k = 0, ranges = p->sec == S_RANGES;
    const char *what = ranges ? "RANGES" : "RHS";
    if (p->nf < 2)
        return too_few(p, what);
    if (p->nf > 5)
        return unexpected(p, 5);
    k = p->nf % 2; /* odd: the first field is the set name */
    if ((st = set_name(p, ranges ? &p->rng_set : &p->rhs_set,
                       k ? &p->f[0] : NULL)) != FK_OK)
        return st;
    for (; k + 1 < p->nf; k += 2) {
        long i = find_row(p, &p->f[k]);
        if (i == -1)
            return p->err->code;
        if (ranges && i < 0)
            return fail_at(p, p->f[k].col, FK_EPARSE,
                           "RANGES entry for N row '%s'", SHOW(b, p->f[k]));
        if ((st = number(p, p->v, &p->f[k + 1])) != FK_OK)
            return st;
        if (i < 0) {
            if (p->nrhs[-2 - i])
                return fail_at(p, p->f[k].col, FK_EPARSE,
                               "duplicate RHS entry for row '%s'",
                               SHOW(b, p->f[k]));
            p->nrhs[-2 - i] = 1;
            if (i == -2) /* dropped N rows: checked, then ignored */
                mpq_neg(p->lp->objconst, p->v);
            continue;
        }
        if (ranges ? p->has_rng[i] : p->has_rhs[i])
            return lpio_fail(p->err, FK_EPARSE, p->path, p->line,
                             p->f[k].col, "duplicate %s entry for row '%s'",
                             what, SHOW(b, p->f[k]));
        if (ranges) {
            p->has_rng[i] = 1;
            mpq_set(p->rng[i], p->v);
        } else {
            p->has_rhs[i] = 1;
            mpq_set(p->rhs[i], p->v);
        }
    }
    return FK_OK;
}

static fk_status do_bounds(mps *p)
{
    static const char *const types[] = {"UP", "LO", "FX", "FR", "MI",
                                        "PL", "BV", "LI", "UI", "SC"};
    char b[48];
    fk_status st;
    field *t = &p->f[0], *cf, *vf = NULL;
    int ty = -1, k, nf = p->nf;
    long j;
    for (k = 0; k < 10; k++)
        if (strcmp(t->s, types[k]) == 0)
            ty = k;
    if (ty < 0)
        return fail_at(p, t->col, FK_EPARSE, "unknown bound type '%s'",
                       SHOW(b, *t));
    if (ty <= 2 || ty == 7 || ty == 8) { /* UP LO FX LI UI: a value */
        if (nf < 3)
            return too_few(p, "BOUNDS");
        if (nf > 4)
            return unexpected(p, 4);
    } else if (ty <= 5) { /* FR MI PL */
        if (nf < 2)
            return too_few(p, "BOUNDS");
        if (nf > 3)
            return unexpected(p, 3);
    } else { /* BV SC: an optional value */
        if (nf < 2)
            return too_few(p, "BOUNDS");
        if (nf > 4)
            return unexpected(p, 4);
    }
    /* set name present? */
    k = 1;
    if ((ty <= 2 || ty == 7 || ty == 8) ? nf == 4
        : ty <= 5 ? nf == 3
                  : (nf == 4 || (nf == 3 && !is_number_like(&p->f[2]))))
        k = 2;
    if ((st = set_name(p, &p->bnd_set, k == 2 ? &p->f[1] : NULL)) != FK_OK)
        return st;
    cf = &p->f[k];
    if (k + 1 < nf)
        vf = &p->f[k + 1];
    if ((st = check_name(p, cf)) != FK_OK)
        return st;
    j = lp_find_col(p->lp, cf->s);
    if (j < 0)
        return fail_at(p, cf->col, FK_EPARSE,
                       "column '%s' not declared in COLUMNS", SHOW(b, *cf));
    if (vf && (st = number(p, p->v, vf)) != FK_OK)
        return st;
    if (ty >= 6) {
        char what[32];
        snprintf(what, sizeof what, "bound type %s", types[ty]);
        if ((st = relax(p, t->col, j, what)) != FK_OK)
            return st;
    }
    switch (ty) {
    case 0: /* UP */
    case 8: /* UI */
        lp_set_col_hi(p->lp, j, p->v);
        if (mpq_sgn(p->v) < 0 && !(p->lo_set[j] & 1))
            lp_set_col_lo(p->lp, j, NULL);
        break;
    case 1: /* LO */
    case 7: /* LI */
        lp_set_col_lo(p->lp, j, p->v);
        p->lo_set[j] |= 1;
        break;
    case 2: /* FX */
        lp_set_col_lo(p->lp, j, p->v);
        lp_set_col_hi(p->lp, j, p->v);
        p->lo_set[j] |= 1;
        break;
    case 3: /* FR */
        lp_set_col_lo(p->lp, j, NULL);
        lp_set_col_hi(p->lp, j, NULL);
        p->lo_set[j] |= 1;
        break;
    case 4: /* MI */
        lp_set_col_lo(p->lp, j, NULL);
        p->lo_set[j] |= 1;
        break;
    case 5: /* PL */
        lp_set_col_hi(p->lp, j, NULL);
        break;
    case 6: /* BV */
        mpq_set_ui(p->v, 0, 1);
        lp_set_col_lo(p->lp, j, p->v);
        mpq_set_ui(p->v, 1, 1);
        lp_set_col_hi(p->lp, j, p->v);
        p->lo_set[j] |= 1;
        break;
    default: /* SC: x = 0 or l <= x <= v (v absent: +inf) */
        if (vf && mpq_sgn(p->v) < 0)
            return fail_at(p, vf->col, FK_EPARSE, "%s",
                           "negative SC bound");
        lp_set_col_hi(p->lp, j, vf ? p->v : NULL);
        p->lo_set[j] |= COL_SEMI;
        break;
    }
    return FK_OK;
}

/* ENDATA: row bounds from RHS and RANGES (docs/model-formats.md). */
static void apply_rows(mps *p)
{
    long i;
    mpq_t t;
    mpq_init(t);
    for (i = 0; i < p->m; i++) {
        mpq_srcptr r = p->rhs[i];
        int hr = p->has_rng[i], s = hr ? mpq_sgn(p->rng[i]) : 0;
        switch (p->rtype[i]) {
        case 'E':
            if (s == 0) {
                lp_set_row_lo(p->lp, i, r);
                lp_set_row_hi(p->lp, i, r);
            } else {
                mpq_add(t, r, p->rng[i]);
                lp_set_row_lo(p->lp, i, s > 0 ? r : t);
                lp_set_row_hi(p->lp, i, s > 0 ? t : r);
            }
            break;
        case 'L':
            lp_set_row_hi(p->lp, i, r);
            if (hr) {
                mpq_abs(t, p->rng[i]);
                mpq_sub(t, r, t);
                lp_set_row_lo(p->lp, i, t);
            }
            break;
        default: /* 'G' */
            lp_set_row_lo(p->lp, i, r);
            if (hr) {
                mpq_abs(t, p->rng[i]);
                mpq_add(t, r, t);
                lp_set_row_hi(p->lp, i, t);
            }
            break;
        }
    }
    mpq_clear(t);
}

static int is_section(const char *s)
{
    int k;
    for (k = S_NAME; k <= S_ENDATA; k++)
        if (strcmp(s, sec_name[k]) == 0)
            return k;
    return -1;
}

static fk_status set_sense(mps *p, const field *fl)
{
    char b[48];
    if (strcmp(fl->s, "MIN") == 0 || strcmp(fl->s, "MINIMIZE") == 0)
        p->lp->sense = LP_MIN;
    else if (strcmp(fl->s, "MAX") == 0 || strcmp(fl->s, "MAXIMIZE") == 0)
        p->lp->sense = LP_MAX;
    else
        return fail_at(p, fl->col, FK_EPARSE, "unknown objective sense '%s'",
                       SHOW(b, *fl));
    p->sense_set = 1;
    return FK_OK;
}

/* A section header line. */
static fk_status header(mps *p)
{
    char b[48], msg[200];
    fk_status st;
    int s = is_section(p->f[0].s);
    if (s < 0)
        return fail_at(p, 1, FK_EPARSE, "unknown section '%s'",
                       SHOW(b, p->f[0]));
    if (s == p->sec) {
        snprintf(msg, sizeof msg, "section %s repeated", sec_name[s]);
        return lpio_fail(p->err, FK_EPARSE, p->path, p->line, 1, "%s", msg);
    }
    if (s < p->sec) {
        snprintf(msg, sizeof msg, "section %s out of order (after %s)",
                 sec_name[s], sec_name[p->sec]);
        return lpio_fail(p->err, FK_EPARSE, p->path, p->line, 1, "%s", msg);
    }
    /* required sections may not be skipped */
    {
        static const int req[] = {S_NAME, S_ROWS, S_COLUMNS};
        int k;
        for (k = 0; k < 3; k++)
            if (req[k] > p->sec && req[k] < s) {
                snprintf(msg, sizeof msg,
                         "missing section %s before %s", sec_name[req[k]],
                         sec_name[s]);
                return lpio_fail(p->err, FK_EPARSE, p->path, p->line, 1,
                                 "%s", msg);
            }
    }
    if (p->sec == S_OBJSENSE && !p->sense_set)
        return lpio_fail(p->err, FK_EPARSE, p->path, p->sense_line, 1,
                         "OBJSENSE without MIN or MAX");
    p->sec = s;
    switch (s) {
    case S_NAME:
        /* the first word is the name; the rest is commentary (Netlib) */
        if (p->nf >= 2) {
            if ((st = check_name(p, &p->f[1])) != FK_OK)
                return st;
            return lp_set_name(p->lp, p->f[1].s, p->err);
        }
        return FK_OK;
    case S_OBJSENSE:
        p->sense_line = p->line;
        if (p->nf > 2)
            return unexpected(p, 2);
        return p->nf == 2 ? set_sense(p, &p->f[1]) : FK_OK;
    case S_COLUMNS:
        if (p->nf > 1)
            return unexpected(p, 1);
        return start_columns(p);
    default:
        if (p->nf > 1)
            return unexpected(p, 1);
        return FK_OK;
    }
}

static fk_status data_line(mps *p)
{
    char b[48];
    switch (p->sec) {
    case S_OBJSENSE:
        if (p->sense_set)
            return fail_at(p, p->f[0].col, FK_EPARSE,
                           "unexpected '%s' after the objective sense",
                           SHOW(b, p->f[0]));
        if (p->nf > 1)
            return unexpected(p, 1);
        return set_sense(p, &p->f[0]);
    case S_ROWS:
        return do_rows(p);
    case S_COLUMNS:
        return do_columns(p);
    case S_RHS:
    case S_RANGES:
        return do_rhs_ranges(p);
    case S_BOUNDS:
        return do_bounds(p);
    case S_NONE:
        return fail_at(p, p->f[0].col, FK_EPARSE,
                       "data line '%s' before the NAME section",
                       SHOW(b, p->f[0]));
    default:
        return fail_at(p, p->f[0].col, FK_EPARSE,
                       "unexpected data line '%s' in the NAME section",
                       SHOW(b, p->f[0]));
    }
}

static fk_status parse(mps *p, char *buf, size_t len)
{
    size_t pos = 0;
    fk_status st;
    p->fixed = file_is_fixed(buf, len);
    while (pos < len) {
        char *s = buf + pos, *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        p->line++;
        pos += n + 1;
        if (n > (size_t)LPIO_MAX_LINE)
            return lpio_fail(p->err, FK_ELIMIT, p->path, p->line, 1,
                             "line too long (%zu bytes, at most %ld)", n,
                             LPIO_MAX_LINE);
        if (n > 0 && s[0] == '*')
            continue;
        if (p->sec == S_ENDATA) { /* MIPLIB's priorities and the like */
            size_t k = 0;
            while (k < n && blank((unsigned char)s[k]))
                k++;
            if (k == n)
                continue;
            lpio_warn(p->path, p->line, (long)k + 1, "%s",
                      "text after ENDATA ignored");
            break;
        }
        if ((st = split(p, s, n)) != FK_OK)
            return st;
        if (p->nf == 0)
            continue;

        if (p->extra_col && strcmp(p->f[0].s, "NAME") != 0)
            return lpio_fail(p->err, FK_EPARSE, p->path, p->line,
                             p->extra_col, "too many fields");
        st = p->f[0].col == 1 ? header(p) : data_line(p);
        if (st != FK_OK)
            return st;
    }
    if (p->sec != S_ENDATA)
        return lpio_fail(p->err, FK_EPARSE, p->path, p->line + 1, 1,
                         "unexpected end of file: missing ENDATA");
    return FK_OK;
}

fk_status lp_read_mps(lp_model **out, const char *path, fk_err *err)
{
    return lp_read_mps_flags(out, path, 0, err);
}

fk_status lp_read_mps_flags(lp_model **out, const char *path, int flags,
                            fk_err *err)
{
    mps p;
    char *buf = NULL;
    size_t len = 0;
    fk_status st;
    long i;

    *out = NULL;
    memset(&p, 0, sizeof p);
    p.path = path;
    p.err = err;
    p.flags = flags;
    mpq_init(p.v);
    if ((st = lpio_slurp(path, &buf, &len, err)) != FK_OK)
        goto cleanup;
    p.lp = lp_new();
    if (p.lp == NULL) {
        st = fk_fail(err, FK_ENOMEM, NULL, "out of memory");
        goto cleanup;
    }
    if ((st = parse(&p, buf, len)) != FK_OK)
        goto cleanup;
    apply_rows(&p);
    for (i = 0; i < p.lp->n; i++) /* SC relaxed: the hull of {0} and [l, u] */
        if ((p.lo_set[i] & COL_SEMI) && p.lp->clo_fin[i] &&
            mpq_sgn(p.lp->clo[i]) > 0)
            mpq_set_ui(p.v, 0, 1), lp_set_col_lo(p.lp, i, p.v);
    p.lp->sense = p.sense_set ? p.lp->sense : LP_MIN;
    if ((st = lp_finalize(p.lp, err)) != FK_OK)
        goto cleanup;
    *out = p.lp;
    p.lp = NULL;

cleanup:
    if (st != FK_OK && err != NULL && err->code == FK_OK)
        err->code = st;
    if (p.have_rhs_arrays)
        for (i = 0; i < p.m; i++) {
            mpq_clear(p.rhs[i]);
            mpq_clear(p.rng[i]);
        }
    free(p.rhs);
    free(p.rng);
    free(p.has_rhs);
    free(p.has_rng);
    free(p.mark);
    free(p.nmark);
    free(p.nrhs);
    free(p.rtype);
    free(p.lo_set);
    free(p.ns.name);
    free(p.ns.slot);
    lp_free(p.lp);
    mpq_clear(p.v);
    free(buf);
    return st;
}
