/* prf_doc.h: what the LaTeX and Markdown appendices (latex.c, markdown.c)
 * share, and the entry points of the document and Coq exporters.
 *
 * prf_doc_build recomputes, from the model and the certificate's primary
 * vectors only (x, y, r; never the stored objective), every quantity an
 * appendix prints:
 *
 *   infeasible:  g = A^T y,  b(y) = sum_i y_i (y_i > 0 ? lo_i : hi_i),
 *                M = sum_j (g_j > 0 ? g_j u_j : g_j l_j)      (need M < b(y))
 *   optimal:     z = c' - A^T y  (c' = c for min, -c for max),
 *                dual = b(y) + sum_j z_j (z_j > 0 ? l_j : u_j),
 *                primal = c'^T x                           (need primal == dual)
 *   unbounded:   c'^T r < 0, a_i^T r and r_j of the right signs
 *   feasible:    x satisfies every row and bound
 *
 * and checks the conditions of DESIGN.md on the way.  A document that
 * walks a referee through arithmetic that does not add up would be worse
 * than none, so a certificate that fails is refused (FK_EINVAL, the first
 * failing condition with its name and the two exact values); `farkas
 * check` remains the independent verdict.
 *
 * Entries are listed sorted by weight: |value| descending, ties by index,
 * so the rows that matter most come first in every table and sentence. */
#ifndef PRF_DOC_H
#define PRF_DOC_H

#include <stdio.h>

#include <gmp.h>

#include "cert.h"
#include "fk.h"
#include "lp.h"

typedef struct {
    long idx;   /* row or column index */
    mpq_t v;    /* its value (nonzero) */
} prf_entry;

typedef struct {
    long n;
    prf_entry *e;   /* n entries, sorted by |v| descending, then idx */
} prf_list;

/* Rows grouped by family: the part of the name before the first '['
 * (IC[2:0->1] -> IC); a name without '[' loses trailing digits
 * (R09 -> R), or is its own family if nothing would be left. */
typedef struct {
    char *prefix;
    long nrows;
    long first;     /* index of its first row */
    long nge, nle, neq, nrange, nfree;
} prf_family;

typedef struct {
    const lp_model *lp;
    const cert_data *c;
    int max;          /* the model maximises */
    prf_list x, y, r; /* nonzero entries of the certificate */
    prf_list g;       /* infeasible: g = A^T y; optimal: z = c' - A^T y */
    mpq_t by;         /* b(y) */
    mpq_t boxmax;     /* infeasible: M */
    mpq_t zb;         /* optimal: sum_j z_j * (z_j > 0 ? l_j : u_j) */
    mpq_t dual;       /* optimal: b(y) + zb, for min c'^T x */
    mpq_t primal;     /* c'^T x (optimal), c'^T r (unbounded) */
    mpq_t value;      /* optimal/feasible/unbounded: c^T x + c0, model sense */
    long ntight;      /* rows with a side attained at x */
    prf_family *fam;
    long nfam;
} prf_doc;

/* Fill d (uninitialised on entry).  On success the caller must call
 * prf_doc_clear; on failure d is already cleared.  FK_EINVAL if the
 * model is not finalized, the sizes differ, or the certificate does not
 * prove its claim (message: the first failing condition). */
fk_status prf_doc_build(prf_doc *d, const lp_model *lp, const cert_data *c,
                        fk_err *err);
void prf_doc_clear(prf_doc *d);

/* How one target language writes the shared text.  prf_doc_write holds
 * the whole document once; a style supplies the escapes and the few
 * constructions that differ (tables, math, headings). */
typedef struct {
    int tex;                                  /* 1 LaTeX, 0 Markdown */
    void (*name)(FILE *f, const char *name); /* a user name, made harmless */
    void (*num)(FILE *f, const mpq_t q);     /* an exact signed number */
    const char *math_on, *math_off;          /* around formulas ("$", "$") */
    const char *times;   /* coefficient x name in a sum ("\\times ") */
    const char *juxt;    /* coefficient next to a variable ("\\," ) */
    const char *ge, *le, *eq, *lt, *ldots;
    const char *more_terms; /* printf format: " + ... (%ld more terms)" */
    /* A table of ncols columns with the given header cells. */
    void (*table_begin)(FILE *f, int ncols, const char *const *head);
    const char *cell, *row_on, *row_off, *table_end;
} prf_style;

/* The whole appendix (from its heading on) in style s.  Tables list the
 * largest `top` entries and say how many more the certificate holds. */
void prf_doc_write(FILE *f, const prf_doc *d, const prf_style *s, long top);

/* "adding 1/2 x IC[...], 3 x IR[...] and 4 more rows" for the nonzero
 * multipliers in d->y (the largest `top` named).  Infeasible and optimal
 * certificates only; prints nothing for an empty y. */
void prf_doc_combination(FILE *f, const prf_doc *d, const prf_style *s,
                         long top);

/* Row i as "lo <= a_i^T x <= hi" (or ">=", "<=", "="), at most maxterms
 * terms of a_i^T x and then an ellipsis with the count left out. */
void prf_doc_row(FILE *f, const prf_doc *d, long i, const prf_style *s,
                 long maxterms);

/* The linear form sum_k v_k name(idx_k) over a list of columns, at most
 * maxterms terms; "0" when empty. */
void prf_doc_form(FILE *f, const prf_doc *d, const prf_list *l,
                  const prf_style *s, long maxterms);

/* The bound a multiplier of sign sgn uses: row i's lo (sgn > 0) or hi;
 * column j's likewise when col is set.  The side must be finite (checked
 * by prf_doc_build). */
mpq_srcptr prf_doc_side(const prf_doc *d, long idx, int col, int sgn);

/* The exporters (rows of the format table in proof.c).  All write
 * atomically (exact/model/afile.h).
 *   latex:     a \section to \input (the preamble needs longtable);
 *   latex_doc: the same section wrapped in a complete article;
 *   markdown:  the same text in Markdown;
 *   coq:       data for proofs/coq/FarkasCheck.v (see export_coq.c); OUT's
 *              base name must be a Coq identifier (coqc's rule).
 * The first three refuse a certificate that does not prove its claim;
 * the Coq export does not check (coqc is the checker) and refuses only
 * unbounded certificates. */
fk_status prf_export_latex(const char *path, const lp_model *lp,
                           const cert_data *c, fk_err *err);
fk_status prf_export_latex_doc(const char *path, const lp_model *lp,
                               const cert_data *c, fk_err *err);
fk_status prf_export_markdown(const char *path, const lp_model *lp,
                              const cert_data *c, fk_err *err);
fk_status prf_export_coq(const char *path, const lp_model *lp,
                         const cert_data *c, fk_err *err);

#endif
