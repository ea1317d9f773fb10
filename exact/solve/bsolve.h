/* bsolve.h: exact solution of a square rational system by Dixon's p-adic
 * lifting (used by beval.c to evaluate a basis without building a
 * rational inverse).
 *
 * The system is the "core" of a simplex basis: the structural basic
 * columns cols[0..k-1] of the lp's constraint matrix A, restricted to the
 * rows i with rowmap[i] >= 0 (rowmap[i] is the row's index 0..k-1 in the
 * core).  Each core row is scaled by the lcm of its denominators, giving an
 * integer matrix A'; A' is factorised once modulo a word-size prime p
 * (sparse elimination, pivots of least Markowitz product among the
 * sparsest columns; LU stored sparsely), and each solve
 *     A x = b   or   A^T y = c
 * lifts the solution p-adically (x = sum z_s p^s, residual r <- (r - A' z)/p
 * in mpz), reconstructs it as rationals (one running common denominator,
 * half-extended Euclid) at growing precisions, and returns only a result
 * that satisfies the system exactly (checked over the integers).  The
 * Hadamard bound caps the lifting, so a nonsingular system always ends.
 *
 * Return codes: 0 success, 1 singular (no prime of a few tried gives a
 * nonsingular factorisation: the core is, almost surely, singular over Q),
 * 2 (bsolve_new only) the core has more than BSOLVE_MAX_K columns, or its
 * LU fills beyond 2^25 entries (512 MB), which says nothing about
 * singularity, -1 out of memory. */
#ifndef BSOLVE_H
#define BSOLVE_H

#include <gmp.h>

#include "lp.h"

/* Largest core bsolve_new accepts.  The elimination is sparse, so what
 * bounds it is the fill (above); this only keeps the O(k) arrays sane
 * (dfl001 needs 6058 columns, pds-06 8814, ken-11 13829). */
#define BSOLVE_MAX_K 4000000L

typedef struct bsolve bsolve;

int bsolve_new(bsolve **out, const lp_model *lp, const long *cols,
               const long *rowmap, long k);
/* x (k, by core column) solves A x = b (b: k, by core row). */
int bsolve_solve(bsolve *bs, mpq_t *x, mpq_t *b);
/* y (k, by core row) solves A^T y = c (c: k, by core column). */
int bsolve_solve_t(bsolve *bs, mpq_t *y, mpq_t *c);
void bsolve_free(bsolve *bs);

#endif
