* glpk-fixed.mps: fixed MPS as GLPK's and IBM's manuals lay it out:
* fields at columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61, names with
* blanks, an empty name field meaning the column before, '$' comments in
* fields 3 and 5, Fortran D exponents.
*   min 3 X + 3 Y + Z   s.t.  CAP A: X + Y + Z >= 4,  CAP B: X - Y <= 1,
*   BAL ANCE: Y - Z = 0,  0 <= Y <= 1.5,  X, Z >= 0.
* By hand: Z = Y, so min 3 X + 4 Y with X + 2 Y >= 4; Y covers at 2 per
* unit, X at 3, so Y = 1.5 (its bound), X = 1 (CAP B: 1 - 1.5 <= 1 holds):
* 3 + 4.5 + 1.5 = 9.  Dual proof: y(CAP A) = 3, y(BAL ANCE) = 2, Y's reduced
* cost 3 - 3 - 2 = -2 at its bound 1.5: 3*4 - 2*1.5 = 9.
* expect: optimal 9
* Names fill their fields (Z SCALED, BAL ANCE: 8 characters), and so does
* a number (4.0000000D+0: 12 characters, columns 25-36).
NAME          GLPKFIX
ROWS
 N  COST
 G  CAP A
 L  CAP B
 E  BAL ANCE
COLUMNS
    X ONE     COST      3.0D0          CAP A     1.
              CAP B     1              $ same column X ONE
    Y TWO     COST      3              CAP A     1
              CAP B     -1             BAL ANCE  1.0d0
    Z SCALED  COST      1              $ comment in field 5
              CAP A     1              BAL ANCE  -1
RHS
    RHS       CAP A     4.0000000D+0   CAP B     1
BOUNDS
 UP BND       Y TWO     15D-1
ENDATA
