/* par.h: parametric LPs in one parameter t, solved exactly piece by piece
 * (docs/parametric.md).
 *
 * The model.  For t in [LO, HI] (rational ends),
 *     minimise (sense = LP_MIN) or maximise   c(t)^T x + c0(t)
 *     subject to   lo_i(t) <= a_i(t)^T x <= hi_i(t),  l_j(t) <= x_j <= u_j(t)
 * where every entry is a polynomial in t with rational coefficients
 * (fmpq_poly) and which bounds are finite does not depend on t.
 * par_model_interpolate() obtains it from a builder of concrete lp_models:
 * instances at N >= d+3 distinct rational t_k, each entry interpolated by
 * the polynomial of degree <= d through the first d+1 values and confirmed
 * at the others; an entry that is not such a polynomial is refused.  The
 * confirmation proves nothing about t between the samples: the parametric
 * model is what the verdicts are about, and it is written to a file
 * (par_model_write) so that the checker reads the very LP they concern.
 *
 * The solver (par_solve).  The variables are those of answer.h: x (n) and
 * one logical s_i = a_i^T x per row, so [A, -I] (x, s) = 0.  At a rational
 * t0, solve_lp gives an optimal basis B (m of the n+m variables); the
 * nonbasic ones sit at a bound (or at 0 when free).  Over Q(t):
 *   (1)  B(t) x_B = -N(t) x_N(t)          x = X(t) / Dx(t)
 *   (2)  B(t)^T y = c_B(t)                y = Y(t) / Dy(t)
 *   (3)  z_j = c_j - a_j^T y  (structural), z_{n+i} = y_i  (logical)
 * solved fraction-free in Z[t] (fmpz_poly_mat_solve after scaling rows to
 * integer coefficients), with Dx, Dy made positive at t0.  The basis gives
 * an optimality certificate (shared/DESIGN.md) at every t where
 *   (4)  Dx > 0, Dy > 0,
 *   (5)  lo_i Dx <= a_i^T X <= hi_i Dx, l_j Dx <= X_j <= u_j Dx  (finite sides),
 *   (6)  Z = c Dy - A^T Y >= 0 at a nonbasic lower, <= 0 at an upper, == 0 at
 *        a free nonbasic (no condition on a fixed variable), the same for
 *        the logicals with Y,
 * and then the weak-duality identity holds as an identity of polynomials.
 * If the LP is infeasible at t0, the auxiliary LP min sum (p_i + n_i) over
 * lo_i <= a_i^T x + p_i - n_i <= hi_i is solved instead; its optimal duals
 * Y(t) (positively scaled, no denominator needed) are a Farkas certificate
 * wherever (6) holds for the original rows and columns and
 *   (7)  b(Y) + sum_j Z_j bound_j > 0    (Z = -A^T Y, sides from the basis).
 * Each condition is a polynomial sign.  The real roots of all of them in
 * [LO, HI] cut it into cells (the roots as points and the open intervals
 * between); the signs are constant on each cell, so one exact evaluation
 * per cell decides it, and the piece is the run of valid cells around t0.
 * What is left of [LO, HI] is covered the same way from rational points in
 * it (a breakpoint not covered by a neighbour's basis is solved at itself
 * and becomes a closed point piece).  A breakpoint is rational (a linear
 * factor of a condition) or algebraic (par_alg: an irreducible factor of
 * degree >= 2 and an isolating interval); the cells are then ordered
 * exactly and an open cell is decided at a rational inside it.  A point
 * at an algebraic number that neither neighbour's basis covers cannot be
 * solved (solve_lp takes rationals) and is refused (FK_ELIMIT).  Degeneracy:
 * each basis is taken as the solver gives it; a degenerate basis may stop
 * being feasible before the verdict or value changes, which only splits a
 * piece (adjacent pieces may have the same verdict and value).
 * If the LP is unbounded at t0, two LPs derived from it are solved there:
 * the LP without its objective (a feasible point X / Dx) and the cone LP
 * min sense c^T r over  a_i^T r >= 0 (lo_i finite), <= 0 (hi_i finite),
 * r_j >= 0 (l_j finite), <= 0 (u_j finite), sense c^T r >= -1 (a ray
 * R / Dr); the piece is where both bases stay feasible, (4)-(5) for each,
 * and
 *   (8)  -sense c^T R > 0.
 *
 * Ownership: par_model_new/par_model_free, par_result_init/clear.  Names
 * are copied.  Errors: fk_status with fk_err last; nothing exits. */
#ifndef PAR_H
#define PAR_H

#include <stdio.h>

#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly_q.h>
#include <gmp.h>

#include "fk.h"
#include "lp.h"

typedef struct {
    char *pname;            /* the parameter's name, e.g. "pi" */
    mpq_t tlo, thi;         /* the interval [tlo, thi], tlo < thi */
    char *name;             /* the LP's name */
    int sense;              /* LP_MIN / LP_MAX */
    long m, n;
    char **rname, **cname;
    fmpq_poly_struct *rlo, *rhi, *clo, *chi, *obj; /* zero where infinite */
    unsigned char *rlo_fin, *rhi_fin, *clo_fin, *chi_fin;
    fmpq_poly_t objconst;
    long nnz;               /* entries (ai[k], aj[k]) sorted by column, row */
    long *ai, *aj;
    fmpq_poly_struct *a;
} par_model;

