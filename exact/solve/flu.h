/* flu.h: sparse LU of a simplex basis in double (the float phase's
 * factorisation; see fast.c).
 *
 * The basis B is m x m; its column k ("position" k) is either a structural
 * column of a CSC matrix (head[k] < n) or the logical -e_i (head[k] = n+i),
 * the layout of spx.h.  flu_factor eliminates B right-looking with
 * Markowitz pivot choice and threshold partial pivoting (a pivot must be at
 * least FLU_THRESH times the largest entry of its active row): singletons
 * first, since LP bases are mostly triangular, then the sparsest candidates
 * among a few columns and rows of smallest count.  Entries below
 * FLU_TOL_SING in magnitude are never pivots; columns left without a pivot
 * are dependent, and each is replaced by the logical of one row left
 * without a pivot (flu reports the pairs, the caller updates its basis
 * head; the factors already describe the repaired basis).
 *
 * L is kept as column etas, U by rows (each row with its pivot); both
 * solves need only these two stores:
 *     flu_ftran: v := B^{-1} v   (v by rows on entry, by positions on exit)
 *     flu_btran: u := B^{-T} u   (u by positions on entry, by rows on exit)
 *
 * Forrest-Tomlin update (flu_update).  Write the factors as B = L U with
 * U upper triangular in step order (step k: row prow[k], position
 * pcol[k]).  Position p (step s, row r = prow[s]) gets the column a:
 *     B' = L U',  U' = U with column p replaced by the spike g = L^{-1} a.
 * Moving step s to the end of the order, U' is upper triangular except
 * for row r, whose entries (positions of the steps after s) now lie left
 * of the diagonal.  Subtracting mu_k times row prow[k] from row r, for
 * the steps k > s in order (mu_k = the entry left at pcol[k] over piv[k];
 * each subtraction fills only positions of later steps), leaves row r
 * with its diagonal only:
 *     R U' = U'',  R = I - e_r mu^T  (mu over the rows prow[k]),
 *     U''_{rp} = g_r - mu^T g.
 * So B' = L R^{-1} U'' and, with the R etas of all updates since the
 * factorisation,
 *     B^{-1} = U^{-1} R_t ... R_1 L^{-1},  B^{-T} = L^{-T} R_1^T ... R_t^T U^{-T}:
 * FTRAN applies the R etas after L (y_r -= mu^T y), BTRAN before L^T in
 * reverse order (y -= mu y_r).  Steps are slots: the moved step is a new
 * slot at the end (same row, same position), the old one is left empty;
 * U's rows and columns live in stores that grow at their ends.  Since
 * det U'' / det U = det B' / det B = alpha_p (alpha = B^{-1} a), the new
 * diagonal must equal alpha_p piv[s]; when the two disagree the update is
 * refused and the caller refactors.  The spike g is kept by the FTRAN of
 * a (set keep before it), so an update costs no solve of its own.
 * Ownership: flu owns its arrays; init/clear pair; a flu may be factored
 * many times (arrays are reused and grown). */
#ifndef FLU_H
#define FLU_H

/* Compiled twice (see fast.c): over double, and with FK_QUAD over
 * binary128 under the names flu_q*. */
#ifdef FK_QUAD
typedef __float128 flu_real;
#define flu flu_q
#define flu_init flu_q_init
#define flu_clear flu_q_clear
#define flu_factor flu_q_factor
#define flu_ftran flu_q_ftran
#define flu_btran flu_q_btran
#define flu_update flu_q_update
#define flu_hint flu_q_hint
#define FLU_TOL_SING 1e-20
#else
typedef double flu_real;
#define FLU_TOL_SING 1e-11
#endif
#define FLU_THRESH 0.1

/* updates before a refactorisation is forced (the slots held in reserve) */
#define FLU_FT_MAX 200

