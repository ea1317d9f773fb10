/* oracle.h: a brute-force LP oracle for tiny models (tests only).
 *
 * oracle_solve() decides a finalized lp_model with n <= ORACLE_MAX_N
 * columns by exact vertex and extreme-ray enumeration in mpq (the method
 * is written out at the top of tests/solve/t-oracle.c).  It shares no code
 * with the simplex: it reads the model's data (sense, bounds, objective,
 * objconst and the CSC matrix) and nothing else of lp.c.
 *
 * Cost: O(C(K, n)) small Gaussian eliminations, K = number of finite row
 * sides and column bounds; fine for n <= 5 and a dozen rows.
 *
 * Ownership: objval and x (if not NULL, n initialised entries) are the
 * caller's; they are written only for ORACLE_OPTIMAL (x = an optimal
 * vertex of the polyhedron, or of its section by the orthogonal complement
 * of the lineality space). */
#ifndef ORACLE_H
#define ORACLE_H

#include <gmp.h>

#include "lp.h"

#define ORACLE_MAX_N 5

enum {
    ORACLE_OPTIMAL = 0,
    ORACLE_INFEASIBLE,
    ORACLE_UNBOUNDED,
    ORACLE_ERROR /* not finalized, n too large, out of memory */
};

/* Decide lp.  objval = the optimal c^T x + c0 in the model's own sense. */
int oracle_solve(const lp_model *lp, mpq_t objval, mpq_t *x);

const char *oracle_status_str(int s); /* "optimal", "infeasible", ... */

/* Print the LP as text (sense, objective, rows with sides, column bounds)
 * to stdout, for failure reports.  Uses the CSC view if finalized. */
void oracle_dump_lp(const lp_model *lp);

/* A finalized model from a tiny text format for hand-made LPs, tokens
 * separated by white space:
 *     min | max          the sense (default min)
 *     n N                N columns x0..x{N-1}, each [0, inf), cost 0
 *     obj c_0 .. c_{N-1} the objective;   c0 v   its constant
 *     row a_0 .. a_{N-1} lo hi            a row r<k>
 *     col j lo hi        bounds of column j
 * Numbers as mpq_set_str reads them ("-3/4"); "inf", "+inf", "-inf" are
 * infinite sides.  NULL on a bad token or a builder failure. */
lp_model *oracle_lp_from_text(const char *text);

#endif
