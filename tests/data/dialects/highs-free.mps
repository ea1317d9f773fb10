* highs-free.mps: free MPS in the style of HiGHS's test files: no RHS
* section (every right-hand side 0), OBJSENSE MAX on its own line, '$'
* comments, RANGES straight after COLUMNS, a negative UP bound (CPLEX's rule:
* the lower bound becomes -inf).
*   max x + 2 y  s.t.  lim: -4 <= x + y <= 0 (L row, rhs 0, range 4),
*   low: x >= 0,  y <= -1 (lower -inf),  0 <= x <= 3.
* By hand: y <= -1 and x <= -y; x + 2y = (x + y) + y <= 0 + (-1) = -1,
* attained at y = -1, x = 1.
* expect: optimal -1
NAME highs_free
OBJSENSE
    MAX
ROWS
 N obj
 L lim
 G low $ a comment after the name
COLUMNS
 x obj 1 lim 1
 x low 1 $ comment in field 5
 y obj 2e0 lim 1.0D0
RANGES
 rng lim 4
BOUNDS
 UP bnd y -1
 UP bnd x 3
ENDATA
