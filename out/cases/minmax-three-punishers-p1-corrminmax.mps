* written by farkas (exact rationals; free MPS)
NAME minmax-three-punishers-p1-corrminmax
ROWS
 N obj
 E PROB
 G BR[1]
 G BR[2]
COLUMNS
    z[1.1] PROB 1
    z[2.1] PROB 1
    z[1.2] PROB 1
    z[2.2] PROB 1
    z[1.3] PROB 1
    z[2.3] PROB 1
    w obj 1
    w BR[1] 1
    w BR[2] 1
RHS
    RHS PROB 1
BOUNDS
 FR    BND w
ENDATA
