NAME          T
ROWS
 N  obj
 L  c1
COLUMNS
    x  obj  1  c1