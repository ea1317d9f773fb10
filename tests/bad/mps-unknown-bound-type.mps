NAME          T
ROWS
 N  obj
 L  c1
 G  c2
COLUMNS
    x  obj  1  c1  1
    y  c1  2  c2  1
RHS
    RHS  c1  4  c2  1
BOUNDS
 SI BND x 4
ENDATA
