/* chk_int.h: internals of the independent checker (see chk.h).
 *
 * Intended duplication: this is the checker's own model of the LP of
 * shared/DESIGN.md, separate from exact/model/lp.h so that a fault in one reading
 * of a file cannot hide in the other.
 *
 *     minimise (sense = 1) or maximise (sense = -1)   c^T x + c0
 *     subject to   lo_i <= a_i^T x <= hi_i   rows i = 0..m-1
 *                  l_j  <= x_j     <= u_j    columns j = 0..n-1
 *
 * An infinite bound is an explicit flag (*_fin = 0); its mpq is then 0 and
 * never read.  A is kept as triplets (ti, tj, tv): every check only needs
 * A x and A^T y, which one pass over the triplets gives. */
#ifndef CHK_INT_H
#define CHK_INT_H

#include <stddef.h>
#include <gmp.h>

/* Name -> index table (open addressing).  Keys are owned by the table; the
 * model's rname/cname point at them. */
typedef struct { char *key; long idx; } chk_slot;
typedef struct { chk_slot *s; size_t cap, n; } chk_names;

typedef struct {
    int sense;
    long m, n, nnz, ralloc, calloc_, talloc;
    const char **rname, **cname;
    mpq_t *rlo, *rhi, *c, *clo, *chi, *tv;
    unsigned char *rlo_fin, *rhi_fin, *clo_fin, *chi_fin;
    long *ti, *tj;
    mpq_t c0;
    chk_names rows, cols;  /* MPS: rows also holds N rows, with idx < 0 */
    int relax; long nrelax; /* in: read a MIP as its LP relaxation; out: columns relaxed */
} chk_model;

/* Reading context: the file's bytes (NUL-terminated, no NUL inside) and
 * the position of the last error. */
typedef struct {
    const char *file;
    char *buf;
    size_t len;
} chk_text;

/* Each returns 0 or 2; 2 means the message was printed to stderr. */
int chk_read_text(chk_text *t, const char *file);
int chk_err(const char *file, long line, long col, const char *fmt, ...);

/* Split a line in place at blanks, tabs and CRs into at most max tokens
 * (tk needs max + 1 entries); returns the count, or max + 1 if there are
 * more (tk[max] is then the first extra one).  col is 1-based. */
typedef struct { char *s; long col; } chk_tok;
int chk_split(char *line, chk_tok *tk, int max);

/* p resized to n entries of size bytes (plus one spare byte); on OOM it
 * says so on stderr and aborts, as GMP does (STYLE 4). */
void *chk_alloc(void *p, size_t n, size_t size);

/* n zero entries (never NULL; GMP-style abort on OOM) and their release. */
mpq_t *chk_vec(long n);
void chk_vec_free(mpq_t *v, long n);

/* A fraction n/e with e > 0, not necessarily in lowest terms: the checks
 * add and compare in this form and reduce only what they print (see
 * chk_check.c).  chk_fracs gives n entries 0/1 (never NULL). */
typedef struct { mpz_t n, e; } chk_frac;
chk_frac *chk_fracs(long n);
void chk_fracs_free(chk_frac *v, long n);

void chk_model_init(chk_model *md);
void chk_model_clear(chk_model *md);
/* Append a row or column named name[0..len); default bounds: rows free,
 * columns [0, +inf).  Returns the index, or -1 if the name is taken. */
long chk_add_row(chk_model *md, const char *name, size_t len);
long chk_add_col(chk_model *md, const char *name, size_t len);
/* Append a_ij = v to the triplets (the caller excludes duplicates). */
void chk_add_coef(chk_model *md, long i, long j, const mpq_t v);

/* Name table: find returns idx or LONG_MIN when absent; add returns 0, or
 * -1 when the name is present (the table is unchanged then). */
long chk_names_find(const chk_names *t, const char *s, size_t len);
int chk_names_add(chk_names *t, const char *s, size_t len, long idx,
                  const char **key);

/* The model number syntax of docs/model-formats.md: chk_numlen gives the
 * length of the longest prefix of s that is a number ([+-] allowed), 0 if
 * none; chk_num sets q to s[0..len) and returns 0, or -1 if that is not a
 * number or over the limits.  chk_digits: the number of leading 0-9. */
size_t chk_digits(const char *s);
size_t chk_numlen(const char *s);
int chk_num(mpq_t q, const char *s, size_t len);

int chk_read_mps(chk_model *md, const chk_text *t);
int chk_read_lp(chk_model *md, const chk_text *t);

/* A certificate (docs/certificate-format.md), read against its model:
 * x, r have n entries and y has m, all 0 unless listed. */
enum { CHK_OPTIMAL, CHK_INFEASIBLE, CHK_UNBOUNDED, CHK_FEASIBLE };
typedef struct {
    int status, sense, relax, version; /* relax: a `relaxation lp` line; version 1 or 2 */
    long rows, cols;
    char sha[65];
    mpq_t obj;
    chk_frac *x, *y, *r;
} chk_cert;

/* Reads the certificate; once its header lines are read it calls
 * chk_header (model sha256 model_sha, sense, counts) before any name is
 * looked up.  Returns 0, 1 (header rejected) or 2 (unreadable). */
void chk_cert_init(chk_cert *ct, const chk_model *md);
int chk_read_cert(chk_cert *ct, const chk_text *t, const chk_model *md,
                  const char *model_sha, int quiet);
void chk_cert_clear(chk_cert *ct, const chk_model *md);
int chk_header(const chk_cert *ct, const chk_model *md,
               const char *model_sha, int quiet);

#endif
