* written by farkas (exact rationals; free MPS)
NAME concordance-common-prior-prior
ROWS
 N obj
 E NC[1:lo,x,u;L]
 E NC[1:lo,x,u;H]
 E NC[1:hi,x,u;L]
 E NC[1:hi,x,u;H]
 E NC[1:lo,x,v;L]
 E NC[1:lo,x,v;H]
 E NC[1:hi,x,v;L]
 E NC[1:hi,x,v;H]
 E NC[2:lo,x,u;L]
 E NC[2:lo,x,u;H]
 E NC[2:hi,x,u;L]
 E NC[2:hi,x,u;H]
 E NC[2:lo,x,v;L]
 E NC[2:lo,x,v;H]
 E NC[2:hi,x,v;L]
 E NC[2:hi,x,v;H]
 E NC[3:lo,x,u;L]
 E NC[3:lo,x,u;H]
 E NC[3:hi,x,u;L]
 E NC[3:hi,x,u;H]
 E NC[3:lo,x,v;L]
 E NC[3:lo,x,v;H]
 E NC[3:hi,x,v;L]
 E NC[3:hi,x,v;H]
COLUMNS
    pi[lo,x,u;L] obj 1
    pi[lo,x,u;L] NC[1:lo,x,u;L] 1
    pi[lo,x,u;L] NC[2:lo,x,u;L] 1
    pi[lo,x,u;L] NC[3:lo,x,u;L] 1
    pi[lo,x,u;H] obj 1
    pi[lo,x,u;H] NC[1:lo,x,u;H] 1
    pi[lo,x,u;H] NC[2:lo,x,u;H] 1
    pi[lo,x,u;H] NC[3:lo,x,u;H] 1
    pi[hi,x,u;L] obj 1
    pi[hi,x,u;L] NC[1:hi,x,u;L] 1
    pi[hi,x,u;L] NC[2:hi,x,u;L] 1
    pi[hi,x,u;L] NC[3:hi,x,u;L] 1
    pi[hi,x,u;H] obj 1
    pi[hi,x,u;H] NC[1:hi,x,u;H] 1
    pi[hi,x,u;H] NC[2:hi,x,u;H] 1
    pi[hi,x,u;H] NC[3:hi,x,u;H] 1
    pi[lo,x,v;L] obj 1
    pi[lo,x,v;L] NC[1:lo,x,v;L] 1
    pi[lo,x,v;L] NC[2:lo,x,v;L] 1
    pi[lo,x,v;L] NC[3:lo,x,v;L] 1
    pi[lo,x,v;H] obj 1
    pi[lo,x,v;H] NC[1:lo,x,v;H] 1
    pi[lo,x,v;H] NC[2:lo,x,v;H] 1
    pi[lo,x,v;H] NC[3:lo,x,v;H] 1
    pi[hi,x,v;L] obj 1
    pi[hi,x,v;L] NC[1:hi,x,v;L] 1
    pi[hi,x,v;L] NC[2:hi,x,v;L] 1
    pi[hi,x,v;L] NC[3:hi,x,v;L] 1
    pi[hi,x,v;H] obj 1
    pi[hi,x,v;H] NC[1:hi,x,v;H] 1
    pi[hi,x,v;H] NC[2:hi,x,v;H] 1
    pi[hi,x,v;H] NC[3:hi,x,v;H] 1
    lambda[1:lo] NC[1:lo,x,u;L] -1/3
    lambda[1:lo] NC[1:lo,x,u;H] -1/6
    lambda[1:lo] NC[1:lo,x,v;L] -1/6
    lambda[1:lo] NC[1:lo,x,v;H] -1/3
    lambda[1:hi] NC[1:hi,x,u;L] -2/5
    lambda[1:hi] NC[1:hi,x,v;L] -1/5
    lambda[1:hi] NC[1:hi,x,v;H] -2/5
    lambda[2:x] NC[2:lo,x,u;L] -1/8
    lambda[2:x] NC[2:lo,x,u;H] -1/16
    lambda[2:x] NC[2:hi,x,u;L] -1/4
    lambda[2:x] NC[2:lo,x,v;L] -1/16
    lambda[2:x] NC[2:lo,x,v;H] -1/8
    lambda[2:x] NC[2:hi,x,v;L] -1/8
    lambda[2:x] NC[2:hi,x,v;H] -1/4
    lambda[3:u] NC[3:lo,x,u;L] -2/7
    lambda[3:u] NC[3:lo,x,u;H] -1/7
    lambda[3:u] NC[3:hi,x,u;L] -4/7
    lambda[3:v] NC[3:lo,x,v;L] -1/9
    lambda[3:v] NC[3:lo,x,v;H] -2/9
    lambda[3:v] NC[3:hi,x,v;L] -2/9
    lambda[3:v] NC[3:hi,x,v;H] -4/9
RHS
BOUNDS
 LO    BND lambda[1:lo] 1
 LO    BND lambda[1:hi] 1
 LO    BND lambda[2:x] 1
 LO    BND lambda[3:u] 1
 LO    BND lambda[3:v] 1
ENDATA
