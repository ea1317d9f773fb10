* written by farkas (exact rationals; free MPS)
NAME notrade-brooks-noic
ROWS
 N obj
 L FEAS[a,0;0]
 L FEAS[a,0;1]
 L FEAS[a,1;0]
 L FEAS[a,1;1]
 G ACC[1:a]
 G ACC[2:0]
 G ACC[2:1]
 G NORM
COLUMNS
    g[1:a,0;0] FEAS[a,0;0] 1
    g[1:a,0;0] ACC[1:a] 1/4
    g[1:a,0;0] NORM 1/4
    g[1:a,0;1] FEAS[a,0;1] 1
    g[1:a,0;1] ACC[1:a] 1/4
    g[1:a,0;1] NORM 1/4
    g[1:a,1;0] FEAS[a,1;0] 1
    g[1:a,1;0] ACC[1:a] 1/4
    g[1:a,1;0] NORM 1/4
    g[1:a,1;1] FEAS[a,1;1] 1
    g[1:a,1;1] ACC[1:a] 1/4
    g[1:a,1;1] NORM 1/4
    g[2:a,0;0] FEAS[a,0;0] 1
    g[2:a,0;0] ACC[2:0] 1/2
    g[2:a,0;0] NORM 1/2
    g[2:a,0;1] FEAS[a,0;1] 1
    g[2:a,0;1] ACC[2:0] 1/2
    g[2:a,0;1] NORM 1/2
    g[2:a,1;0] FEAS[a,1;0] 1
    g[2:a,1;0] ACC[2:1] 1/2
    g[2:a,1;0] NORM 1/2
    g[2:a,1;1] FEAS[a,1;1] 1
    g[2:a,1;1] ACC[2:1] 1/2
    g[2:a,1;1] NORM 1/2
RHS
    RHS NORM 1
BOUNDS
 FR    BND g[1:a,0;0]
 FR    BND g[1:a,0;1]
 FR    BND g[1:a,1;0]
 FR    BND g[1:a,1;1]
 FR    BND g[2:a,0;0]
 FR    BND g[2:a,0;1]
 FR    BND g[2:a,1;0]
 FR    BND g[2:a,1;1]
ENDATA
