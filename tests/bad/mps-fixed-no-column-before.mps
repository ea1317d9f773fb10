NAME          T
ROWS
 N  obj
 L  c1
COLUMNS
              c1        1
ENDATA
