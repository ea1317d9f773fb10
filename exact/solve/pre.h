/* pre.h: exact presolve for the float phase (issue 22).
 *
 * pre_run() reduces a finalized lp_model in mpq by the classical
 * reductions (Andersen and Andersen 1995, "Presolving in linear
 * programming"), recording each on a stack; pre_basis_back() maps a basis
 * of the reduced model back to one of the original model by undoing the
 * stack in reverse.  The reduced model only feeds the float phase: solve.c
 * warm-starts the float simplex on the ORIGINAL model from the mapped
 * basis, and the exact stage and the certificate use the original model
 * only.  A wrong reduction or a poor map-back therefore costs time, never
 * correctness.
 *
 * Notation as in spx.h: w = (x, s), s_i = a_i^T x, variable n+i is the
 * logical of row i.  Costs are those of the minimisation, sc = sense*c.
 * Activity bounds of row i over the current column bounds [l, u]:
 *     L_i = sum_{a>0} a l_j + sum_{a<0} a u_j,
 *     U_i = sum_{a>0} a u_j + sum_{a<0} a l_j.
 * Reductions (repeated passes, at most PRE_MAX_PASSES, until one pass
 * removes nothing):
 *   (R1) empty row: 0 in [lo_i, hi_i] -> drop (else infeasible: give up).
 *   (R2) empty column: fix at the bound its cost sign prefers (0 if free,
 *        cost 0); an unbounded direction is left to the solver.
 *   (R3) fixed column l_j = u_j = v: drop, shift row sides by -a_ij v.
 *   (R4) singleton row lo <= a x_j <= hi: becomes a bound of x_j; drop.
 *   (R5) forcing row (L_i = hi_i or U_i = lo_i): every column of the row
 *        sits at the bound that attains it; fix them all, drop the row.
 *   (R6) redundant row ([L_i, U_i] inside [lo_i, hi_i]): drop.
 *   (R7) column singleton x_j in an equality row a_i^T x = b: when the
 *        row implies bounds on x_j inside [l_j, u_j] (implied free), or
 *        when the row is a doubleton a x_j + b' x_k = b (x_j's bounds are
 *        then carried over to x_k: x_k in (b - a [l_j, u_j]) / b'),
 *        substitute x_j = (b - sum_{k != j} a_ik x_k) / a out: the row and
 *        x_j are dropped and sc_k -= sc_j a_ik / a (dual y_i = sc_j / a).
 *   (R8) dual fixing: sc_j >= 0 and lowering x_j never tightens a row
 *        (a_ij > 0 only in rows without lo_i, a_ij < 0 only in rows
 *        without hi_i) -> fix x_j at l_j; symmetric at u_j.
 *   (R7') doubleton equation a x_j + a2 x_k = b where x_j, the column with
 *        fewer entries, has other entries (at most 8): x_j = (b - a2 x_k)/a
 *        is substituted into its other rows i (a_ik += -a_ij a2 / a, filling
 *        in or cancelling; sides -= a_ij b / a), its bounds carried over to
 *        x_k as in (R7), its cost moved to x_k.
 *   (R10) implied free substitution: an equality row a_i^T x = b with at
 *        most PRE_SUBST_ROW active columns, one of them x_j (at most
 *        PRE_SUBST_COL entries) implied free by the row (its bounds follow
 *        from b and the others' bounds, as in (R7)): x_j = (b - sum_{k != j}
 *        a_ik x_k) / a_ij is substituted into its other rows (fill-in,
 *        cancellation), its cost moved to the row's other columns, the row
 *        and x_j dropped; no bound needs carrying.  dfl001 (a multicommodity
 *        flow) has 1,283 such columns in rows of three.
 * Every test that decides a reduction is exact (mpq); doubles only screen
 * candidates.
 *
 * Map-back (the reduced basis has m' basics; each dropped row adds one, so
 * the original basis has m): a row dropped as empty or redundant gets its
 * logical basic; a dropped column is nonbasic at the bound it was fixed
 * at; a singleton row whose bound on x_j is the one x_j sits at makes x_j
 * basic and its logical nonbasic at the matching side (else the logical is
 * basic); (R7) makes x_j basic, the row's logical nonbasic, unless the
 * doubleton's x_k sits at a bound that came from x_j's, which makes x_k
 * basic and x_j nonbasic at that bound ((R7') likewise, and (R10) as (R7'),
 * x_j basic with y_i making d_j = 0 over x_j's original column: the rows x_j was
 * substituted into keep their logicals' statuses, their sides having moved
 * by constants); a forcing row keeps its columns at
 * their forcing bounds and picks its dual y_i by a ratio test so that
 * every d_j - y_i a_ij keeps its sign (d = reduced costs of the duals known
 * so far): the column attaining the extreme ratio goes basic and the
 * logical nonbasic at the forcing side, so the warm start stays dual
 * feasible.  The duals used for these choices are doubles: the reduced
 * model's from one LU of its basis (flu.h), the dropped rows' from the
 * records.
 *
 * Ownership: a pre owns its reduced model and records; init/clear pair;
 * the original model must outlive it and stay unchanged. */
