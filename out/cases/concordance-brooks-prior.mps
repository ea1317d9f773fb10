* written by farkas (exact rationals; free MPS)
NAME concordance-brooks-prior
ROWS
 N obj
 E NC[1:a,0;0]
 E NC[1:a,0;1]
 E NC[1:a,1;0]
 E NC[1:a,1;1]
 E NC[2:a,0;0]
 E NC[2:a,0;1]
 E NC[2:a,1;0]
 E NC[2:a,1;1]
COLUMNS
    pi[a,0;0] obj 1
    pi[a,0;0] NC[1:a,0;0] 1
    pi[a,0;0] NC[2:a,0;0] 1
    pi[a,0;1] obj 1
    pi[a,0;1] NC[1:a,0;1] 1
    pi[a,0;1] NC[2:a,0;1] 1
    pi[a,1;0] obj 1
    pi[a,1;0] NC[1:a,1;0] 1
    pi[a,1;0] NC[2:a,1;0] 1
    pi[a,1;1] obj 1
    pi[a,1;1] NC[1:a,1;1] 1
    pi[a,1;1] NC[2:a,1;1] 1
    lambda[1:a] NC[1:a,0;0] -3/8
    lambda[1:a] NC[1:a,0;1] -1/8
    lambda[1:a] NC[1:a,1;0] -1/8
    lambda[1:a] NC[1:a,1;1] -3/8
    lambda[2:0] NC[2:a,0;0] -2/3
    lambda[2:0] NC[2:a,0;1] -1/3
    lambda[2:1] NC[2:a,1;0] -1/3
    lambda[2:1] NC[2:a,1;1] -2/3
RHS
BOUNDS
 LO    BND lambda[1:a] 1
 LO    BND lambda[2:0] 1
 LO    BND lambda[2:1] 1
ENDATA