typedef struct {
    long m;
    /* U's steps (slots): step k pivots row prow[k] and position pcol[k];
     * ns slots in use (m after a factorisation, one more per update), an
     * emptied slot has prow[k] = -1 */
    long *prow, *pcol, ns;
    flu_real *piv;
    long *lrow, *lstep;  /* L: the row of step k, the step of row i */
    long *lbeg, *lidx;   /* L eta k: rows lidx[lbeg[k]..lbeg[k+1]) */
    flu_real *lval;
    long *ubeg, *uend, *uroom, *uidx; /* U row of slot k: positions
                          uidx[ubeg[k]..uend[k]), room up to uroom[k] */
    flu_real *uval;
    long lalloc, ualloc, uused;
    /* the same factors transposed, so that both solves can skip a step
     * whose value is 0 (most of them on network LPs, whose B^{-1} a is
     * very sparse): U by positions, L by rows, each entry naming the row
     * prow[k] of its step k */
    long *ucbeg, *ucend, *ucrow;  /* position j: ucrow[ucbeg[j]..ucend[j]) */
    flu_real *ucval;
    long ucused;
    /* Forrest-Tomlin: R eta e changes row rrow[e] by the rows
     * rridx[rbeg[e]..rbeg[e+1]) times rrval; the spike of the last FTRAN
     * with keep set (by rows, valid when spike_ok; 0 but at its nspl
     * rows spl[]) */
    long nr, *rbeg, *rrow, *rridx, ralloc, *spl, nspl;
    flu_real *rrval, *spike, *work;
    int keep, spike_ok;
    long nnz_u0, nnz_u;          /* U's off-diagonal entries: factored, now */
    long *lrbeg, *lrrow;  /* row i: lrrow[lrbeg[i]..lrbeg[i+1]) */
    flu_real *lrval;
    long ucalloc, lralloc;
    /* hypersparse solves (Gilbert-Peierls): the nonzeros a solve can
     * produce are those reachable from the right-hand side's in the
     * graph of the factors, found by depth-first search and processed in
     * topological order, when few; else the dense loops above */
    long *stepr, *stepp;  /* step of row i / of position j */
    long *mark1, *mark2, stamp;
    /* predicted share of nonzeros in a result, a running mean over the
     * last solves (FTRAN, BTRAN): it picks the hypersparse, the
     * zero-skipping or the row-form loops */
    double ftd, btd;
    long *seed, *list1, *list2, *stk, *stq;
    const long *hint;            /* flu_hint: the next solve's pattern */
    long nhint;                  /* its length, 0 = none */
    /* active submatrix, rebuilt by each factorisation */
    long *rlen, *rcap, **rcol;   /* rows: positions and values */
    flu_real **rval;
    long *clen, *ccap, **crow;   /* columns: row pattern only; clen counts
                                    the active rows, cphys the stored ones
                                    (pivoted rows are skipped, not removed) */
    long *cphys;
    long *rnext, *rprev, *rhead; /* rows bucketed by count */
    long *cnext, *cprev, *chead; /* columns bucketed by count */
    unsigned char *rdone, *cdone; /* row / column already pivoted */
    long *mark;
    flu_real *rmx;               /* largest |entry| of each active row, or
                                    -1 when the row changed since (the
                                    threshold test asks for it per
                                    candidate, O(row length) afresh) */
    flu_real *t;                 /* m work vector */
    long nnz_lu;                 /* entries in L and U after the last factor */
} flu;

void flu_init(flu *f);
void flu_clear(flu *f);

/* Factor B = columns head[0..m-1] of [A -I], A given as CSC (cbeg, ridx,
 * val) with n columns.  Dependent positions are written to dep_pos[] and
 * the rows whose logicals replace them to dep_row[] (both m long, may be
 * NULL only if the caller does not care), their count to *ndep.  Returns 0,
 * or -1 when memory runs out (the flu is then unusable until refactored). */
int flu_factor(flu *f, long m, long n, const long *cbeg, const long *ridx,
               const flu_real *val, const long *head, long *dep_pos,
               long *dep_row, long *ndep);

void flu_ftran(flu *f, flu_real *v);
void flu_btran(flu *f, flu_real *u);

/* The next flu_ftran / flu_btran's right-hand side is zero outside
 * idx[0..n) (n >= 1; idx is read during that solve, which forgets it).
 * A hypersparse solve then starts from these entries instead of scanning
 * all m for nonzeros (a quarter of the float phase on ganges went to that
 * scan, for columns of a few entries and unit vectors). */
void flu_hint(flu *f, const long *idx, long n);

/* Position p of the basis gets the column whose FTRAN (with keep set)
 * was the last one, alpha_p its result at p.  Returns 0 when updated, 1
 * when refused (no spike, no slot left, or the new diagonal disagrees
 * with alpha_p: the factors still describe the old basis and the caller
 * must refactor), 2 when updated but the factors have grown enough that
 * a refactorisation pays, -1 when memory runs out. */
int flu_update(flu *f, long p, flu_real alpha_p);

#endif
