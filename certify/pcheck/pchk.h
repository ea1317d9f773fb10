/* pchk.h: the independent checker of parametric certificates
 * (docs/parametric.md), `farkas check MODEL.pmodel CERT.pcert`.
 *
 * Like certify/check/ it shares no code with the solver: it includes only
 * <gmp.h>, the C library and its own headers (the Makefile's check-indep
 * rule), reads both files with its own strict parser and recomputes
 * everything from the model and the certificate's primary polynomials.
 * It does not use FLINT, which the solver uses: a bug in FLINT's
 * polynomial arithmetic, root isolation or factoring would then be shared
 * by the two sides and could make a wrong certificate pass.  What it needs
 * is small: polynomials with mpq coefficients (add, multiply, divide with
 * remainder, derivative, gcd, evaluation) and Sturm sequences.
 *
 * For each piece I = [a, b] (ends open or closed, a <= b, rational or
 * algebraic as below):
 *   p >= 0 on I   iff  p == 0, or a == b and p(a) >= 0, or a < b, p has
 *                      no root in (a, b) (Sturm count of its squarefree
 *                      part, with the factors t - a, t - b divided out)
 *                      and p((a+b)/2) > 0 (then p >= 0 at the ends by
 *                      continuity);
 *   p > 0 on I    iff  p >= 0 on I, p != 0 and p(e) != 0 at each closed end e;
 *   p == q on I   iff  p - q is the zero polynomial (a < b; it vanishes on
 *                      an interval), or (p - q)(a) == 0 (a == b).
 * With these, an optimal piece (x = X/Dx, y = Y/Dy) is checked as
 * shared/DESIGN.md checks one certificate, for every t in I at once:
 * Dx > 0, Dy > 0; rows and bounds hold (times Dx); each Y_i and each
 * Z_j = c_j Dy - a_j^T Y has the sign of its value at the piece's middle
 * on all of I, on a side with a finite bound (no sign is needed where the
 * two sides are the same polynomial); the weak-duality equality
 * sense c^T X Dy == (b(Y) + sum Z_j bound_j) Dx; and the stated value
 * num / den (den without a root on I) equals (obj^T X + c0 Dx) / Dx.  An
 * infeasible piece: Y obeys the sign rule as above, g = A^T Y likewise
 * picks the finite bound of its sign, and b(Y) - sum g_j bound_j > 0 on I.
 * An unbounded piece (x = X/xden, ray r = R/rden): xden > 0, rden > 0, X
 * satisfies every row and bound (times xden), R every row and bound with
 * its finite sides and bounds replaced by 0, and -sense c^T R > 0 on I.
 * A piece's end may be algebraic, `root g LO HI`: g squarefree with one
 * root alpha in (LO, HI), g(LO), g(HI) != 0, the interval at or beyond
 * the other end.  Roots of p in (alpha, b) are those in (HI, b), HI
 * itself, and those in (alpha, HI), counted after narrowing a copy of the
 * interval by bisection on g until it holds no root of p but perhaps
 * alpha; p(alpha) == 0 iff gcd(p, g) has a root in (LO, HI).
 * The certificate is bound to the model file by its SHA-256 (the
 * checker's chk_sha256): another file's certificate is rejected.  That
 * line is required in farkas-pcert 2; a version 1 file may lack it (it is
 * then checked in full against the model given, and the acceptance says
 * it is not bound to the model's bytes) and may hold neither unbounded
 * pieces nor algebraic ends, which version 2 added.
 * The pieces must tile the model's interval [LO, HI] in order: the first
 * starts closed at LO, each next one starts where the previous ended
 * with the opposite closedness, the last ends closed at HI.
 *
 * Exit codes of pchk_main / pchk_files: 0 accepted, 1 rejected (the first
 * failing condition printed with its piece and row or column), 2
 * unreadable. */
#ifndef PCHK_H
#define PCHK_H

/* quiet: 1 = print nothing on success. */
int pchk_files(const char *model, const char *cert, int quiet);

/* `check MODEL.pmodel CERT.pcert [--quiet]` (argv[0] the command's name) */
int pchk_main(int argc, char **argv);

#endif
