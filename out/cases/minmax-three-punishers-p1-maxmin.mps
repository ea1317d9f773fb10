* written by farkas (exact rationals; free MPS)
NAME minmax-three-punishers-p1-maxmin
OBJSENSE
    MAX
ROWS
 N obj
 E PROB
 G GUAR[1.1]
 G GUAR[2.1]
 G GUAR[1.2]
 G GUAR[2.2]
 G GUAR[1.3]
 G GUAR[2.3]
COLUMNS
    x[1] PROB 1
    x[2] PROB 1
    v obj 1
    v GUAR[1.1] -1
    v GUAR[2.1] -1
    v GUAR[1.2] -1
    v GUAR[2.2] -1
    v GUAR[1.3] -1
    v GUAR[2.3] -1
RHS
    RHS PROB 1
BOUNDS
 FR    BND v
ENDATA