par_model *par_model_new(void);
void par_model_free(par_model *pm);
/* Size a new model: m rows, n columns, nnz entries, every polynomial 0,
 * every side infinite, names NULL (to be filled). */
fk_status par_model_shape(par_model *pm, long m, long n, long nnz, fk_err *err);

/* The model from N concrete instances lps[k] built at ts[k] (distinct,
 * N >= d + 3 so that at least two values confirm each entry).  All
 * instances must have the same sense, rows, columns (names in order) and
 * finite sides; FK_EINVAL names the first entry that differs or is not a
 * polynomial of degree <= d. */
fk_status par_model_interpolate(par_model **out, lp_model *const *lps,
                                const mpq_t *ts, int N, int d, const char *pname,
                                const mpq_t tlo, const mpq_t thi, fk_err *err);

/* The concrete LP at t (finalized); NULL with FK_ENOMEM / FK_EINVAL. */
fk_status par_model_eval(lp_model **out, const par_model *pm, const mpq_t t,
                         fk_err *err);

/* The model file of docs/parametric.md, written atomically. */
fk_status par_model_write(const par_model *pm, const char *path, fk_err *err);

enum { PAR_OPTIMAL = 0, PAR_INFEASIBLE = 1, PAR_UNBOUNDED = 2 };

/* An algebraic breakpoint (par_alg.c): the one root in (lo, hi) of g,
 * irreducible in Z[t] of degree >= 2 (so the root is irrational),
 * primitive with a positive leading coefficient, g(lo), g(hi) != 0.
 * The comparisons refine (lo, hi) and so take non-const arguments. */
typedef struct {
    fmpz_poly_t g;
    mpq_t lo, hi;
} par_alg;

void par_alg_init(par_alg *x);
void par_alg_clear(par_alg *x);
void par_alg_set(par_alg *x, const par_alg *y);
par_alg *par_alg_dup(const par_alg *y);   /* malloc'ed copy, NULL on OOM */
void par_alg_free(par_alg *x);            /* NULL is fine */
int par_alg_cmp_q(par_alg *x, const mpq_t r);   /* sign of x - r (never 0) */
int par_alg_cmp(par_alg *x, par_alg *y);        /* sign of x - y */
void par_alg_avoid(par_alg *x, const mpq_t r);  /* r outside [lo, hi] */
int par_alg_sign(const fmpq_poly_t p, par_alg *x); /* sign of p(x) */
/* "sqrt(2)/2", "1/2 - sqrt(5)/2" for degree 2, else "root of POLY in (LO, HI)";
 * malloc'ed, NULL on OOM */
char *par_alg_str(const par_alg *x, const char *var);
/* distinct real roots in (a, b) of squarefree f with f(a), f(b) != 0; -1 on OOM */
long par_sturm_count(const fmpz_poly_t f, const mpq_t a, const mpq_t b);

/* One piece: [a, b] with ac / bc = 1 for a closed end; a == b is a point.
 * An algebraic end has aa (ab) non-NULL, and a (b) is then only a
 * rational inside its isolating interval (for drawing and ordering). */
typedef struct {
    mpq_t a, b;
    par_alg *aa, *ab;
    int ac, bc;
    int verdict;             /* PAR_OPTIMAL / PAR_INFEASIBLE / PAR_UNBOUNDED */
    int zero_obj;            /* the objective is identically zero: "feasible" */
    fmpq_poly_struct *X;     /* n: x = X / Dx (optimal; unbounded: a feasible point) */
    fmpq_poly_struct *R;     /* n: the ray r = R / Dr (unbounded) */
    fmpq_poly_t Dr;
    fmpq_poly_t Dx, Dy;
    fmpq_poly_struct *Y;     /* m: y = Y / Dy (optimal), Farkas Y (infeasible) */
    fmpz_poly_q_t value;     /* the optimal value in the model's sense */
} par_piece;

typedef struct {
    long n, m;
    int np, alloc;
    par_piece *p;            /* sorted by a, tiling [tlo, thi] */
    int nsolves;             /* solve_lp calls made */
} par_result;

/* sign of (end e of pc) - t, e = 0 for a, 1 for b; exact (pc is not changed) */
int par_end_cmp(const par_piece *pc, int e, const mpq_t t);

void par_result_init(par_result *r);
void par_result_clear(par_result *r);

fk_status par_solve(par_result *r, const par_model *pm, fk_err *err);

/* The certificate file of docs/parametric.md (pieces with X, Dx, Y, Dy
 * and the value), written atomically; model names the model file. */
fk_status par_cert_write(const par_result *r, const par_model *pm,
                         const char *model, const char *path, fk_err *err);

/* "[c0 c1 ... cd]", the coefficients of p from t^0 up ("[]" for 0), as
 * the model and certificate files write polynomials. */
void par_put_poly(FILE *f, const fmpq_poly_t p);

/* Newly malloc'ed text of a polynomial / rational function in the
 * parameter's name with + - * / ^ ( ) and rationals, e.g. "3/4 + 1/2*pi".
 * NULL on allocation failure. */
char *par_poly_str(const fmpq_poly_t p, const char *var);
char *par_ratfun_str(const fmpz_poly_q_t f, const char *var);

/* "piece [a, b): optimal VALUE" (without a newline), malloc'ed. */
char *par_piece_str(const par_piece *pc, const char *var);

#endif
