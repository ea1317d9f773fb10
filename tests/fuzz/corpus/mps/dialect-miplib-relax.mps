* miplib-relax.mps: a MIPLIB-style fixed file: integer MARKER block,
* BV, LI/UI and SC bounds, and a section after ENDATA (ignored, with a
* warning).  Without --relax it is refused; with --relax its LP relaxation:
*   min 5 X + 4 Y + B + S  s.t.  DEMAND: 2 X + Y + B + S >= 7,
*   BUDGET: X + S <= 3,  X in [0, 10] (integer), Y in [1, 5] (LI/UI),
*   B in [0, 1] (BV), S: SC 2 (S = 0 or 0 <= S <= 2; relaxed [0, 2]).
* By hand: B = 1 (cost 1 per unit of demand).  With BUDGET tight, S = 3 - X
* and Y = max(1, 3 - X); cost 5X + 4Y + 1 + 3 - X = 16 for 1 <= X <= 2 and
* 4X + 8 >= 16 beyond; slack in BUDGET only costs more.  Dual proof:
* y(DEMAND) = 4, y(BUDGET) = -3, B's reduced cost -3 at its bound 1:
* 4*7 - 3*3 - 3*1 = 16.  Four columns are relaxed.
* expect: --relax optimal 16
NAME          MIPRELAX
ROWS
 N  COST
 G  DEMAND
 L  BUDGET
COLUMNS
    MARKER              'MARKER'                 'INTORG'
    X         COST      5              DEMAND    2
    X         BUDGET    1
    MARKER              'MARKER'                 'INTEND'
    Y         COST      4              DEMAND    1
    B         COST      1              DEMAND    1
    S         COST      1              DEMAND    1
    S         BUDGET    1
RHS
    RHS       DEMAND    7              BUDGET    3
BOUNDS
 UP BND       X         10
 BV BND       B
 SC BND       S         2
 LI BND       Y         1
 UI BND       Y         5
ENDATA
PRIORITIES
    X         1


