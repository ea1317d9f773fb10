* written by farkas (exact rationals; free MPS)
NAME minmax-pennies-outcome-p2-maxmin
OBJSENSE
    MAX
ROWS
 N obj
 E PROB
 G GUAR[1]
 G GUAR[2]
COLUMNS
    x[1] PROB 1
    x[1] GUAR[1] -1
    x[1] GUAR[2] 1
    x[2] PROB 1
    x[2] GUAR[1] 1
    x[2] GUAR[2] -1
    v obj 1
    v GUAR[1] -1
    v GUAR[2] -1
RHS
    RHS PROB 1
BOUNDS
 FR    BND v
ENDATA