#ifndef PRE_H
#define PRE_H

#include "fk.h"
#include "answer.h"
#include "lp.h"

#define PRE_MAX_PASSES 20

enum { PRE_EMPTY_ROW, PRE_REDUNDANT, PRE_SINGLETON, PRE_FORCING, PRE_FIXED,
       PRE_EMPTY_COL, PRE_DUALFIX, PRE_COLSING, PRE_DOUBLETON, PRE_SUBST, PRE_NKINDS };

typedef struct {
    int kind;
    long row, col, col2;   /* col2: the doubleton's other column, else -1 */
    int side;              /* fixed / empty / dual-fixed column: LP_AT_LO,
                              LP_AT_UP, LP_AT_ZERO, or 0 = by its reduced
                              cost; forcing row: LP_AT_UP (L_i = hi_i) or
                              LP_AT_LO (U_i = lo_i) */
    long prev_lo, prev_up; /* bound sources this record replaced */
    unsigned char set_lo, set_up; /* singleton / doubleton: which bounds of
                              col (col2 for a doubleton) it set; for a
                              doubleton the value says which bound of col
                              gave it: LP_AT_LO or LP_AT_UP, 0 = not set */
    double y;              /* (R7): the row's dual sc_j / a_ij */
    double a, a2;          /* a_ij (and a_ik for col2) as doubles */
    long beg, end;         /* forcing row: its columns fcol[beg..end) */
} pre_rec;

typedef struct {
    long m, n;             /* the original model's */
    lp_model *red;         /* the reduced model, NULL if none */
    long *rmap, *cmap;     /* original row / column -> reduced, -1 dropped */
    long *rinv, *cinv;     /* reduced -> original */
    pre_rec *rec;
    long nrec, arec;
    long *fcol;            /* forcing rows' columns */
    unsigned char *fside;  /* their statuses */
    double *fa;            /* their coefficients in the row */
    long *lsrc, *usrc;     /* n: the record that set each column's lower /
                              upper bound last, -1 = the original bound */
    long nf, af;
    long count[PRE_NKINDS];/* records by kind */
    long rows_dropped, cols_dropped;
    int passes;
    int infeasible;        /* a pass proved the model infeasible (no red) */
} pre;

void pre_init(pre *p);
void pre_clear(pre *p);

/* Presolve the finalized lp.  FK_OK with p->red the reduced model
 * (finalized), or p->red NULL when a reduction met an infeasibility (the
 * caller solves the original: the exact phase decides and certifies
 * that) or when fewer than min_frac m rows were dropped (the float
 * simplex's work grows with the rows, the basis dimension, far more than
 * with the columns; building the reduced copy of a large model is then
 * time for nothing; the counts are still filled).  Errors: FK_ENOMEM, FK_EINVAL (lp not
 * finalized). */
fk_status pre_run(pre *p, const lp_model *lp, double min_frac, fk_err *err);

/* out (initialised by the caller for lp's m x n, or empty: it is resized)
 * := the basis of the original lp that basis rb of p->red maps to.
 * FK_EINVAL if rb has the wrong size or the count of basics is not m
 * (a bug: the caller then solves from scratch). */
fk_status pre_basis_back(lp_basis *out, const pre *p, const lp_model *lp,
                         const lp_basis *rb, fk_err *err);

const char *pre_kind_str(int kind);

#endif
