/* answer.h: what solving an LP answers, independent of how it was solved.
 *
 * Every stage after the solver (certificates, cases, appendices, the CLI)
 * speaks this type and nothing else of the solver: the engines behind
 * solve_lp() (exact/solve/) keep their own headers private.
 *
 * The variables are those of the solver's layout, one logical per row:
 *     s_i = a_i^T x,   lo_i <= s_i <= hi_i,   l_j <= x_j <= u_j,
 * numbered 0..n-1 (structural) and n..n+m-1 (the logical of row k is
 * variable n+k).  The duals and Farkas multipliers are those of the
 * minimisation of sense*c^T x, the convention of the certificate
 * (shared/DESIGN.md):
 *   LP_OPTIMAL     x (n), y (m): x feasible, z = sense*c - A^T y obeys the
 *                  sign rule and sense*c^T x = b(y) + sum z_j * bound_j;
 *   LP_INFEASIBLE  y (m): Farkas multipliers obeying the sign rule with
 *                  max over the column box of (A^T y)^T x < b(y);
 *   LP_UNBOUNDED   x (n) feasible and ray (n) with sense*c^T ray < 0;
 *   LP_ITER_LIMIT, LP_TIME_LIMIT: no verdict.
 *
 * Use:
 *     lp_answer a;
 *     lp_answer_init(&a);
 *     if (solve_lp(&a, lp, &opts, NULL, &err) == FK_OK && a.status == LP_OPTIMAL)
 *         gmp_printf("%Qd\n", a.objval);
 *     lp_answer_clear(&a);
 * Ownership: the answer owns its arrays; lp_answer_clear frees them and
 * leaves a valid empty answer (init then clear is fine, clear twice too). */
#ifndef ANSWER_H
#define ANSWER_H

#include <gmp.h>

#include "fk.h"

typedef enum {
    LP_OPTIMAL = 0,
    LP_INFEASIBLE,
    LP_UNBOUNDED,
    LP_ITER_LIMIT,
    LP_TIME_LIMIT
} lp_status;

/* Status of a variable in a basis. */
enum { LP_BASIC = 0, LP_AT_LO, LP_AT_UP, LP_AT_ZERO /* free, nonbasic at 0 */ };

typedef struct {
    long m, n;
    long *head;         /* m: variable basic in position p (0..n+m-1) */
    unsigned char *stat;/* n+m: LP_BASIC / LP_AT_LO / LP_AT_UP / LP_AT_ZERO */
} lp_basis;

/* The all-logical basis of an m x n model; FK_ENOMEM leaves b empty. */
fk_status lp_basis_init(lp_basis *b, long m, long n);
void lp_basis_clear(lp_basis *b);

typedef struct {
    lp_status status;
    long m, n;
    mpq_t *x;       /* n: optimal / unbounded point (zeros otherwise) */
    mpq_t *y;       /* m: duals (OPTIMAL) or Farkas multipliers (INFEASIBLE) */
    mpq_t *ray;     /* n: direction (UNBOUNDED) */
    mpq_t objval;   /* OPTIMAL: c^T x + c0 in the model's own sense */
    long iters;     /* exact pivots + bound flips, both phases */
    long phase1_iters;
    lp_basis basis; /* final basis */
} lp_answer;

void lp_answer_init(lp_answer *r);
void lp_answer_clear(lp_answer *r);

const char *lp_status_str(lp_status s); /* "optimal", "infeasible", ... */

#endif
