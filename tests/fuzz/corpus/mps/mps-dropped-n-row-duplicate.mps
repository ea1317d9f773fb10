NAME          T
ROWS
 N  obj
 N  other
 L  c1
COLUMNS
    x  obj  1  other  1
    x  other  2
RHS
ENDATA
