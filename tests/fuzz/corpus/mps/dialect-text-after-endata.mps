* text-after-endata.mps: was tests/bad/mps-text-after-endata.mps, refused
* before issue 19; text after ENDATA (MIPLIB's priorities and the like)
* is ignored with a warning, as other readers stop at ENDATA.
*   min -x - y  s.t.  c1: x + 2y <= 4,  c2: y >= 1,  x, y >= 0.
* By hand: y = 1 (the least c2 allows, since x is the cheaper way to use
* c1: -1 per unit of c1 against -1/2), x = 2: value -3.
* expect: optimal -3
NAME          T
ROWS
 N  obj
 L  c1
 G  c2
COLUMNS
    x  obj  -1  c1  1
    y  obj  -1  c1  2
    y  c2  1
RHS
    RHS  c1  4  c2  1
ENDATA
ROWS
 this is not read
