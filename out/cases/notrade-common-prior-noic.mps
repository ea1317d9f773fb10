* written by farkas (exact rationals; free MPS)
NAME notrade-common-prior-noic
ROWS
 N obj
 L FEAS[lo,x,u;L]
 L FEAS[lo,x,u;H]
 L FEAS[hi,x,u;L]
 L FEAS[hi,x,u;H]
 L FEAS[lo,x,v;L]
 L FEAS[lo,x,v;H]
 L FEAS[hi,x,v;L]
 L FEAS[hi,x,v;H]
 G ACC[1:lo]
 G ACC[1:hi]
 G ACC[2:x]
 G ACC[3:u]
 G ACC[3:v]
 G NORM
COLUMNS
    g[1:lo,x,u;L] FEAS[lo,x,u;L] 1
    g[1:lo,x,u;L] ACC[1:lo] 1/3
    g[1:lo,x,u;L] NORM 1/3
    g[1:lo,x,u;H] FEAS[lo,x,u;H] 1
    g[1:lo,x,u;H] ACC[1:lo] 1/6
    g[1:lo,x,u;H] NORM 1/6
    g[1:hi,x,u;L] FEAS[hi,x,u;L] 1
    g[1:hi,x,u;L] ACC[1:hi] 2/5
    g[1:hi,x,u;L] NORM 2/5
    g[1:hi,x,u;H] FEAS[hi,x,u;H] 1
    g[1:lo,x,v;L] FEAS[lo,x,v;L] 1
    g[1:lo,x,v;L] ACC[1:lo] 1/6
    g[1:lo,x,v;L] NORM 1/6
    g[1:lo,x,v;H] FEAS[lo,x,v;H] 1
    g[1:lo,x,v;H] ACC[1:lo] 1/3
    g[1:lo,x,v;H] NORM 1/3
    g[1:hi,x,v;L] FEAS[hi,x,v;L] 1
    g[1:hi,x,v;L] ACC[1:hi] 1/5
    g[1:hi,x,v;L] NORM 1/5
    g[1:hi,x,v;H] FEAS[hi,x,v;H] 1
    g[1:hi,x,v;H] ACC[1:hi] 2/5
    g[1:hi,x,v;H] NORM 2/5
    g[2:lo,x,u;L] FEAS[lo,x,u;L] 1
    g[2:lo,x,u;L] ACC[2:x] 1/8
    g[2:lo,x,u;L] NORM 1/8
    g[2:lo,x,u;H] FEAS[lo,x,u;H] 1
    g[2:lo,x,u;H] ACC[2:x] 1/16
    g[2:lo,x,u;H] NORM 1/16
    g[2:hi,x,u;L] FEAS[hi,x,u;L] 1
    g[2:hi,x,u;L] ACC[2:x] 1/4
    g[2:hi,x,u;L] NORM 1/4
    g[2:hi,x,u;H] FEAS[hi,x,u;H] 1
    g[2:lo,x,v;L] FEAS[lo,x,v;L] 1
    g[2:lo,x,v;L] ACC[2:x] 1/16
    g[2:lo,x,v;L] NORM 1/16
    g[2:lo,x,v;H] FEAS[lo,x,v;H] 1
    g[2:lo,x,v;H] ACC[2:x] 1/8
    g[2:lo,x,v;H] NORM 1/8
    g[2:hi,x,v;L] FEAS[hi,x,v;L] 1
    g[2:hi,x,v;L] ACC[2:x] 1/8
    g[2:hi,x,v;L] NORM 1/8
    g[2:hi,x,v;H] FEAS[hi,x,v;H] 1
    g[2:hi,x,v;H] ACC[2:x] 1/4
    g[2:hi,x,v;H] NORM 1/4
    g[3:lo,x,u;L] FEAS[lo,x,u;L] 1
    g[3:lo,x,u;L] ACC[3:u] 2/7
    g[3:lo,x,u;L] NORM 2/7
    g[3:lo,x,u;H] FEAS[lo,x,u;H] 1
    g[3:lo,x,u;H] ACC[3:u] 1/7
    g[3:lo,x,u;H] NORM 1/7
    g[3:hi,x,u;L] FEAS[hi,x,u;L] 1
    g[3:hi,x,u;L] ACC[3:u] 4/7
    g[3:hi,x,u;L] NORM 4/7
    g[3:hi,x,u;H] FEAS[hi,x,u;H] 1
    g[3:lo,x,v;L] FEAS[lo,x,v;L] 1
    g[3:lo,x,v;L] ACC[3:v] 1/9
    g[3:lo,x,v;L] NORM 1/9
    g[3:lo,x,v;H] FEAS[lo,x,v;H] 1
    g[3:lo,x,v;H] ACC[3:v] 2/9
    g[3:lo,x,v;H] NORM 2/9
    g[3:hi,x,v;L] FEAS[hi,x,v;L] 1
    g[3:hi,x,v;L] ACC[3:v] 2/9
    g[3:hi,x,v;L] NORM 2/9
    g[3:hi,x,v;H] FEAS[hi,x,v;H] 1
    g[3:hi,x,v;H] ACC[3:v] 4/9
    g[3:hi,x,v;H] NORM 4/9
RHS
    RHS NORM 1
BOUNDS
 FR    BND g[1:lo,x,u;L]
 FR    BND g[1:lo,x,u;H]
 FR    BND g[1:hi,x,u;L]
 FR    BND g[1:hi,x,u;H]
 FR    BND g[1:lo,x,v;L]
 FR    BND g[1:lo,x,v;H]
 FR    BND g[1:hi,x,v;L]
 FR    BND g[1:hi,x,v;H]
 FR    BND g[2:lo,x,u;L]
 FR    BND g[2:lo,x,u;H]
 FR    BND g[2:hi,x,u;L]
 FR    BND g[2:hi,x,u;H]
 FR    BND g[2:lo,x,v;L]
 FR    BND g[2:lo,x,v;H]
 FR    BND g[2:hi,x,v;L]
 FR    BND g[2:hi,x,v;H]
 FR    BND g[3:lo,x,u;L]
 FR    BND g[3:lo,x,u;H]
 FR    BND g[3:hi,x,u;L]
 FR    BND g[3:hi,x,u;H]
 FR    BND g[3:lo,x,v;L]
 FR    BND g[3:lo,x,v;H]
 FR    BND g[3:hi,x,v;L]
 FR    BND g[3:hi,x,v;H]
ENDATA
