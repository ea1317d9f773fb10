* written by farkas (exact rationals; free MPS)
NAME minmax-pennies-outcome-p1-corrminmax
ROWS
 N obj
 E PROB
 G BR[1]
 G BR[2]
COLUMNS
    z[1] PROB 1
    z[1] BR[1] -1
    z[1] BR[2] 1
    z[2] PROB 1
    z[2] BR[1] 1
    z[2] BR[2] -1
    w obj 1
    w BR[1] 1
    w BR[2] 1
RHS
    RHS PROB 1
BOUNDS
 FR    BND w
ENDATA
