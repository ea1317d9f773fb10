* no-rhs-section.mps: was tests/bad/mps-missing-rhs-section.mps, refused
* before issue 19.  RHS is optional: every right-hand side is 0.
* Rows: c1: x + 2y <= 0 (L, rhs 0), c2: y >= 0 (G, rhs 0); x in [0, 4]
* (UP 4), y >= 0.  By hand: x, y >= 0 and x + 2y <= 0 force x = y = 0;
* the objective is max 3 x, value 0, and any reading that invented an
* RHS for c1 would let x grow to 4 (value 12).
* expect: optimal 0
NAME          T
OBJSENSE
    MAX
ROWS
 N  obj
 L  c1
 G  c2
COLUMNS
    x  obj  3  c1  1
    y  c1  2  c2  1
BOUNDS
 UP BND x 4
ENDATA
