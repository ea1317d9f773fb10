/* lp.h: the LP model every module speaks (see shared/DESIGN.md).
 *
 *     minimise (sense = LP_MIN) or maximise (sense = LP_MAX)   c^T x + c0
 *     subject to   lo_i <= a_i^T x <= hi_i      rows i = 0..m-1
 *                  l_j  <= x_j     <= u_j       columns j = 0..n-1
 *
 * All data are exact rationals.  An infinite bound is marked by its
 * *_fin flag being 0; the mpq value is then 0 and meaningless.  lo_i = hi_i
 * is an equality row; a row with both sides infinite is free (kept: it may
 * carry a name the user wants to see, e.g. a second N row in MPS).
 *
 * Ownership: an lp_model is created by lp_new() and freed by lp_free().
 * Every string passed in is copied.  The matrix is entered as triplets by
 * lp_add_coef() (repeated (i,j) entries are summed) and compressed into
 * CSC plus a row view by lp_finalize(), which must be called before any
 * reader of cbeg/ridx/val/rbeg/cidx/rpos.  Adding rows, columns or
 * coefficients after lp_finalize() is allowed and un-finalizes the model.
 *
 * Names are unique within rows and within columns (a row and a column may
 * share a name).  Lookups are O(1) by hash. */
#ifndef LP_H
#define LP_H

#include <gmp.h>

#include "fk.h"

#define LP_MIN 1
#define LP_MAX (-1)

typedef struct lp_names lp_names; /* name -> index hash, private to lp.c */

typedef struct lp_model {
    char *name;      /* problem name ("" if none) */
    char *objname;   /* objective row name ("" if none) */
    int sense;       /* LP_MIN or LP_MAX */
    long m, n;       /* rows, columns */

    char **rname;    /* m row names */
    mpq_t *rlo, *rhi;
    unsigned char *rlo_fin, *rhi_fin;

    char **cname;    /* n column names */
    mpq_t *obj;      /* c, length n */
    mpq_t *clo, *chi;
    unsigned char *clo_fin, *chi_fin;
    mpq_t objconst;  /* c0 (MPS: minus the objective row's RHS) */
    long nrelax;     /* columns whose integrality (or semi-continuity) a
                      * reader dropped under LPIO_RELAX: > 0 means this is
                      * the LP relaxation of a mixed-integer program */

    /* After lp_finalize(): A in compressed sparse column form, row indices
     * ascending within each column, no explicit zeros, and the same
     * entries by rows (column indices ascending). */
    int finalized;
    long nnz;
    long *cbeg;      /* n+1 */
    long *ridx;      /* nnz */
    mpq_t *val;      /* nnz */
    long *rbeg;      /* m+1 */
    long *cidx;      /* nnz */
    long *rpos;      /* nnz: the row view's entry q is val[rpos[q]] (lp_rval);
                        an index, not a second copy of 2 x nnz mpq values */

    /* private: growth and triplets */
    long ralloc, calloc_;
    long tn, talloc;
    long *ti, *tj;
    mpq_t *tv;
    lp_names *rhash, *chash;
} lp_model;

lp_model *lp_new(void);               /* NULL on allocation failure */
void lp_free(lp_model *lp);           /* NULL is fine */

fk_status lp_set_name(lp_model *lp, const char *name, fk_err *err);
fk_status lp_set_objname(lp_model *lp, const char *name, fk_err *err);

/* Append a row (free: -inf..+inf) or a column (bounds [0, +inf), cost 0).
 * *idx receives the new index.  FK_EINVAL if the name is already used,
 * with msg "duplicate row name 'X'"; the caller adds the position. */
fk_status lp_add_row(lp_model *lp, const char *name, long *idx, fk_err *err);
fk_status lp_add_col(lp_model *lp, const char *name, long *idx, fk_err *err);

/* Bounds: NULL means infinite (-inf for lo, +inf for hi). */
void lp_set_row_lo(lp_model *lp, long i, mpq_srcptr v);
void lp_set_row_hi(lp_model *lp, long i, mpq_srcptr v);
void lp_set_col_lo(lp_model *lp, long j, mpq_srcptr v);
void lp_set_col_hi(lp_model *lp, long j, mpq_srcptr v);
void lp_set_obj(lp_model *lp, long j, const mpq_t v);

/* a_ij += v (zero v is accepted and ignored). */
fk_status lp_add_coef(lp_model *lp, long i, long j, const mpq_t v,
                      fk_err *err);

/* Compress the triplets (see above).  Idempotent. */
fk_status lp_finalize(lp_model *lp, fk_err *err);

/* FK_EINVAL naming the first row or column whose finite bounds cross
 * (lo > hi).  Such a model is empty by its bounds alone, but DESIGN.md's
 * Farkas certificate has one multiplier per row or column and cannot
 * combine a constraint's two sides with each other, so no certificate of
 * that fact exists in our format: solvers refuse the model instead of
 * answering without a certificate. */
fk_status lp_check_bounds(const lp_model *lp, fk_err *err);

/* r = obj^T x + c0 (x: n values), in the model's own sense. */
void lp_objective(mpq_t r, const lp_model *lp, mpq_t *x);

long lp_find_row(const lp_model *lp, const char *name); /* -1 if absent */

/* The row view's entry q (rbeg/cidx order) of a finalized model: the
 * column view's value, so the two views cannot disagree. */
static inline mpq_srcptr lp_rval(const lp_model *lp, long q) { return lp->val[lp->rpos[q]]; }
long lp_find_col(const lp_model *lp, const char *name);

/* Deep copy (finalized if src is).  NULL on allocation failure. */
lp_model *lp_copy(const lp_model *src);

#endif
